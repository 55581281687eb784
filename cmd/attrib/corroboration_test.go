package main

import (
	"cmp"
	"encoding/json"
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// End-to-end corroboration: invented articles written the way outlets
// write (datelines, quotes, agency credits) go through `attrib ingest`
// (extraction, registry, scoring) and are checked through `claims --json`,
// `show claim --json` and `audit --json`. Each article is ingested on its
// own, so every step also runs the incremental scoring of ingest, and after
// each step a full `attrib score` must give exactly the same store.

type testArticle struct {
	URL       string `json:"url"`
	Outlet    string `json:"outlet"`
	Published string `json:"published"`
	Title     string `json:"title"`
	Text      string `json:"text"`
}

func art(n int, outlet, title, body string) testArticle {
	return testArticle{URL: "https://example.org/corroboration/" + strconv.Itoa(n), Outlet: outlet,
		Published: "2025-03-04", Title: title, Text: title + "\n\n" + body}
}

// wireStory is an agency story with enough words for copy detection.
const wireStory = `KHARKIV, March 2 - A drone strike knocked out power to 200,000 homes in Kharkiv on Sunday. Repair crews worked through the night in freezing temperatures to reconnect the substations on the eastern edge of the city, and the regional water company switched its pumps to backup generators before dawn. Schools moved their classes online for the rest of the week.`

// The five outlets that echo one Reuters story, in their own words.
var echoes = []testArticle{
	art(1, "Northern Daily", "Drone strike leaves Kharkiv in the dark", "KHARKIV, March 2 (Reuters) - A drone strike knocked out power to 200,000 homes in Kharkiv on Sunday, Reuters reported. Repair crews worked through the night in freezing temperatures, the city council said in a statement."),
	art(2, "Coastal Herald", "Kharkiv blackout", "A drone strike knocked out power to 200,000 homes in Kharkiv on Sunday, according to Reuters. Local officials asked residents to conserve water while crews restored the grid."),
	art(3, "Valley Post", "Power cut in Kharkiv after drone attack", "Reuters reported that a drone strike knocked out power to 200,000 homes in Kharkiv on Sunday. Schools in the city moved classes online for the rest of the week."),
	art(4, "Metro Tribune", "Kharkiv hit again", "A drone strike cut power to 200,000 homes in Kharkiv on Sunday, Reuters reported. The regional governor said air defence units shot down several other drones over the region."),
	art(5, "Harbor Gazette", "Kharkiv without power", "According to Reuters, a drone strike knocked out power to 200,000 homes in Kharkiv on Sunday. Hospitals switched to backup generators, a health ministry official told reporters."),
}

var (
	// The wire's own text, and an uncredited copy of it under another outlet.
	wireOriginal = art(6, "Reuters", "Drone strike cuts power in Kharkiv", wireStory)
	wireCopy     = art(7, "Eastern Courier", "Kharkiv blackout after drone strike", strings.Replace(wireStory, "KHARKIV, March 2 - ", "", 1))
	// Two independent confirmations.
	pentagon = art(8, "Capital Observer", "Pentagon: North Korean missiles moved to Kursk", `WASHINGTON, March 4 - The Pentagon said on Tuesday that North Korea has moved ballistic missile launchers to Russia's Kursk region. "We have seen the launchers cross the border by rail," a Pentagon spokesperson told reporters at a briefing. The United States has shared the imagery with its allies, the spokesperson added.`)
	ukraine  = art(9, "Kyiv Ledger", "Ukrainian intelligence tracks North Korean launchers", `Ukraine's military intelligence agency said North Korea has moved ballistic missile launchers to Russia's Kursk region. The agency published satellite photographs of a railway yard near the border. Officials in Kyiv expect more deliveries in the spring.`)
	denial   = art(10, "Baltic Wire", "Kremlin rejects missile reports", `MOSCOW - Kremlin spokesman Dmitry Peskov denied that North Korea has moved ballistic missile launchers to Russia's Kursk region. "These reports are fabricated," Peskov told journalists on Wednesday.`)
	// A scoop and an outlet re-reporting it.
	scoop     = art(11, "The Times", "Cabinet approves secret frigate deal", `The cabinet approved a secret agreement to sell twelve frigates to Chile last month. The deal was kept off the public register at the request of the buyer. Opposition leaders have called for an inquiry.`)
	rereport  = art(12, "Evening Courier", "Frigate sale reported", `The cabinet approved a secret agreement to sell twelve frigates to Chile last month, The Times reported on Monday. The shipyard that would build the vessels declined to comment.`)
	hedged    = art(13, "Nordic Times", "Finland weighs air defence aid", `HELSINKI, March 5 - Finnish President Aino Lehtonen said Finland may consider sending air defence systems to Ukraine if the attacks on power plants continue. Lehtonen spoke to reporters after a meeting with the defence council.`)
	unhedged  = art(14, "Daily Meridian", "Finland to send air defence to Ukraine", `Finland will send air defence systems to Ukraine, the Nordic Times reported, citing President Aino Lehtonen. The systems would be delivered before the summer.`)
	troopsNIS = art(15, "Seoul Monitor", "Spy agency counts North Korean troops in Russia", `SEOUL - North Korea has sent 3,000 troops to Russia, South Korea's National Intelligence Service said on Friday. The agency expects a total of 12,000 soldiers to be sent before December.`)
)

// ingestOne ingests articles as JSONL on stdin, with ingest's own
// (incremental) scoring.
func ingestOne(t *testing.T, db string, arts ...testArticle) {
	t.Helper()
	var b strings.Builder
	for _, a := range arts {
		line, err := json.Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(line)
		b.WriteByte('\n')
	}
	if r := attrib(t, db, b.String(), "ingest", "-q", "-"); r.code != 0 {
		t.Fatalf("ingest: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// scoredClaim is the part of `claims --json` that scoring writes.
type scoredClaim struct {
	ID                    int64  `json:"id"`
	ArticleID             int64  `json:"article_id"`
	Outlet                string `json:"outlet"`
	Text                  string `json:"text"`
	Cue                   *struct{ Text string }
	PropositionID         *int64  `json:"proposition_id"`
	Stance                string  `json:"stance"`
	Grade                 string  `json:"grade"`
	Score                 float64 `json:"score"`
	IndependentOrigins    int     `json:"independent_origins"`
	SupportingArticles    int     `json:"supporting_articles"`
	ContradictingArticles int     `json:"contradicting_articles"`
	Fidelity              string  `json:"fidelity"`
	Explanation           string  `json:"explanation"`
}

type auditFinding struct {
	Kind          string  `json:"kind"`
	ClaimIDs      []int64 `json:"claim_ids"`
	PropositionID *int64  `json:"proposition_id"`
	Message       string  `json:"message"`
}

// storeState is everything scoring writes, as the CLI shows it.
type storeState struct {
	Claims   []scoredClaim
	Findings []auditFinding
	Sources  []struct {
		ID          int64   `json:"id"`
		Reliability string  `json:"reliability"`
		Score       float64 `json:"reliability_score"`
		Note        string  `json:"reliability_note"`
	}
}

func propID(f auditFinding) int64 {
	if f.PropositionID == nil {
		return 0
	}
	return *f.PropositionID
}

func state(t *testing.T, db string) storeState {
	t.Helper()
	var s storeState
	mustJSON(t, db, &s.Claims, "claims", "--json")
	mustJSON(t, db, &s.Findings, "audit", "--json")
	mustJSON(t, db, &s.Sources, "sources", "--json")
	// audit lists findings by kind in the order they were written; an
	// incremental update writes a proposition's findings later.
	slices.SortStableFunc(s.Findings, func(a, b auditFinding) int {
		if c := strings.Compare(a.Kind, b.Kind); c != 0 {
			return c
		}
		if c := cmp.Compare(propID(a), propID(b)); c != 0 {
			return c
		}
		return slices.Compare(a.ClaimIDs, b.ClaimIDs)
	})
	return s
}

// sameAsFullScore checks that the store written by ingest's incremental
// scoring is exactly what a full `attrib score` writes, and returns it.
func sameAsFullScore(t *testing.T, db string) storeState {
	t.Helper()
	inc := state(t, db)
	if r := attrib(t, db, "", "score"); r.code != 0 {
		t.Fatalf("score: exit %d\n%s", r.code, r.stderr)
	}
	full := state(t, db)
	if !reflect.DeepEqual(inc.Claims, full.Claims) {
		for i := range inc.Claims {
			if i < len(full.Claims) && !reflect.DeepEqual(inc.Claims[i], full.Claims[i]) {
				t.Errorf("claim %d: incremental %+v\nfull %+v", inc.Claims[i].ID, inc.Claims[i], full.Claims[i])
			}
		}
		t.Fatalf("incremental scoring differs from a full score (%d vs %d claims)", len(inc.Claims), len(full.Claims))
	}
	if !reflect.DeepEqual(inc.Sources, full.Sources) {
		t.Fatalf("source reliability differs:\nincremental %+v\nfull %+v", inc.Sources, full.Sources)
	}
	if !reflect.DeepEqual(inc.Findings, full.Findings) {
		t.Fatalf("findings differ:\nincremental %+v\nfull %+v", inc.Findings, full.Findings)
	}
	return full
}

// claimOf finds the claim of outlet whose text contains substr.
func claimOf(t *testing.T, s storeState, outlet, substr string) scoredClaim {
	t.Helper()
	for _, c := range s.Claims {
		if c.Outlet == outlet && strings.Contains(c.Text, substr) {
			if c.PropositionID == nil {
				t.Fatalf("claim %d (%s) is not scored", c.ID, c.Text)
			}
			return c
		}
	}
	var got []string
	for _, c := range s.Claims {
		if c.Outlet == outlet {
			got = append(got, c.Text)
		}
	}
	t.Fatalf("no claim of %s contains %q; its claims: %q", outlet, substr, got)
	return scoredClaim{}
}

func findingsOf(s storeState, kind string, prop int64) []auditFinding {
	var out []auditFinding
	for _, f := range s.Findings {
		if f.Kind == kind && f.PropositionID != nil && *f.PropositionID == prop {
			out = append(out, f)
		}
	}
	return out
}

func TestCorroborationEndToEnd(t *testing.T) {
	db := tempDB(t)
	const drone = "power to 200,000 homes in Kharkiv"

	// Five outlets echo one Reuters story: one origin, five articles.
	for _, a := range echoes {
		ingestOne(t, db, a)
	}
	s := sameAsFullScore(t, db)
	first := claimOf(t, s, "Northern Daily", drone)
	for _, a := range echoes[1:] {
		if c := claimOf(t, s, a.Outlet, drone); *c.PropositionID != *first.PropositionID {
			t.Errorf("%s's echo is proposition %d, want %d", a.Outlet, *c.PropositionID, *first.PropositionID)
		}
	}
	if first.IndependentOrigins != 1 || first.SupportingArticles != 5 || first.Grade != "3" {
		t.Errorf("wire echo: origins %d articles %d grade %s, want 1, 5, 3: %s", first.IndependentOrigins, first.SupportingArticles, first.Grade, first.Explanation)
	}
	if len(findingsOf(s, "single_origin_amplification", *first.PropositionID)) != 1 {
		t.Errorf("no single_origin_amplification finding for the wire echo: %+v", s.Findings)
	}

	// Reuters' own article and an uncredited copy of it by another outlet:
	// the copy is dependent and adds no origin.
	ingestOne(t, db, wireOriginal)
	ingestOne(t, db, wireCopy)
	s = sameAsFullScore(t, db)
	cp := claimOf(t, s, "Eastern Courier", drone)
	if *cp.PropositionID != *first.PropositionID {
		t.Errorf("the uncredited copy is proposition %d, want %d", *cp.PropositionID, *first.PropositionID)
	}
	if cp.IndependentOrigins != 1 || cp.Grade != "3" {
		t.Errorf("uncredited copy: origins %d grade %s, want 1 and 3: %s", cp.IndependentOrigins, cp.Grade, cp.Explanation)
	}

	// The Pentagon and, separately, Ukrainian intelligence: confirmed.
	ingestOne(t, db, pentagon)
	ingestOne(t, db, ukraine)
	s = sameAsFullScore(t, db)
	const launchers = "moved ballistic missile launchers"
	us, ua := claimOf(t, s, "Capital Observer", launchers), claimOf(t, s, "Kyiv Ledger", launchers)
	if *us.PropositionID != *ua.PropositionID || us.IndependentOrigins != 2 || us.Grade != "1" {
		t.Errorf("two independent confirmations: props %d/%d origins %d grade %s, want one proposition, 2, 1: %s",
			*us.PropositionID, *ua.PropositionID, us.IndependentOrigins, us.Grade, us.Explanation)
	}

	// A denial: kept visible as a contradicting claim, and the grade drops.
	ingestOne(t, db, denial)
	s = sameAsFullScore(t, db)
	dn := claimOf(t, s, "Baltic Wire", launchers)
	us = claimOf(t, s, "Capital Observer", launchers)
	if *dn.PropositionID != *us.PropositionID || dn.Stance != "contradicts" {
		t.Errorf("denial: proposition %d stance %q, want %d contradicts", *dn.PropositionID, dn.Stance, *us.PropositionID)
	}
	if us.ContradictingArticles != 1 || us.SupportingArticles != 2 || us.Grade == "1" {
		t.Errorf("after the denial: %d supporting, %d contradicting articles, grade %s: %s", us.SupportingArticles, us.ContradictingArticles, us.Grade, us.Explanation)
	}
	var det struct {
		scoredClaim
		Proposition []scoredClaim `json:"proposition_claims"`
	}
	mustJSON(t, db, &det, "show", "claim", strconv.FormatInt(us.ID, 10), "--json")
	found := false
	for _, c := range det.Proposition {
		found = found || c.ID == dn.ID && c.Stance == "contradicts"
	}
	if !found || !strings.Contains(det.Explanation, "Contradicts") && !strings.Contains(det.Explanation, "proposition") {
		t.Errorf("show claim does not list the denial: %+v", det.Proposition)
	}

	// An outlet re-reporting another outlet's scoop adds no origin.
	ingestOne(t, db, scoop)
	ingestOne(t, db, rereport)
	s = sameAsFullScore(t, db)
	const frigates = "sell twelve frigates to Chile"
	own, re := claimOf(t, s, "The Times", frigates), claimOf(t, s, "Evening Courier", frigates)
	if *own.PropositionID != *re.PropositionID || re.IndependentOrigins != 1 || re.SupportingArticles != 2 || re.Grade == "1" || re.Grade == "2" {
		t.Errorf("re-reported scoop: props %d/%d origins %d articles %d grade %s, want one proposition, 1 origin, 2 articles: %s",
			*own.PropositionID, *re.PropositionID, re.IndependentOrigins, re.SupportingArticles, re.Grade, re.Explanation)
	}

	// "may consider" becomes "will send" along the chain: quote drift.
	ingestOne(t, db, hedged)
	ingestOne(t, db, unhedged)
	s = sameAsFullScore(t, db)
	h, u := claimOf(t, s, "Nordic Times", "air defence systems"), claimOf(t, s, "Daily Meridian", "air defence systems")
	drift := findingsOf(s, "quote_drift", *h.PropositionID)
	if *h.PropositionID != *u.PropositionID || len(drift) != 1 || !reflect.DeepEqual(drift[0].ClaimIDs, []int64{h.ID, u.ID}) {
		t.Errorf("hedge dropped: props %d/%d, quote_drift findings %+v", *h.PropositionID, *u.PropositionID, drift)
	}
	if u.Fidelity != "drifted" {
		t.Errorf("fidelity of the unhedged relay %q, want drifted", u.Fidelity)
	}
}

// TestSeedNumbersStayApart ingests the seed article and another outlet's
// report of the same intelligence estimate: 3,000 sent and 12,000 to be
// sent are different propositions, not a contradiction.
func TestSeedNumbersStayApart(t *testing.T) {
	db := tempDB(t)
	if r := attrib(t, db, "", "ingest", "-q", "--outlet", "Babel", "--published", "2024-10-24", seedPath); r.code != 0 {
		t.Fatalf("ingest seed: exit %d\n%s", r.code, r.stderr)
	}
	ingestOne(t, db, troopsNIS)
	s := sameAsFullScore(t, db)
	sent, planned := claimOf(t, s, "Babel", "3,000"), claimOf(t, s, "Babel", "12 thousand")
	if *sent.PropositionID == *planned.PropositionID || sent.ContradictingArticles != 0 || planned.ContradictingArticles != 0 {
		t.Errorf("3,000 sent vs 12,000 planned: props %d/%d, contradicting articles %d/%d",
			*sent.PropositionID, *planned.PropositionID, sent.ContradictingArticles, planned.ContradictingArticles)
	}
	other := claimOf(t, s, "Seoul Monitor", "3,000")
	if *other.PropositionID != *sent.PropositionID || other.IndependentOrigins != 1 {
		t.Errorf("the second report of 3,000 via the same agency: prop %d (want %d), origins %d (want 1): %s",
			*other.PropositionID, *sent.PropositionID, other.IndependentOrigins, other.Explanation)
	}
}

// TestECBPlusPurity runs ECB+ (Cybulska & Vossen 2014; read in place, never
// copied) through the whole pipeline: ingest (extraction, registry),
// scoring. A proposition spanning two or more articles is pure when all its
// articles report one gold event (cluster_id); each topic pairs two similar
// events, so the paired event is the hard negative.
func TestECBPlusPurity(t *testing.T) {
	raw, err := os.ReadFile("../../../shared/data/ecbplus/docs.jsonl")
	if err != nil {
		t.Skip("ECB+ data not available:", err)
	}
	if testing.Short() {
		t.Skip("ingests 496 articles")
	}
	cluster := map[string]string{} // url -> gold event
	var in strings.Builder
	for _, line := range strings.Split(strings.TrimSpace(string(raw)), "\n") {
		var d struct{ Doc, ClusterID, Domain, Title, Text string }
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatal(err)
		}
		d.Doc, _ = m["doc"].(string)
		d.ClusterID, _ = m["cluster_id"].(string)
		d.Domain, _ = m["domain"].(string)
		d.Title, _ = m["title"].(string)
		d.Text, _ = m["text"].(string)
		outlet := d.Domain
		if outlet == "" {
			outlet = "ECB document " + d.Doc
		}
		a := testArticle{URL: "https://ecbplus.invalid/" + d.Doc, Outlet: outlet, Title: d.Title, Text: d.Text}
		cluster[a.URL] = d.ClusterID
		b, _ := json.Marshal(a)
		in.Write(b)
		in.WriteByte('\n')
	}
	db := tempDB(t)
	if r := attrib(t, db, in.String(), "ingest", "-q", "-"); r.code != 0 {
		t.Fatalf("ingest: exit %d\n%s", r.code, r.stderr)
	}
	var arts []struct {
		ID  int64  `json:"id"`
		URL string `json:"url"`
	}
	mustJSON(t, db, &arts, "articles", "--json")
	gold := map[int64]string{}
	for _, a := range arts {
		gold[a.ID] = cluster[a.URL]
	}
	var cs []scoredClaim
	mustJSON(t, db, &cs, "claims", "--json")
	byProp := map[int64]map[int64]bool{}
	for _, c := range cs {
		if c.PropositionID == nil {
			continue
		}
		if byProp[*c.PropositionID] == nil {
			byProp[*c.PropositionID] = map[int64]bool{}
		}
		byProp[*c.PropositionID][c.ArticleID] = true
	}
	var props, pure, artsIn, artsMajority int
	for p, as := range byProp {
		if len(as) < 2 {
			continue
		}
		props++
		count := map[string]int{}
		for a := range as {
			count[gold[a]]++
		}
		best := 0
		for _, n := range count {
			best = max(best, n)
		}
		if len(count) == 1 {
			pure++
		} else if testing.Verbose() {
			var texts []string
			for _, c := range cs {
				if c.PropositionID != nil && *c.PropositionID == p {
					texts = append(texts, gold[c.ArticleID]+": "+c.Text)
				}
			}
			t.Logf("impure proposition %d:\n  %s", p, strings.Join(texts, "\n  "))
		}
		artsIn += len(as)
		artsMajority += best
	}
	purity := float64(pure) / float64(max(props, 1))
	weighted := float64(artsMajority) / float64(max(artsIn, 1))
	t.Logf("ECB+ through the pipeline: %d claims, %d propositions spanning >= 2 articles, purity %.3f, article-weighted purity %.3f",
		len(cs), props, purity, weighted)
	if props < 40 || purity < 0.95 {
		t.Errorf("ECB+: %d cross-article propositions (want >= 40), purity %.3f (want >= 0.95)", props, purity)
	}
}
