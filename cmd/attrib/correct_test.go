package main

import (
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
)

const twoArticles = `{"url":"https://example.org/a","outlet":"Harbor Daily","published":"2025-03-01","title":"Bridge","text":"Bridge closes\nThe transport ministry said that the old bridge will close for repairs in May. City engineer Maria Lopez said the repairs will cost 4 million euros."}
{"url":"https://example.org/b","outlet":"River Post","published":"2025-03-02","title":"Bridge work","text":"Repairs ahead\nThe old bridge will close for repairs in May, the transport ministry said. Engineer M. Lopez told River Post the work would take six weeks."}
`

// twoArticleStore ingests twoArticles into a new store and lists its claims.
func twoArticleStore(t *testing.T) (string, []jsonClaim) {
	t.Helper()
	db := tempDB(t)
	if r := attrib(t, db, twoArticles, "ingest", "-"); r.code != 0 {
		t.Fatalf("ingest: %d %s", r.code, r.stderr)
	}
	var cs []jsonClaim
	mustJSON(t, db, &cs, "claims", "--json")
	if len(cs) < 3 {
		t.Fatalf("want at least 3 claims, got %d", len(cs))
	}
	return db, cs
}

func TestCorrectionsWinAndAreKept(t *testing.T) {
	db, cs := twoArticleStore(t)
	a, b := cs[0].ID, cs[len(cs)-1].ID
	ids := func(n int64) string { return itoa(n) }
	for _, args := range [][]string{
		{"link", ids(a), ids(b), "--note", "same announcement"},
		{"verdict", ids(a), "false", "--note", "ministry corrected itself"},
		{"source", "rate", "River Post", "B", "--note", "long record"},
	} {
		if r := attrib(t, db, "", args...); r.code != 0 {
			t.Fatalf("%v: exit %d\n%s", args, r.code, r.stderr)
		}
	}
	var ca, cb struct {
		PropositionID *int64 `json:"proposition_id"`
		Grade         string `json:"grade"`
	}
	mustJSON(t, db, &ca, "show", "claim", ids(a), "--json")
	mustJSON(t, db, &cb, "show", "claim", ids(b), "--json")
	if ca.PropositionID == nil || cb.PropositionID == nil || *ca.PropositionID != *cb.PropositionID {
		t.Errorf("linked claims are in propositions %v and %v, want one", ca.PropositionID, cb.PropositionID)
	}
	if ca.Grade != "5" {
		t.Errorf("a proposition with a 'false' verdict is graded %q, want 5 (improbable)", ca.Grade)
	}
	var src struct {
		Reliability string `json:"reliability"`
		Rating      string `json:"rating"`
	}
	mustJSON(t, db, &src, "show", "source", "River Post", "--json")
	if src.Reliability != "B" || src.Rating != "B" {
		t.Errorf("rated source: %+v, want reliability B", src)
	}
	// Unlink wins over the earlier link.
	if r := attrib(t, db, "", "unlink", ids(a), ids(b)); r.code != 0 {
		t.Fatal(r.stderr)
	}
	mustJSON(t, db, &ca, "show", "claim", ids(a), "--json")
	mustJSON(t, db, &cb, "show", "claim", ids(b), "--json")
	if *ca.PropositionID == *cb.PropositionID {
		t.Errorf("unlinked claims still share proposition %d", *ca.PropositionID)
	}
	// Rescoring from scratch keeps every correction.
	if r := attrib(t, db, "", "score"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	mustJSON(t, db, &src, "show", "source", "River Post", "--json")
	if src.Reliability != "B" {
		t.Errorf("after score: reliability %q, want B", src.Reliability)
	}
}

func TestMergeAndSplitSources(t *testing.T) {
	db := tempDB(t)
	if r := attrib(t, db, twoArticles, "ingest", "-"); r.code != 0 {
		t.Fatalf("ingest: %d %s", r.code, r.stderr)
	}
	count := func() int {
		var ss []any
		mustJSON(t, db, &ss, "sources", "--json")
		return len(ss)
	}
	before := count()
	if r := attrib(t, db, "", "source", "merge", "Harbor Daily", "River Post", "--note", "same owner"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	if got := count(); got != before-1 {
		t.Errorf("after merge: %d sources, want %d", got, before-1)
	}
	var arts []struct {
		Outlet string `json:"outlet"`
	}
	mustJSON(t, db, &arts, "articles", "--json")
	for _, a := range arts {
		if a.Outlet != "Harbor Daily" {
			t.Errorf("article outlet %q after merge, want Harbor Daily", a.Outlet)
		}
	}
	r := attrib(t, db, "", "source", "split", "River Post")
	if r.code != 0 {
		t.Fatal(r.stderr)
	}
	if got := count(); got != before {
		t.Errorf("after split: %d sources, want %d", got, before)
	}
	if r := attrib(t, db, "", "source", "merge", "Harbor Daily", "Harbor Daily"); r.code != exitUsage {
		t.Errorf("merging a source into itself: exit %d, want %d", r.code, exitUsage)
	}
}

func TestExportFormats(t *testing.T) {
	db := tempDB(t)
	if r := attrib(t, db, twoArticles, "ingest", "-"); r.code != 0 {
		t.Fatalf("ingest: %d %s", r.code, r.stderr)
	}
	var claims []any
	mustJSON(t, db, &claims, "claims", "--json")
	r := attrib(t, db, "", "export", "--format", "csv")
	rows, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
	if err != nil || len(rows) != len(claims)+1 {
		t.Errorf("csv: %d rows (want %d + header), err %v", len(rows), len(claims), err)
	}
	var reviews []map[string]any
	mustJSON(t, db, &reviews, "export", "--format", "claimreview")
	if len(reviews) != len(claims) || reviews[0]["@type"] != "ClaimReview" {
		t.Errorf("claimreview: %d reviews for %d claims", len(reviews), len(claims))
	}
	var prov map[string]json.RawMessage
	mustJSON(t, db, &prov, "export", "--format", "prov")
	for _, k := range []string{"entity", "agent", "wasDerivedFrom", "wasAttributedTo"} {
		if _, ok := prov[k]; !ok {
			t.Errorf("prov: no %s", k)
		}
	}
	if r := attrib(t, db, "", "export", "--format", "dot"); !strings.HasPrefix(r.stdout, "digraph attrib {") {
		t.Errorf("dot: %q", r.stdout)
	}
}

// TestCorrectionsRescoreOnlyWhatTheyTouch: on a scored store each
// correction is scored incrementally, the store then reads exactly as after
// a full `attrib score`, and the next ingest stays incremental.
func TestCorrectionsRescoreOnlyWhatTheyTouch(t *testing.T) {
	db, cs := twoArticleStore(t)
	a, b := itoa(cs[0].ID), itoa(cs[len(cs)-1].ID)
	dump := func() string {
		t.Helper()
		var out strings.Builder
		for _, args := range [][]string{{"claims", "--json"}, {"sources", "--json"}, {"audit", "--json"}} {
			r := attrib(t, db, "", args...)
			if r.code != 0 {
				t.Fatalf("%v: %s", args, r.stderr)
			}
			out.WriteString(r.stdout)
		}
		return out.String()
	}
	for _, args := range [][]string{
		{"link", a, b}, {"verdict", a, "false"}, {"source", "rate", "River Post", "B"}, {"unlink", a, b}, {"verdict", b, "true"},
	} {
		r := attrib(t, db, "", args...)
		if r.code != 0 {
			t.Fatalf("%v: exit %d\n%s", args, r.code, r.stderr)
		}
		if !strings.Contains(r.stdout, " incrementally;") {
			t.Errorf("%v was not scored incrementally:\n%s", args, r.stdout)
		}
		before := dump()
		if r := attrib(t, db, "", "score"); r.code != 0 {
			t.Fatal(r.stderr)
		}
		if after := dump(); after != before {
			t.Errorf("after %v, a full score changes the store:\n%s\nvs\n%s", args, before, after)
		}
	}
	more := `{"url":"https://example.org/c","outlet":"Harbor Daily","published":"2025-03-03","title":"Bridge","text":"Bridge\nThe transport ministry said that the old bridge will close for repairs in June."}` + "\n"
	if r := attrib(t, db, more, "ingest", "-"); r.code != 0 || !strings.Contains(r.stdout, " incrementally;") {
		t.Errorf("ingest after corrections: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}
