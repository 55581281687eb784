package main

import (
	"bytes"
	"compress/gzip"
	"database/sql"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	_ "github.com/mattn/go-sqlite3"
)

func write(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// integrity runs PRAGMA integrity_check and counts the articles.
func integrity(t *testing.T, dbPath string) (articles int) {
	t.Helper()
	s, err := sql.Open("sqlite3", dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var ok string
	if err := s.QueryRow("PRAGMA integrity_check").Scan(&ok); err != nil || ok != "ok" {
		t.Fatalf("integrity_check: %q %v", ok, err)
	}
	// The ingest's writer does not have SQLite check foreign keys row by
	// row (it guarantees them itself): check them all here.
	rows, err := s.Query("PRAGMA foreign_key_check")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var table, parent string
		var rowid sql.NullInt64
		var fk int
		if err := rows.Scan(&table, &rowid, &parent, &fk); err != nil {
			t.Fatal(err)
		}
		t.Errorf("foreign key violation: %s row %v points at a missing %s", table, rowid.Int64, parent)
	}
	rows.Close()
	var tables int
	if err := s.QueryRow("SELECT count(*) FROM sqlite_schema WHERE name = 'articles'").Scan(&tables); err != nil {
		t.Fatal(err)
	}
	if tables == 0 {
		return 0 // killed before the schema's transaction committed: an empty database
	}
	if err := s.QueryRow("SELECT count(*) FROM articles").Scan(&articles); err != nil {
		t.Fatal(err)
	}
	var orphans int
	// Position 0 (the outlet) is implied, not stored: a claim whose origin
	// is another source must have its hops.
	if err := s.QueryRow(`SELECT count(*) FROM claims c JOIN articles a ON a.id = c.article_id
		WHERE c.origin_id <> a.outlet_id AND NOT EXISTS (SELECT 1 FROM chain_hops h WHERE h.claim_id = c.id)`).Scan(&orphans); err != nil {
		t.Fatal(err)
	}
	if orphans != 0 {
		t.Fatalf("%d claims without a chain: half-written", orphans)
	}
	return articles
}

const goodText = "Rain falls on the city\nThe mayor said that the river will rise by two metres on Friday.\n"

// TestBadInputsAreReportedAndGoodOnesLand feeds one ingest call every kind
// of bad input beside good ones: each bad one is named (with its line for
// JSONL), the good ones are stored, the exit code is non-zero, and the
// database is whole.
func TestBadInputsAreReportedAndGoodOnesLand(t *testing.T) {
	dir := t.TempDir()
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(`{"url":"https://example.org/gz","outlet":"Example News","text":"The minister said that taxes will fall next year."}` + "\n"))
	zw.Close()
	big := bytes.Repeat([]byte("The council said that the budget was approved. "), 30<<20/47+1)
	paths := []string{
		write(t, dir, "good.txt", []byte(goodText)),
		write(t, dir, "invalid-utf8.txt", []byte("The mayor said \xff\xfe that it rains.\n")),
		write(t, dir, "binary.txt", []byte("\x00\x01\x02\x03ELF\x00\x00binary")),
		write(t, dir, "empty.txt", nil),
		write(t, dir, "mixed.jsonl", []byte(
			`{"url":"https://example.org/1","outlet":"Example News","title":"One","text":"The police said that two people were hurt."}`+"\n"+
				`{"url":"https://example.org/2", "text": broken`+"\n"+
				`{"url":"https://example.org/3","outlet":"Example News","title":"Three","text":"The court ruled that the law stands, a judge said."}`+"\n")),
		write(t, dir, "page.html", []byte(`<html><head><title>Storm</title><script>var said = "the script said that";</script><style>p{}</style></head>
<body><nav>Home | News</nav><article><p>The weather service said that a storm will arrive on Monday.</p></article><footer>Follow us on X</footer></body></html>`)),
		write(t, dir, "feed.jsonl.gz", gz.Bytes()),
		write(t, dir, "huge.txt", big),
	}
	db := tempDB(t)
	r := attrib(t, db, "", append([]string{"ingest", "--outlet", "Test Outlet"}, paths...)...)
	if r.code != exitFailed {
		t.Errorf("exit %d, want %d", r.code, exitFailed)
	}
	for _, want := range []string{"invalid-utf8.txt:1", "binary.txt", "empty.txt", "mixed.jsonl:2", "huge.txt"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr does not name %s:\n%s", want, r.stderr)
		}
	}
	if got := integrity(t, db); got != 5 {
		t.Errorf("stored %d articles, want 5 (good.txt, two JSONL lines, page.html, feed.jsonl.gz)\nstdout:\n%s\nstderr:\n%s", got, r.stdout, r.stderr)
	}
	var page struct {
		Text string `json:"text"`
	}
	var arts []struct {
		ID    int64  `json:"id"`
		Title string `json:"title"`
	}
	mustJSON(t, db, &arts, "articles", "--json")
	for _, a := range arts {
		if a.Title == "Storm" {
			mustJSON(t, db, &page, "show", "article", strconv.FormatInt(a.ID, 10), "--json")
		}
	}
	if strings.Contains(page.Text, "script said") || strings.Contains(page.Text, "Home | News") || !strings.Contains(page.Text, "storm will arrive") {
		t.Errorf("HTML text should hold the article only, got %q", page.Text)
	}
	// A second run stores nothing new.
	r = attrib(t, db, "", append([]string{"ingest", "--outlet", "Test Outlet"}, paths...)...)
	if got := integrity(t, db); got != 5 {
		t.Errorf("after a second run: %d articles, want 5", got)
	}
	if !strings.Contains(r.stdout, "ingested 0 article(s)") {
		t.Errorf("second run summary:\n%s", r.stdout)
	}
}

func TestIngestStdin(t *testing.T) {
	db := tempDB(t)
	r := attrib(t, db, goodText, "ingest", "--outlet", "Stdin Times", "--url", "https://example.org/s", "-")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var arts []struct {
		Outlet string `json:"outlet"`
		URL    string `json:"url"`
	}
	mustJSON(t, db, &arts, "articles", "--json")
	if len(arts) != 1 || arts[0].Outlet != "Stdin Times" || arts[0].URL != "https://example.org/s" {
		t.Errorf("got %+v", arts)
	}
}
