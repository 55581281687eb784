package scoring

import (
	"cmp"
	"slices"
	"sort"
	"strings"
)

// gradeProp weighs proposition p's independent origins by reliability and
// applies the credibility rules.
func gradeProp(e *env, props []propWork, p int, rt *relTable) {
	pw := &props[p]
	var gi gradeInput
	gi.verdict = pw.verdict
	gi.contraDep = pw.contraDep
	for i := range pw.comps {
		cp := &pw.comps[i]
		l := rt.letterFor(e, cp.origin, p)
		gi.support = append(gi.support, weighted{class: cp.class, letter: l, w: classWeight[cp.class] * letterWeight(l)})
	}
	for _, cp := range pw.contraIndep {
		l := rt.letterFor(e, cp.origin, p)
		gi.contraIndep = append(gi.contraIndep, weighted{class: cp.class, letter: l, w: classWeight[cp.class] * letterWeight(l)})
	}
	if len(pw.comps) >= 2 {
		gi.oneOutlet = true
		first := e.claims[pw.support[0]].Outlet
		for _, m := range pw.support {
			if e.claims[m].Outlet != first {
				gi.oneOutlet = false
				break
			}
		}
	}
	pw.grade, pw.score, pw.rule = credibility(gi)
}

// assemble builds the public result from the scored propositions.
func assemble(e *env, props []propWork, propOf []int, g grouping, rt *relTable) Result {
	res := Result{
		Propositions: make([]Proposition, len(props)),
		Claims:       make(map[int64]ClaimScore, len(e.claims)),
		Sources:      make(map[int64]SourceGrade),
		Contribs:     make(map[int64][]Contrib),
		Tallies:      rt.tallies(),
	}
	fid := fidelity(e, props, propOf, g, &res.Findings)
	arts := propArticles(e, props)
	supportArticles := make([]int, len(props))
	for p := range props {
		supportArticles[p] = countArticles(e, props[p].support)
	}
	for p := range props {
		pw := &props[p]
		pr := Proposition{ID: pw.id, IndependentOrigins: len(pw.comps), Grade: pw.grade, Score: pw.score}
		for _, m := range pw.support {
			pr.ClaimIDs = append(pr.ClaimIDs, e.claims[m].ID)
		}
		for _, m := range pw.deny {
			pr.ClaimIDs = append(pr.ClaimIDs, e.claims[m].ID)
		}
		sort.Slice(pr.ClaimIDs, func(i, j int) bool { return pr.ClaimIDs[i] < pr.ClaimIDs[j] })
		for i := range pw.comps {
			pr.Origins = append(pr.Origins, pw.comps[i].origin)
		}
		pr.Origins = uniqIDs(pr.Origins)
		pr.SupportingArticles = supportArticles[p]
		// Articles of denials and of the support of each conflicting
		// proposition, each article once.
		pr.ContradictingArticles = contradictingArticles(e, props, p, arts)
		for _, q := range pw.contradicts {
			pr.Contradicts = append(pr.Contradicts, props[q].id)
		}
		pr.Explanation = explainProp(e, props, p, rt, pr)
		res.Propositions[p] = pr
		if cs := rt.contribs(p, rt.byVerdict[p]); len(cs) > 0 {
			res.Contribs[pr.ID] = cs
		}
		findingsFor(e, props, p, pr, &res.Findings)
	}
	for i := range e.claims {
		c := e.claims[i]
		pr := &res.Propositions[propOf[i]]
		stance := stanceSupports
		if g.contra[i] {
			stance = stanceContradicts
		}
		res.Claims[c.ID] = ClaimScore{
			PropositionID: pr.ID, Stance: stance, Grade: pr.Grade, Score: pr.Score,
			IndependentOrigins: pr.IndependentOrigins, SupportingArticles: pr.SupportingArticles,
			ContradictingArticles: pr.ContradictingArticles, Fidelity: fid[i],
			Explanation: explainClaim(e, i, stance, fid[i], pr, props[propOf[i]].verdict),
		}
	}
	for _, l := range g.linkIssues {
		a, b := e.claims[l[0]].ID, e.claims[l[1]].ID
		res.Findings = append(res.Findings, Finding{Kind: FindLinkConflict, ClaimIDs: []int64{a, b},
			PropositionID: res.Propositions[propOf[l[0]]].ID,
			Message:       "claims #" + itoa(a) + " and #" + itoa(b) + " were unlinked by a fact-checker but other links join them; the links were kept"})
	}
	ids := make([]int64, 0, len(e.srcs)+len(rt.claims))
	for id := range e.srcs {
		ids = append(ids, id)
	}
	for id := range rt.claims {
		if e.srcs[id] == nil && !e.partial {
			ids = append(ids, id)
		}
	}
	for _, id := range ids {
		res.Sources[id] = sourceGrade(e, rt, id)
	}
	sortFindings(res.Findings)
	return res
}

// contradictingArticles counts the distinct articles that deny proposition
// p or support a proposition that conflicts with it. The largest of those
// article sets is counted whole and only the others are looked up in it, so
// a story echoed in thousands of articles is not walked once for every
// small proposition that conflicts with it.
func contradictingArticles(e *env, props []propWork, p int, arts func(q int) []int64) int {
	pw := &props[p]
	if len(pw.contradicts) == 0 {
		return countArticles(e, pw.deny)
	}
	var deny []int64
	for _, m := range pw.deny {
		deny = append(deny, e.claims[m].ArticleID)
	}
	sets := [][]int64{uniqIDs(deny)}
	big := 0
	for _, q := range pw.contradicts {
		sets = append(sets, arts(q))
		if len(sets[len(sets)-1]) > len(sets[big]) {
			big = len(sets) - 1
		}
	}
	n := len(sets[big])
	extra := make(map[int64]bool)
	for i, set := range sets {
		if i == big {
			continue
		}
		for _, a := range set {
			if !hasID(sets[big], a) {
				extra[a] = true
			}
		}
	}
	return n + len(extra)
}

// propArticles returns a function giving the sorted distinct article ids
// of a proposition's support, computed once per proposition when asked.
func propArticles(e *env, props []propWork) func(q int) []int64 {
	cache := make(map[int][]int64)
	return func(q int) []int64 {
		if a, ok := cache[q]; ok {
			return a
		}
		a := make([]int64, 0, len(props[q].support))
		for _, m := range props[q].support {
			a = append(a, e.claims[m].ArticleID)
		}
		a = uniqIDs(a)
		cache[q] = a
		return a
	}
}

func countArticles(e *env, members []int32) int {
	if len(members) == 0 {
		return 0
	}
	seen := make(map[int64]bool, len(members))
	for _, m := range members {
		seen[e.claims[m].ArticleID] = true
	}
	return len(seen)
}

// sourceGrade is one source's reliability letter and its explanation.
func sourceGrade(e *env, rt *relTable, id int64) SourceGrade {
	src := Source{ID: id}
	if s := e.srcs[id]; s != nil {
		src = *s
	}
	t := rt.total[id]
	return GradeSource(src, Tally{Succ: t.succ, Fail: t.fail, Corroborated: rt.corr[id], Contradicted: rt.contr[id],
		Verdicts: rt.verdicts[id], Claims: rt.claims[id]})
}

func trackRecord(t Tally) string {
	s := itoa(int64(t.Claims)) + " claims, " + itoa(int64(t.Corroborated)) + " propositions corroborated by independent origins or marked true, " +
		itoa(int64(t.Contradicted)) + " contradicted or marked false"
	if v := t.Verdicts; v > 0 {
		s += " (" + itoa(int64(v)) + " by fact-checker verdicts, counted double)"
	}
	return s
}

func reliabilityWord(l string) string {
	switch l {
	case "A":
		return "completely reliable"
	case "B":
		return "usually reliable"
	case "C":
		return "fairly reliable"
	case "D":
		return "not usually reliable"
	case "E":
		return "unreliable"
	}
	return "cannot be judged yet"
}

func sortFindings(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		if c := strings.Compare(a.Kind, b.Kind); c != 0 {
			return c
		}
		if c := cmp.Compare(a.PropositionID, b.PropositionID); c != 0 {
			return c
		}
		if c := slices.Compare(a.ClaimIDs, b.ClaimIDs); c != 0 {
			return c
		}
		return strings.Compare(a.Message, b.Message)
	})
}
