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

// tctx holds per-token facts of one text for the taggers.
type tctx struct {
	m     *matcher
	form  []uint64 // hash of the lower-cased word or the punctuation mark
	suf   []uint64
	shape []uint64
	lex   []uint8 // 1 reporting verb form, 2 noun-like cue form, 0 other
	inQ   []bool  // inside a paired quotation (marks included)
	rule  []uint8 // roleNone .. roleCue
	first []bool  // first token of its sentence
	sent  []int32 // sentence number (text-wide)
	sents []sent  // the sentences, by number
	// The tokens pass 1 looks at when setLex marked its model's
	// candidates: rule cues and candidates (lex or tok.cand), in order.
	cidx []int32
}

// newTctx computes the token facts; paras must have their sentences split
// and quotes paired.
func newTctx(m *matcher, paras []para, rule []uint8) *tctx {
	c := &tctx{}
	c.init(m, paras, rule)
	return c
}

// grow returns s with length n and zero elements, reusing its array.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// resize returns s with length n, reusing its array; the elements are
// left as they were (the caller writes them all).
func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// init computes the token facts into c, reusing its arrays.
func (c *tctx) init(m *matcher, paras []para, rule []uint8) {
	n := len(m.toks)
	c.m, c.rule = m, rule
	// form and sent are written for every token below, suf by ensure.
	c.form, c.suf, c.shape = resize(c.form, n), resize(c.suf, n), grow(c.shape, n)
	c.lex, c.inQ, c.first, c.sent = resize(c.lex, n), resize(c.inQ, n), grow(c.first, n), resize(c.sent, n)
	c.sents, c.cidx = c.sents[:0], c.cidx[:0]
	// The paragraphs cover the tokens back to back and no quote crosses
	// one (pairQuotes pairs within a paragraph): one pass marks the
	// quotes, an opening mark inside an open quote starting none.
	qEnd := -1 // the closing mark of the open quote
	toks, form, lex, inQ, closeOf, rule := m.toks[:n], c.form[:n], c.lex[:n], c.inQ[:n], m.closeOf[:n], rule[:n]
	for i := range toks {
		t := &toks[i]
		form[i] = t.h
		lx := lexOf[t.fl&(flNoun|flCue|flCite)] // punctuation has no flags
		lex[i] = lx
		if lx != 0 || t.cand || rule[i] == roleCue {
			c.cidx = append(c.cidx, int32(i))
		}
		if i > qEnd && t.k == kQOpen && closeOf[i] > i {
			qEnd = closeOf[i]
		}
		inQ[i] = i <= qEnd
	}
	sn := int32(0)
	for _, p := range paras {
		for _, s := range p.sents {
			if s.b > s.a {
				c.first[s.a] = true
			}
			for i := s.a; i < s.b; i++ {
				c.sent[i] = sn
			}
			c.sents = append(c.sents, s)
			sn++
		}
	}
}

// lexOf maps a word's flNoun, flCue and flCite flags to its tctx.lex
// value: 2 a noun-like cue form, 1 a reporting verb form, 3 a citing cue.
var lexOf = func() (t [flNoun | flCue | flCite + 1]uint8) {
	for f := range t {
		switch fl := uint16(f); {
		case fl&flNoun != 0 && fl&flCue != 0:
			t[f] = 2
		case fl&flCue != 0:
			t[f] = 1
		case fl&flCite != 0:
			t[f] = 3
		}
	}
	return t
}()

// ensure computes the suffix and shape of token i on first use: only
// the tokens that the taggers score need them.
func (c *tctx) ensure(i int) {
	if i < 0 || c.shape[i] != 0 {
		return
	}
	t := &c.m.toks[i]
	if t.k != kWord {
		c.suf[i] = c.form[i]
		c.shape[i] = 7 + uint64(t.k)
		return
	}
	lw := t.lw
	if len(lw) > 3 {
		lw = lw[len(lw)-3:]
	}
	c.suf[i] = hashStr(lw)
	c.shape[i] = wordShape(c.m.text, t)
}

// wordShape: 1 lower, 2 capitalised, 3 all caps, 4 with digits.
func wordShape(text string, t *tok) uint64 {
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
	if i < 0 || i >= len(c.form) {
		return 0xdead
	}
	return c.form[i]
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
	w0 := c.form[i]
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
		mtLex.get(uint64(c.lex[i])*4+q),
		mtInQ.get(q),
		mtRule.get(rr),
		mtPrev.get(p),
		mtFirst.get(first*16+c.shape[i]),
		mix(fTri, (c.w(i-1)*31+w0)*31+c.w(i+1)),
		mtShapeM1.get(c.shape[max(i-1, 0)]*64+c.shape[i]*8+uint64(c.lex[i])),
		mtLexR.get(uint64(c.lex[min(i+1, len(c.lex)-1)])*8+uint64(c.lex[i])),
	)
	return fs
}

// dbucket buckets a token distance (0 = no cue).
func dbucket(d int) uint64 {
	switch {
	case d <= 0:
		return 0
	case d <= 4:
		return uint64(d)
	case d <= 6:
		return 5
	case d <= 10:
		return 6
	case d <= 20:
		return 7
	}
	return 8
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
	w0 := c.form[i]
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
		mtLex.get(uint64(c.lex[i])*4+rr),
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
