package ingest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/attrib/attrib/internal/db"
	"github.com/attrib/attrib/internal/extract"
	"github.com/attrib/attrib/internal/input"
)

// allsides is the 10,000-article research corpus, read in place.
const allsides = "../../../shared/data/news/allsides-10k.jsonl.gz"

// benchN is how many articles of allsides a benchmark reads:
// ATTRIB_BENCH_N, default 1000.
func benchN(tb testing.TB) int {
	if _, err := os.Stat(allsides); err != nil {
		tb.Skipf("%s not present: %v", allsides, err)
	}
	if n, err := strconv.Atoi(os.Getenv("ATTRIB_BENCH_N")); err == nil && n > 0 {
		return n
	}
	return 1000
}

var errEnough = errors.New("enough articles")

// loadArticles reads the first n articles of allsides into memory.
func loadArticles(tb testing.TB, n int) ([]input.Article, int64) {
	tb.Helper()
	var arts []input.Article
	var size int64
	r := &input.Reader{}
	err := r.Read([]string{allsides}, func(a input.Article) error {
		arts = append(arts, a)
		size += int64(len(a.Text))
		if len(arts) >= n {
			return errEnough
		}
		return nil
	}, nil)
	if err != nil && !errors.Is(err, errEnough) {
		tb.Fatal(err)
	}
	return arts, size
}

func fromSlice(arts []input.Article) func(func(input.Article) error) error {
	return func(yield func(input.Article) error) error {
		for _, a := range arts {
			if err := yield(a); err != nil {
				return err
			}
		}
		return nil
	}
}

// freshIngester is an ingester on a new database in a temporary folder.
func freshIngester(b *testing.B, ctx context.Context) (*Ingester, *db.DB) {
	d, err := db.Open(ctx, filepath.Join(b.TempDir(), "attrib.db"))
	if err != nil {
		b.Fatal(err)
	}
	in, err := New(ctx, d, Options{})
	if err != nil {
		b.Fatal(err)
	}
	return in, d
}

// BenchmarkRun is the whole ingest of articles already in memory into a
// fresh database: extraction on all cores, resolution, building, writing.
func BenchmarkRun(b *testing.B) {
	arts, size := loadArticles(b, benchN(b))
	ctx := context.Background()
	b.SetBytes(size)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		in, d := freshIngester(b, ctx)
		b.StartTimer()
		st, err := in.Run(ctx, fromSlice(arts), nil)
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if st.Added+st.Duplicates+st.Failed != len(arts) {
			b.Fatalf("stats %+v for %d articles", st, len(arts))
		}
		b.ReportMetric(float64(len(arts))*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
		d.Close()
		b.StartTimer()
	}
}

// BenchmarkBuild is resolution and record building alone (one goroutine),
// on claims extracted beforehand. cpu-ns/op is the process's CPU time per
// op (garbage collection included), steadier than wall time on a shared
// machine.
func BenchmarkBuild(b *testing.B) {
	arts, size := loadArticles(b, benchN(b))
	claims := make([][]extract.Claim, len(arts))
	for i, a := range arts {
		claims[i] = extract.Extract(a.Text, extract.Options{Outlet: a.Outlet})
	}
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	start := cpuNow()
	for i := 0; i < b.N; i++ {
		in := freshBuilder()
		for j, a := range arts {
			in.build(a, claims[j])
		}
	}
	b.ReportMetric((cpuNow()-start)*1e9/float64(b.N), "cpu-ns/op")
}

// BenchmarkExtract is extraction alone on one goroutine, for the share of
// extraction in BenchmarkRun.
func BenchmarkExtract(b *testing.B) {
	arts, size := loadArticles(b, benchN(b))
	b.SetBytes(size)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, a := range arts {
			extract.Extract(a.Text, extract.Options{Outlet: a.Outlet})
		}
	}
}
