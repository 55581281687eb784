package scoring

import (
	"cmp"
	"slices"
)

// Rematch matches claims afresh, exactly as Score does when it is given no
// stored matching (every Claim.Group ignored), under the fact-checker's
// links, and returns what a store keeps of the matching: each claim's raw
// match group and the denial and conflict edges (see matchstate.go).
//
// A link or an unlink changes the union-find state the matcher starts
// from, and the matcher skips pairs already joined or already given an
// edge, so its effect on groups and edges cannot be bounded by the linked
// claims alone. Matching is the cheap part of scoring; a correction to
// links re-runs it over every claim and then rescores only the
// propositions whose groups or edges moved (internal/db's corrections).
func Rematch(claims []Claim, links []Link) (map[int64]int64, []Edge) {
	cs := make([]*Claim, len(claims))
	for i := range claims {
		cs[i] = &claims[i]
	}
	slices.SortStableFunc(cs, func(a, b *Claim) int { return cmp.Compare(a.ID, b.ID) })
	index := make(map[int64]int32, len(cs))
	for i, c := range cs {
		index[c.ID] = int32(i)
	}
	fs := analyseAll(cs)
	vs, w, _ := buildVectorsNamed(fs)
	for i := range fs {
		fs[i].toks = nil // the vectors replace them
	}
	gr := newGrouper(len(cs), links, index)
	edges := findEdges(fs, vs, w, gr, nil, nil)
	return matchOutput(&env{claims: cs}, gr, edges)
}
