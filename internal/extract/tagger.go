package extract

import "sort"

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
	sc       [8]float32
}

func newTagState(n int) *tagState {
	return &tagState{cue: make([]uint8, n), role: make([]uint8, n), isCue: make([]bool, n),
		cueStart: make([]bool, n), rc: newRoleCtx(n), fs: make([]uint64, 0, 48)}
}

func argmax(sc []float32) int {
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

// fixRole keeps pass 2's tags well formed.
func fixRole(t, prev int) int {
	switch {
	case t == rIS && prev != rBS && prev != rIS:
		return rBS
	case t == rIC && prev != rBC && prev != rIC:
		return rBC
	}
	return t
}

// tagCues runs pass 1 over tokens [a, b).
func (md *Model) tagCues(c *tctx, st *tagState, a, b int) {
	prev := tO
	for i := a; i < b; i++ {
		if c.first[i] {
			prev = tO
		}
		st.fs = c.cueFeats(st.fs, i, prev)
		sc := st.sc[:nCueTags]
		md.cue.scores(st.fs, sc)
		t := fixCue(argmax(sc), prev)
		st.cue[i] = uint8(t)
		st.isCue[i] = t != tO
		st.cueStart[i] = t == tBK
		prev = t
	}
}

// tagRoles runs pass 2 over tokens [a, b) given st.isCue.
func (md *Model) tagRoles(c *tctx, st *tagState, a, b int) {
	c.fillRoleCtx(st.rc, a, b, st.isCue, st.cueStart)
	prev := rO
	for i := a; i < b; i++ {
		if st.isCue[i] {
			st.role[i] = rK
			prev = rK
			continue
		}
		st.fs = c.roleFeats(st.fs, st.rc, i, prev)
		sc := st.sc[:nRoleTags]
		md.role.scores(st.fs, sc)
		t := fixRole(argmax(sc), prev)
		st.role[i] = uint8(t)
		prev = t
	}
}

// tagText runs both passes over every paragraph and returns the relations.
func (md *Model) tagText(c *tctx, paras []para) []trel {
	st := newTagState(len(c.m.toks))
	var out []trel
	for _, p := range paras {
		md.tagCues(c, st, p.a, p.b)
		any := false
		for i := p.a; i < p.b && !any; i++ {
			any = st.isCue[i]
		}
		if !any {
			continue
		}
		md.tagRoles(c, st, p.a, p.b)
		out = append(out, decodeRels(c, st, p.a, p.b)...)
	}
	return out
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
