package extract

// Pass 2's emission scores for one region, in a few loops over its tokens.
//
// A token's emission sums 20 rows: five of its word group (see grp), its
// suffix's, four of the cue features (the nearest cue's form on each
// side, alone and with the distance bucket) and the pre-summed rows of
// groups A, B and C (ctxtab.go). The cue features change only where the
// nearest cue or the bucket does, so each side's two rows are summed once
// per run of tokens that share them. The packed rows add as integers (see
// qtab): the sums are the same bit for bit in any grouping.

// roleWords is the number of pass 2 rows a token loads itself: its word
// group and its suffix.
const roleWords = 6

// roleCueK is the number of cue feature rows (fCueL, fCueLDL, fCueR,
// fCueRDR) in a token's pre-summed rows.
const roleCueK = 4

// cueSlot returns the row indexes of one side's two cue features for a
// cue form and a distance bucket: mix(tf, form) and mix(tfd, form*16+d).
func cueSlot(q *qtab[[2]uint64], tf, tfd, form, d uint64) [2]uint64 {
	return [2]uint64{mix(tf, form) & q.mask, mix(tfd, form*16+d) & q.mask}
}

// emitRegion fills st.vt with pass 2's inputs for the tokens of region r
// (whole sentences of one paragraph): which tokens are cues, the emission
// scores of the others and the offsets of their transition rows
// (comboOf(roleDense(i))*transRow) in md.qtrans. The facts of the nearest
// cue to the right must be in st.rc (fillRoleRight); those to the left it
// computes as fillRoleRange does, seen being the sentence of the
// paragraph's last cue before r (-1 none).
func (md *Model) emitRegion(c *tctx, st *tagState, r rng, seen int32) {
	v := &st.vt
	n := r.b - r.a
	v.reset(n)
	if n <= 0 {
		return
	}
	// The word features' group keys, once per token of the region and
	// the two on each side: token k's five are wkey[k:k+5].
	st.wkey = resize(st.wkey, n+4)
	wkey, all := st.wkey, c.m.toks
	for k := range wkey {
		h := uint64(0xdead) // c.w(r.a-2+k), with the slice in a register
		if i := r.a - 2 + k; uint(i) < uint(len(all)) {
			h = all[i].h
		}
		wkey[k] = mix(fW0, h) &^ 7
	}
	// All the region's features first, then their weights: the table
	// lookups of many tokens, independent, overlap in memory.
	st.rctx = resize(st.rctx, n)
	rctx := st.rctx[:n]
	rc, t, q := st.rc, md.ctx, md.qrole
	isCue, cueStart := st.isCue[r.a:r.b][:n], st.cueStart[r.a:r.b][:n]
	inQ, first, shape, suf := c.inQ[r.a:r.b][:n], c.first[r.a:r.b][:n], c.shape[r.a:r.b][:n], c.suf[r.a:r.b][:n]
	toks, rule := c.m.toks[r.a:r.b][:n], c.rule[r.a:r.b][:n]
	drs, crs, commas := rc.dr[r.a:r.b][:n], rc.cr[r.a:r.b][:n], rc.comma[r.a:r.b][:n]
	cue, ri := v.cue[:n], v.ri[:n]
	// Each side's two cue rows are summed once per run of tokens sharing
	// the cue form and bucket: the runs' row indexes (slots) are gathered
	// first and summed in a loop of their own, whose loads overlap.
	st.side = resize(st.side, n)
	side, slots := st.side[:n], st.slots[:0]
	lForm, lD, rForm, rD := uint64(0), ^uint64(0), uint64(0), ^uint64(0)
	var ls, rs uint32
	// The left sweep's state (see fillRoleRange).
	lastCue, lastForm, that := -1, uint64(0), false
	cueSent, cur := seen, c.sentOf(r.a) // the last cue's sentence, token k's
	copy(cue, isCue)
	c.ensureRange(r.a, r.b) // the suffixes and shapes read below
	for k := 0; k < n; k++ {
		if k > 0 && first[k] {
			lastCue, cur = -1, c.sentOf(r.a+k)
		}
		if isCue[k] {
			if cueStart[k] || lastCue < 0 {
				lastForm = toks[k].h
			}
			lastCue, that, cueSent = k, false, cur
			continue
		}
		dlRaw, cl, th := 0, uint64(0), uint64(0)
		if lastCue >= 0 {
			dlRaw, cl, th = k-lastCue, lastForm, b2u(that)
			if t := &toks[k]; t.k == kWord && t.lw == "that" || t.mk == ':' {
				that = true
			}
		}
		sd := uint64(sdNone)
		if cueSent >= 0 {
			sd = uint64(min(cur-cueSent, 3))
		}
		qq, cm, fi := b2u(inQ[k]), b2u(commas[k]), b2u(first[k])
		dl, dr := dbucket(dlRaw), dbucket(int(drs[k]))
		ri[k] = int32(((dl*g2N+dr+9*cm)*g3N + qq*4 + th*2 + fi) * transRow)
		if cl != lForm || dl != lD {
			lForm, lD, ls = cl, dl, uint32(len(slots))
			slots = append(slots, cueSlot(q, fCueL, fCueLDL, cl, dl))
		}
		if crs[k] != rForm || dr != rD {
			rForm, rD, rs = crs[k], dr, uint32(len(slots))
			slots = append(slots, cueSlot(q, fCueR, fCueRDR, crs[k], dr))
		}
		side[k] = [2]uint32{ls, rs}
		sh, lx, rr := shape[k], uint64(lexOf[toks[k].fl&lexMask]), uint64(rule[k])
		sdi := sd
		if sd == sdNone {
			sdi = sdNoneIx
		}
		if sdi >= nSD || sh >= nShape || lx >= nLex || rr >= nRule {
			// Outside the tables (no such token today): sum the rows here.
			fa, fb, fc := roleFeatsA(dl, dr, th, cm, qq, sd), roleFeatsB(sh, qq, dl, dr, cm), roleFeatsC(sh, lx, rr, fi)
			rctx[k] = add2(add2(sumRows2(q, fa[:]), sumRows2(q, fb[:])), sumRows2(q, fc[:]))
			continue
		}
		ra, rb, rc3 := &t.roleA[roleAIdx(dl, dr, th, cm, qq, sdi)], &t.roleB[roleBIdx(sh, qq, dl, dr, cm)], &t.roleC[roleCIdx(sh, lx, rr, fi)]
		rctx[k] = [2]uint64{ra[0] + rb[0] + rc3[0], ra[1] + rb[1] + rc3[1]}
	}
	rows := q.rows
	for s := range slots {
		r1, r2 := &rows[slots[s][0]], &rows[slots[s][1]]
		slots[s] = [2]uint64{r1[0] + r2[0], r1[1] + r2[1]}
	}
	st.slots = slots
	// The word features are made here, where few values are live: token
	// k's five group keys are wkey[k:k+5], its suffix's is mix(fSuf, suf[k]).
	// The emission scores: a token's word group and suffix rows, its
	// pre-summed rows and its two cue slots, roleWords+roleCtxK+roleCueK
	// rows in all, summed in one lane sum (written out here: a call per
	// token costs).
	const nr = roleWords + roleCtxK + roleCueK
	const _ = uint(laneMax - nr) // one lane sum holds them
	em := v.em[:n*nRoleTags]
	mask := q.mask
	for k := 0; k < n; k++ {
		if cue[k] {
			continue
		}
		l, r := &slots[side[k][0]], &slots[side[k][1]]
		w := (*[5]uint64)(wkey[k : k+5])
		r0, r1, r2 := &rows[(w[0]|0)&mask], &rows[(w[1]|1)&mask], &rows[(w[2]|2)&mask]
		r3, r4, r5 := &rows[(w[3]|3)&mask], &rows[(w[4]|4)&mask], &rows[mix(fSuf, suf[k])&mask]
		x := rctx[k][0] + l[0] + r[0] + r0[0] + r1[0] + r2[0] + r3[0] + r4[0] + r5[0]
		y := rctx[k][1] + l[1] + r[1] + r0[1] + r1[1] + r2[1] + r3[1] + r4[1] + r5[1]
		e := (*[nRoleTags]float32)(em[k*nRoleTags : k*nRoleTags+nRoleTags])
		e[0], e[1], e[2] = float32(lane(x, 0, nr)), float32(lane(x, 1, nr)), float32(lane(x, 2, nr))
		e[3], e[4] = float32(lane(y, 0, nr)), float32(lane(y, 1, nr))
	}
}

// dbucket buckets a token distance (0 = no cue).
func dbucket(d int) uint64 {
	if uint(d) < uint(len(dbTab)) {
		return uint64(dbTab[d])
	}
	if d <= 0 {
		return 0
	}
	return 8
}

// dbTab is dbucket of 0 .. 31: 0 none, 1-4 exact, 5 up to 6, 6 up to 10,
// 7 up to 20, 8 beyond.
var dbTab = [32]uint8{0, 1, 2, 3, 4, 5, 5, 6, 6, 6, 6, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8}

// b2u is 1 for true, 0 for false.
func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}
