package extract

import (
	"sort"
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
	vt       viterbiBuf
	isc      [8]int32
	sc       [8]float32
}

func newTagState(n int) *tagState {
	st := &tagState{rc: &roleCtx{}}
	st.init(n)
	return st
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
	regs []rng
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
	return c.lex[i] != 0 || md.cand.has(c.form[i])
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
	for i := a; i < b; i++ {
		st.cue[i] = tO
	}
	for i := a; i < b; i++ {
		if ruleCue(c, i, st.cue) || !md.candidate(c, i) {
			continue
		}
		prev := tO
		for j := i; j < b; j++ {
			if j > i && (c.first[j] || c.rule[j] == roleCue) {
				break
			}
			st.fs = c.cueFeats(st.fs, j, prev)
			md.qcue.scores3(st.fs, &st.isc)
			sc := st.isc[:nCueTags]
			t := fixCue(argmaxI(sc), prev)
			st.cue[j] = uint8(t)
			if t == tO {
				break
			}
			prev, i = t, j
		}
	}
	for i := a; i < b; i++ {
		st.isCue[i] = st.cue[i] != tO
		st.cueStart[i] = st.cue[i] == tBK
	}
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
		s := c.sent[i]
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

// tagRoles runs pass 2 (Viterbi) over the regions of [a, b) given
// st.isCue; tokens outside them are O.
func (md *Model) tagRoles(c *tctx, st *tagState, a, b int, regs []rng) {
	for i := a; i < b; i++ {
		st.role[i] = rO
	}
	c.fillRoleCtx(st.rc, a, b, st.isCue, st.cueStart)
	for _, r := range regs {
		v := &st.vt
		v.reset(r.b - r.a)
		for i := r.a; i < r.b; i++ {
			k := i - r.a
			v.cue[k] = st.isCue[i]
			if st.isCue[i] {
				continue
			}
			st.fs = c.roleEmit(st.fs, st.rc, i)
			md.qrole.scores5(st.fs, &st.isc)
			sc := st.isc[:nRoleTags]
			for t, x := range sc {
				v.em[k*nRoleTags+t] = float32(x)
			}
			v.gv[k] = c.roleDense(st.rc, i)
		}
		v.decode(md.qdenseF, st.role[r.a:r.b])
	}
}

// tagText runs both passes over every paragraph and returns the relations.
func (md *Model) tagText(c *tctx, st *tagState, regs []rng, paras []para) ([]trel, []rng) {
	var out []trel
	for _, p := range paras {
		md.tagCues(c, st, p.a, p.b)
		regs = regions(c, st.isCue, p.a, p.b, true, regs)
		if len(regs) == 0 {
			continue
		}
		md.tagRoles(c, st, p.a, p.b, regs)
		out = append(out, decodeRels(c, st, p.a, p.b)...)
	}
	return out, regs
}

// runs returns the maximal runs of tokens in [a, b) whose tag is in begin
// or inside, a run starting at each begin tag.
func runs(tags []uint8, a, b int, begin, inside uint8) []rng {
	var out []rng
	for i := a; i < b; i++ {
		if tags[i] != begin && tags[i] != inside {
			continue
		}
		j := i + 1
		for j < b && tags[j] == inside {
			j++
		}
		out = append(out, rng{i, j})
		i = j - 1
	}
	return out
}

// decodeRels links each source and content run of a paragraph to its
// nearest cue (a source must share the cue's sentence) and returns one
// relation per cue that received a content.
func decodeRels(c *tctx, st *tagState, a, b int) []trel {
	var cues []rng
	for i := a; i < b; i++ {
		if !st.isCue[i] {
			continue
		}
		j := i + 1
		for j < b && st.isCue[j] && !st.cueStart[j] {
			j++
		}
		cues = append(cues, rng{i, j})
		i = j - 1
	}
	if len(cues) == 0 {
		return nil
	}
	rels := make([]trel, len(cues))
	srcDist := make([]int, len(cues))
	for k := range cues {
		rels[k].cue = cues[k]
		srcDist[k] = -1
	}
	gap := func(r, q rng) int {
		if r.b <= q.a {
			return q.a - r.b
		}
		return r.a - q.b
	}
	// nearest cue index to run r (cues are sorted, so search around it).
	nearest := func(r rng, sameSent bool) (int, int) {
		k := sort.Search(len(cues), func(k int) bool { return cues[k].a >= r.b })
		best, bd := -1, 1<<30
		for _, j := range []int{k - 1, k} {
			if j < 0 || j >= len(cues) {
				continue
			}
			if sameSent && c.sent[cues[j].a] != c.sent[r.a] && c.sent[cues[j].a] != c.sent[r.b-1] {
				continue
			}
			if d := gap(r, cues[j]); d < bd {
				best, bd = j, d
			}
		}
		return best, bd
	}
	for _, r := range runs(st.role, a, b, rBS, rIS) {
		if k, d := nearest(r, true); k >= 0 && (srcDist[k] < 0 || d < srcDist[k]) {
			rels[k].src, srcDist[k] = r, d
		}
	}
	for _, r := range runs(st.role, a, b, rBC, rIC) {
		if words(c.m, r) < minContentWords {
			continue // "But", "several conditions": a tagging slip, not a statement
		}
		if k, _ := nearest(r, false); k >= 0 {
			rels[k].content = append(rels[k].content, r)
		}
	}
	out := rels[:0]
	for _, r := range rels {
		if len(r.content) > 0 {
			out = append(out, r)
		}
	}
	return out
}

// words counts the word tokens of r.
func words(m *matcher, r rng) int {
	n := 0
	for i := r.a; i < r.b; i++ {
		if m.toks[i].k == kWord {
			n++
		}
	}
	return n
}

// minContentWords is the fewest words a tagged content needs: a statement
// has a subject and a predicate; shorter runs are tagging slips.
const minContentWords = 3

// withNext: pass 2 also tags the sentence after a cue's sentence. Off: it
// scored the same on held-out train (96% of contents start in the cue's
// sentence) and costs a fifth more tokens.
const withNext = false
