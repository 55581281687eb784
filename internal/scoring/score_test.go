package scoring

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"
)

func TestWireEchoIsOneOrigin(t *testing.T) {
	texts := []string{
		"North Korea has sent troops to Russia to fight in Ukraine",
		"North Korea sent troops to Russia to fight in Ukraine",
		"North Korea has sent its troops to Russia to fight in Ukraine",
		"North Korea has sent soldiers to Russia to fight in Ukraine",
		"north korea has sent troops to russia, to fight in Ukraine",
	}
	var in Input
	for i, tx := range texts {
		in.Claims = append(in.Claims, claim(int64(i+1), int64(srcOutletA+i), tx, srcAP))
	}
	r := score(t, in)
	if len(r.Propositions) != 1 {
		t.Fatalf("got %d propositions, want 1: %+v", len(r.Propositions), r.Propositions)
	}
	p := r.Propositions[0]
	if p.IndependentOrigins != 1 || p.SupportingArticles != 5 || p.Grade != "3" {
		t.Errorf("origins %d articles %d grade %s, want 1, 5, 3", p.IndependentOrigins, p.SupportingArticles, p.Grade)
	}
	if !reflect.DeepEqual(p.Origins, []int64{srcAP}) {
		t.Errorf("origins %v, want AP", p.Origins)
	}
	if len(findings(r, FindSingleOrigin)) != 1 {
		t.Errorf("want a single_origin_amplification finding: %+v", r.Findings)
	}
	// Five outlets heard AP: the attribution is confirmed, the content is not.
	if f := r.Claims[1].Fidelity; f != "confirmed" {
		t.Errorf("fidelity %q, want confirmed", f)
	}
	if !strings.Contains(p.Explanation, "Associated Press") {
		t.Errorf("explanation does not name the origin: %s", p.Explanation)
	}
}

func TestTwoIndependentConfirmations(t *testing.T) {
	in := Input{Claims: []Claim{
		claim(1, srcOutletA, "North Korea has sent troops to Russia", srcNIS),
		claim(2, srcOutletB, "North Korea has sent troops to Russia", srcPentagon),
	}}
	r := score(t, in)
	p := propOf(t, r, 1)
	if p.ID != propOf(t, r, 2).ID {
		t.Fatal("the two claims should be one proposition")
	}
	if p.IndependentOrigins != 2 || p.Grade != "1" {
		t.Errorf("origins %d grade %s, want 2 and 1: %s", p.IndependentOrigins, p.Grade, p.Explanation)
	}
	if !reflect.DeepEqual(p.Origins, []int64{srcNIS, srcPentagon}) {
		t.Errorf("origins %v", p.Origins)
	}
	for _, name := range []string{"National Intelligence Service", "Pentagon", "confirmed"} {
		if !strings.Contains(p.Explanation, name) {
			t.Errorf("explanation lacks %q: %s", name, p.Explanation)
		}
	}
}

func TestOneOutletTwoOriginsIsProbable(t *testing.T) {
	in := Input{Claims: []Claim{
		claim(1, srcOutletA, "North Korea has sent troops to Russia", srcNIS),
		claim(2, srcOutletA, "North Korea has sent troops to Russia", srcPentagon),
	}}
	if g := score(t, in).Propositions[0].Grade; g != "2" {
		t.Errorf("grade %s, want 2 (independence rests on one outlet)", g)
	}
}

func TestReReportedScoopIsDependent(t *testing.T) {
	cases := map[string][]Claim{
		"outlet's own scoop": {
			claim(1, srcOutletA, "Russia has moved nuclear warheads to Belarus"),
			claim(2, srcOutletB, "Russia moved nuclear warheads to Belarus", srcOutletA),
		},
		"same origin through the outlet": {
			claim(1, srcOutletA, "Russia has moved nuclear warheads to Belarus", srcNIS),
			claim(2, srcOutletB, "Russia moved nuclear warheads to Belarus", srcOutletA, srcNIS),
		},
		"outlet cited without its origin": {
			claim(1, srcOutletA, "Russia has moved nuclear warheads to Belarus", srcNIS),
			claim(2, srcOutletB, "Russia moved nuclear warheads to Belarus", srcOutletA),
		},
		"spokesperson and institution": {
			claim(1, srcOutletA, "Russia has moved nuclear warheads to Belarus", srcPeskov),
			claim(2, srcOutletB, "Russia moved nuclear warheads to Belarus", srcKremlin),
		},
	}
	for name, cs := range cases {
		t.Run(name, func(t *testing.T) {
			in := Input{Claims: cs, Articles: []Article{{ID: 1, Outlet: srcOutletA}, {ID: 2, Outlet: srcOutletB}}}
			r := score(t, in)
			p := propOf(t, r, 1)
			if len(p.ClaimIDs) != 2 || p.IndependentOrigins != 1 {
				t.Errorf("claims %v origins %d, want 2 claims and 1 origin: %s", p.ClaimIDs, p.IndependentOrigins, p.Explanation)
			}
			if p.Grade == "1" || p.Grade == "2" {
				t.Errorf("grade %s for a single origin", p.Grade)
			}
		})
	}
}

// wireStory is a made-up wire story long enough for copy detection.
const wireStory = `The ministry of defence said on Tuesday that a convoy of forty trucks carrying
artillery shells crossed the border overnight, escorted by military police. Officials at the
border post counted the vehicles and photographed their plates, and the ministry published the
photographs on its website later in the morning. Local residents told reporters they had heard
heavy engines for more than two hours. The ministry did not say where the convoy was heading.`

func TestUncreditedWireCopyIsDependent(t *testing.T) {
	copyText := "Local news. " + strings.ReplaceAll(wireStory, "Tuesday", "Tuesday,")
	in := Input{
		Claims: []Claim{
			claim(1, srcAP, "a convoy of forty trucks carrying artillery shells crossed the border overnight"),
			claim(2, srcOutletC, "a convoy of forty trucks carrying artillery shells crossed the border overnight"),
			claim(3, srcOutletD, "a convoy of forty trucks carrying artillery shells crossed the border overnight", srcPentagon),
		},
		Articles: []Article{
			{ID: 1, Outlet: srcAP, Text: wireStory},
			{ID: 2, Outlet: srcOutletC, Text: copyText},
			{ID: 3, Outlet: srcOutletD, Text: "An unrelated text about the Pentagon briefing that gives the same figure of forty trucks and shells but in other words entirely, with more detail on the briefing room, the officers present and the questions asked."},
		},
	}
	r := score(t, in)
	p := propOf(t, r, 1)
	if len(p.ClaimIDs) != 3 {
		t.Fatalf("claims %v, want all three", p.ClaimIDs)
	}
	if p.IndependentOrigins != 2 {
		t.Errorf("origins %d (%v), want 2: the copy adds nothing, the Pentagon does", p.IndependentOrigins, p.Origins)
	}
	// Without the article texts the copy looks independent.
	in.Articles = nil
	if n := score(t, in).Propositions[0].IndependentOrigins; n != 3 {
		t.Errorf("without texts: %d origins, want 3", n)
	}
}

func TestDenialContradicts(t *testing.T) {
	for name, denial := range map[string]Claim{
		"cue":       {ID: 3, ArticleID: 3, Outlet: srcOutletC, Chain: []int64{srcPeskov}, Cue: "denied", Text: "North Korea has sent troops to Russia"},
		"negation":  claim(3, srcOutletC, "North Korea has not sent any troops to Russia", srcPeskov),
		"dismissed": claim(3, srcOutletC, "Moscow dismissed the reports that North Korea has sent troops to Russia as fake", srcPeskov),
	} {
		t.Run(name, func(t *testing.T) {
			in := Input{Claims: []Claim{
				claim(1, srcOutletA, "North Korea has sent troops to Russia", srcNIS),
				claim(2, srcOutletB, "North Korea sent troops to Russia", srcNIS),
				denial,
			}}
			r := score(t, in)
			p := propOf(t, r, 1)
			cs := r.Claims[3]
			if cs.PropositionID != p.ID || cs.Stance != "contradicts" {
				t.Fatalf("denial: proposition %d stance %s, want %d contradicts", cs.PropositionID, cs.Stance, p.ID)
			}
			if r.Claims[1].Stance != "supports" {
				t.Error("supporting claim should support")
			}
			if p.ContradictingArticles != 1 || p.SupportingArticles != 2 {
				t.Errorf("articles: %d supporting %d contradicting", p.SupportingArticles, p.ContradictingArticles)
			}
			if p.Grade != "4" {
				t.Errorf("grade %s, want 4 (contradicted by a comparable origin): %s", p.Grade, p.Explanation)
			}
			if !strings.Contains(p.Explanation, "Kremlin") {
				t.Errorf("explanation should name the contradicting origin: %s", p.Explanation)
			}
		})
	}
}

func TestReliableContradictionIsImprobable(t *testing.T) {
	in := Input{Claims: []Claim{
		claim(1, srcOutletA, "North Korea has sent troops to Russia", srcAnon),
		{ID: 2, ArticleID: 2, Outlet: srcOutletB, Chain: []int64{srcNIS}, Cue: "denied", Text: "North Korea has sent troops to Russia"},
		{ID: 3, ArticleID: 3, Outlet: srcOutletC, Chain: []int64{srcPentagon}, Cue: "rejected", Text: "North Korea has sent troops to Russia"},
	}}
	p := propOf(t, score(t, in), 1)
	if p.Grade != "5" {
		t.Errorf("grade %s, want 5: %s", p.Grade, p.Explanation)
	}
}

func TestHedgeDroppedIsQuoteDrift(t *testing.T) {
	in := Input{Claims: []Claim{
		claim(1, srcOutletA, "Seoul may consider sending weapons to Ukraine", srcYonhap, srcYoon),
		claim(2, srcOutletB, "Seoul will send weapons to Ukraine", srcOutletA, srcYoon),
	}, Articles: []Article{{ID: 1, Outlet: srcOutletA}, {ID: 2, Outlet: srcOutletB}}}
	r := score(t, in)
	if propOf(t, r, 1).ID != propOf(t, r, 2).ID {
		t.Fatal("the hedged and the unhedged claim are one proposition")
	}
	fs := findings(r, FindQuoteDrift)
	if len(fs) != 1 || !reflect.DeepEqual(fs[0].ClaimIDs, []int64{1, 2}) {
		t.Fatalf("quote_drift findings %+v", fs)
	}
	if r.Claims[2].Fidelity != "drifted" {
		t.Errorf("fidelity of the unhedged claim %q, want drifted", r.Claims[2].Fidelity)
	}
}

func TestNumberChangedAlongChainIsQuoteDrift(t *testing.T) {
	in := Input{Claims: []Claim{
		claim(1, srcOutletA, "North Korea has sent 3,000 troops to Russia", srcNIS),
		claim(2, srcOutletB, "North Korea has sent 30,000 troops to Russia", srcOutletA, srcNIS),
	}}
	r := score(t, in)
	if len(findings(r, FindQuoteDrift)) != 1 {
		t.Errorf("want one quote_drift finding: %+v", r.Findings)
	}
	if r.Claims[2].Fidelity != "drifted" || r.Claims[1].Fidelity == "drifted" {
		t.Errorf("fidelity %q %q", r.Claims[1].Fidelity, r.Claims[2].Fidelity)
	}
	if p := propOf(t, r, 1); p.Grade == "1" || p.Grade == "5" {
		t.Errorf("grade %s: a relay's error is not independent evidence", p.Grade)
	}
}

func TestSentAndPlannedAreDifferent(t *testing.T) {
	in := Input{Claims: []Claim{
		claim(1, srcOutletA, "North Korea has already sent 3,000 of its troops to Russia", srcNIS),
		claim(2, srcOutletA, "12 thousand soldiers will be sent to Russia", srcNIS),
		claim(3, srcOutletB, "North Korea will send twelve thousand troops to Russia", srcPentagon),
		claim(4, srcOutletC, "North Korea has sent 3000 troops to Russia", srcReuters),
	}}
	r := score(t, in)
	p1, p2 := propOf(t, r, 1), propOf(t, r, 2)
	if p1.ID == p2.ID {
		t.Fatal("3,000 sent and 12,000 to be sent must be different propositions")
	}
	if len(p1.Contradicts) != 0 || len(p2.Contradicts) != 0 {
		t.Errorf("sent vs planned is not a contradiction: %v %v", p1.Contradicts, p2.Contradicts)
	}
	if propOf(t, r, 3).ID != p2.ID {
		t.Error("twelve thousand to be sent = 12 thousand soldiers will be sent")
	}
	if propOf(t, r, 4).ID != p1.ID {
		t.Error("3000 = 3,000")
	}
}

func TestDifferentValueContradicts(t *testing.T) {
	in := Input{Claims: []Claim{
		claim(1, srcOutletA, "North Korea has sent 3,000 troops to Russia", srcNIS),
		claim(2, srcOutletB, "North Korea has sent 10,000 troops to Russia", srcPentagon),
	}}
	r := score(t, in)
	p1, p2 := propOf(t, r, 1), propOf(t, r, 2)
	if p1.ID == p2.ID {
		t.Fatal("different values are different propositions")
	}
	if !reflect.DeepEqual(p1.Contradicts, []int64{p2.ID}) || !reflect.DeepEqual(p2.Contradicts, []int64{p1.ID}) {
		t.Errorf("contradicts %v %v", p1.Contradicts, p2.Contradicts)
	}
	if p1.ContradictingArticles != 1 || p1.Grade != "4" {
		t.Errorf("contradicting articles %d grade %s", p1.ContradictingArticles, p1.Grade)
	}
}

func TestPlacesAndNegationMustAgree(t *testing.T) {
	in := Input{Claims: []Claim{
		claim(1, srcOutletA, "North Korean soldiers are being trained in Khabarovsk", srcAnon),
		claim(2, srcOutletB, "North Korean soldiers are being trained in Vladivostok", srcAnon2),
		claim(3, srcOutletC, "Seoul does not supply lethal weapons to Ukraine", srcYoon),
	}}
	r := score(t, in)
	if propOf(t, r, 1).ID == propOf(t, r, 2).ID {
		t.Error("different places joined")
	}
	if cs := r.Claims[3]; cs.Stance != "supports" || cs.PropositionID != 3 {
		t.Errorf("a negative statement with nothing to deny is its own proposition: %+v", cs)
	}
	if len(findings(r, FindAnonymousOnly)) != 2 {
		t.Errorf("anonymous_only findings: %+v", findings(r, FindAnonymousOnly))
	}
	if g := propOf(t, r, 1).Grade; g != "4" {
		t.Errorf("anonymous only: grade %s, want 4", g)
	}
}

func TestLinksWin(t *testing.T) {
	in := Input{Claims: []Claim{
		claim(1, srcOutletA, "North Korea has sent troops to Russia", srcNIS),
		claim(2, srcOutletB, "Pyongyang deployed an expeditionary contingent", srcPentagon),
		claim(3, srcOutletC, "North Korea has sent troops to Russia", srcReuters),
		claim(4, srcOutletD, "North Korea sent troops to Russia", srcAP),
	}, Links: []Link{
		{A: 1, B: 2, Linked: true},
		{A: 1, B: 3, Linked: true}, {A: 3, B: 1, Linked: false}, // the last word wins
		{A: 4, B: 3, Linked: false},
	}}
	r := score(t, in)
	if propOf(t, r, 2).ID != propOf(t, r, 1).ID {
		t.Error("link did not join")
	}
	if propOf(t, r, 3).ID == propOf(t, r, 1).ID {
		t.Error("unlink did not separate")
	}
	if propOf(t, r, 4).ID == propOf(t, r, 3).ID {
		t.Error("unlink did not separate 3 and 4")
	}
	if propOf(t, r, 4).ID != propOf(t, r, 1).ID {
		t.Error("4 should still match 1")
	}
}

func TestBrokenChainAndCircular(t *testing.T) {
	in := Input{Claims: []Claim{
		claim(1, srcOutletC, "Russia and North Korea signed a secret clause", srcWSJ),
		claim(2, srcOutletA, "a new airbase is being built near the border", srcOutletB),
		claim(3, srcOutletB, "a new airbase is being built near the border", srcOutletA),
	}, Articles: []Article{{ID: 2, Outlet: srcOutletA}, {ID: 3, Outlet: srcOutletB}}}
	r := score(t, in)
	if fs := findings(r, FindBrokenChain); len(fs) != 1 || fs[0].ClaimIDs[0] != 1 {
		t.Errorf("broken_chain findings %+v", fs)
	}
	if r.Claims[1].Fidelity != "broken" {
		t.Errorf("fidelity %q", r.Claims[1].Fidelity)
	}
	if fs := findings(r, FindCircular); len(fs) != 1 || !reflect.DeepEqual(fs[0].ClaimIDs, []int64{2, 3}) {
		t.Errorf("circular_reporting findings %+v", fs)
	}
	if n := propOf(t, r, 2).IndependentOrigins; n != 1 {
		t.Errorf("circular reporting counts %d origins", n)
	}
}

func TestReliabilityNeedsEvidence(t *testing.T) {
	// NIS is confirmed by the Pentagon on four different matters.
	topics := []string{"a missile test took place near Pyongyang", "a cargo ship left Rason harbour",
		"artillery shells were loaded onto trains", "an airbase was expanded near Wonsan"}
	var in Input
	id := int64(1)
	for _, tp := range topics {
		in.Claims = append(in.Claims, claim(id, srcOutletA, tp, srcNIS), claim(id+1, srcOutletB, tp, srcPentagon))
		id += 2
	}
	in.Claims = append(in.Claims, claim(id, srcOutletC, "a submarine sailed from Sinpo", srcReuters))
	in.Sources = append(testSources(), Source{ID: 99, Name: "Rated", Kind: "organisation", Rating: "E"})
	r := score(t, in)
	if g := r.Sources[srcNIS]; g.Reliability == "F" || g.Corroborated != 4 {
		t.Errorf("NIS: %+v", g)
	}
	if g := r.Sources[srcReuters]; g.Reliability != "F" {
		t.Errorf("Reuters with one unjudged claim: %+v", g)
	}
	if g := r.Sources[99]; g.Reliability != "E" {
		t.Errorf("a rating overrides: %+v", g)
	}
	// A single origin stays at 3 however reliable it is.
	if g := propOf(t, r, id).Grade; g != "3" {
		t.Errorf("grade %s", g)
	}
}

func TestVerdicts(t *testing.T) {
	in := Input{Claims: []Claim{
		claim(1, srcOutletA, "North Korea has sent troops to Russia", srcNIS),
		claim(2, srcOutletB, "North Korea has sent troops to Russia", srcPentagon),
	}, Verdicts: []Verdict{{ClaimID: 2, Verdict: "false"}}}
	if g := score(t, in).Propositions[0].Grade; g != "5" {
		t.Errorf("grade %s, want 5 after a false verdict", g)
	}
}

func TestDeterministic(t *testing.T) {
	in := Input{Claims: []Claim{
		claim(1, srcOutletA, "North Korea has sent 3,000 troops to Russia", srcNIS),
		claim(2, srcOutletB, "North Korea has sent 10,000 troops to Russia", srcPentagon),
		claim(3, srcOutletC, "North Korea has sent 3,000 troops to Russia", srcReuters),
		{ID: 4, ArticleID: 4, Outlet: srcOutletD, Chain: []int64{srcPeskov}, Cue: "denied", Text: "North Korea has sent troops to Russia"},
		claim(5, srcOutletE, "Seoul may consider sending weapons to Ukraine", srcYoon),
		claim(6, srcOutletA, "Seoul will send weapons to Ukraine", srcOutletE, srcYoon),
		claim(7, srcOutletB, "a secret clause allows troops to be sent", srcWSJ),
	}, Links: []Link{{A: 5, B: 7, Linked: false}}}
	want := score(t, in)
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 20; i++ {
		rng.Shuffle(len(in.Claims), func(a, b int) { in.Claims[a], in.Claims[b] = in.Claims[b], in.Claims[a] })
		if got := score(t, in); !reflect.DeepEqual(got, want) {
			t.Fatalf("run %d differs", i)
		}
	}
}
