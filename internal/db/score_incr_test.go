package db

import (
	"context"
	"fmt"
	"math/rand"
	"reflect"
	"strings"
	"testing"

	"github.com/attrib/attrib/internal/scoring"
)

// synthNews generates articles whose claims echo, contradict (another
// number), deny (a negation) and copy (near-duplicate texts) a set of
// facts through outlets, agencies, spokespeople with affiliations and
// anonymous sources: every path of incremental scoring gets exercised.
type synthNews struct {
	rng   *rand.Rand
	words []string
	facts []synthFact
	n     int
	texts []ArticleRecord
}

type synthFact struct {
	words  []string
	num    int
	origin int // person index; -1 = unattributed
}

func newSynthNews(seed int64, facts int) *synthNews {
	g := &synthNews{rng: rand.New(rand.NewSource(seed))}
	syll := []string{"ka", "lo", "mi", "ra", "tu", "ve", "no", "si", "da", "pe", "qu", "zo"}
	for i := 0; i < 600; i++ {
		w := ""
		for k := 0; k < 3+i%3; k++ {
			w += syll[g.rng.Intn(len(syll))]
		}
		g.words = append(g.words, w+"x")
	}
	for i := 0; i < facts; i++ {
		f := synthFact{num: 100 + g.rng.Intn(900), origin: g.rng.Intn(40) - 4}
		for k := 0; k < 6; k++ {
			f.words = append(f.words, g.words[g.rng.Intn(len(g.words))])
		}
		g.facts = append(g.facts, f)
	}
	return g
}

// article makes the next article (or a near-copy of an earlier one).
func (g *synthNews) article() ArticleRecord {
	g.n++
	outlet := g.rng.Intn(min(60, 6+g.n/4)) // outlets publish for the first time as the store grows
	okey := fmt.Sprintf("outlet %d", outlet)
	if len(g.texts) > 5 && g.rng.Intn(6) == 0 {
		a := g.texts[g.rng.Intn(len(g.texts))]
		a.URL = fmt.Sprintf("https://synth.example/%d", g.n)
		a.Text += fmt.Sprintf(" Reprinted as %d.", g.n)
		a.OutletKey = okey
		a.Sources = append([]SourceRecord{{Key: okey, Name: fmt.Sprintf("Outlet %d", outlet), Kind: "outlet"}}, a.Sources[1:]...)
		// The copy carries only some of the original's claims: the others
		// are touched only through the near-duplicate cluster.
		var claims []ClaimRecord
		for i, c := range a.Claims {
			if i%3 == 0 {
				c.Hops = append([]HopRecord{{SourceKey: okey}}, c.Hops[1:]...)
				claims = append(claims, c)
			}
		}
		a.Claims = claims
		g.texts = append(g.texts, a)
		return a
	}
	a := ArticleRecord{URL: fmt.Sprintf("https://synth.example/%d", g.n), Title: "T", OutletKey: okey, From: "synth",
		Published: fmt.Sprintf("2024-%02d-%02d", 1+g.n/28%12, 1+g.n%28)}
	srcs := map[string]SourceRecord{okey: {Key: okey, Name: fmt.Sprintf("Outlet %d", outlet), Kind: "outlet"}}
	var text strings.Builder
	for k := 0; k < 8; k++ {
		fi := int(float64(len(g.facts)) * g.rng.Float64() * g.rng.Float64()) // popular facts first
		f := g.facts[fi]
		ws := append([]string(nil), f.words...)
		num := f.num
		switch g.rng.Intn(10) {
		case 0:
			num += 1 + g.rng.Intn(50) // another value: a conflict
		case 1:
			ws = append([]string{"not"}, ws...) // a denial
		}
		body := strings.Join(ws[:3], " ") + fmt.Sprintf(" %d ", num) + strings.Join(ws[3:], " ")
		hops := []HopRecord{{SourceKey: okey}}
		origin := f.origin
		if g.rng.Intn(6) == 0 {
			origin = g.rng.Intn(40) - 4
		}
		switch r := g.rng.Intn(10); {
		case origin < 0:
		case r == 2: // re-reporting another outlet (perhaps one not in the store yet)
			ck := fmt.Sprintf("outlet %d", g.rng.Intn(60))
			if ck == okey {
				break
			}
			srcs[ck] = SourceRecord{Key: ck, Name: "Outlet " + strings.TrimPrefix(ck, "outlet "), Kind: "outlet"}
			hops = append(hops, HopRecord{SourceKey: ck})
			if g.rng.Intn(2) == 0 {
				break
			}
			fallthrough
		case r < 2:
			ak := fmt.Sprintf("agency %d", r)
			srcs[ak] = SourceRecord{Key: ak, Name: fmt.Sprintf("Agency %d", r), Kind: "agency"}
			hops = append(hops, HopRecord{SourceKey: ak})
			fallthrough
		default:
			pk := fmt.Sprintf("person %d", origin)
			sr := SourceRecord{Key: pk, Name: fmt.Sprintf("Person %d", origin), Kind: "person"}
			if origin%5 == 0 && g.n > 45+25*(origin/5) { // affiliations appear as the store grows
				mk := fmt.Sprintf("ministry %d", origin%3)
				srcs[mk] = SourceRecord{Key: mk, Name: fmt.Sprintf("Ministry %d", origin%3), Kind: "government"}
				sr.AffiliationKey = mk
			}
			if origin%7 == 3 {
				sr.Kind = "anonymous"
				sr.Name = fmt.Sprintf("officials %d", origin)
			}
			srcs[pk] = sr
			hops = append(hops, HopRecord{SourceKey: pk})
		}
		start := text.Len()
		text.WriteString(body + ". ")
		c := ClaimRecord{Text: body, Spans: [][2]int{{start, start + len(body)}}, Hops: hops}
		if len(hops) > 1 {
			c.Cue = &TextSpan{Text: "said", Start: start, End: start + 4}
		}
		a.Claims = append(a.Claims, c)
	}
	a.Text = text.String()
	a.Sources = append(a.Sources, srcs[okey])
	for k, s := range srcs {
		if k != okey {
			a.Sources = append(a.Sources, s)
		}
	}
	// Affiliations must be stored before the sources that name them.
	for i := 1; i < len(a.Sources); i++ {
		if a.Sources[i].AffiliationKey == "" {
			continue
		}
		for j := i + 1; j < len(a.Sources); j++ {
			if a.Sources[j].Key == a.Sources[i].AffiliationKey {
				a.Sources[i], a.Sources[j] = a.Sources[j], a.Sources[i]
			}
		}
	}
	g.texts = append(g.texts, a)
	return a
}

// scoredRows dumps every table scoring writes, ids included, with the
// incremental state: two stores scored the same way dump the same.
func scoredRows(t *testing.T, d *DB) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for name, q := range map[string]string{
		"claims": `SELECT id, proposition_id, stance, grade, score, independent_origins, supporting_articles, contradicting_articles,
			fidelity, explanation, score_hash, match_group FROM claims ORDER BY id`,
		"propositions":         `SELECT id, text, grade, score, independent_origins, supporting_articles, contradicting_articles, explanation, score_hash, findings_hash FROM propositions ORDER BY id`,
		"proposition_origins":  `SELECT * FROM proposition_origins ORDER BY 1, 2`,
		"contradictions":       `SELECT * FROM contradictions ORDER BY 1, 2`,
		"findings":             `SELECT kind, proposition_id, claim_ids, message FROM findings ORDER BY 1, 2, 3, 4`,
		"sources":              `SELECT id, reliability, reliability_score, reliability_note, score_hash FROM sources ORDER BY id`,
		"claim_edges":          `SELECT * FROM claim_edges ORDER BY 1, 2`,
		"source_tallies":       `SELECT * FROM source_tallies ORDER BY 1`,
		"proposition_contribs": `SELECT * FROM proposition_contribs ORDER BY 1, 2`,
		"article_clusters":     `SELECT * FROM article_clusters ORDER BY 1`,
		"article_bands":        `SELECT * FROM article_bands ORDER BY 1, 2, 3`,
		"article_signatures":   `SELECT article_id, hex(signature) FROM article_signatures ORDER BY 1`,
		"score_state":          `SELECT * FROM score_state ORDER BY 1`,
		"claim_block_keys":     `SELECT * FROM claim_block_keys ORDER BY 1, 2`,
	} {
		rows, err := d.sql.Query(q)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			out[name] = append(out[name], fmt.Sprint(vals...))
		}
		rows.Close()
	}
	return out
}

// diffRows reports the tables that differ.
func diffRows(t *testing.T, got, want map[string][]string) bool {
	t.Helper()
	differ := false
	for name, w := range want {
		g := got[name]
		if reflect.DeepEqual(g, w) {
			continue
		}
		shown := 0
		for i := 0; i < max(len(g), len(w)) && shown < 3; i++ {
			var a, b string
			if i < len(g) {
				a = g[i]
			}
			if i < len(w) {
				b = w[i]
			}
			if a != b {
				t.Errorf("%s row %d:\nincremental %s\nfull        %s", name, i, a, b)
				shown++
			}
		}
		t.Errorf("%s: %d rows incremental, %d full", name, len(g), len(w))
		differ = true
	}
	return differ
}

// TestIncrementalEqualsFullAndReadsLittle ingests synthetic news in
// batches into two stores, scoring one incrementally after every batch
// (with links, an unlink, verdicts and a rating on the way) and the other
// in full; after every batch every scored row and the whole scoring state
// must agree. The
// last single article must be scored incrementally from a small part of
// the store.
func TestIncrementalEqualsFullAndReadsLittle(t *testing.T) {
	for _, seed := range []int64{11, 12, 13} {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) { incrementalEqualsFull(t, seed) })
	}
}

func incrementalEqualsFull(t *testing.T, seed int64) {
	ctx := context.Background()
	inc, full := MustOpen(t), MustOpen(t)
	g := newSynthNews(seed, 260)
	add := func(batch []ArticleRecord) ScoreStats {
		t.Helper()
		for _, d := range []*DB{inc, full} {
			if _, err := d.AddArticles(ctx, batch); err != nil {
				t.Fatal(err)
			}
		}
		st, _, err := inc.RescoreChanged(ctx, scoring.Score)
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := full.Rescore(ctx, scoring.Score); err != nil {
			t.Fatal(err)
		}
		if diffRows(t, scoredRows(t, inc), scoredRows(t, full)) {
			t.Fatalf("after %d articles (%+v), the incremental store differs from a full score", g.n, st)
		}
		return st
	}
	batch := func(n int) []ArticleRecord {
		var out []ArticleRecord
		for i := 0; i < n; i++ {
			out = append(out, g.article())
		}
		return out
	}
	if st := add(batch(40)); st.Incremental {
		t.Fatal("a new store was scored incrementally")
	}
	rounds := 0
	for b := 0; b < 12; b++ {
		st := add(batch(10 + b%3*7))
		if !st.Incremental {
			t.Fatalf("batch %d fell back: %s", b, st.Fallback)
		}
		rounds = max(rounds, st.Rounds)
		switch b {
		case 1:
			// Each correction is scored through Correct (as `attrib link`
			// does) and compared with a store scored in full after it.
			for _, c := range []Correction{
				{Op: CorrectLink, A: 3, B: 250}, {Op: CorrectLink, A: 17, B: 90}, {Op: CorrectUnlink, A: 1, B: 2},
				{Op: CorrectVerdict, A: 12, Value: "false"}, {Op: CorrectVerdict, A: 40, Value: "true"},
				{Op: CorrectRate, Source: "Person 7", Value: "B"},
			} {
				correctBoth(t, inc, full, c, true)
			}
		}
	}
	if rounds < 2 {
		t.Error("no batch moved a letter that other propositions weigh: the reliability ring is not exercised")
	}
	st := add(batch(1))
	if !st.Incremental {
		t.Fatalf("one article fell back: %s", st.Fallback)
	}
	var total int
	if err := inc.sql.QueryRow(`SELECT count(*) FROM claims`).Scan(&total); err != nil {
		t.Fatal(err)
	}
	t.Logf("one article: %+v of %d claims", st, total)
	if st.ClaimsLoaded*3 > total {
		t.Errorf("one article loaded %d of %d claims", st.ClaimsLoaded, total)
	}
	var contra, clusters int
	full.sql.QueryRow(`SELECT count(*) FROM contradictions`).Scan(&contra)
	full.sql.QueryRow(`SELECT count(DISTINCT cluster_id) FROM article_clusters`).Scan(&clusters)
	t.Logf("%d claims, %d contradictions, %d near-duplicate clusters", total, contra, clusters)
	if contra == 0 || clusters == 0 {
		t.Error("the synthetic news has no contradictions or no copies")
	}
	// Corrections that move groups, edges, outcomes and letters, each
	// scored through Correct; the ingest after them stays incremental.
	for _, c := range correctionsOfStore(t, inc, full) {
		correctBoth(t, inc, full, c, c.Op != CorrectMerge && c.Op != CorrectSplit)
	}
	if st := add(batch(5)); !st.Incremental {
		t.Fatalf("ingest after corrections fell back: %s", st.Fallback)
	}
}
