package db

import (
	"context"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Every byte of text (NUL and invalid UTF-8 included), every null and every
// integer of a claim and its hops must come back as given, and position 0
// (the outlet) is not stored as a hop row.
func TestClaimsStoredExactlyThroughBulkAndFallback(t *testing.T) {
	d := MustOpen(t)
	ctx := context.Background()
	texts := []string{
		`plain`, `"quoted" and \backslash\ and /slash`, "new\nline\r\ttab \x01\x1f\x7f",
		"non-BMP 🇺🇦 and \u2028 and é", `\u0041 is not A`,
		"NUL \x00 inside", "bad UTF-8 \xff\xfe",
	}
	var batch []ArticleRecord
	for i, tx := range texts {
		a := sampleArticle(fmt.Sprintf("https://example.org/%d", i), fmt.Sprintf("article %d", i))
		a.Claims[0].Text = tx
		a.Claims[0].Quote = i%2 == 0
		a.Claims[0].Spans = [][2]int{{1, 3}, {5, 9}}
		a.Claims[0].Hops[2].WrittenAs = tx
		a.Claims[0].Hops[2].Role = "head of " + tx
		a.Claims[0].Hops[2].Cue = &TextSpan{Text: "citing " + tx, Start: 7, End: 40}
		batch = append(batch, a)
	}
	if _, err := d.AddArticles(ctx, batch); err != nil {
		t.Fatal(err)
	}
	rows, err := d.sql.QueryContext(ctx, `SELECT c.id, c.seq, c.text, c.spans, c.quote, c.content_start, c.content_end,
		typeof(c.content_start), typeof(c.cue_start), coalesce(c.cue_text, '<null>'),
		h.written_as, h.role, h.cue_text, typeof(h.cue_start), coalesce(h.mention_text, '<null>'), h.mention_start
		FROM claims c JOIN chain_hops h ON h.claim_id = c.id AND h.position = 2 ORDER BY c.id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	type row struct {
		ID, Seq                           int64
		Text, Spans                       string
		Quote                             bool
		Start, End                        int
		StartType, CueStartType, CueText  string
		WrittenAs, Role, HopCue, HopCueTy string
		Mention                           string
		MentionStart                      int
	}
	var got []row
	for rows.Next() {
		var r row
		if err := rows.Scan(&r.ID, &r.Seq, &r.Text, &r.Spans, &r.Quote, &r.Start, &r.End, &r.StartType, &r.CueStartType,
			&r.CueText, &r.WrittenAs, &r.Role, &r.HopCue, &r.HopCueTy, &r.Mention, &r.MentionStart); err != nil {
			t.Fatal(err)
		}
		got = append(got, r)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	var want []row
	for i, tx := range texts {
		want = append(want, row{ID: int64(2*i + 1), Text: tx, Spans: "[[1,3],[5,9]]", Quote: i%2 == 0, Start: 1, End: 9,
			StartType: "integer", CueStartType: "integer", CueText: "said", WrittenAs: tx, Role: "head of " + tx,
			HopCue: "citing " + tx, HopCueTy: "integer", Mention: "Jane Doe", MentionStart: 11})
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("stored claims (-want +got):\n%s", diff)
	}
	// The second claim of each article has no cue and a one-hop chain.
	var nulls, hops int
	if err := d.sql.QueryRowContext(ctx, `SELECT count(*) FROM claims WHERE seq = 1 AND cue_text IS NULL AND cue_start IS NULL`).Scan(&nulls); err != nil {
		t.Fatal(err)
	}
	if err := d.sql.QueryRowContext(ctx, `SELECT count(*) FROM chain_hops`).Scan(&hops); err != nil {
		t.Fatal(err)
	}
	// Hops of three and one: position 0 (the outlet) is not stored.
	if nulls != len(texts) || hops != 2*len(texts) {
		t.Errorf("got %d cue-less second claims and %d hops, want %d and %d", nulls, hops, len(texts), 2*len(texts))
	}
}

// A source named in two articles of one batch gets the aliases of both: the
// second article may bring a new form ("Doe" after "Jane Doe"), and the
// ingester counts every alias it sent as stored from then on.
func TestLaterArticleOfBatchAddsAliases(t *testing.T) {
	d := MustOpen(t)
	ctx := context.Background()
	a := sampleArticle("https://example.org/1", "first")
	b := sampleArticle("https://example.org/2", "second")
	b.Sources[2].Aliases = []Alias{{Key: "doe", Text: "Doe"}}
	if _, err := d.AddArticles(ctx, []ArticleRecord{a, b}); err != nil {
		t.Fatal(err)
	}
	var got string
	if err := d.sql.QueryRowContext(ctx, `SELECT s.key FROM aliases a JOIN sources s ON s.id = a.source_id WHERE a.key = 'doe'`).Scan(&got); err != nil {
		t.Fatalf("alias of the second article not stored: %v", err)
	}
	if got != "jane doe" {
		t.Errorf("alias doe names %q, want jane doe", got)
	}
}

// A source id the caller remembers from an earlier batch may be gone (merged
// away by another process): the writer looks it up again, finds the source
// by its keys or makes it anew, and leaves no row pointing at nothing.
func TestStaleSourceIDIsLookedUpAgain(t *testing.T) {
	d := MustOpen(t)
	ctx := context.Background()
	out, err := d.AddArticles(ctx, []ArticleRecord{sampleArticle("https://example.org/1", "one")})
	if err != nil {
		t.Fatal(err)
	}
	gone := out[0].SourceIDs["agency"] // not the largest id, which would be handed out again
	if _, err := d.sql.Exec(`DELETE FROM articles; DELETE FROM sources WHERE id = ?`, gone); err != nil {
		t.Fatal(err)
	}
	a := sampleArticle("https://example.org/2", "two")
	for i := range a.Sources {
		a.Sources[i].ID = out[0].SourceIDs[a.Sources[i].Key]
		a.Sources[i].KeyStored = true
	}
	out2, err := d.AddArticles(ctx, []ArticleRecord{a})
	if err != nil {
		t.Fatal(err)
	}
	var key string
	if id := out2[0].SourceIDs["agency"]; id == gone || id == 0 {
		t.Errorf("agency stored as %d; the deleted row was %d", id, gone)
	} else if err := d.sql.QueryRow(`SELECT key FROM sources WHERE id = ?`, id).Scan(&key); err != nil || key != "agency" {
		t.Errorf("source %d: key %q (%v), want agency", id, key, err)
	}
	if id := out2[0].SourceIDs["jane doe"]; id != out[0].SourceIDs["jane doe"] {
		t.Errorf("jane doe stored as %d, want the stored %d", id, out[0].SourceIDs["jane doe"])
	}
	rows, err := d.sql.Query("PRAGMA foreign_key_check")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var table, parent string
		var rowid, fk any
		rows.Scan(&table, &rowid, &parent, &fk)
		t.Errorf("foreign key violation: %s row %v -> %s", table, rowid, parent)
	}
}

// A record whose key is an alias that an earlier new source of the same
// article brought is that source, not a second one, although the alias is
// not written yet (new sources and aliases are written together).
func TestAliasOfNewSourceInSameArticle(t *testing.T) {
	d := MustOpen(t)
	ctx := context.Background()
	a := sampleArticle("https://example.org/1", "one")
	a.Sources = append(a.Sources, SourceRecord{Key: "ag", Name: "AG", Kind: "agency"})
	out, err := d.AddArticles(ctx, []ArticleRecord{a})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := out[0].SourceIDs["ag"], out[0].SourceIDs["agency"]; got != want {
		t.Errorf("the alias ag made source %d; agency is %d", got, want)
	}
	var n int
	if err := d.sql.QueryRow(`SELECT count(*) FROM sources`).Scan(&n); err != nil || n != 3 {
		t.Errorf("%d sources (%v), want 3", n, err)
	}
}

// Within one batch, an article with the text or the URL of an earlier one
// is that article's duplicate, as when they come in separate batches, and
// the articles after it are numbered as if it were not there.
func TestDuplicatesWithinABatch(t *testing.T) {
	d := MustOpen(t)
	ctx := context.Background()
	a := sampleArticle("https://example.org/1", "one")
	byText := sampleArticle("https://example.org/2", "one")
	byURL := sampleArticle("https://example.org/1", "other")
	noURL := sampleArticle("", "three")
	noURL2 := sampleArticle("", "four")
	out, err := d.AddArticles(ctx, []ArticleRecord{a, byText, byURL, noURL, noURL2})
	if err != nil {
		t.Fatal(err)
	}
	var got []Outcome
	for _, o := range out {
		got = append(got, Outcome{ID: o.ID, Duplicate: o.Duplicate})
	}
	want := []Outcome{{ID: 1}, {ID: 1, Duplicate: true}, {ID: 1, Duplicate: true}, {ID: 2}, {ID: 3}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("outcomes (-want +got):\n%s", diff)
	}
	var ids string
	if err := d.sql.QueryRow(`SELECT group_concat(id || ':' || text, ' ') FROM (SELECT id, text FROM articles ORDER BY id)`).Scan(&ids); err != nil {
		t.Fatal(err)
	}
	if ids != "1:one 2:three 3:four" {
		t.Errorf("stored articles %q", ids)
	}
}

// A key that JSON cannot carry unchanged (invalid UTF-8) is looked up on
// its own: the source stored under it is found, not made twice.
func TestInvalidUTF8KeyFoundInStore(t *testing.T) {
	d := MustOpen(t)
	ctx := context.Background()
	a := sampleArticle("https://example.org/1", "one")
	a.Sources[2].Key, a.Sources[2].Aliases = "caf\xe9", []Alias{{Key: "caf\xe9 au lait", Text: "Caf\xe9 au lait"}}
	a.Claims[0].Hops[2].SourceKey = "caf\xe9"
	out, err := d.AddArticles(ctx, []ArticleRecord{a})
	if err != nil {
		t.Fatal(err)
	}
	b := sampleArticle("https://example.org/2", "two")
	b.Sources[2].Key = "caf\xe9 au lait" // unknown to the caller: ID 0
	b.Claims[0].Hops[2].SourceKey = b.Sources[2].Key
	out2, err := d.AddArticles(ctx, []ArticleRecord{b})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := out2[0].SourceIDs["caf\xe9 au lait"], out[0].SourceIDs["caf\xe9"]; got != want {
		t.Errorf("the alias made source %d, want the stored %d", got, want)
	}
}
