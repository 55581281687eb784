package ingest

import (
	"testing"

	"github.com/attrib/attrib/internal/extract"
	"github.com/attrib/attrib/internal/sources"
)

// BenchmarkBuildCPU is BenchmarkBuild reporting the CPU time of the
// process per op (cpu-ns/op, garbage collection included) next to the
// wall time: on a shared machine the CPU time varies much less.
func BenchmarkBuildCPU(b *testing.B) {
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
		in := &Ingester{reg: sources.NewRegistry(), stored: map[string]bool{}, affDone: map[int64]bool{}}
		for j, a := range arts {
			in.build(a, claims[j])
		}
	}
	b.ReportMetric((cpuNow()-start)*1e9/float64(b.N), "cpu-ns/op")
}
