package scoring

import (
	"cmp"
	"slices"
)

// Partial scoring. Score's result for a proposition depends on its own
// claims, on the claims it is joined to by denial and conflict edges, and on
// three things that span the whole store: the outlets that have articles
// (a chain ending at an outlet outside the store is broken), the
// near-duplicate clusters of its articles, and its origins' track records.
// A store that keeps those three (Partial) can score a closed part of itself
// (whole match groups, closed under edges) and get, for that part, exactly
// the rows a full run gives; see internal/db's incremental scoring.

// Tally is a source's track record, or one proposition's contribution to
// it: propositions corroborated (Succ, Corroborated) and contradicted
// (Fail, Contradicted) as counted by the reliability step (a fact-checker's
// verdict counts double and is also counted in Verdicts), and Claims, the
// claims whose origin it is. Succ and Fail are sums of halves and units, so
// adding and subtracting them is exact.
type Tally struct {
	Succ, Fail                           float64
	Corroborated, Contradicted, Verdicts int
	Claims                               int
}

// Add returns t plus u.
func (t Tally) Add(u Tally) Tally {
	return Tally{t.Succ + u.Succ, t.Fail + u.Fail, t.Corroborated + u.Corroborated,
		t.Contradicted + u.Contradicted, t.Verdicts + u.Verdicts, t.Claims + u.Claims}
}

// Sub returns t minus u.
func (t Tally) Sub(u Tally) Tally {
	return Tally{t.Succ - u.Succ, t.Fail - u.Fail, t.Corroborated - u.Corroborated,
		t.Contradicted - u.Contradicted, t.Verdicts - u.Verdicts, t.Claims - u.Claims}
}

// Zero reports whether t holds no evidence and no claims.
func (t Tally) Zero() bool { return t == Tally{} }

// Contrib is one proposition's contribution to one source's track record
// (Claims is 0).
type Contrib struct {
	Source int64
	Tally
}

// DupMember places an article in a near-duplicate cluster (the cluster id
// is the smallest article id in it).
type DupMember struct {
	Article, Cluster, Outlet int64
}

// Partial is the store-wide context for scoring a closed part of a store.
type Partial struct {
	// Base is every loaded source's track record without the evidence of
	// the input's propositions and without the input's claims (Claims
	// counts the store's other claims; see OriginCounts).
	Base map[int64]Tally
	// Outlets are the outlets that have articles anywhere in the store.
	Outlets []int64
	// Dup lists every member of every near-duplicate cluster that an
	// input article belongs to.
	Dup []DupMember
}

// GradeSource is a source's reliability grade from its track record (a
// fact-checker's rating, src.Rating, overrides it).
func GradeSource(src Source, t Tally) SourceGrade {
	l, m := letter(tally{t.Succ, t.Fail})
	sg := SourceGrade{Reliability: l, Score: m, Claims: t.Claims, Corroborated: t.Corroborated, Contradicted: t.Contradicted}
	name := src.Name
	if name == "" {
		name = "source #" + itoa(src.ID)
	}
	if validLetter(src.Rating) {
		sg.Reliability = src.Rating
		sg.Score = ratingValue(src.Rating)
		sg.Explanation = name + " is rated " + src.Rating + " by a fact-checker; the rating overrides its track record (" + trackRecord(t) + ")."
		return sg
	}
	sg.Explanation = name + " is graded " + l + " (" + reliabilityWord(l) + ") from its track record: " + trackRecord(t) +
		". A Beta(2,2) prior needs at least " + itoa(minEvidence) + " judged propositions before the letter leaves F and " + itoa(minEvidenceA) + " for an A."
	return sg
}

// LetterChanges reports whether a proposition that contributed own to a
// source's record (zero when it contributed nothing) weighs the source with
// another letter when the record moves from old to cur (leave-one-out, as
// letterFor).
func LetterChanges(old, cur, own Tally) bool {
	a, _ := letter(tally{old.Succ - own.Succ, old.Fail - own.Fail})
	b, _ := letter(tally{cur.Succ - own.Succ, cur.Fail - own.Fail})
	return a != b
}

// OriginCounts counts claims by origin as a track record does
// (Tally.Claims): the chain's last source and, for a spokesperson, the
// institution they speak for.
func OriginCounts(claims []Claim, sources []Source) map[int64]int {
	e := &env{srcs: make(map[int64]*Source, len(sources))}
	for i := range sources {
		e.srcs[sources[i].ID] = &sources[i]
	}
	out := make(map[int64]int)
	for i := range claims {
		c := &claims[i]
		o, r := e.origin(c), e.rawOrigin(c)
		out[r]++
		if o != r {
			out[o]++
		}
	}
	return out
}

// tallies lists every source's record in rt.
func (rt *relTable) tallies() map[int64]Tally {
	out := make(map[int64]Tally, len(rt.total)+len(rt.claims))
	get := func(id int64) {
		if _, ok := out[id]; ok {
			return
		}
		t := rt.total[id]
		out[id] = Tally{Succ: t.succ, Fail: t.fail, Corroborated: rt.corr[id], Contradicted: rt.contr[id],
			Verdicts: rt.verdicts[id], Claims: rt.claims[id]}
	}
	for id := range rt.total {
		get(id)
	}
	for id := range rt.claims {
		get(id)
	}
	for id, t := range out {
		if t.Zero() {
			delete(out, id)
		}
	}
	return out
}

// contribs sums proposition p's contributions per source, by source id.
func (rt *relTable) contribs(p int, verdictProp bool) []Contrib {
	var out []Contrib
	for _, c := range rt.byProp[p] {
		i := slices.IndexFunc(out, func(x Contrib) bool { return x.Source == c.src })
		if i < 0 {
			out = append(out, Contrib{Source: c.src})
			i = len(out) - 1
		}
		t := &out[i].Tally
		t.Succ += c.succ
		t.Fail += c.fail
		if c.succ > 0 {
			t.Corroborated++
		} else {
			t.Contradicted++
		}
		if verdictProp {
			t.Verdicts++
		}
	}
	slices.SortFunc(out, func(a, b Contrib) int { return cmp.Compare(a.Source, b.Source) })
	return out
}

// partialDup builds the near-duplicate clusters of a Partial.
func partialDup(dup []DupMember) (map[int64]int64, map[int64][]int64) {
	dupOf := make(map[int64]int64, len(dup))
	arts := make(map[int64]*Article, len(dup))
	for _, m := range dup {
		dupOf[m.Article] = m.Cluster
		arts[m.Article] = &Article{ID: m.Article, Outlet: m.Outlet}
	}
	return dupOf, clusterOutlets(dupOf, arts)
}
