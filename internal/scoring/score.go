package scoring

import (
	"cmp"
	"runtime"
	"slices"
	"sort"
	"sync"
)

// propWork is one proposition while it is being scored.
type propWork struct {
	id          int64
	support     []int32 // claim indices, ascending
	deny        []int32
	contradicts []int // indices of conflicting propositions
	comps       []component
	denyComps   []component
	verdict     string
	// filled by grading
	contraIndep []*component
	contraDep   int
	outcome     int // +1 corroborated, -1 contradicted, 0 not judged
	grade       string
	score       float64
	rule        string
}

// Score groups claims into propositions, counts independent origins, grades
// sources and propositions, and reports findings. It is deterministic: the
// same input, in any order, gives the same result.
func Score(in Input) Result {
	e := &env{
		srcs:     make(map[int64]*Source, len(in.Sources)),
		inStore:  make(map[int64]bool),
		articles: make(map[int64]*Article, len(in.Articles)),
	}
	for i := range in.Sources {
		e.srcs[in.Sources[i].ID] = &in.Sources[i]
	}
	for i := range in.Articles {
		e.inStore[in.Articles[i].Outlet] = true
		e.articles[in.Articles[i].ID] = &in.Articles[i]
	}
	e.claims = make([]*Claim, len(in.Claims))
	for i := range in.Claims {
		e.claims[i] = &in.Claims[i]
	}
	slices.SortStableFunc(e.claims, func(a, b *Claim) int { return cmp.Compare(a.ID, b.ID) })
	index := make(map[int64]int32, len(e.claims))
	for i := range e.claims {
		e.inStore[e.claims[i].Outlet] = true
		index[e.claims[i].ID] = int32(i)
	}
	e.fs = analyseAll(e.claims)
	if in.Partial != nil {
		e.partial = true
		for _, o := range in.Partial.Outlets {
			e.inStore[o] = true
		}
		e.dupOf, e.dupOutlets = partialDup(in.Partial.Dup)
	} else {
		e.dupOf = dupClusters(in.Articles)
		e.dupOutlets = clusterOutlets(e.dupOf, e.articles)
	}

	vs, w, names := buildVectorsNamed(e.fs)
	var keys map[int64][]int64
	if in.WantKeys {
		keys = blockKeysOf(e.claims, vs, names)
	}
	for i := range e.fs {
		e.fs[i].toks = nil // the vectors replace them
	}
	gr := newGrouper(len(e.claims), in.Links, index)
	ms := storedMatching(e.claims, &in, index)
	for _, p := range ms.pre {
		gr.merge(p[0], p[1])
	}
	edges := append(ms.edges, findEdges(e.fs, vs, w, gr, ms.matched, nil)...)
	groups, outEdges := matchOutput(e, gr, edges)
	g := gr.finish(e.fs, edges)

	props, propOf := buildProps(e, g)
	verdicts := make(map[int32]string)
	for _, v := range in.Verdicts {
		if i, ok := index[v.ClaimID]; ok {
			verdicts[i] = v.Verdict
		}
	}
	parallel(len(props), func(p int) {
		pw := &props[p]
		pw.comps = e.components(pw.support)
		pw.denyComps = e.components(pw.deny)
		pw.verdict = propVerdict(pw, verdicts)
	})
	for p := range props {
		contradictions(e, props, p)
	}
	rel := reliability(e, props, in.Partial)
	for p := range props {
		gradeProp(e, props, p, rel)
	}
	res := assemble(e, props, propOf, g, rel)
	res.Groups, res.Edges = groups, outEdges
	res.BlockKeys = keys
	if in.Partial == nil {
		res.Clusters = e.dupOf
	}
	return res
}

// analyseAll computes matching features for every claim, in parallel.
func analyseAll(claims []*Claim) []features {
	fs := make([]features, len(claims))
	parallel(len(claims), func(i int) { fs[i] = analyse(claims[i].Text, claims[i].Cue) })
	return fs
}

// parallel runs f(0..n-1) on all cores; each index is handled once.
func parallel(n int, f func(int)) {
	workers := runtime.GOMAXPROCS(0)
	if n < 2048 || workers < 2 {
		for i := 0; i < n; i++ {
			f(i)
		}
		return
	}
	var wg sync.WaitGroup
	chunk := (n + workers - 1) / workers
	for s := 0; s < n; s += chunk {
		end := min(s+chunk, n)
		wg.Add(1)
		go func(s, end int) {
			defer wg.Done()
			for i := s; i < end; i++ {
				f(i)
			}
		}(s, end)
	}
	wg.Wait()
}

// buildProps turns the grouping into propositions ordered by id.
func buildProps(e *env, g grouping) ([]propWork, []int) {
	n := len(e.claims)
	byRep := make(map[int32]int)
	var props []propWork
	propOf := make([]int, n)
	for i := 0; i < n; i++ { // claims ascend by id: the first member is the smallest
		r := g.group[i]
		p, ok := byRep[r]
		if !ok {
			p = len(props)
			byRep[r] = p
			props = append(props, propWork{id: e.claims[i].ID})
		}
		propOf[i] = p
		if g.contra[i] {
			props[p].deny = append(props[p].deny, int32(i))
		} else {
			props[p].support = append(props[p].support, int32(i))
		}
	}
	for _, c := range g.conflict {
		a, b := byRep[c[0]], byRep[c[1]]
		props[a].contradicts = append(props[a].contradicts, b)
		props[b].contradicts = append(props[b].contradicts, a)
	}
	for p := range props {
		sort.Ints(props[p].contradicts)
	}
	return props, propOf
}

// propVerdict folds fact-checker verdicts on member claims into one verdict
// on the proposition (a verdict on a denial counts the other way).
func propVerdict(pw *propWork, verdicts map[int32]string) string {
	if len(verdicts) == 0 {
		return ""
	}
	out := ""
	add := func(v string, flip bool) {
		if flip {
			switch v {
			case "true":
				v = "false"
			case "false":
				v = "true"
			}
		}
		switch {
		case v != "true" && v != "false" && v != "misleading":
			return
		case out == "":
			out = v
		case out != v:
			out = "conflict"
		}
	}
	for _, c := range pw.support {
		if v, ok := verdicts[c]; ok {
			add(v, false)
		}
	}
	for _, c := range pw.deny {
		if v, ok := verdicts[c]; ok {
			add(v, true)
		}
	}
	return out
}

// contradictions collects the contradicting groups of proposition p (its
// denials and the support of conflicting propositions) and splits them into
// independent of p's support and dependent on it.
func contradictions(e *env, props []propWork, p int) {
	pw := &props[p]
	if len(pw.denyComps) == 0 && len(pw.contradicts) == 0 {
		return
	}
	keys := make(map[int64]bool)
	outlets := make(map[int64]bool)
	for i := range pw.comps {
		for _, k := range pw.comps[i].keys {
			keys[k] = true
		}
		for _, o := range pw.comps[i].outlets {
			outlets[o] = true
		}
	}
	consider := func(c *component) {
		if independentOf(c, keys, outlets) {
			pw.contraIndep = append(pw.contraIndep, c)
		} else {
			pw.contraDep += len(c.claims)
		}
	}
	for i := range pw.denyComps {
		consider(&pw.denyComps[i])
	}
	for _, q := range pw.contradicts {
		for i := range props[q].comps {
			consider(&props[q].comps[i])
		}
	}
}
