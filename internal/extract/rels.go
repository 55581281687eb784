package extract

import "sort"

// Decoding pass 2's tags into relations: source and content runs linked to
// their nearest cue.

// runs appends to out the maximal runs of tokens in [a, b) whose tag is
// in begin or inside, a run starting at each begin tag.
func runs(out []rng, tags []uint8, a, b int, begin, inside uint8) []rng {
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

// relBuf is decodeRels' reusable working memory.
type relBuf struct {
	cues    []rng
	srcDist []int
	runs    []rng
	assign  []int // content run -> cue index (-1 none)
	count   []int
	content []rng // the relations' content runs, back to back
}

// gap is the number of tokens between two disjoint ranges.
func gap(r, q rng) int {
	if r.b <= q.a {
		return q.a - r.b
	}
	return r.a - q.b
}

// nearestCue returns the index of the cue nearest to run r and its gap
// (-1 when none qualifies); with sameSent the cue must share a sentence
// with r. cues are sorted, so only the two around r can be nearest.
func nearestCue(c *tctx, cues []rng, r rng, sameSent bool) (int, int) {
	k := sort.Search(len(cues), func(k int) bool { return cues[k].a >= r.b })
	best, bd := -1, 1<<30
	for j := k - 1; j <= k; j++ {
		if j < 0 || j >= len(cues) {
			continue
		}
		if sameSent && !c.sameSent(cues[j].a, r) {
			continue
		}
		if d := gap(r, cues[j]); d < bd {
			best, bd = j, d
		}
	}
	return best, bd
}

// decodeRels links each source and content run of a paragraph [a, b) to
// its nearest cue (a source must share the cue's sentence) and appends to
// out one relation per cue that received a content. The cue tokens are
// st.hits (sorted), the runs lie in the regions regs (pass 2 tagged no
// other token). The relations' content lists live in rb until the next
// text.
func decodeRels(out []trel, c *tctx, st *tagState, rb *relBuf, a, b int, regs []rng) []trel {
	cues := rb.cues[:0]
	hits := st.hits
	for k := 0; k < len(hits); k++ {
		i := int(hits[k])
		if !st.isCue[i] {
			continue
		}
		j := i + 1
		for k+1 < len(hits) && int(hits[k+1]) == j && j < b && st.isCue[j] && !st.cueStart[j] {
			j++
			k++
		}
		cues = append(cues, rng{i, j})
	}
	rb.cues = cues
	if len(cues) == 0 {
		return out
	}
	base := len(out)
	rb.srcDist = grow(rb.srcDist, len(cues))
	srcDist := rb.srcDist
	for k := range cues {
		out = append(out, trel{cue: cues[k]})
		srcDist[k] = -1
	}
	rels := out[base:]
	rb.runs = rb.runs[:0]
	for _, g := range regs {
		rb.runs = runs(rb.runs, st.role, g.a, g.b, rBS, rIS)
	}
	for _, r := range rb.runs {
		if k, d := nearestCue(c, cues, r, true); k >= 0 && (srcDist[k] < 0 || d < srcDist[k]) {
			rels[k].src, srcDist[k] = r, d
		}
	}
	rb.runs = rb.runs[:0]
	for _, g := range regs {
		rb.runs = runs(rb.runs, st.role, g.a, g.b, rBC, rIC)
	}
	rb.assign = rb.assign[:0]
	cnt := grow(rb.count, len(cues))
	rb.count = cnt
	for _, r := range rb.runs {
		k := -1
		if words(c.m, r) >= minContentWords { // shorter: "But", "several conditions", a tagging slip
			k, _ = nearestCue(c, cues, r, false)
		}
		rb.assign = append(rb.assign, k)
		if k >= 0 {
			cnt[k]++
		}
	}
	// Group the content runs by cue, in text order: cnt[k] becomes the
	// start of cue k's block, then (after filling) its end.
	l0 := len(rb.content)
	off := l0
	for k, n := range cnt {
		cnt[k] = off
		off += n
	}
	for len(rb.content) < off {
		rb.content = append(rb.content, rng{})
	}
	for i, r := range rb.runs {
		if k := rb.assign[i]; k >= 0 {
			rb.content[cnt[k]] = r
			cnt[k]++
		}
	}
	kept := out[:base]
	for k := range rels {
		lo := l0
		if k > 0 {
			lo = cnt[k-1]
		}
		if hi := cnt[k]; hi > lo {
			r := rels[k]
			r.content = rb.content[lo:hi:hi]
			kept = append(kept, r)
		}
	}
	return kept
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
