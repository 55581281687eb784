package scoring

// contrib is one proposition's evidence about one source.
type contrib struct {
	src        int64
	succ, fail float64
}

// relTable is every source's track record, with each proposition's own
// contribution kept so that a proposition is never weighed by evidence it
// produced itself (leave-one-out: the two Admiralty axes stay apart).
type relTable struct {
	total    map[int64]tally
	byProp   [][]contrib
	claims   map[int64]int
	corr     map[int64]int
	contr    map[int64]int
	verdicts map[int64]int // judged by a fact-checker
	// byVerdict[p] says proposition p was judged by a fact-checker.
	byVerdict []bool
}

// judge decides whether a proposition's supporting origins were
// corroborated (+1) or contradicted (-1) by independent origins or a
// fact-checker, from counts of independent groups only (never from
// reliability, to avoid a loop).
func judge(pw *propWork) (float64, bool) {
	switch pw.verdict {
	case "true":
		return 1, true
	case "false":
		return -1, true
	case "misleading":
		return -0.5, true
	case "conflict":
		return 0, true
	}
	s, c := len(pw.comps), len(pw.contraIndep)
	strongC := 0
	for _, x := range pw.contraIndep {
		if x.class <= clsBroken {
			strongC++
		}
	}
	// A one-to-one standoff is evidence for neither side.
	switch {
	case s >= c+2:
		return 1, false
	case strongC > 0 && c >= s+1:
		return -1, false
	}
	return 0, false
}

// originsOf lists the distinct sources a group of claims is attributed to:
// the chain's last source and, for a spokesperson, their institution.
func originsOf(e *env, cp *component) []int64 {
	var out []int64
	for _, m := range cp.claims {
		c := e.claims[m]
		out = append(out, e.rawOrigin(c), e.origin(c))
	}
	return uniqIDs(out)
}

// reliability builds the track record of every origin (Beta prior, see
// letter) from corroboration and contradiction across propositions and from
// fact-checker verdicts.
//
// With part (a closed part of a store), the record starts from part.Base.
func reliability(e *env, props []propWork, part *Partial) *relTable {
	rt := &relTable{
		total:     make(map[int64]tally),
		byProp:    make([][]contrib, len(props)),
		claims:    make(map[int64]int),
		corr:      make(map[int64]int),
		contr:     make(map[int64]int),
		verdicts:  make(map[int64]int),
		byVerdict: make([]bool, len(props)),
	}
	if part != nil {
		for id, t := range part.Base {
			rt.total[id] = tally{t.Succ, t.Fail}
			rt.claims[id] = t.Claims
			rt.corr[id] = t.Corroborated
			rt.contr[id] = t.Contradicted
			rt.verdicts[id] = t.Verdicts
		}
	}
	for i := range e.claims {
		c := e.claims[i]
		o, r := e.origin(c), e.rawOrigin(c)
		rt.claims[r]++
		if o != r {
			rt.claims[o]++
		}
	}
	for p := range props {
		pw := &props[p]
		out, byVerdict := judge(pw)
		pw.outcome = 0
		if out > 0 {
			pw.outcome = 1
		} else if out < 0 {
			pw.outcome = -1
		}
		if out == 0 {
			continue
		}
		weight := 1.0
		rt.byVerdict[p] = byVerdict
		if byVerdict {
			weight = 2 // a fact-checker's verdict is stronger evidence
		}
		add := func(comps []component, sign float64) {
			for i := range comps {
				for _, s := range originsOf(e, &comps[i]) {
					v := out * sign * weight
					ct := contrib{src: s}
					if v > 0 {
						ct.succ = v
						rt.corr[s]++
					} else {
						ct.fail = -v
						rt.contr[s]++
					}
					if byVerdict {
						rt.verdicts[s]++
					}
					rt.byProp[p] = append(rt.byProp[p], ct)
					t := rt.total[s]
					t.succ += ct.succ
					t.fail += ct.fail
					rt.total[s] = t
				}
			}
		}
		add(pw.comps, 1)
		add(pw.denyComps, -1)
	}
	return rt
}

// letterFor is source s's reliability letter as used to weigh proposition
// p: a fact-checker's rating if any, otherwise its track record without p.
func (rt *relTable) letterFor(e *env, s int64, p int) string {
	if src := e.srcs[s]; src != nil && validLetter(src.Rating) {
		return src.Rating
	}
	t := rt.total[s]
	if p >= 0 {
		for _, c := range rt.byProp[p] {
			if c.src == s {
				t.succ -= c.succ
				t.fail -= c.fail
			}
		}
	}
	l, _ := letter(t)
	return l
}

func validLetter(l string) bool {
	return len(l) == 1 && l[0] >= 'A' && l[0] <= 'F'
}
