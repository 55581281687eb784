package scoring

import (
	"slices"
	"strings"
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

// vector is a claim's token set as ranks in one fixed global token order
// (most selective first), with fixed token weights.
type vector struct {
	ranks  []int32
	suffix []float32 // suffix[k] = weight of ranks[k:]
	total  float64
	prefix int // number of leading ranks indexed (prefix filter)
}

// buildVectors interns tokens and orders them by a fixed key (tokenKey), and
// weighs them by tokenWeight. Neither depends on the rest of the corpus, so
// whether two claims match depends on the two claims alone: adding an
// article never changes a decision about two other claims, and an
// incremental update can reproduce a full run exactly. (An IDF weight over
// the store, Salton & Buckley 1988, would shift with every article.)
func buildVectors(fs []features) ([]vector, []float64) {
	vs, w, _ := buildVectorsNamed(fs)
	return vs, w
}

// buildVectorsNamed is buildVectors that also returns each rank's token.
func buildVectorsNamed(fs []features) ([]vector, []float64, []string) {
	ids := make(map[string]int32)
	var names []string
	tokIDs := make([][]int32, len(fs))
	// One backing array for all claims' ranks and one for their suffix
	// weights: vectors compared together sit close in memory.
	total := 0
	for i := range fs {
		total += len(fs[i].toks)
	}
	arena := make([]int32, total)
	sufArena := make([]float32, total)
	for i := range fs {
		n := len(fs[i].toks)
		t := arena[:n:n]
		arena = arena[n:]
		for k, s := range fs[i].toks {
			id, ok := ids[s]
			if !ok {
				id = int32(len(names))
				ids[s] = id
				names = append(names, s)
			}
			t[k] = id
		}
		tokIDs[i] = t
	}
	keys := make([]uint64, len(names))
	for i, s := range names {
		keys[i] = tokenKey(s)
	}
	order := make([]int32, len(names))
	for i := range order {
		order[i] = int32(i)
	}
	// The rank order is the fixed order of tokenKey restricted to the
	// tokens present: relative order of two tokens never depends on others.
	slices.SortFunc(order, func(x, y int32) int {
		if keys[x] != keys[y] {
			if keys[x] < keys[y] {
				return -1
			}
			return 1
		}
		return strings.Compare(names[x], names[y])
	})
	rank := make([]int32, len(names))
	weight := make([]float64, len(names))
	byRank := make([]string, len(names))
	for r, id := range order {
		rank[id] = int32(r)
		weight[r] = tokenWeight(names[id])
		byRank[r] = names[id]
	}
	vs := make([]vector, len(fs))
	for i, t := range tokIDs {
		rs := t // reuse
		for k, id := range t {
			rs[k] = rank[id]
		}
		slices.Sort(rs)
		n := len(rs)
		vs[i] = makeVector(rs, weight, sufArena[:n:n])
		sufArena = sufArena[n:]
	}
	return vs, weight, byRank
}

// makeVector computes the prefix and the suffix weights (into suf, of the
// length of rs) of sorted ranks rs.
func makeVector(rs []int32, weight []float64, suf []float32) vector {
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
	acc := 0.0
	for k := len(rs) - 1; k >= 0; k-- {
		acc += weight[rs[k]]
		suf[k] = float32(acc)
	}
	return vector{ranks: rs, suffix: suf, total: tot, prefix: p}
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
// compared again); denial and conflict edges are returned. Claims are taken
// in id order and compared only with earlier claims. A claim with
// matched[i] set (matched by an earlier run, see matchstate.go) is indexed
// but not compared; matched may be nil. With seed (incremental.go), each
// token's index starts as seed[rank] (the stored claims a full run would
// hold in it) and matched claims are neither compared nor indexed.
func findEdges(fs []features, vs []vector, w []float64, gr *grouper, matched []bool, seed [][]posting) []edge {
	post := make([][]posting, len(w))
	for r := range seed {
		post[r] = seed[r]
	}
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
		probe := matched == nil || !matched[i]
		if seed != nil && !probe {
			continue
		}
		for pi, r := range v.ranks[:v.prefix] {
			list := post[r]
			start := len(list)
			if probe {
				start = max(0, len(list)-maxPosting)
			}
			for _, pj := range list[start:] {
				j := pj.claim
				// Positional filter (Xiao et al., PPJoin 2008): if this is
				// the first shared token, the overlap is at most the smaller
				// remaining weight from here on. (A pair failing it here may
				// still pass at a later shared token, whose bound is lower
				// still, so it is rejected without marking it seen.)
				if float64(min(v.suffix[pi], pj.rest)) < need*(v.total+pj.total)-1e-6 {
					continue
				}
				if stamp[j] == int32(i) {
					continue
				}
				stamp[j] = int32(i)
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
			post[r] = append(list, posting{int32(i), v.suffix[pi], v.total})
		}
	}
	return edges
}

// posting is one claim in a token's index. It carries what the positional
// filter needs, so that most candidates are rejected without touching their
// vectors (at a million claims, those reads were cache misses that made
// blocking superlinear).
type posting struct {
	claim int32
	rest  float32 // suffix weight of the claim from this token on
	total float64 // the claim's total weight
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
	numsEq := slices.Equal(fa.nums, fb.nums)
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

// yearsAgree is true unless both name years and they differ.
func yearsAgree(a, b []int) bool {
	return len(a) == 0 || len(b) == 0 || slices.Equal(a, b)
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
