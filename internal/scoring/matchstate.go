package scoring

// Incremental matching. Matching takes claims in id order and a claim's
// candidates are only earlier claims (findEdges), so the decisions made for
// the claims already stored never change when later claims arrive. A store
// keeps each claim's raw match group (Result.Groups) and the denial and
// conflict edges (Result.Edges); given them back (Claim.Group, Input.Edges)
// Score does not compare the stored claims again: it unites each stored
// group, indexes the stored claims for blocking exactly as a full run would,
// and compares only the new claims. The grouping, and so the whole result,
// is the one a full run gives.

// Edge kinds of Edge.Kind.
const (
	EdgeDenial   = edgeDenial   // same content, opposite polarity
	EdgeConflict = edgeConflict // same content, different numbers
)

// Edge is a denial or conflict found between two claims (A < B, claim ids).
type Edge struct {
	A, B int64
	Kind int
	Sim  float64
}

// matchState is the stored matching given back in the input, as claim
// indices: matched[i] says claim i was matched before (not compared
// again), pre lists pairs to unite, edges are its stored edges.
type matchState struct {
	matched []bool
	pre     [][2]int32
	edges   []edge
}

// storedMatching validates the stored matching of in. It is used only if
// every stored claim precedes every new claim (ids ascend with ingest);
// otherwise a new claim could have been a candidate of a stored one, and
// everything is matched afresh.
func storedMatching(claims []*Claim, in *Input, index map[int64]int32) matchState {
	var ms matchState
	lastOld, firstNew := int64(-1<<63), int64(1<<63-1)
	stored := false
	for _, c := range claims {
		if c.Group != 0 {
			stored = true
			lastOld = max(lastOld, c.ID)
		} else {
			firstNew = min(firstNew, c.ID)
		}
	}
	if !stored || lastOld > firstNew {
		return ms
	}
	ms.matched = make([]bool, len(claims))
	first := make(map[int64]int32)
	for i, c := range claims {
		if c.Group == 0 {
			continue
		}
		ms.matched[i] = true
		if j, ok := first[c.Group]; ok {
			ms.pre = append(ms.pre, [2]int32{j, int32(i)})
		} else {
			first[c.Group] = int32(i)
		}
	}
	for _, ed := range in.Edges {
		a, okA := index[ed.A]
		b, okB := index[ed.B]
		if !okA || !okB || a == b || (ed.Kind != edgeDenial && ed.Kind != edgeConflict) {
			continue
		}
		if a > b {
			a, b = b, a
		}
		ms.edges = append(ms.edges, edge{a: a, b: b, kind: int8(ed.Kind), sim: ed.Sim})
	}
	return ms
}

// merge unites the sets of a and b as a stored decision: no fact-checker
// check (the store made it under the same links), but unlink lists follow
// the new root.
func (gr *grouper) merge(a, b int32) {
	ra, rb := gr.uf.find(a), gr.uf.find(b)
	if ra == rb {
		return
	}
	r := gr.uf.union(ra, rb)
	other := ra
	if r == ra {
		other = rb
	}
	if l := gr.byRoot[other]; len(l) > 0 {
		gr.byRoot[r] = append(gr.byRoot[r], l...)
		delete(gr.byRoot, other)
	}
}

// matchOutput is what a store keeps of the matching: every claim's raw
// group (the smallest claim id of its union-find set, before denials
// attach) and every denial and conflict edge.
func matchOutput(e *env, gr *grouper, edges []edge) (map[int64]int64, []Edge) {
	n := len(e.claims)
	minOf := make(map[int32]int64)
	for i := 0; i < n; i++ { // ascending ids: the first seen is the smallest
		r := gr.uf.find(int32(i))
		if _, ok := minOf[r]; !ok {
			minOf[r] = e.claims[i].ID
		}
	}
	groups := make(map[int64]int64, n)
	for i := 0; i < n; i++ {
		groups[e.claims[i].ID] = minOf[gr.uf.find(int32(i))]
	}
	out := make([]Edge, len(edges))
	for k, ed := range edges {
		out[k] = Edge{A: e.claims[ed.a].ID, B: e.claims[ed.b].ID, Kind: int(ed.kind), Sim: ed.sim}
	}
	return groups, out
}
