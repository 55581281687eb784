package scoring

import "slices"

// unionFind is a disjoint-set forest with path halving and union by size.
type unionFind struct{ parent, size []int32 }

func newUnionFind(n int) *unionFind {
	u := &unionFind{parent: make([]int32, n), size: make([]int32, n)}
	for i := range u.parent {
		u.parent[i] = int32(i)
		u.size[i] = 1
	}
	return u
}

func (u *unionFind) find(x int32) int32 {
	for u.parent[x] != x {
		u.parent[x] = u.parent[u.parent[x]]
		x = u.parent[x]
	}
	return x
}

// union joins the sets of a and b and returns the new root.
func (u *unionFind) union(a, b int32) int32 {
	ra, rb := u.find(a), u.find(b)
	if ra == rb {
		return ra
	}
	if u.size[ra] < u.size[rb] {
		ra, rb = rb, ra
	}
	u.parent[rb] = ra
	u.size[ra] += u.size[rb]
	return ra
}

// grouping is the result of matching: each claim's group and stance.
type grouping struct {
	group    []int32 // claim index -> representative claim index of its proposition
	contra   []bool  // claim index -> stance contradicts
	conflict [][2]int32
	// conflictEdges keeps the claim pairs behind each conflict, for findings.
	conflictEdges []edge
	linkIssues    [][2]int32
}

// grouper joins claims into propositions with union-find. Fact-checker
// links win: Linked pairs are joined first; an unlinked pair is never joined
// by the matcher, not even through other claims.
type grouper struct {
	uf     *unionFind
	byRoot map[int32][]int32 // root -> claims its set must not join
	issues [][2]int32
}

func newGrouper(n int, links []Link, index map[int64]int32) *grouper {
	gr := &grouper{uf: newUnionFind(n), byRoot: make(map[int32][]int32)}
	// The last link for a pair wins.
	type pair struct{ a, b int32 }
	final := make(map[pair]bool)
	var order []pair
	for _, l := range links {
		a, okA := index[l.A]
		b, okB := index[l.B]
		if !okA || !okB || a == b {
			continue
		}
		if a > b {
			a, b = b, a
		}
		p := pair{a, b}
		if _, seen := final[p]; !seen {
			order = append(order, p)
		}
		final[p] = l.Linked
	}
	for _, p := range order {
		if final[p] {
			gr.uf.union(p.a, p.b)
		}
	}
	for _, p := range order {
		if final[p] {
			continue
		}
		if gr.uf.find(p.a) == gr.uf.find(p.b) {
			gr.issues = append(gr.issues, [2]int32{p.a, p.b})
			continue
		}
		ra, rb := gr.uf.find(p.a), gr.uf.find(p.b)
		gr.byRoot[ra] = append(gr.byRoot[ra], p.b)
		gr.byRoot[rb] = append(gr.byRoot[rb], p.a)
	}
	return gr
}

// blocked reports whether the sets rooted at ra and rb must stay apart.
func (gr *grouper) blocked(ra, rb int32) bool {
	la := gr.byRoot[ra]
	if lb := gr.byRoot[rb]; len(lb) < len(la) {
		la, rb = lb, ra
	}
	for _, x := range la {
		if gr.uf.find(x) == rb {
			return true
		}
	}
	return false
}

// join unites the sets of a and b unless a fact-checker keeps them apart.
func (gr *grouper) join(a, b int32) {
	ra, rb := gr.uf.find(a), gr.uf.find(b)
	if ra == rb {
		return
	}
	if len(gr.byRoot) > 0 && gr.blocked(ra, rb) {
		return
	}
	r := gr.uf.union(ra, rb)
	if len(gr.byRoot) > 0 {
		other := ra
		if r == ra {
			other = rb
		}
		if l := gr.byRoot[other]; len(l) > 0 {
			gr.byRoot[r] = append(gr.byRoot[r], l...)
			delete(gr.byRoot, other)
		}
	}
}

// finish attaches denials and records conflicts. A group is negative when
// all its claims are negated; a negative group with denial edges attaches to
// the positive group it denies most strongly (its claims then contradict
// that proposition).
func (gr *grouper) finish(fs []features, edges []edge) grouping {
	n := len(fs)
	uf := gr.uf
	slices.SortFunc(edges, func(x, y edge) int {
		switch {
		case x.sim > y.sim:
			return -1
		case x.sim < y.sim:
			return 1
		case x.a != y.a:
			return int(x.a - y.a)
		}
		return int(x.b - y.b)
	})
	negGroup := make([]bool, n)
	for i := range negGroup {
		negGroup[i] = true
	}
	for i := 0; i < n; i++ {
		if !fs[i].neg {
			negGroup[uf.find(int32(i))] = false
		}
	}
	best := make(map[int32]int32)
	for _, e := range edges {
		if e.kind != edgeDenial {
			continue
		}
		ra, rb := uf.find(e.a), uf.find(e.b)
		if ra == rb {
			continue
		}
		neg, pos := ra, rb
		if !negGroup[neg] {
			neg, pos = rb, ra
		}
		if !negGroup[neg] || negGroup[pos] || (len(gr.byRoot) > 0 && gr.blocked(neg, pos)) {
			continue
		}
		// Edges are sorted by similarity: the first one seen is the best.
		if _, ok := best[neg]; !ok {
			best[neg] = pos
		}
	}
	g := grouping{group: make([]int32, n), contra: make([]bool, n), linkIssues: gr.issues}
	for i := 0; i < n; i++ {
		r := uf.find(int32(i))
		if p, ok := best[r]; ok {
			g.group[i] = p
			g.contra[i] = true
			continue
		}
		g.group[i] = r
		g.contra[i] = fs[i].neg && !negGroup[r]
	}
	seen := make(map[[2]int32]bool)
	for _, e := range edges {
		if e.kind != edgeConflict {
			continue
		}
		a, b := g.group[e.a], g.group[e.b]
		if a == b || g.contra[e.a] || g.contra[e.b] {
			continue
		}
		g.conflictEdges = append(g.conflictEdges, e)
		if a > b {
			a, b = b, a
		}
		k := [2]int32{a, b}
		if !seen[k] {
			seen[k] = true
			g.conflict = append(g.conflict, k)
		}
	}
	return g
}
