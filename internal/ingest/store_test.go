package ingest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/attrib/attrib/internal/db"
	"github.com/attrib/attrib/internal/extract"
	"github.com/attrib/attrib/internal/input"
	"github.com/google/go-cmp/cmp"
)

// Writing a batch in chunks as they are built stores exactly what writing
// it whole does: the same sources, ids, claims and chains.
func TestChunksStoreWhatWholeBatchesStore(t *testing.T) {
	arts := synthArticles(300)
	if _, err := os.Stat(allsides); err == nil && !testing.Short() {
		arts, _ = loadArticles(t, 400) // real news: anonymous groups, renames
	}
	ctx := context.Background()
	var got [2][]db.Claim
	var srcs [2][]db.Source
	for i, chunk := range []int{64, 5} {
		in, d := openIngester(t)
		in.opts.BatchSize, in.chunk = 64, chunk
		if _, err := in.Run(ctx, fromSlice(arts), nil); err != nil {
			t.Fatal(err)
		}
		var err error
		if got[i], err = d.Claims(ctx, db.ClaimFilter{}); err != nil {
			t.Fatal(err)
		}
		if srcs[i], err = d.Sources(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if len(got[0]) == 0 {
		t.Fatal("no claims stored")
	}
	if diff := cmp.Diff(got[0], got[1]); diff != "" {
		t.Errorf("claims differ, whole batches (-) and chunks of 5 (+):\n%s", diff)
	}
	if diff := cmp.Diff(srcs[0], srcs[1]); diff != "" {
		t.Errorf("sources differ, whole batches (-) and chunks of 5 (+):\n%s", diff)
	}
}

// An input that stalls in the middle of a batch does not keep the batch's
// transaction, and with it the database's write lock, open: what came
// before the stall is committed and visible to another connection.
func TestStalledInputCommitsWhatCame(t *testing.T) {
	defer func(d time.Duration) { stallCommit = d }(stallCommit)
	stallCommit = 20 * time.Millisecond
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "attrib.db")
	d, err := db.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	in, err := New(ctx, d, Options{BatchSize: 100})
	if err != nil {
		t.Fatal(err)
	}
	in.chunk = 1
	other, err := db.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	arts := synthArticles(5)
	var seen int
	read := func(yield func(input.Article) error) error {
		for i, a := range arts {
			if i == 3 { // the stall: the first three are built and sent by now
				deadline := time.Now().Add(5 * time.Second)
				for seen < 3 && time.Now().Before(deadline) {
					time.Sleep(20 * time.Millisecond)
					stored, err := other.Articles(ctx)
					if err != nil {
						return err
					}
					seen = len(stored)
				}
			}
			if err := yield(a); err != nil {
				return err
			}
		}
		return nil
	}
	st, err := in.Run(ctx, read, nil)
	if err != nil {
		t.Fatal(err)
	}
	if seen != 3 {
		t.Errorf("another connection saw %d articles during the stall, want the 3 read before it", seen)
	}
	if st.Added != 5 {
		t.Errorf("stats %+v, want all 5 added", st)
	}
}

// A transaction held longer than maxHold ends at the next chunk, and the
// batch goes on in another: the rows are those of whole batches.
func TestLongBatchCommitsInParts(t *testing.T) {
	defer func(d time.Duration) { maxHold = d }(maxHold)
	maxHold = 0 // every chunk its own transaction
	arts := synthArticles(60)
	ctx := context.Background()
	var got [2][]db.Claim
	for i, chunk := range []int{16, 3} {
		in, d := openIngester(t)
		in.opts.BatchSize, in.chunk = 16, chunk
		st, err := in.Run(ctx, fromSlice(arts), nil)
		if err != nil || st.Added != len(arts) {
			t.Fatalf("chunks of %d: %+v %v", chunk, st, err)
		}
		if got[i], err = d.Claims(ctx, db.ClaimFilter{}); err != nil {
			t.Fatal(err)
		}
	}
	if diff := cmp.Diff(got[0], got[1]); diff != "" {
		t.Errorf("claims differ, whole batches (-) and a transaction a chunk (+):\n%s", diff)
	}
}

// A panic in the extractor fails that article alone, reported in its place;
// the articles around it, in the same batch and chunk, are stored.
func TestExtractorPanicFailsOneArticle(t *testing.T) {
	in, d := openIngester(t)
	in.opts.BatchSize, in.chunk = 8, 3
	in.extractFn = func(text string, o extract.Options) []extract.Claim {
		if strings.HasPrefix(text, "Title 5\n") {
			panic("boom")
		}
		return extract.Extract(text, o)
	}
	arts := synthArticles(20)
	var lines []int
	var failed []Result
	st, err := in.Run(context.Background(), fromSlice(arts), func(r Result) {
		lines = append(lines, r.Article.Line)
		if r.Err != nil {
			failed = append(failed, r)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if st.Added != 19 || st.Failed != 1 {
		t.Errorf("stats %+v, want 19 added and 1 failed", st)
	}
	if len(failed) != 1 || failed[0].Article.Line != 6 || !strings.Contains(failed[0].Err.Error(), "boom") {
		t.Errorf("failures %+v, want line 6 with the panic's message", failed)
	}
	for i, l := range lines {
		if l != i+1 {
			t.Fatalf("done called for line %d at position %d", l, i)
		}
	}
	n, err := d.Count(context.Background())
	if err != nil || n.Articles != 19 {
		t.Errorf("stored %+v (%v), want 19 articles", n, err)
	}
}
