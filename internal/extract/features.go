package extract

import "unicode"

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

func hashStr(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

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
}

// newTctx computes the token facts; paras must have their sentences split
// and quotes paired.
func newTctx(m *matcher, paras []para, rule []uint8) *tctx {
	n := len(m.toks)
	c := &tctx{m: m, form: make([]uint64, n), suf: make([]uint64, n), shape: make([]uint64, n),
		lex: make([]uint8, n), inQ: make([]bool, n), first: make([]bool, n), sent: make([]int32, n), rule: rule}
	for i := range m.toks {
		t := &m.toks[i]
		if t.k == kWord {
			c.form[i] = hashStr(t.lw)
			lw := t.lw
			if len(lw) > 3 {
				lw = lw[len(lw)-3:]
			}
			c.suf[i] = hashStr(lw)
			c.shape[i] = wordShape(m.text, t)
			if cueForms[t.lw] {
				c.lex[i] = 1
				if nounCue[t.lw] {
					c.lex[i] = 2
				}
			} else if t.lw == "according" || citeCue[t.lw] {
				c.lex[i] = 3
			}
		} else {
			c.form[i] = hashStr(m.text[t.bs:t.be])
			c.suf[i] = c.form[i]
			c.shape[i] = 7 + uint64(t.k)
		}
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
		for i := p.a; i < p.b; i++ {
			if m.toks[i].k == kQOpen && m.closeOf[i] > i {
				for j := i; j <= m.closeOf[i]; j++ {
					c.inQ[j] = true
				}
				i = m.closeOf[i]
			}
		}
	}
	return c
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
		for _, r := range w {
			if unicode.IsLower(r) {
				return 2
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

// cueFeats fills fs with pass 1's features of token i after tag prev.
func (c *tctx) cueFeats(fs []uint64, i, prev int) []uint64 {
	fs = fs[:0]
	w0 := c.form[i]
	q := uint64(0)
	if c.inQ[i] {
		q = 1
	}
	first := uint64(0)
	if c.first[i] {
		first = 1
	}
	fs = append(fs,
		mix(fBias, 0),
		mix(fW0, w0),
		mix(fWm1, c.w(i-1)),
		mix(fWp1, c.w(i+1)),
		mix(fWm2, c.w(i-2)),
		mix(fWp2, c.w(i+2)),
		mix(fBiL, c.w(i-1)*31+w0),
		mix(fBiR, w0*31+c.w(i+1)),
		mix(fSuf, c.suf[i]),
		mix(fShape, c.shape[i]*8+q),
		mix(fLex, uint64(c.lex[i])*4+q),
		mix(fInQ, q),
		mix(fRule, uint64(c.rule[i])),
		mix(fPrev, uint64(prev)),
		mix(fPrevW, w0*7+uint64(prev)),
		mix(fFirst, first*16+c.shape[i]),
		mix(fRuleW, w0*5+uint64(c.rule[i])),
		mix(fTri, (c.w(i-1)*31+w0)*31+c.w(i+1)),
		mix(fShapeM1, c.shape[max(i-1, 0)]*64+c.shape[i]*8+uint64(c.lex[i])),
		mix(fSufPrev, c.suf[i]*7+uint64(prev)),
		mix(fLexR, uint64(c.lex[min(i+1, len(c.lex)-1)])*8+uint64(c.lex[i])),
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

// roleCtx holds, for each token, where the nearest cue stands.
type roleCtx struct {
	dl, dr     []int32  // distance to the nearest cue left/right in the sentence (0 none)
	cl, cr     []uint64 // form hash of that cue's first word
	that       []bool   // "that" or ":" between the left cue and the token
	comma      []bool   // a comma between the token and the right cue
	sd         []int8   // sentences since the last sentence with a cue (in the paragraph), 9 none
	isCue      []bool
	paraFirstS []int32
}

// roleFeats fills fs with pass 2's features of token i after tag prev.
func (c *tctx) roleFeats(fs []uint64, rc *roleCtx, i, prev int) []uint64 {
	fs = fs[:0]
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
	p := uint64(prev)
	first := uint64(0)
	if c.first[i] {
		first = 1
	}
	rr := uint64(c.rule[i])
	fs = append(fs,
		mix(fBias, 0),
		mix(fW0, w0),
		mix(fWm1, c.w(i-1)),
		mix(fWp1, c.w(i+1)),
		mix(fWm2, c.w(i-2)),
		mix(fWp2, c.w(i+2)),
		mix(fSuf, c.suf[i]),
		mix(fShape, c.shape[i]*8+q),
		mix(fInQ, q*4+th*2+cm),
		mix(fDL, dl),
		mix(fDR, dr),
		mix(fDLR, dl*16+dr),
		mix(fCueL, rc.cl[i]),
		mix(fCueR, rc.cr[i]),
		mix(fThat, th*16+dl),
		mix(fComma, cm*16+dr),
		mix(fSD, sd),
		mix(fPrev, p),
		mix(fPrevW, w0*7+p),
		mix(fPrevDL, p*16+dl),
		mix(fPrevDR, p*16+dr),
		mix(fPrevQ, p*4+q*2+th),
		mix(fPrevSD, p*16+sd),
		mix(fWDL, w0*16+dl),
		mix(fWDR, w0*16+dr),
		mix(fShapeDL, c.shape[i]*16+dl),
		mix(fShapeDR, c.shape[i]*16+dr+128*cm),
		mix(fRuleRole, rr),
		mix(fPrevRule, p*8+rr),
		mix(fSDQ, sd*4+q*2+th),
		mix(fCueLDL, rc.cl[i]*16+dl),
		mix(fCueRDR, rc.cr[i]*16+dr),
		mix(fQDR, q*64+cm*32+dr+th*512),
		mix(fPrevWm1, c.w(i-1)*7+p),
		mix(fFirstPrev, first*64+p*8+q*2+th),
		mix(fTri, (c.w(i-1)*31+w0)*31+c.w(i+1)),
	)
	return fs
}

// fillRoleCtx computes the cue-relative facts for tokens [a, b) (one
// paragraph) given the cue marks isCue (text-wide; B/I via cueStart).
func (c *tctx) fillRoleCtx(rc *roleCtx, a, b int, isCue, cueStart []bool) {
	m := c.m
	// Left sweep.
	lastCue := -1
	var lastForm uint64
	that := false
	cueSentSeen := int32(-1)
	for i := a; i < b; i++ {
		if i > a && c.sent[i] != c.sent[i-1] {
			lastCue = -1
		}
		if isCue[i] {
			if cueStart[i] || lastCue < 0 {
				lastForm = c.form[i]
			}
			lastCue, that = i, false
			cueSentSeen = c.sent[i]
			rc.dl[i], rc.cl[i], rc.that[i] = 0, 0, false
		} else if lastCue >= 0 {
			rc.dl[i], rc.cl[i], rc.that[i] = int32(i-lastCue), lastForm, that
			if m.word(i, "that") || m.punct(i, ':') {
				that = true
			}
		} else {
			rc.dl[i], rc.cl[i], rc.that[i] = 0, 0, false
		}
		if cueSentSeen < 0 {
			rc.sd[i] = 9
		} else {
			d := c.sent[i] - cueSentSeen
			if d > 3 {
				d = 3
			}
			rc.sd[i] = int8(d)
		}
	}
	// Right sweep.
	nextCue := -1
	var nextForm uint64
	comma := false
	for i := b - 1; i >= a; i-- {
		if i < b-1 && c.sent[i] != c.sent[i+1] {
			nextCue = -1
		}
		if isCue[i] {
			nextCue, comma = i, false
			// the first word of this cue run
			j := i
			for j > a && isCue[j-1] && !cueStart[j] {
				j--
			}
			nextForm = c.form[j]
			rc.dr[i], rc.cr[i], rc.comma[i] = 0, 0, false
			continue
		}
		if nextCue >= 0 {
			rc.dr[i], rc.cr[i], rc.comma[i] = int32(nextCue-i), nextForm, comma
			if m.punct(i, ',') || m.toks[i].k == kQClose {
				comma = true
			}
		} else {
			rc.dr[i], rc.cr[i], rc.comma[i] = 0, 0, false
		}
	}
}

func newRoleCtx(n int) *roleCtx {
	return &roleCtx{dl: make([]int32, n), dr: make([]int32, n), cl: make([]uint64, n), cr: make([]uint64, n),
		that: make([]bool, n), comma: make([]bool, n), sd: make([]int8, n)}
}
