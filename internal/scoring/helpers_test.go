package scoring

import "testing"

// Source ids used by the tests.
const (
	srcAP       = 1
	srcReuters  = 2
	srcOutletA  = 10
	srcOutletB  = 11
	srcOutletC  = 12
	srcOutletD  = 13
	srcOutletE  = 14
	srcNIS      = 20
	srcPentagon = 21
	srcPeskov   = 22
	srcKremlin  = 23
	srcAnon     = 24
	srcAnon2    = 25
	srcWSJ      = 26
	srcYoon     = 27
	srcSeoul    = 28
	srcYonhap   = 29
)

func testSources() []Source {
	return []Source{
		{ID: srcAP, Name: "Associated Press", Kind: "agency"},
		{ID: srcReuters, Name: "Reuters", Kind: "agency"},
		{ID: srcOutletA, Name: "Outlet A", Kind: "outlet"},
		{ID: srcOutletB, Name: "Outlet B", Kind: "outlet"},
		{ID: srcOutletC, Name: "Outlet C", Kind: "outlet"},
		{ID: srcOutletD, Name: "Outlet D", Kind: "outlet"},
		{ID: srcOutletE, Name: "Outlet E", Kind: "outlet"},
		{ID: srcNIS, Name: "National Intelligence Service", Kind: "intelligence"},
		{ID: srcPentagon, Name: "Pentagon", Kind: "government"},
		{ID: srcPeskov, Name: "Dmitry Peskov", Kind: "person", Affiliation: srcKremlin},
		{ID: srcKremlin, Name: "Kremlin", Kind: "government"},
		{ID: srcAnon, Name: "Outlet A's sources", Kind: "anonymous", Affiliation: srcOutletA},
		{ID: srcAnon2, Name: "Outlet B's sources", Kind: "anonymous", Affiliation: srcOutletB},
		{ID: srcWSJ, Name: "The Wall Street Journal", Kind: "outlet"},
		{ID: srcYoon, Name: "Yoon Seok-yeol", Kind: "person", Affiliation: srcSeoul},
		{ID: srcSeoul, Name: "South Korean government", Kind: "government"},
		{ID: srcYonhap, Name: "Yonhap", Kind: "agency"},
	}
}

// claim builds a claim in its own article (article id = claim id unless set).
func claim(id, outlet int64, text string, chain ...int64) Claim {
	return Claim{ID: id, ArticleID: id, Outlet: outlet, Chain: chain, Text: text, Published: "2024-10-24"}
}

func score(t *testing.T, in Input) Result {
	t.Helper()
	if in.Sources == nil {
		in.Sources = testSources()
	}
	return Score(in)
}

// propOf returns the proposition a claim belongs to.
func propOf(t *testing.T, r Result, claimID int64) Proposition {
	t.Helper()
	cs, ok := r.Claims[claimID]
	if !ok {
		t.Fatalf("claim %d not scored", claimID)
	}
	for _, p := range r.Propositions {
		if p.ID == cs.PropositionID {
			return p
		}
	}
	t.Fatalf("proposition %d of claim %d missing", cs.PropositionID, claimID)
	return Proposition{}
}

func findings(r Result, kind string) []Finding {
	var out []Finding
	for _, f := range r.Findings {
		if f.Kind == kind {
			out = append(out, f)
		}
	}
	return out
}
