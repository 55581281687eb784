package db

import (
	"context"
	"database/sql"
	"path/filepath"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// MustOpen opens a fresh database file in a temporary folder.
func MustOpen(tb testing.TB) *DB {
	tb.Helper()
	d, err := Open(context.Background(), filepath.Join(tb.TempDir(), "attrib.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { d.Close() })
	return d
}

func TestForeignKeysOnEveryPooledConnection(t *testing.T) {
	d := MustOpen(t)
	d.sql.SetMaxOpenConns(8)
	ctx := context.Background()
	// The ingest's write connection runs without foreign-key checks; after
	// a good batch and a failed one (which discards it), none of the pool
	// may have inherited that.
	if _, err := d.AddArticles(ctx, []ArticleRecord{sampleArticle("https://example.org/1", "one")}); err != nil {
		t.Fatal(err)
	}
	bad := sampleArticle("https://example.org/2", "two")
	bad.Claims[0].Hops[1].SourceKey = "nobody"
	if _, err := d.AddArticles(ctx, []ArticleRecord{bad}); err == nil {
		t.Fatal("want an error for a hop naming an unknown source")
	}
	// Hold several connections at once so the pool must open new ones.
	var conns []*sql.Conn
	for i := 0; i < 8; i++ {
		c, err := d.sql.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, c)
	}
	var wg sync.WaitGroup
	for i, c := range conns {
		wg.Add(1)
		go func(i int, c *sql.Conn) {
			defer wg.Done()
			var fk int
			var mode string
			if err := c.QueryRowContext(ctx, "PRAGMA foreign_keys").Scan(&fk); err != nil {
				t.Error(err)
				return
			}
			if err := c.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
				t.Error(err)
				return
			}
			if fk != 1 || mode != "wal" {
				t.Errorf("connection %d: foreign_keys=%d journal_mode=%s, want 1 and wal", i, fk, mode)
			}
		}(i, c)
	}
	wg.Wait()
	for _, c := range conns {
		c.Close()
	}
}

func TestMigrateIsIdempotentAndRefusesNewer(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.db")
	ctx := context.Background()
	for i := 0; i < 2; i++ {
		d, err := Open(ctx, path)
		if err != nil {
			t.Fatalf("open %d: %v", i, err)
		}
		d.Close()
	}
	d, _ := Open(ctx, path)
	if _, err := d.sql.Exec("PRAGMA user_version = 99"); err != nil {
		t.Fatal(err)
	}
	d.Close()
	if _, err := Open(ctx, path); err == nil {
		t.Fatal("opened a database with a newer schema version; want an error")
	}
}

func TestOpenRefusesForeignSQLiteFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "other.db")
	s, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Exec("CREATE TABLE t (x)"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := Open(context.Background(), path); err == nil {
		t.Fatal("opened another program's database; want an error")
	}
}

func sampleArticle(url, text string) ArticleRecord {
	return ArticleRecord{
		URL: url, Title: "T", Text: text, OutletKey: "outlet", From: "test.txt",
		Sources: []SourceRecord{
			{Key: "outlet", Name: "Outlet", Kind: "outlet"},
			{Key: "agency", Name: "Agency", Kind: "agency", Aliases: []Alias{{Key: "ag", Text: "AG"}}},
			{Key: "jane doe", Name: "Jane Doe", Kind: "person", AffiliationKey: "agency"},
		},
		Claims: []ClaimRecord{
			{Text: "it rained", Spans: [][2]int{{0, 9}}, Cue: &TextSpan{Text: "said", Start: 20, End: 24},
				Hops: []HopRecord{{SourceKey: "outlet"}, {SourceKey: "agency"}, {SourceKey: "jane doe", Mention: &TextSpan{Text: "Jane Doe", Start: 11, End: 19}}}},
			{Text: "the sky is blue", Spans: [][2]int{{26, 41}}, Hops: []HopRecord{{SourceKey: "outlet"}}},
		},
	}
}

func TestAddArticlesIsIdempotent(t *testing.T) {
	d := MustOpen(t)
	ctx := context.Background()
	a := sampleArticle("https://example.org/1", "it rained, Jane Doe said. The sky is blue.")
	out, err := d.AddArticles(ctx, []ArticleRecord{a})
	if err != nil {
		t.Fatal(err)
	}
	if out[0].Duplicate {
		t.Fatal("first ingest reported as duplicate")
	}
	// Same text under another URL, and same URL with other text: both duplicates.
	b := sampleArticle("https://example.org/2", a.Text)
	c := sampleArticle(a.URL, "other text")
	out, err = d.AddArticles(ctx, []ArticleRecord{a, b, c})
	if err != nil {
		t.Fatal(err)
	}
	for i, o := range out {
		if !o.Duplicate {
			t.Errorf("article %d stored twice", i)
		}
	}
	n, err := d.Count(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(Counts{Articles: 1, Claims: 2, Sources: 3}, n); diff != "" {
		t.Errorf("counts (-want +got):\n%s", diff)
	}
	claims, err := d.Claims(ctx, ClaimFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var chain []string
	for _, h := range claims[0].Chain {
		chain = append(chain, h.Source)
	}
	if diff := cmp.Diff([]string{"Outlet", "Agency", "Jane Doe"}, chain); diff != "" {
		t.Errorf("chain (-want +got):\n%s", diff)
	}
	src, err := d.SourceByKey(ctx, "ag")
	if err != nil {
		t.Fatal(err)
	}
	if src.Name != "Agency" || src.CitedIn != 1 {
		t.Errorf("alias lookup: got %+v", src)
	}
	jane, err := d.SourceByKey(ctx, "jane doe")
	if err != nil {
		t.Fatal(err)
	}
	if jane.Affiliation != "Agency" || jane.OriginOf != 1 {
		t.Errorf("affiliation and origin count: got %+v", jane)
	}
}

func TestAddArticlesIsAllOrNothing(t *testing.T) {
	d := MustOpen(t)
	ctx := context.Background()
	good := sampleArticle("https://example.org/good", "good text")
	bad := sampleArticle("https://example.org/bad", "bad text")
	bad.Claims[0].Hops[1].SourceKey = "nobody"
	if _, err := d.AddArticles(ctx, []ArticleRecord{good, bad}); err == nil {
		t.Fatal("want an error for a hop naming an unknown source")
	}
	n, _ := d.Count(ctx)
	if n.Articles != 0 || n.Sources != 0 {
		t.Errorf("a failed batch left rows behind: %+v", n)
	}
}

// Hash is SHA-256 in hex, of the text's bytes exactly (the empty text
// too); it reads the string in place.
func TestHash(t *testing.T) {
	for text, want := range map[string]string{
		"":    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
		"abc": "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
	} {
		if got := Hash(text); got != want {
			t.Errorf("Hash(%q) = %s, want %s", text, got, want)
		}
	}
}
