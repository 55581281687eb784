package ingest

import (
	"context"
	"testing"

	"github.com/attrib/attrib/internal/db"
	"github.com/attrib/attrib/internal/extract"
)

// BenchmarkStore is the writer alone: records are built batch by batch as
// ingest builds them (source ids of stored batches fed back), but only
// db.AddArticles is timed. It isolates the SQLite side of BenchmarkRun.
func BenchmarkStore(b *testing.B) {
	arts, size := loadArticles(b, benchN(b))
	claims := make([][]extract.Claim, len(arts))
	for i, a := range arts {
		claims[i] = extract.Extract(a.Text, extract.Options{Outlet: a.Outlet})
	}
	ctx := context.Background()
	b.SetBytes(size)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		in, d := freshIngester(b, ctx)
		for start := 0; start < len(arts); start += in.opts.BatchSize {
			end := min(start+in.opts.BatchSize, len(arts))
			batch := make([]pending, 0, end-start)
			recs := make([]db.ArticleRecord, 0, end-start)
			for j := start; j < end; j++ {
				rec, srcs := in.build(arts[j], claims[j])
				batch = append(batch, pending{art: arts[j], rec: rec, srcs: srcs})
				recs = append(recs, rec)
			}
			b.StartTimer()
			outs, err := d.AddArticles(ctx, recs)
			b.StopTimer()
			if err != nil {
				b.Fatal(err)
			}
			for j := range batch {
				batch[j].out = outs[j]
			}
			in.applyAll(batch)
		}
		d.Close()
		b.StartTimer()
	}
}
