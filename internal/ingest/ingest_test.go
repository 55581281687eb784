package ingest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/attrib/attrib/internal/db"
	"github.com/attrib/attrib/internal/extract"
	"github.com/attrib/attrib/internal/input"
)

func openIngester(t *testing.T) (*Ingester, *db.DB) {
	t.Helper()
	ctx := context.Background()
	d, err := db.Open(ctx, filepath.Join(t.TempDir(), "attrib.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	in, err := New(ctx, d, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return in, d
}

func claim(text string, names ...string) extract.Claim {
	c := extract.Claim{Text: text, Spans: []extract.Span{{Start: 0, End: len(text)}}}
	for _, n := range names {
		c.Chain = append(c.Chain, extract.Hop{Name: n})
		c.Cue = &extract.Mention{Text: "said", Span: extract.Span{Start: 0, End: 4}}
	}
	return c
}

// A surname seen first and the full name later in the same article are one
// source whose canonical name changes half-way; every hop must still name
// a source of the record (this once failed 44 of 10,000 real articles).
func TestRenameWithinArticleKeepsHopsAndSourcesInStep(t *testing.T) {
	in, d := openIngester(t)
	a := input.Article{Path: "a.txt", Outlet: "Example News", Text: "text"}
	claims := []extract.Claim{
		claim("one", "Cameron"), claim("two", "David Cameron"), claim("three"),
	}
	rec, _ := in.build(a, claims)
	keys := map[string]bool{}
	for _, s := range rec.Sources {
		keys[s.Key] = true
	}
	for i, c := range rec.Claims {
		for j, h := range c.Hops {
			if !keys[h.SourceKey] {
				t.Errorf("claim %d hop %d names key %q, not among the record's sources %v", i, j, h.SourceKey, keys)
			}
		}
	}
	if rec.Claims[0].Hops[1].SourceKey != rec.Claims[1].Hops[1].SourceKey {
		t.Errorf("Cameron and David Cameron resolved apart: %q, %q", rec.Claims[0].Hops[1].SourceKey, rec.Claims[1].Hops[1].SourceKey)
	}
	if _, err := d.AddArticles(context.Background(), []db.ArticleRecord{rec}); err != nil {
		t.Fatal(err)
	}
}

// A source stored once is not sent with its stored aliases again, and a
// second run over a new article still finds it by id.
func TestStoredAliasesAreNotRewritten(t *testing.T) {
	in, _ := openIngester(t)
	ctx := context.Background()
	arts := []input.Article{
		{Path: "a.jsonl", Line: 1, Outlet: "Example News", Text: "first text"},
		{Path: "a.jsonl", Line: 2, Outlet: "Example News", Text: "second text"},
	}
	claims := [][]extract.Claim{{claim("one", "Jane Roe")}, {claim("two", "Jane Roe")}}
	for i, a := range arts {
		rec, srcs := in.build(a, claims[i])
		st := &Stats{}
		batch, _, err := in.store(ctx, chunk{items: []pending{{art: a, rec: rec, srcs: srcs, claims: 1}}, last: true}, nil, st, nil)
		if err != nil || st.Added != 1 {
			t.Fatalf("article %d: %v %+v", i, err, st)
		}
		in.applyAll(batch)
		if i == 0 {
			continue
		}
		for _, s := range rec.Sources {
			if s.ID == 0 || !s.KeyStored || len(s.Aliases) != 0 {
				t.Errorf("second article: source %+v, want its id, key stored and no aliases to write", s)
			}
		}
	}
}

func synthArticles(n int) []input.Article {
	var arts []input.Article
	for i := 0; i < n; i++ {
		text := fmt.Sprintf("Title %d\n\nMinister Jane Roe%d said the river rose by %d metres on Monday. "+
			"\"We are ready,\" Roe%d told reporters. Officials said, according to the Daily Planet, that roads were closed.\n", i, i%7, i, i%7)
		arts = append(arts, input.Article{Path: "synth.jsonl", Line: i + 1, URL: fmt.Sprintf("https://example.org/%d", i),
			Outlet: fmt.Sprintf("Outlet %d", i%5), Text: text})
	}
	return arts
}

// Run stores every article once, calls done in input order with small
// batches overlapping, and a second run finds them all stored (run with
// -race: the registry is touched by one goroutine only).
func TestRunInOrderAndIdempotent(t *testing.T) {
	_, d := openIngester(t)
	ctx := context.Background()
	arts := synthArticles(150)
	for run := 0; run < 2; run++ {
		in, err := New(ctx, d, Options{Workers: 3, BatchSize: 7})
		if err != nil {
			t.Fatal(err)
		}
		var lines []int
		st, err := in.Run(ctx, fromSlice(arts), func(r Result) {
			if r.Err != nil {
				t.Errorf("line %d: %v", r.Article.Line, r.Err)
			}
			lines = append(lines, r.Article.Line)
		})
		if err != nil {
			t.Fatal(err)
		}
		want := Stats{Added: 150, Claims: st.Claims}
		if run == 1 {
			want = Stats{Duplicates: 150}
		}
		if st != want || run == 0 && st.Claims < 150 {
			t.Errorf("run %d: stats %+v, want %+v with at least 150 claims", run, st, want)
		}
		for i, l := range lines {
			if l != i+1 {
				t.Fatalf("run %d: done called for line %d at position %d", run, l, i)
			}
		}
	}
}

// Real news through the whole ingest leaves a sound store: no damage, no
// foreign key pointing at nothing, no name split into two sources.
func TestRealNewsLeavesSoundStore(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	if _, err := os.Stat(allsides); err != nil {
		t.Skipf("%s not present: %v", allsides, err)
	}
	arts, _ := loadArticles(t, 600)
	in, d := openIngester(t)
	in.opts.BatchSize = 64 // several transactions, sources fed back between them
	ctx := context.Background()
	if _, err := in.Run(ctx, fromSlice(arts), nil); err != nil {
		t.Fatal(err)
	}
	problems, err := d.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Error(p)
	}
}
