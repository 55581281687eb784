package extract

import (
	"slices"
	"sync"
)

// trel is one relation found by the tagger, in token ranges.
type trel struct {
	src     rng
	cue     rng
	content []rng
}

// tagState holds the taggers' outputs and scratch space for one text.
type tagState struct {
	cue      []uint8 // pass 1 tag per token
	role     []uint8 // pass 2 tag per token
	isCue    []bool
	cueStart []bool
	rc       *roleCtx
	fs       []uint64
	cands    []int32 // pass 1's candidates in a paragraph
	hits     []int32 // pass 1's tokens tagged other than O in a paragraph
	first    []int   // their first step's tag
	vt       viterbiBuf
	isc      [8]int32
	cfs      [][cueWords]uint64 // per candidate (pass 1), its hashed features
	cctx     [][1]uint64        // per candidate (pass 1), its pre-summed rows
	rctx     [][2]uint64        // per token of a region, its pre-summed rows
	wkey     []uint64           // per token of a region and two each side, mix(fW0, word)&^7
	side     [][2]uint32        // per token of a region, its left and right cue slots
	slots    [][2]uint64        // a region's cue slots: row indexes, then their sums
	sc       [8]float32
	rels     []trel
	rb       relBuf
}

func newTagState(n int) *tagState {
	st := &tagState{rc: &roleCtx{}}
	st.init(n)
	return st
}

// initInfer sizes st for n tokens for tagText, reusing its arrays without
// clearing them: tagCues writes every token's cue marks, tagRoles the
// roles and right-hand cue facts of every token it later reads (the
// left-hand ones emitRegion keeps in locals).
func (st *tagState) initInfer(n int) {
	st.cue, st.role, st.isCue, st.cueStart = resize(st.cue, n), resize(st.role, n), resize(st.isCue, n), resize(st.cueStart, n)
	rc := st.rc
	rc.dr, rc.cr, rc.comma = resize(rc.dr, n), resize(rc.cr, n), resize(rc.comma, n)
	st.fs = st.fs[:0]
}

// init sizes st for n tokens, reusing its arrays.
func (st *tagState) init(n int) {
	st.cue, st.role, st.isCue, st.cueStart = grow(st.cue, n), grow(st.role, n), grow(st.isCue, n), grow(st.cueStart, n)
	st.rc.init(n)
	st.fs = st.fs[:0]
}

// tagScratch is the reusable working memory of one tagging run.
type tagScratch struct {
	c    tctx
	st   tagState
	rc   roleCtx
	rule []uint8
	// ruleCues is the tokens ruleRolesInto marked as cues.
	ruleCues []int32
	regs     []rng
	// learned's working lists.
	cueSpans, ruleContent, cover []Span
	added                        []Claim
	content                      []rng
}

var scratchPool = sync.Pool{New: func() any {
	s := &tagScratch{}
	s.st.rc = &s.rc
	return s
}}

func argmax(sc []float32) int {
	best := 0
	for t := 1; t < len(sc); t++ {
		if sc[t] > sc[best] {
			best = t
		}
	}
	return best
}

func argmaxI(sc []int32) int {
	best := 0
	for t := 1; t < len(sc); t++ {
		if sc[t] > sc[best] {
			best = t
		}
	}
	return best
}

// fixCue keeps pass 1's tags well formed: I only after B or I.
func fixCue(t, prev int) int {
	if t == tIK && prev == tO {
		return tBK
	}
	return t
}

// candidate reports whether pass 1 scores token i: its word began cues
// in training, or it is in the cue lexicon.
func (md *Model) candidate(c *tctx, i int) bool {
	if c.m.cands == md && md != nil {
		return c.lexAt(i) != 0 || c.m.toks[i].isCand() // marked by tokenizeLex
	}
	return c.lexAt(i) != 0 || md.cand.has(c.m.toks[i].h)
}

// ruleCue marks token i as a cue when the rules made it one (pass 1 does
// not score it; the rules' claim stands) and reports whether it did.
func ruleCue(c *tctx, i int, out []uint8) bool {
	if c.rule[i] != roleCue {
		return false
	}
	out[i] = tBK
	if i > 0 && c.rule[i-1] == roleCue && !c.first[i] {
		out[i] = tIK
	}
	return true
}

// tagCues runs pass 1 over tokens [a, b): rule cues are taken as they are;
// at each other candidate it tags greedily and goes on while it predicts
// a cue, within the sentence.
func (md *Model) tagCues(c *tctx, st *tagState, a, b int) {
	// The first step at each candidate (previous tag O) does not depend on
	// the others: score them all at once, so that their table lookups
	// overlap in memory; continuations are scored as they come.
	cfs := st.cfs[:0]
	cands := st.cands[:0]
	cctx := st.cctx[:0]
	clear(st.cue[a:b])  // tO
	hits := st.hits[:0] // the tokens tagged other than O
	if c.m.cands == md && md != nil {
		// tokenizeLex marked md's candidates: only the tokens of c.cidx
		// (sorted) can be rule cues or candidates.
		k, _ := slices.BinarySearch(c.cidx, int32(a))
		for ; k < len(c.cidx) && int(c.cidx[k]) < b; k++ {
			i := int(c.cidx[k])
			if ruleCue(c, i, st.cue) {
				hits = append(hits, int32(i))
				continue
			}
			cands = append(cands, int32(i))
			cfs = append(cfs, [cueWords]uint64{})
			c.cueWordsInto(&cfs[len(cfs)-1], i, tO)
			cctx = append(cctx, c.cueCtxRow(md.ctx, md.qcue, i, tO))
		}
	} else {
		for i := a; i < b; i++ {
			if ruleCue(c, i, st.cue) {
				hits = append(hits, int32(i))
				continue
			}
			if !md.candidate(c, i) {
				continue
			}
			cands = append(cands, int32(i))
			cfs = append(cfs, [cueWords]uint64{})
			c.cueWordsInto(&cfs[len(cfs)-1], i, tO)
			cctx = append(cctx, c.cueCtxRow(md.ctx, md.qcue, i, tO))
		}
	}
	st.cands, st.cfs, st.cctx = cands, cfs, cctx
	st.first = grow(st.first, len(cands))
	for q := range cands {
		scoresCue(md.qcue, &cfs[q], cctx[q], &st.isc)
		st.first[q] = fixCue(argmaxI(st.isc[:nCueTags]), tO)
	}
	last := a - 1 // the last token tagged by a continuation
	for q, ci := range cands {
		i := int(ci)
		if i <= last {
			continue
		}
		t := st.first[q]
		st.cue[i] = uint8(t)
		if t == tO {
			continue
		}
		hits = append(hits, int32(i))
		prev := t
		last = i
		for j := i + 1; j < b; j++ {
			if c.first[j] || c.rule[j] == roleCue {
				break
			}
			var fs [cueWords]uint64
			c.cueWordsInto(&fs, j, prev)
			scoresCue(md.qcue, &fs, c.cueCtxRow(md.ctx, md.qcue, j, prev), &st.isc)
			t := fixCue(argmaxI(st.isc[:nCueTags]), prev)
			st.cue[j] = uint8(t)
			if t == tO {
				break
			}
			hits = append(hits, int32(j))
			prev, last = t, j
		}
	}
	clear(st.isCue[a:b])
	clear(st.cueStart[a:b])
	for _, i := range hits {
		st.isCue[i] = st.cue[i] != tO
		st.cueStart[i] = st.cue[i] == tBK
	}
	slices.Sort(hits) // rule cues first, then pass 1's, each in order
	st.hits = hits
}

// regions returns the token ranges of [a, b) that pass 2 tags: each
// sentence holding a cue (and the next one when withNext). With newOnly,
// only cues the rules did not find count (the rules' claims stand as they
// are, so tagging their sentences again would change nothing; a cue inside
// a rule claim's content is not the outermost one and is dropped anyway).
func regions(c *tctx, isCue []bool, a, b int, newOnly bool, out []rng) []rng {
	out = out[:0]
	for i := a; i < b; i++ {
		if !isCue[i] || newOnly && (c.rule[i] == roleCue || c.rule[i] == roleCon) {
			continue
		}
		s := c.sentOf(i)
		lo := c.sents[s].a
		hi := c.sents[s].b
		if withNext && int(s)+1 < len(c.sents) && c.sents[s+1].a < b {
			hi = c.sents[s+1].b
		}
		lo, hi = max(lo, a), min(hi, b)
		if n := len(out); n > 0 && out[n-1].b >= lo {
			out[n-1].b = max(out[n-1].b, hi)
		} else {
			out = append(out, rng{lo, hi})
		}
		i = c.sents[s].b - 1
	}
	return out
}

// newRegions is regions(c, isCue, a, b, true, out) from hits, the
// sorted tokens of [a, b) that isCue marks (tagState.hits).
func newRegions(c *tctx, isCue []bool, hits []int32, a, b int, out []rng) []rng {
	out = out[:0]
	next := a // the tokens before it are in a sentence already taken
	for _, h := range hits {
		i := int(h)
		if i < next || !isCue[i] || c.rule[i] == roleCue || c.rule[i] == roleCon {
			continue
		}
		s := c.sentOf(i)
		lo, hi := max(c.sents[s].a, a), min(c.sents[s].b, b)
		if withNext && int(s)+1 < len(c.sents) && c.sents[s+1].a < b {
			hi = min(c.sents[s+1].b, b)
		}
		if n := len(out); n > 0 && out[n-1].b >= lo {
			out[n-1].b = max(out[n-1].b, hi)
		} else {
			out = append(out, rng{lo, hi})
		}
		next = c.sents[s].b
	}
	return out
}

// tagRoles runs pass 2 (Viterbi) over the regions of [a, b) given
// st.isCue and st.hits; only the regions' tokens get a role (outside them
// all are O, and decodeRels reads none).
func (md *Model) tagRoles(c *tctx, st *tagState, a, b int, regs []rng) {
	last, k := -1, 0 // the last cue token before the region, in st.hits
	for _, r := range regs {
		for ; k < len(st.hits) && int(st.hits[k]) < r.a; k++ {
			if st.isCue[st.hits[k]] {
				last = int(st.hits[k])
			}
		}
		seen := int32(-1) // its sentence
		if last >= 0 {
			seen = c.sentOf(last)
		}
		c.fillRoleRight(st.rc, r.a, r.b, st.isCue, st.cueStart)
		md.emitRegion(c, st, r, seen)
		st.vt.decodeRows(md.qtrans, st.role[r.a:r.b])
	}
}

// tagText runs both passes over every paragraph and returns the relations
// (valid until st is used again).
func (md *Model) tagText(c *tctx, st *tagState, regs []rng, paras []para) ([]trel, []rng) {
	out := st.rels[:0]
	st.rb.content = st.rb.content[:0]
	defer func() { st.rels = out }()
	for _, p := range paras {
		md.tagCues(c, st, p.a, p.b)
		regs = newRegions(c, st.isCue, st.hits, p.a, p.b, regs)
		if len(regs) == 0 {
			continue
		}
		md.tagRoles(c, st, p.a, p.b, regs)
		out = decodeRels(out, c, st, &st.rb, p.a, p.b, regs)
	}
	return out, regs
}

// withNext: pass 2 also tags the sentence after a cue's sentence. Off: it
// scored the same on held-out train (96% of contents start in the cue's
// sentence) and costs a fifth more tokens.
const withNext = false
