package extract

// Pre-summed weight rows of the taggers' low-cardinality features.
//
// Most of a token's features are hashes of words, but about half are
// mixes of a few small values (distance buckets, shape, quote and rule
// flags): appendRoleEmit's mtDLR ... mtFirst and appendCueFeats' mtBias ...
// mtLexR. Their rows lie scattered over the multi-megabyte weight table, one
// cache line each. At freeze, the rows of each group of such features are
// summed for every combination of the group's values into a small dense
// table, so that a token loads one row per group instead of one per
// feature. The packed rows add as integers (see qtab), so any grouping of
// the same rows gives the same sums bit for bit; a pre-summed row of k rows
// counts k times in the bias removed (see lane).

// Value ranges of the groups' inputs.
const (
	nShape = 11 // wordShape 1..4, non-words 7+kind (8..10)
	nDist  = 9  // dbucket 0..8
	nSD    = 5  // roleCtx.sd 0..3, and 9 (none) as 4
	nLex   = 4  // tctx.lex 0..3
	nRule  = 4  // roleNone .. roleCue
	nPrevT = nCueTags
)

// Sizes of the pass 2 groups: A (dl, dr, that, comma, quote, sd), B
// (shape, quote, dl, dr, comma) and C (shape, lex, rule, first).
const (
	roleANum = nDist * nDist * 2 * 2 * 2 * nSD
	roleBNum = nShape * 2 * nDist * nDist * 2
	roleCNum = nShape * nLex * nRule * 2
	// Rows summed into one token's pre-summed rows.
	roleAK, roleBK, roleCK = 5, 3, 2
	roleCtxK               = roleAK + roleBK + roleCK
)

// Sizes of the pass 1 groups: A (shape, quote, lex, rule, prev, first;
// with the bias) and B (previous token's shape, shape, lex, next lex).
const (
	cueANum  = nShape * 2 * nLex * nRule * nPrevT * 2
	cueBNum  = nShape * nShape * nLex * nLex
	cueAK    = 7
	cueBK    = 2
	cueCtxK  = cueAK + cueBK
	sdNone   = 9
	sdNoneIx = nSD - 1
)

// roleFeatsA are appendRoleEmit's features of group A, in its order.
func roleFeatsA(dl, dr, th, cm, q, sd uint64) [roleAK]uint64 {
	return [roleAK]uint64{
		mtDLR.get(dl*16 + dr),
		mtThat.get(th*16 + dl),
		mtComma.get(cm*16 + dr),
		mtSDQ.get(sd*4 + q*2 + th),
		mtQDR.get(q*64 + cm*32 + dr + th*512),
	}
}

// roleFeatsB are appendRoleEmit's features of group B.
func roleFeatsB(shape, q, dl, dr, cm uint64) [roleBK]uint64 {
	return [roleBK]uint64{
		mtShape.get(shape*8 + q),
		mtShapeDL.get(shape*16 + dl),
		mtShapeDR.get(shape*16 + dr + 128*cm),
	}
}

// roleFeatsC are appendRoleEmit's features of group C.
func roleFeatsC(shape, lex, rr, first uint64) [roleCK]uint64 {
	return [roleCK]uint64{
		mtLex.get(lex*4 + rr),
		mtFirst.get(first*64 + shape*8 + rr),
	}
}

// cueFeatsA are appendCueFeats' features of group A.
func cueFeatsA(shape, q, lex, rr, p, first uint64) [cueAK]uint64 {
	return [cueAK]uint64{
		mtBias,
		mtShape.get(shape*8 + q),
		mtLex.get(lex*4 + q),
		mtInQ.get(q),
		mtRule.get(rr),
		mtPrev.get(p),
		mtFirst.get(first*16 + shape),
	}
}

// cueFeatsB are appendCueFeats' features of group B.
func cueFeatsB(shapeM1, shape, lex, lexR uint64) [cueBK]uint64 {
	return [cueBK]uint64{
		mtShapeM1.get(shapeM1*64 + shape*8 + lex),
		mtLexR.get(lexR*8 + lex),
	}
}

// ctxTabs holds a model's pre-summed rows.
type ctxTabs struct {
	roleA, roleB, roleC []([2]uint64)
	cueA, cueB          []([1]uint64)
}

// sumRows2 adds the rows of feats (as scores5 does).
func sumRows2(q *qtab[[2]uint64], feats []uint64) [2]uint64 {
	var s [2]uint64
	for _, f := range feats {
		r := &q.rows[f&q.mask]
		s[0] += r[0]
		s[1] += r[1]
	}
	return s
}

// sumRows1 adds the rows of feats (as scores3 does).
func sumRows1(q *qtab[[1]uint64], feats []uint64) [1]uint64 {
	var s [1]uint64
	for _, f := range feats {
		s[0] += q.rows[f&q.mask][0]
	}
	return s
}

// buildCtxTabs pre-sums the groups' rows of the frozen tables.
func buildCtxTabs(qc *qtab[[1]uint64], qr *qtab[[2]uint64]) *ctxTabs {
	t := &ctxTabs{
		roleA: make([][2]uint64, roleANum),
		roleB: make([][2]uint64, roleBNum),
		roleC: make([][2]uint64, roleCNum),
		cueA:  make([][1]uint64, cueANum),
		cueB:  make([][1]uint64, cueBNum),
	}
	for dl := uint64(0); dl < nDist; dl++ {
		for dr := uint64(0); dr < nDist; dr++ {
			for th := uint64(0); th < 2; th++ {
				for cm := uint64(0); cm < 2; cm++ {
					for q := uint64(0); q < 2; q++ {
						for sdi := uint64(0); sdi < nSD; sdi++ {
							sd := sdi
							if sdi == sdNoneIx {
								sd = sdNone
							}
							fs := roleFeatsA(dl, dr, th, cm, q, sd)
							t.roleA[roleAIdx(dl, dr, th, cm, q, sdi)] = sumRows2(qr, fs[:])
						}
					}
				}
			}
		}
	}
	for shape := uint64(0); shape < nShape; shape++ {
		for q := uint64(0); q < 2; q++ {
			for dl := uint64(0); dl < nDist; dl++ {
				for dr := uint64(0); dr < nDist; dr++ {
					for cm := uint64(0); cm < 2; cm++ {
						fs := roleFeatsB(shape, q, dl, dr, cm)
						t.roleB[roleBIdx(shape, q, dl, dr, cm)] = sumRows2(qr, fs[:])
					}
				}
			}
		}
		for lex := uint64(0); lex < nLex; lex++ {
			for rr := uint64(0); rr < nRule; rr++ {
				for first := uint64(0); first < 2; first++ {
					fs := roleFeatsC(shape, lex, rr, first)
					t.roleC[roleCIdx(shape, lex, rr, first)] = sumRows2(qr, fs[:])
					for q := uint64(0); q < 2; q++ {
						for p := uint64(0); p < nPrevT; p++ {
							fs := cueFeatsA(shape, q, lex, rr, p, first)
							t.cueA[cueAIdx(shape, q, lex, rr, p, first)] = sumRows1(qc, fs[:])
						}
					}
				}
			}
			for sm1 := uint64(0); sm1 < nShape; sm1++ {
				for lexR := uint64(0); lexR < nLex; lexR++ {
					fs := cueFeatsB(sm1, shape, lex, lexR)
					t.cueB[cueBIdx(sm1, shape, lex, lexR)] = sumRows1(qc, fs[:])
				}
			}
		}
	}
	return t
}

func roleAIdx(dl, dr, th, cm, q, sdi uint64) uint64 {
	return ((((dl*nDist+dr)*2+th)*2+cm)*2+q)*nSD + sdi
}

func roleBIdx(shape, q, dl, dr, cm uint64) uint64 {
	return (((shape*2+q)*nDist+dl)*nDist+dr)*2 + cm
}

func roleCIdx(shape, lex, rr, first uint64) uint64 {
	return ((shape*nLex+lex)*nRule+rr)*2 + first
}

func cueAIdx(shape, q, lex, rr, p, first uint64) uint64 {
	return ((((shape*2+q)*nLex+lex)*nRule+rr)*nPrevT+p)*2 + first
}

func cueBIdx(sm1, shape, lex, lexR uint64) uint64 {
	return ((sm1*nShape+shape)*nLex+lex)*nLex + lexR
}

func add2(a, b [2]uint64) [2]uint64 { return [2]uint64{a[0] + b[0], a[1] + b[1]} }

// cueCtxRow returns the pre-summed rows of pass 1's groups A and B of
// token i after tag prev (cueCtxK rows in all); ensure(i) and ensure(i-1)
// must have run.
func (c *tctx) cueCtxRow(t *ctxTabs, q *qtab[[1]uint64], i, prev int) [1]uint64 {
	qq, first := uint64(0), uint64(0)
	if c.inQ[i] {
		qq = 1
	}
	if c.first[i] {
		first = 1
	}
	p, rr := uint64(prev), uint64(c.rule[i])
	shape, sm1 := c.shape[i], c.shape[max(i-1, 0)]
	lex, lexR := uint64(c.lexAt(i)), uint64(c.lexAt(min(i+1, len(c.m.toks)-1)))
	if shape >= nShape || sm1 >= nShape || lex >= nLex || lexR >= nLex || rr >= nRule || p >= nPrevT {
		fa, fb := cueFeatsA(shape, qq, lex, rr, p, first), cueFeatsB(sm1, shape, lex, lexR)
		return [1]uint64{sumRows1(q, fa[:])[0] + sumRows1(q, fb[:])[0]}
	}
	return [1]uint64{t.cueA[cueAIdx(shape, qq, lex, rr, p, first)][0] + t.cueB[cueBIdx(sm1, shape, lex, lexR)][0]}
}

// cueWords is the number of pass 1 features outside the groups.
const cueWords = 12

// cueWordsInto writes into fs token i's pass 1 features outside the groups
// (appendCueFeats' others) after tag prev.
func (c *tctx) cueWordsInto(fs *[cueWords]uint64, i, prev int) {
	c.ensure(i)
	c.ensure(i - 1)
	w0 := c.m.toks[i].h
	wm1, wp1 := c.w(i-1), c.w(i+1)
	p := uint64(prev)
	rr := uint64(c.rule[i])
	*fs = [cueWords]uint64{
		grp(fW0, c.w(i-2), 0),
		grp(fW0, wm1, 1),
		grp(fW0, w0, 2),
		grp(fW0, wp1, 3),
		grp(fW0, c.w(i+2), 4),
		mix(fPrevW, w0*8+p),
		mix(fRuleW, w0*8+rr),
		mix(fBiL, wm1*31+w0),
		mix(fBiR, w0*31+wp1),
		mix(fSuf, c.suf[i]),
		mix(fSufPrev, c.suf[i]*8+p),
		mix(fTri, (wm1*31+w0)*31+wp1),
	}
}

// scoresCue writes into sc pass 1's scores of a token: the rows of its
// features fs plus ctx, the sum of its cueCtxK pre-summed rows (scores3 of
// them all, unrolled; 21 rows fit one lane sum).
func scoresCue(q *qtab[[1]uint64], fs *[cueWords]uint64, ctx [1]uint64, sc *[8]int32) {
	rows, mask := q.rows, q.mask
	x := ctx[0] + rows[fs[0]&mask][0] + rows[fs[1]&mask][0] + rows[fs[2]&mask][0] + rows[fs[3]&mask][0] +
		rows[fs[4]&mask][0] + rows[fs[5]&mask][0] + rows[fs[6]&mask][0] + rows[fs[7]&mask][0] +
		rows[fs[8]&mask][0] + rows[fs[9]&mask][0] + rows[fs[10]&mask][0] + rows[fs[11]&mask][0]
	const n = cueWords + cueCtxK
	const _ = uint(laneMax - n) // one lane sum holds them
	*sc = [8]int32{lane(x, 0, n), lane(x, 1, n), lane(x, 2, n)}
}
