package scoring

import (
	"math"
	"slices"
	"sort"
)

// Matching thresholds on weighted Jaccard similarity of content tokens.
const (
	joinThreshold     = 0.5 // same proposition when features agree
	conflictThreshold = 0.6 // different value for the same quantity
	maxPosting        = 32  // probe at most this many recent claims per token
	// minTokens is the fewest content words a claim needs to be matched
	// with others: "the court", "to comment" or "in a statement" carry too
	// little to say that two articles assert the same thing.
	minTokens = 3
)

// edge kinds found by the matcher.
const (
	edgeJoin     = iota // same proposition
	edgeDenial          // same content, opposite polarity
	edgeConflict        // same content, different numbers
)

type edge struct {
	a, b int32 // claim indices, a < b
	kind int8
	sim  float64
}

// vector is a claim's token set as ranks in the global rarity order
// (rarest first), with IDF weights.
type vector struct {
	ranks  []int32
	suffix []float32 // suffix[k] = weight of ranks[k:]
	total  float64
	prefix int // number of leading ranks indexed (prefix filter)
}

// buildVectors interns tokens, orders them by document frequency and weights
// them by inverse document frequency (Salton & Buckley 1988).
func buildVectors(fs []features) ([]vector, []float64) {
	ids := make(map[string]int32)
	var df []int32
	var names []string
	tokIDs := make([][]int32, len(fs))
	for i := range fs {
		t := make([]int32, len(fs[i].toks))
		for k, s := range fs[i].toks {
			id, ok := ids[s]
			if !ok {
				id = int32(len(df))
				ids[s] = id
				df = append(df, 0)
				names = append(names, s)
			}
			df[id]++
			t[k] = id
		}
		tokIDs[i] = t
	}
	order := make([]int32, len(df))
	for i := range order {
		order[i] = int32(i)
	}
	sort.Slice(order, func(a, b int) bool {
		x, y := order[a], order[b]
		if df[x] != df[y] {
			return df[x] < df[y]
		}
		return names[x] < names[y]
	})
	rank := make([]int32, len(df))
	weight := make([]float64, len(df))
	n := float64(len(fs)) + 1
	for r, id := range order {
		rank[id] = int32(r)
		weight[r] = math.Log(1 + n/float64(df[id]))
	}
	vs := make([]vector, len(fs))
	for i, t := range tokIDs {
		rs := t // reuse
		for k, id := range t {
			rs[k] = rank[id]
		}
		sort.Slice(rs, func(a, b int) bool { return rs[a] < rs[b] })
		var tot float64
		for _, r := range rs {
			tot += weight[r]
		}
		// Prefix filter (Chaudhuri et al. 2006; Bayardo et al. 2007): two
		// sets with weighted Jaccard >= t share a token among the leading
		// ranks of each whose remaining weight is >= t * total.
		p, rest := 0, tot
		for p < len(rs) && rest >= joinThreshold*tot-1e-12 {
			rest -= weight[rs[p]]
			p++
		}
		suf := make([]float32, len(rs))
		acc := 0.0
		for k := len(rs) - 1; k >= 0; k-- {
			acc += weight[rs[k]]
			suf[k] = float32(acc)
		}
		vs[i] = vector{ranks: rs, suffix: suf, total: tot, prefix: p}
	}
	return vs, weight
}

// similarity is the weighted Jaccard of two rank vectors.
func similarity(a, b vector, w []float64) float64 {
	var inter float64
	i, j := 0, 0
	for i < len(a.ranks) && j < len(b.ranks) {
		switch {
		case a.ranks[i] == b.ranks[j]:
			inter += w[a.ranks[i]]
			i++
			j++
		case a.ranks[i] < b.ranks[j]:
			i++
		default:
			j++
		}
	}
	union := a.total + b.total - inter
	if union <= 0 {
		return 0
	}
	return inter / union
}

// findEdges blocks claims by the rare tokens of their prefixes (an inverted
// index; never all pairs) and classifies each similar pair.
// Join edges are applied at once to gr (claims already in one set are not
// compared again); denial and conflict edges are returned.
func findEdges(fs []features, vs []vector, w []float64, gr *grouper) []edge {
	type posting struct {
		claim int32
		pos   int32
	}
	post := make([][]posting, len(w))
	stamp := make([]int32, len(fs))
	for i := range stamp {
		stamp[i] = -1
	}
	var edges []edge
	var roots []int32 // groups already given an edge from claim i
	// J >= t needs an overlap of at least t/(1+t) * (|x| + |y|).
	const need = joinThreshold / (1 + joinThreshold)
	for i := range vs {
		v := vs[i]
		if len(v.ranks) < minTokens {
			continue // neither probes nor is indexed
		}
		roots = roots[:0]
		for pi, r := range v.ranks[:v.prefix] {
			list := post[r]
			start := 0
			if len(list) > maxPosting {
				start = len(list) - maxPosting
			}
			for _, pj := range list[start:] {
				j := pj.claim
				if stamp[j] == int32(i) {
					continue
				}
				stamp[j] = int32(i)
				// Positional filter (Xiao et al., PPJoin 2008): this is the
				// first shared token, so the overlap is at most the smaller
				// remaining weight from here on.
				if float64(min(v.suffix[pi], vs[j].suffix[pj.pos])) < need*(v.total+vs[j].total)-1e-6 {
					continue
				}
				rj := gr.uf.find(j)
				if rj == gr.uf.find(int32(i)) || slices.Contains(roots, rj) {
					continue // joined already, or an edge to that group exists
				}
				e, ok := classify(j, int32(i), fs, vs, w)
				switch {
				case !ok:
				case e.kind == edgeJoin:
					gr.join(e.a, e.b)
				default:
					roots = append(roots, rj)
					edges = append(edges, e)
				}
			}
			if len(list) >= 4*maxPosting {
				// Keep only the window that is probed.
				list = append(make([]posting, 0, 2*maxPosting), list[len(list)-maxPosting:]...)
			}
			post[r] = append(list, posting{int32(i), int32(pi)})
		}
	}
	return edges
}

// classify decides whether claims a and b are the same proposition, a
// denial of each other, conflicting values, or unrelated.
func classify(a, b int32, fs []features, vs []vector, w []float64) (edge, bool) {
	fa, fb := &fs[a], &fs[b]
	if fa.future != fb.future || !yearsAgree(fa.years, fb.years) || !properAgree(fa.proper, fb.proper) {
		return edge{}, false
	}
	sim := similarity(vs[a], vs[b], w)
	if sim < joinThreshold {
		return edge{}, false
	}
	numsEq := floatsEqual(fa.nums, fb.nums)
	e := edge{a: a, b: b, sim: sim}
	switch {
	case fa.neg != fb.neg:
		if !numsEq && len(fa.nums) > 0 && len(fb.nums) > 0 {
			return edge{}, false
		}
		e.kind = edgeDenial
	case numsEq:
		e.kind = edgeJoin
	case len(fa.nums) > 0 && len(fb.nums) > 0 && sim >= conflictThreshold:
		e.kind = edgeConflict
	default:
		return edge{}, false
	}
	return e, true
}

func floatsEqual(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// yearsAgree is true unless both name years and they differ.
func yearsAgree(a, b []int) bool {
	if len(a) == 0 || len(b) == 0 {
		return true
	}
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// properAgree is false when each side names a capitalised word (a place, a
// person, an organisation) the other lacks: "trained in X" vs "trained in Y".
func properAgree(a, b []string) bool {
	return !hasExtra(a, b) || !hasExtra(b, a)
}

// hasExtra reports whether sorted a has an element not in sorted b.
func hasExtra(a, b []string) bool {
	j := 0
	for _, x := range a {
		for j < len(b) && b[j] < x {
			j++
		}
		if j >= len(b) || b[j] != x {
			return true
		}
	}
	return false
}
