package scoring

import (
	"sort"
	"strconv"
)

// Origin classes, strongest first.
const (
	clsNamed        = iota // a named person, body, outlet or agency
	clsBroken              // the chain ends at an outlet or report not in the store
	clsAnonymous           // an anonymous source
	clsUnattributed        // the outlet's own statement
)

var classWeight = [...]float64{clsNamed: 1, clsBroken: 0.75, clsAnonymous: 0.5, clsUnattributed: 0.4}

var className = [...]string{clsNamed: "named", clsBroken: "unverifiable (broken chain)", clsAnonymous: "anonymous", clsUnattributed: "unattributed"}

// env is the shared, read-only context of one scoring run.
type env struct {
	claims  []*Claim // sorted by ID
	fs      []features
	srcs    map[int64]*Source
	inStore map[int64]bool  // outlets that have articles in the input
	dupOf   map[int64]int64 // article id -> near-duplicate cluster id
	// dupOutlets lists the outlets of each near-duplicate cluster, sorted.
	dupOutlets map[int64][]int64
	articles   map[int64]*Article
	partial    bool // scoring a closed part of a store (Input.Partial)
}

func (e *env) kind(id int64) string {
	if s := e.srcs[id]; s != nil {
		return s.Kind
	}
	return ""
}

func (e *env) name(id int64) string {
	if s := e.srcs[id]; s != nil && s.Name != "" {
		return s.Name
	}
	return "source #" + itoa(id)
}

// rawOrigin is the last source of the chain, or the outlet.
func (e *env) rawOrigin(c *Claim) int64 {
	if len(c.Chain) == 0 {
		return c.Outlet
	}
	return c.Chain[len(c.Chain)-1]
}

// origin resolves a spokesperson to the institution they speak for.
func (e *env) origin(c *Claim) int64 {
	o := e.rawOrigin(c)
	if s := e.srcs[o]; s != nil && s.Affiliation != 0 && s.Kind != "anonymous" && s.Kind != "outlet" && s.Kind != "agency" {
		return s.Affiliation
	}
	return o
}

// class says how strong a claim's origin is.
func (e *env) class(c *Claim) int {
	if len(c.Chain) == 0 {
		return clsUnattributed
	}
	o := c.Chain[len(c.Chain)-1]
	switch e.kind(o) {
	case "anonymous":
		return clsAnonymous
	case "outlet", "document":
		if !e.inStore[o] {
			return clsBroken
		}
	}
	return clsNamed
}

// keys are the sources a claim's content passes through, beyond its own
// outlet, plus its near-duplicate cluster: two claims sharing a key are
// dependent.
func (e *env) keys(c *Claim, buf []int64) []int64 {
	buf = buf[:0]
	if len(c.Chain) == 0 {
		buf = append(buf, c.Outlet)
	}
	for _, h := range c.Chain {
		buf = append(buf, h)
		if s := e.srcs[h]; s != nil && s.Affiliation != 0 && s.Kind != "anonymous" {
			buf = append(buf, s.Affiliation)
		}
	}
	if cl, ok := e.dupOf[c.ArticleID]; ok {
		buf = append(buf, -cl-1) // negative: article clusters, apart from source ids
	}
	return buf
}

// component is one independent group of claims within a proposition.
type component struct {
	origin  int64
	class   int
	claims  []int32
	keys    []int64 // sorted, unique
	outlets []int64 // sorted, unique
}

// components splits claims into groups that share a source (connected
// components of "shares a source"), and also joins an outlet's claims to
// claims that cite that outlet. Output is ordered by smallest claim index.
func (e *env) components(members []int32) []component {
	if len(members) == 0 {
		return nil
	}
	var buf []int64
	if len(members) == 1 {
		c := e.claims[members[0]]
		keys := uniqIDs(append([]int64(nil), e.keys(c, buf)...))
		cp := component{class: e.class(c), claims: members, keys: keys, outlets: []int64{c.Outlet}}
		cp.origin = e.origin(c)
		return []component{cp}
	}
	uf := newUnionFind(len(members))
	first := make(map[int64]int32, len(members)*2)
	for i, m := range members {
		buf = e.keys(e.claims[m], buf)
		for _, k := range buf {
			if j, ok := first[k]; ok {
				uf.union(int32(i), j)
			} else {
				first[k] = int32(i)
			}
		}
	}
	// An outlet that re-reports another outlet's claim depends on it: the
	// citing claim joins the cited outlet's first claim here. Only the
	// first: if that outlet carries the proposition from two origins of its
	// own (one claim from one agency, one from another), a third outlet
	// citing it must not fuse them into one.
	joined := make(map[int64]bool)
	for i, m := range members {
		o := e.claims[m].Outlet
		if j, ok := first[o]; ok && !joined[o] {
			joined[o] = true
			uf.union(int32(i), j)
		}
	}
	// An uncredited copy of an outlet's (an agency's) story depends on that
	// outlet as the claims that credit it do, even when the outlet's own
	// article states the fact in other words (so is not in members).
	for i, m := range members {
		c := e.claims[m]
		cl, ok := e.dupOf[c.ArticleID]
		if !ok {
			continue
		}
		for _, o := range e.dupOutlets[cl] {
			if j, ok := first[o]; ok && o != c.Outlet {
				uf.union(int32(i), j)
			}
		}
	}
	byRoot := make(map[int32]int)
	var comps []component
	for i, m := range members {
		r := uf.find(int32(i))
		ci, ok := byRoot[r]
		if !ok {
			ci = len(comps)
			byRoot[r] = ci
			comps = append(comps, component{class: clsUnattributed})
		}
		cp := &comps[ci]
		c := e.claims[m]
		cp.claims = append(cp.claims, m)
		cp.outlets = append(cp.outlets, c.Outlet)
		cp.keys = append(cp.keys, e.keys(c, buf)...)
		if cl := e.class(c); cl < cp.class {
			cp.class = cl
		}
	}
	for i := range comps {
		comps[i].keys = uniqIDs(comps[i].keys)
		comps[i].outlets = uniqIDs(comps[i].outlets)
		comps[i].origin = e.representative(&comps[i])
	}
	return comps
}

func uniqIDs(a []int64) []int64 {
	if len(a) < 2 {
		return a
	}
	sort.Slice(a, func(i, j int) bool { return a[i] < a[j] })
	out := a[:1]
	for _, x := range a[1:] {
		if x != out[len(out)-1] {
			out = append(out, x)
		}
	}
	return out
}

func hasID(sorted []int64, x int64) bool {
	i := sort.Search(len(sorted), func(i int) bool { return sorted[i] >= x })
	return i < len(sorted) && sorted[i] == x
}

// representative picks the origin that names a component: origins that are
// not themselves outlets of the component's claims first (the primary
// source, not a relay), then the most frequent, then the smallest id.
func (e *env) representative(cp *component) int64 {
	count := make(map[int64]int)
	for _, m := range cp.claims {
		count[e.origin(e.claims[m])]++
	}
	best, bestRelay, bestN := int64(0), true, -1
	ids := make([]int64, 0, len(count))
	for o := range count {
		ids = append(ids, o)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	for _, o := range ids {
		relay := hasID(cp.outlets, o) && len(count) > 1
		n := count[o]
		if bestN < 0 || (bestRelay && !relay) || (relay == bestRelay && n > bestN) {
			best, bestRelay, bestN = o, relay, n
		}
	}
	return best
}

// independentOf reports whether component x shares no source with the
// claims summarised by keys and outlets (sets of source ids).
func independentOf(x *component, keys, outlets map[int64]bool) bool {
	for _, k := range x.keys {
		if keys[k] || outlets[k] {
			return false
		}
	}
	for _, o := range x.outlets {
		if keys[o] {
			return false
		}
	}
	return true
}

func itoa(x int64) string { return strconv.FormatInt(x, 10) }
