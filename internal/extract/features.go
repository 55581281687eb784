package extract

import (
	"unicode"
	"unicode/utf8"
)

// Feature templates. A feature is mix(template, value hash).
const (
	fBias uint64 = iota + 1
	fW0
	fWm1
	fWp1
	fWm2
	fWp2
	fBiL
	fBiR
	fSuf
	fShape
	fLex
	fInQ
	fRule
	fPrev
	fPrevW
	fFirst
	fRuleW
	fDL
	fDR
	fDLR
	fCueL
	fCueR
	fThat
	fComma
	fSD
	fPrevDL
	fPrevDR
	fPrevQ
	fPrevSD
	fWDL
	fWDR
	fShapeDL
	fShapeDR
	fRuleRole
	fPrevRule
	fSDQ
	fCueLDL
	fCueRDR
	fQDR
	fTri
	fShapeM1
	fSufPrev
	fPrevWm1
	fFirstPrev
	fLexR
	fLexL
)

func mix(t, v uint64) uint64 {
	h := v ^ (t * 0x9E3779B97F4A7C15)
	h ^= h >> 31
	h *= 0xff51afd7ed558ccd
	h ^= h >> 29
	return h
}

// grp makes feature k (< 8) of a group keyed by template t and value v:
// the group's features take consecutive buckets (the hash's low three bits
// are k), so the weights of one word at the positions -2..2 share two
// cache lines that neighbouring tokens reuse.
func grp(t, v, k uint64) uint64 { return mix(t, v)&^7 | k }

// hashStr is the 64-bit FNV-1a hash of s.
func hashStr(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// The 64-bit FNV-1a parameters.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// Rule roles of a token, from the rule-based matcher's claims.
const (
	roleNone = iota
	roleSrc
	roleCon
	roleCue
)

// wordShape: 1 lower, 2 capitalised, 3 all caps, 4 with digits.
func wordShape(text string, t *tok) uint64 {
	if t.mk == mkPlain {
		return 1
	}
	if !t.cap {
		for i := 0; i < len(t.lw); i++ {
			if t.lw[i] >= '0' && t.lw[i] <= '9' {
				return 4
			}
		}
		return 1
	}
	w := text[t.bs:t.be]
	if len(w) > 1 {
		for i := 0; i < len(w); i++ {
			if c := w[i]; c >= utf8.RuneSelf {
				for _, r := range w[i:] {
					if unicode.IsLower(r) {
						return 2
					}
				}
				return 3
			} else if c >= 'a' && c <= 'z' {
				return 2 // unicode.IsLower for ASCII
			}
		}
		return 3
	}
	return 2
}

func (c *tctx) w(i int) uint64 {
	if i < 0 || i >= len(c.m.toks) {
		return 0xdead
	}
	return c.m.toks[i].h
}

// cueFeats fills fs with pass 1's features of token i after tag prev
// (inference: cueWordsInto and cueCtxRow, the same sums).
func (c *tctx) cueFeats(fs []uint64, i, prev int) []uint64 {
	return c.appendCueFeats(fs[:0], i, prev)
}

// appendCueFeats is cueFeats appending to fs.
func (c *tctx) appendCueFeats(fs []uint64, i, prev int) []uint64 {
	c.ensure(i)
	c.ensure(i - 1)
	w0 := c.m.toks[i].h
	q := uint64(0)
	if c.inQ[i] {
		q = 1
	}
	first := uint64(0)
	if c.first[i] {
		first = 1
	}
	p := uint64(prev)
	rr := uint64(c.rule[i])
	fs = append(fs,
		mtBias,
		grp(fW0, c.w(i-2), 0),
		grp(fW0, c.w(i-1), 1),
		grp(fW0, w0, 2),
		grp(fW0, c.w(i+1), 3),
		grp(fW0, c.w(i+2), 4),
		mix(fPrevW, w0*8+p),
		mix(fRuleW, w0*8+rr),
		mix(fBiL, c.w(i-1)*31+w0),
		mix(fBiR, w0*31+c.w(i+1)),
		mix(fSuf, c.suf[i]),
		mix(fSufPrev, c.suf[i]*8+p),
		mtShape.get(c.shape[i]*8+q),
		mtLex.get(uint64(c.lexAt(i))*4+q),
		mtInQ.get(q),
		mtRule.get(rr),
		mtPrev.get(p),
		mtFirst.get(first*16+c.shape[i]),
		mix(fTri, (c.w(i-1)*31+w0)*31+c.w(i+1)),
		mtShapeM1.get(c.shape[max(i-1, 0)]*64+c.shape[i]*8+uint64(c.lexAt(i))),
		mtLexR.get(uint64(c.lexAt(min(i+1, len(c.m.toks)-1)))*8+uint64(c.lexAt(i))),
	)
	return fs
}

// roleEmit fills fs with pass 2's emission features of token i: they do
// not depend on the previous tag (that is roleDense's part), so Viterbi
// computes them once per token. Training uses them as they are; inference
// gets the same sums through roleToken and the pre-summed rows (ctxtab.go).
func (c *tctx) roleEmit(fs []uint64, rc *roleCtx, i int) []uint64 {
	return c.appendRoleEmit(fs[:0], rc, i)
}

// appendRoleEmit is roleEmit appending to fs.
func (c *tctx) appendRoleEmit(fs []uint64, rc *roleCtx, i int) []uint64 {
	c.ensure(i)
	w0 := c.m.toks[i].h
	q := uint64(0)
	if c.inQ[i] {
		q = 1
	}
	dl, dr := dbucket(int(rc.dl[i])), dbucket(int(rc.dr[i]))
	th, cm := uint64(0), uint64(0)
	if rc.that[i] {
		th = 1
	}
	if rc.comma[i] {
		cm = 1
	}
	sd := uint64(rc.sd[i])
	first := uint64(0)
	if c.first[i] {
		first = 1
	}
	rr := uint64(c.rule[i])
	fs = append(fs,
		grp(fW0, c.w(i-2), 0),
		grp(fW0, c.w(i-1), 1),
		grp(fW0, w0, 2),
		grp(fW0, c.w(i+1), 3),
		grp(fW0, c.w(i+2), 4),
		mix(fSuf, c.suf[i]),
		mtShape.get(c.shape[i]*8+q),
		mtDLR.get(dl*16+dr),
		mix(fCueL, rc.cl[i]),
		mix(fCueLDL, rc.cl[i]*16+dl),
		mix(fCueR, rc.cr[i]),
		mix(fCueRDR, rc.cr[i]*16+dr),
		mtThat.get(th*16+dl),
		mtComma.get(cm*16+dr),
		mtShapeDL.get(c.shape[i]*16+dl),
		mtShapeDR.get(c.shape[i]*16+dr+128*cm),
		mtSDQ.get(sd*4+q*2+th),
		mtLex.get(uint64(c.lexAt(i))*4+rr),
		mtQDR.get(q*64+cm*32+dr+th*512),
		mtFirst.get(first*64+c.shape[i]*8+rr),
	)
	return fs
}

// Pass 2's dense transition table: the previous state (a role tag, rK after
// a cue token, pStart at a region's start) conjoined with small context
// groups, each weight at denseIdx(group value, prev, tag): one group value's
// weights for all previous states and tags are contiguous.
const (
	pStart     = rK + 1
	nPrev      = pStart + 1
	nGroups    = 4
	groupTotal = 1 + 9 + 18 + 8
	denseSize  = nPrev * groupTotal * nRoleTags
)

func denseIdx(g, p, t int) int { return (g*nPrev+p)*nRoleTags + t }

// roleDense returns the dense group values of token i (offsets into one
// previous state's block).
func (c *tctx) roleDense(rc *roleCtx, i int) [nGroups]uint8 {
	q, th, cm, first := 0, 0, 0, 0
	if c.inQ[i] {
		q = 1
	}
	if rc.that[i] {
		th = 1
	}
	if rc.comma[i] {
		cm = 1
	}
	if c.first[i] {
		first = 1
	}
	return [nGroups]uint8{
		0,
		uint8(1 + dbucket(int(rc.dl[i]))),
		uint8(10 + int(dbucket(int(rc.dr[i]))) + 9*cm),
		uint8(28 + q*4 + th*2 + first),
	}
}
