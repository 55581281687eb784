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
// cpu-s/op is the process's CPU time while AddArticles runs (the writer and
// its checkpoints: nothing else runs then), steadier than wall time on a
// shared machine; MB-written/op is what the process wrote (WAL, checkpoints).
func BenchmarkStore(b *testing.B) {
	arts, size := loadArticles(b, benchN(b))
	claims := make([][]extract.Claim, len(arts))
	for i, a := range arts {
		claims[i] = extract.Extract(a.Text, extract.Options{Outlet: a.Outlet})
	}
	ctx := context.Background()
	var cpuSum float64
	defer func() { b.ReportMetric(cpuSum/float64(b.N), "cpu-s/op") }()
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
			c0 := cpuNow()
			outs, err := d.AddArticles(ctx, recs)
			cpuSum += cpuNow() - c0
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
	b.ReportMetric(writtenMB()/float64(b.N), "MB-written/op")
}
