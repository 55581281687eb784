package extract

import (
	"slices"
	"sort"
)

// tctx holds per-token facts of one text for the taggers.
type tctx struct {
	m     *matcher
	suf   []uint64
	shape []uint64
	inQ   []bool  // inside a paired quotation (marks included)
	ownQ  []bool  // inQ's array when init computes it
	rule  []uint8 // roleNone .. roleCue
	first []bool  // first token of its sentence
	sents []sent  // the sentences, by number (text-wide), back to back
	// The tokens pass 1 looks at when tokenizeLex marked its model's
	// candidates: rule cues and candidates (lex or tok.isCand), in order.
	cidx []int32
}

// prepFacts is what prepareWith finds on the way for the taggers: the
// tokens inside paired quotes, and those flagged flPass1.
type prepFacts struct {
	inQ   []bool
	pass1 []int32 // the tokens flagged flPass1, in order
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
	c.initWith(m, paras, rule, nil, nil)
}

// initWith is init taking the quotes from pre (prepareWith's, for m)
// when it is not nil, and the rule cues from ruleCues: every token
// ruleRolesInto marked as a cue at some point (in any order; rule holds
// the final roles).
func (c *tctx) initWith(m *matcher, paras []para, rule []uint8, pre *prepFacts, ruleCues []int32) {
	n := len(m.toks)
	c.m, c.rule = m, rule
	// form is written for every token below, suf by ensure.
	c.suf, c.shape, c.first = resize(c.suf, n), grow(c.shape, n), grow(c.first, n)
	c.sents, c.cidx = c.sents[:0], c.cidx[:0]
	toks, rule := m.toks[:n], rule[:n]
	for _, p := range paras {
		for _, s := range p.sents {
			if s.b > s.a {
				c.first[s.a] = true
			}
			c.sents = append(c.sents, s)
		}
	}
	if pre != nil && len(pre.inQ) == n {
		c.inQ = pre.inQ
		// The lexicon's cue and citing words and the candidates (the
		// tokenizer flagged them flPass1), then the rule cues merged in.
		c.cidx = mergeCands(c.cidx, pre.pass1, ruleCues, rule)
		return
	}
	// The paragraphs cover the tokens back to back and no quote crosses
	// one (pairQuotes pairs within a paragraph): one pass marks the
	// quotes, an opening mark inside an open quote starting none.
	c.ownQ = resize(c.ownQ, n)
	c.inQ = c.ownQ
	qEnd := -1 // the closing mark of the open quote
	inQ, closeOf := c.inQ[:n], m.closeOf[:n]
	for i := range toks {
		t := &toks[i]
		if lexOf[t.fl&lexMask] != 0 || t.isCand() || rule[i] == roleCue {
			c.cidx = append(c.cidx, int32(i))
		}
		if i > qEnd && t.k == kQOpen && closeOf[i] > i {
			qEnd = closeOf[i]
		}
		inQ[i] = i <= qEnd
	}
}

// mergeCands appends to out the tokens of cands (sorted) and those of
// ruleCues that rule still marks as cues, in order, each once.
func mergeCands(out, cands, ruleCues []int32, rule []uint8) []int32 {
	slices.Sort(ruleCues)
	k := 0
	for _, i := range cands {
		for ; k < len(ruleCues) && ruleCues[k] <= i; k++ {
			if r := ruleCues[k]; r < i && rule[r] == roleCue && (len(out) == 0 || out[len(out)-1] != r) {
				out = append(out, r)
			}
		}
		out = append(out, i)
	}
	for ; k < len(ruleCues); k++ {
		if r := ruleCues[k]; rule[r] == roleCue && (len(out) == 0 || out[len(out)-1] != r) {
			out = append(out, r)
		}
	}
	return out
}

// lexMask selects the flags that lexOf reads.
const lexMask = flNoun | flCue | flCite

// lexAt is token i's lex value (see lexOf): 1 a reporting verb form, 2 a
// noun-like cue form, 3 a citing cue, 0 other (punctuation has no flags).
func (c *tctx) lexAt(i int) uint8 { return lexOf[c.m.toks[i].fl&lexMask] }

// sameSent: token i shares a sentence with the first or the last token
// of r.
func (c *tctx) sameSent(i int, r rng) bool {
	s := c.sents[c.sentOf(i)]
	return s.a <= r.a && r.a < s.b || s.a <= r.b-1 && r.b-1 < s.b
}

// sentOf returns the number of the sentence holding token i.
func (c *tctx) sentOf(i int) int32 {
	return int32(sort.Search(len(c.sents), func(s int) bool { return c.sents[s].b > i }))
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

// sufShape returns token t's suffix hash and shape (see ensure).
func sufShape(text string, t *tok) (uint64, uint64) {
	if t.k != kWord {
		return t.h, 7 + uint64(t.k)
	}
	if t.mk == mkPlain {
		return hashLast3(t.lw), 1 // wordShape's first case, without the call
	}
	return hashLast3(t.lw), wordShape(text, t)
}

// plainSufShape is sufShape for its common cases, small enough to inline
// (the call costs): a mark, and a word of three or more ASCII lower-case
// letters (hashLast3 unrolled); ok is false for the other tokens.
func plainSufShape(t *tok) (suf, shape uint64, ok bool) {
	if t.k != kWord {
		return t.h, 7 + uint64(t.k), true
	}
	if w := t.lw; t.mk == mkPlain && len(w) >= 3 {
		n := len(w)
		return (((fnvOffset^uint64(w[n-3]))*fnvPrime^uint64(w[n-2]))*fnvPrime ^ uint64(w[n-1])) * fnvPrime, 1, true
	}
	return 0, 0, false
}

// ensure computes the suffix and shape of token i on first use: only
// the tokens that the taggers score need them.
func (c *tctx) ensure(i int) {
	if i < 0 || c.shape[i] != 0 {
		return
	}
	if su, sh, ok := plainSufShape(&c.m.toks[i]); ok {
		c.suf[i], c.shape[i] = su, sh
		return
	}
	c.suf[i], c.shape[i] = sufShape(c.m.text, &c.m.toks[i])
}

// ensureRange is ensure for the tokens a to b-1, in a loop of its own.
func (c *tctx) ensureRange(a, b int) {
	toks, suf, shape := c.m.toks[a:b], c.suf[a:b], c.shape[a:b]
	for k := range toks {
		if k >= len(suf) || k >= len(shape) || shape[k] != 0 {
			continue
		}
		if su, sh, ok := plainSufShape(&toks[k]); ok {
			suf[k], shape[k] = su, sh
		} else {
			suf[k], shape[k] = sufShape(c.m.text, &toks[k])
		}
	}
}
