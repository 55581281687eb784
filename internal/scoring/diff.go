package scoring

import "slices"

// Delta is what changed between a stored result and a new one: the rows an
// incremental update must write so that the store holds exactly the new
// result. Ingesting one article touches the propositions its claims join,
// those they contradict, and the propositions whose origins' reliability
// moved; every other row is left alone.
type Delta struct {
	// Propositions are new or changed propositions (ClaimIDs are not
	// compared: a claim's own row says which proposition it is in).
	Propositions []Proposition
	// Removed are ids of stored propositions that no longer exist.
	Removed []int64
	// Claims and Sources hold the changed rows only.
	Claims  map[int64]ClaimScore
	Sources map[int64]SourceGrade
	// FindingProps lists the propositions (0 = findings without one) whose
	// findings changed; Findings are all new findings of those propositions.
	FindingProps []int64
	Findings     []Finding
}

// Empty reports whether nothing changed.
func (d Delta) Empty() bool {
	return len(d.Propositions) == 0 && len(d.Removed) == 0 && len(d.Claims) == 0 && len(d.Sources) == 0 && len(d.FindingProps) == 0
}

// Diff compares the stored result old with the new result cur. Applying
// the delta to old (replace changed rows, delete removed propositions,
// replace the findings of FindingProps) gives cur, so an incremental update
// and a full rewrite leave the same store.
func Diff(old, cur Result) Delta {
	var d Delta
	oldProps := make(map[int64]*Proposition, len(old.Propositions))
	for i := range old.Propositions {
		oldProps[old.Propositions[i].ID] = &old.Propositions[i]
	}
	seen := make(map[int64]bool, len(cur.Propositions))
	for i := range cur.Propositions {
		p := &cur.Propositions[i]
		seen[p.ID] = true
		if o := oldProps[p.ID]; o == nil || !sameProp(o, p) {
			d.Propositions = append(d.Propositions, *p)
		}
	}
	for i := range old.Propositions {
		if id := old.Propositions[i].ID; !seen[id] {
			d.Removed = append(d.Removed, id)
		}
	}
	slices.Sort(d.Removed)
	d.Claims = make(map[int64]ClaimScore)
	for id, c := range cur.Claims {
		if o, ok := old.Claims[id]; !ok || o != c {
			d.Claims[id] = c
		}
	}
	d.Sources = make(map[int64]SourceGrade)
	for id, s := range cur.Sources {
		if o, ok := old.Sources[id]; !ok || o.Reliability != s.Reliability || o.Score != s.Score || o.Explanation != s.Explanation {
			d.Sources[id] = s
		}
	}
	oldF, curF := findingsByProp(old.Findings), findingsByProp(cur.Findings)
	for p, fs := range curF {
		if !sameFindings(oldF[p], fs) {
			d.FindingProps = append(d.FindingProps, p)
			d.Findings = append(d.Findings, fs...)
		}
	}
	for p := range oldF {
		if _, ok := curF[p]; !ok {
			d.FindingProps = append(d.FindingProps, p)
		}
	}
	slices.Sort(d.FindingProps)
	sortFindings(d.Findings)
	return d
}

func sameProp(a, b *Proposition) bool {
	return a.IndependentOrigins == b.IndependentOrigins && a.SupportingArticles == b.SupportingArticles &&
		a.ContradictingArticles == b.ContradictingArticles && a.Grade == b.Grade && a.Score == b.Score &&
		a.Explanation == b.Explanation && slices.Equal(a.Origins, b.Origins) && slices.Equal(a.Contradicts, b.Contradicts)
}

func findingsByProp(fs []Finding) map[int64][]Finding {
	m := make(map[int64][]Finding)
	for _, f := range fs {
		m[f.PropositionID] = append(m[f.PropositionID], f)
	}
	for _, l := range m {
		sortFindings(l)
	}
	return m
}

func sameFindings(a, b []Finding) bool {
	return slices.EqualFunc(a, b, func(x, y Finding) bool {
		return x.Kind == y.Kind && x.Message == y.Message && slices.Equal(x.ClaimIDs, y.ClaimIDs)
	})
}
