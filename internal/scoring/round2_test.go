package scoring

import (
	"strings"
	"testing"
)

func TestContradictingArticlesCountedOnce(t *testing.T) {
	in := Input{Claims: []Claim{
		claim(1, srcOutletA, "North Korea has sent 3,000 troops to Russia", srcNIS),
		{ID: 2, ArticleID: 2, Outlet: srcOutletB, Chain: []int64{srcPentagon}, Text: "North Korea has sent 10,000 troops to Russia"},
		{ID: 3, ArticleID: 2, Outlet: srcOutletB, Chain: []int64{srcReuters}, Text: "North Korea has sent 20,000 troops to Russia"},
	}}
	p := propOf(t, score(t, in), 1)
	if len(p.Contradicts) != 2 || p.ContradictingArticles != 1 {
		t.Errorf("contradicts %v in %d articles, want 2 propositions in 1 article", p.Contradicts, p.ContradictingArticles)
	}
}

// An outlet carries a statement from two agencies of its own; a third
// outlet that cites the outlet depends on it but must not fuse the two.
func TestReReportDoesNotFuseOrigins(t *testing.T) {
	in := Input{Claims: []Claim{
		claim(1, srcOutletA, "North Korea has sent troops to Russia", srcNIS),
		claim(2, srcOutletA, "North Korea has sent troops to Russia", srcPentagon),
		claim(3, srcOutletB, "North Korea has sent troops to Russia", srcOutletA),
	}, Articles: []Article{{ID: 1, Outlet: srcOutletA}, {ID: 2, Outlet: srcOutletA}, {ID: 3, Outlet: srcOutletB}}}
	p := propOf(t, score(t, in), 1)
	if len(p.ClaimIDs) != 3 || p.IndependentOrigins != 2 {
		t.Errorf("claims %v origins %d (%v), want 3 claims and 2 origins: %s", p.ClaimIDs, p.IndependentOrigins, p.Origins, p.Explanation)
	}
}

func TestVerdictNamedInClaimExplanation(t *testing.T) {
	in := Input{Claims: []Claim{claim(1, srcOutletA, "North Korea has sent troops to Russia", srcNIS)},
		Verdicts: []Verdict{{ClaimID: 1, Verdict: "true"}}}
	r := score(t, in)
	cs := r.Claims[1]
	if cs.Grade != "1" || !strings.Contains(cs.Explanation, "fact-checker's verdict (true)") || strings.Contains(cs.Explanation, "graded 1 (confirmed) with") {
		t.Errorf("grade %s, explanation %q", cs.Grade, cs.Explanation)
	}
}

// An uncredited copy of an agency's story depends on the agency even when
// the agency's own article states the fact in other words.
func TestUncreditedCopyDependsOnAgency(t *testing.T) {
	in := Input{
		Claims: []Claim{
			claim(2, srcOutletC, "a convoy of forty trucks carrying artillery shells crossed the border overnight"),
			claim(3, srcOutletD, "a convoy of forty trucks carrying artillery shells crossed the border overnight", srcAP),
		},
		Articles: []Article{
			{ID: 1, Outlet: srcAP, Text: wireStory},
			{ID: 2, Outlet: srcOutletC, Text: "Local news. " + wireStory},
			{ID: 3, Outlet: srcOutletD},
		},
	}
	if p := propOf(t, score(t, in), 2); len(p.ClaimIDs) != 2 || p.IndependentOrigins != 1 {
		t.Errorf("claims %v origins %d, want 2 claims and 1 origin: %s", p.ClaimIDs, p.IndependentOrigins, p.Explanation)
	}
}

func TestDiff(t *testing.T) {
	in := Input{Claims: []Claim{
		claim(1, srcOutletA, "North Korea has sent troops to Russia", srcNIS),
		claim(2, srcOutletB, "a submarine sailed from the eastern port", srcReuters),
	}}
	before := score(t, in)
	if d := Diff(before, before); !d.Empty() {
		t.Errorf("a result differs from itself: %+v", d)
	}
	if d := Diff(Result{}, before); len(d.Propositions) != 2 || len(d.Claims) != 2 || len(d.Sources) != len(before.Sources) {
		t.Errorf("against an empty store everything is new: %+v", d)
	}
	// A second origin for the first proposition touches it and its
	// claims, not the unrelated one.
	in.Claims = append(in.Claims, claim(3, srcOutletC, "North Korea sent troops to Russia", srcPentagon))
	d := Diff(before, score(t, in))
	if len(d.Propositions) != 1 || d.Propositions[0].ID != 1 || len(d.Removed) != 0 {
		t.Errorf("changed propositions %+v removed %v, want only #1", d.Propositions, d.Removed)
	}
	if _, ok := d.Claims[2]; ok || len(d.Claims) != 2 {
		t.Errorf("changed claims %v, want 1 and 3", d.Claims)
	}
}
