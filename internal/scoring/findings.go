package scoring

import (
	"slices"
	"sort"
)

// fidelity decides for every claim whether its origin really said it, and
// reports quote drift: within one proposition and one origin, a hedge
// dropped along a chain or a number changed.
func fidelity(e *env, props []propWork, propOf []int, g grouping, out *[]Finding) []string {
	fid := make([]string, len(e.claims))
	drift := make([]bool, len(e.claims))
	for p := range props {
		for _, members := range [][]int32{props[p].support, props[p].deny} {
			byOrigin := make(map[int64][]int32)
			var order []int64
			for _, m := range members {
				o := e.origin(e.claims[m])
				if _, ok := byOrigin[o]; !ok {
					order = append(order, o)
				}
				byOrigin[o] = append(byOrigin[o], m)
			}
			for _, o := range order {
				ms := byOrigin[o]
				var hedged, plain []int32
				for _, m := range ms {
					if e.fs[m].hedge {
						hedged = append(hedged, m)
					} else {
						plain = append(plain, m)
					}
				}
				if len(hedged) > 0 && len(plain) > 0 {
					ids := make([]int64, 0, len(ms))
					for _, m := range hedged {
						ids = append(ids, e.claims[m].ID)
					}
					for _, m := range plain {
						ids = append(ids, e.claims[m].ID)
						drift[m] = true
					}
					*out = append(*out, Finding{Kind: FindQuoteDrift, ClaimIDs: ids, PropositionID: props[p].id,
						Message: e.name(e.rawOrigin(e.claims[hedged[0]])) + "'s statement is hedged in claim #" + itoa(e.claims[hedged[0]].ID) + " (" + e.chainString(e.claims[hedged[0]]) +
							") but the hedge is dropped in " + plural(len(plain), "claim") + ", e.g. #" + itoa(e.claims[plain[0]].ID) + " (" + e.chainString(e.claims[plain[0]]) + ")"})
				}
				paths := e.paths(ms, drift)
				for _, m := range ms {
					if paths >= 2 {
						fid[m] = "confirmed"
					} else {
						fid[m] = "single"
					}
				}
			}
		}
	}
	// A number changed between two chains to the same origin: one finding
	// per pair of propositions.
	type pp struct{ a, b int }
	byPair := make(map[pp][]int32)
	var pairs []pp
	for _, ed := range g.conflictEdges {
		a, b := e.claims[ed.a], e.claims[ed.b]
		if e.origin(a) != e.origin(b) {
			continue
		}
		switch {
		case len(a.Chain) > len(b.Chain):
			drift[ed.a] = true
		case len(b.Chain) > len(a.Chain):
			drift[ed.b] = true
		default:
			drift[ed.a], drift[ed.b] = true, true
		}
		k := pp{propOf[ed.a], propOf[ed.b]}
		if k.a > k.b {
			k.a, k.b = k.b, k.a
		}
		if _, ok := byPair[k]; !ok {
			pairs = append(pairs, k)
		}
		byPair[k] = append(byPair[k], ed.a, ed.b)
	}
	for _, k := range pairs {
		ms := byPair[k]
		slices.Sort(ms)
		ms = slices.Compact(ms)
		ids := make([]int64, len(ms))
		for i, m := range ms {
			ids[i] = e.claims[m].ID
		}
		a, b := e.claims[ms[0]], e.claims[ms[len(ms)-1]]
		*out = append(*out, Finding{Kind: FindQuoteDrift, ClaimIDs: ids, PropositionID: props[k.a].id,
			Message: "propositions #" + itoa(props[k.a].id) + " and #" + itoa(props[k.b].id) + " attribute different numbers to " +
				e.name(e.origin(a)) + " for the same statement, e.g. claim #" + itoa(a.ID) + " (" + e.chainString(a) + ") and claim #" + itoa(b.ID) + " (" + e.chainString(b) + ")"})
	}
	for i := range e.claims {
		c := e.claims[i]
		switch {
		case len(c.Chain) == 0:
			fid[i] = "unattributed"
		case e.class(c) == clsBroken:
			fid[i] = "broken"
		case drift[i]:
			fid[i] = "drifted"
		}
	}
	return fid
}

// paths counts the independent routes by which claims reached their
// outlets from one origin: the first hop when an outlet relays someone,
// otherwise the outlet (or its near-duplicate cluster, so a wire copy is not
// a second route). A relay through an outlet that itself carries the claim,
// and a drifted claim, add no route.
func (e *env) paths(ms []int32, drift []bool) int {
	outlets := make(map[int64]bool, len(ms))
	for _, m := range ms {
		outlets[e.claims[m].Outlet] = true
	}
	keys := make(map[int64]bool, len(ms))
	for _, m := range ms {
		c := e.claims[m]
		switch {
		case drift[m]:
		case len(c.Chain) >= 2 && outlets[c.Chain[0]]:
		case len(c.Chain) >= 2:
			keys[c.Chain[0]] = true
		default:
			if cl, ok := e.dupOf[c.ArticleID]; ok {
				keys[-cl-1] = true
			} else {
				keys[c.Outlet] = true
			}
		}
	}
	return len(keys)
}

// findingsFor reports problems with the reporting chains of one proposition.
func findingsFor(e *env, props []propWork, p int, pr Proposition, out *[]Finding) {
	pw := &props[p]
	ids := func(ms []int32) []int64 {
		r := make([]int64, len(ms))
		for i, m := range ms {
			r[i] = e.claims[m].ID
		}
		return r
	}
	if pr.SupportingArticles >= 3 && len(pw.comps) == 1 {
		*out = append(*out, Finding{Kind: FindSingleOrigin, ClaimIDs: ids(pw.support), PropositionID: pw.id,
			Message: plural(pr.SupportingArticles, "article") + " carry this proposition but all trace back to one origin, " + e.name(pw.comps[0].origin) + "; the echoes add no independent confirmation"})
	}
	allClass := func(cl int) bool {
		for i := range pw.comps {
			if pw.comps[i].class != cl {
				return false
			}
		}
		return len(pw.comps) > 0
	}
	if allClass(clsAnonymous) {
		*out = append(*out, Finding{Kind: FindAnonymousOnly, ClaimIDs: ids(pw.support), PropositionID: pw.id,
			Message: "only anonymous sources back this proposition (" + plural(len(pw.comps), "independent origin") + ")"})
	}
	if allClass(clsUnattributed) {
		*out = append(*out, Finding{Kind: FindUnattributed, ClaimIDs: ids(pw.support), PropositionID: pw.id,
			Message: "no source is named for this proposition: " + plural(len(pw.support), "claim") + " state it as the outlet's own"})
	}
	for _, m := range pw.support {
		c := e.claims[m]
		if e.class(c) == clsBroken {
			*out = append(*out, Finding{Kind: FindBrokenChain, ClaimIDs: []int64{c.ID}, PropositionID: pw.id,
				Message: "the chain " + e.chainString(c) + " ends at " + e.name(e.rawOrigin(c)) + ", which is not in the store and names no origin"})
		}
	}
	circular(e, pw, out)
}

// circular reports outlets that cite each other for a proposition while
// none of them names a primary source (a cycle in the "cites" graph among
// outlets, found with Tarjan's strongly connected components).
func circular(e *env, pw *propWork, out *[]Finding) {
	adj := make(map[int64][]int64)
	primary := make(map[int64]bool) // outlet names a source outside the outlets
	outlets := make(map[int64]bool)
	for _, m := range pw.support {
		outlets[e.claims[m].Outlet] = true
	}
	for _, m := range pw.support {
		c := e.claims[m]
		o := e.rawOrigin(c)
		if len(c.Chain) > 0 && outlets[o] && o != c.Outlet {
			adj[c.Outlet] = append(adj[c.Outlet], o)
		} else if len(c.Chain) > 0 {
			primary[c.Outlet] = true
		}
	}
	if len(adj) < 2 {
		return
	}
	nodes := make([]int64, 0, len(adj))
	for n := range adj {
		nodes = append(nodes, n)
	}
	sort.Slice(nodes, func(i, j int) bool { return nodes[i] < nodes[j] })
	for _, scc := range tarjan(nodes, adj) {
		if len(scc) < 2 {
			continue
		}
		ok := true
		for _, n := range scc {
			if primary[n] {
				ok = false
			}
		}
		if !ok {
			continue
		}
		sort.Slice(scc, func(i, j int) bool { return scc[i] < scc[j] })
		in := make(map[int64]bool)
		for _, n := range scc {
			in[n] = true
		}
		var cids []int64
		names := ""
		for i, n := range scc {
			if i > 0 {
				names += ", "
			}
			names += e.name(n)
		}
		for _, m := range pw.support {
			if in[e.claims[m].Outlet] {
				cids = append(cids, e.claims[m].ID)
			}
		}
		*out = append(*out, Finding{Kind: FindCircular, ClaimIDs: cids, PropositionID: pw.id,
			Message: names + " cite each other for this proposition and none names a primary source"})
	}
}

// tarjan returns the strongly connected components of a small graph.
func tarjan(nodes []int64, adj map[int64][]int64) [][]int64 {
	index := make(map[int64]int)
	low := make(map[int64]int)
	on := make(map[int64]bool)
	var stack []int64
	var out [][]int64
	next := 0
	var visit func(v int64)
	visit = func(v int64) {
		index[v], low[v] = next, next
		next++
		stack = append(stack, v)
		on[v] = true
		for _, w := range adj[v] {
			if _, seen := index[w]; !seen {
				visit(w)
				low[v] = min(low[v], low[w])
			} else if on[w] {
				low[v] = min(low[v], index[w])
			}
		}
		if low[v] == index[v] {
			var scc []int64
			for {
				w := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				on[w] = false
				scc = append(scc, w)
				if w == v {
					break
				}
			}
			out = append(out, scc)
		}
	}
	for _, n := range nodes {
		if _, seen := index[n]; !seen {
			visit(n)
		}
	}
	return out
}
