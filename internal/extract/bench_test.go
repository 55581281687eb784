package extract

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// newsTexts reads up to n article texts from the shared AllSides sample.
func newsTexts(tb testing.TB, n int) []string {
	tb.Helper()
	f, err := os.Open(filepath.Join("..", "..", "..", "shared", "data", "news", "allsides-10k.jsonl.gz"))
	if err != nil {
		tb.Skipf("news sample not available: %v", err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		tb.Fatalf("gunzip: %v", err)
	}
	sc := bufio.NewScanner(gz)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	var out []string
	for sc.Scan() && len(out) < n {
		var a struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			tb.Fatalf("decode: %v", err)
		}
		out = append(out, a.Text)
	}
	if err := sc.Err(); err != nil {
		tb.Fatalf("read: %v", err)
	}
	return out
}

// BenchmarkExtract measures throughput on real news text (MB/s of input)
// with the learned tagger.
func BenchmarkExtract(b *testing.B) { benchExtract(b, Options{}) }

// BenchmarkExtractRulesOnly measures the rules-only fast path.
func BenchmarkExtractRulesOnly(b *testing.B) { benchExtract(b, Options{RulesOnly: true}) }

func benchExtract(b *testing.B, opt Options) {
	texts := newsTexts(b, 2000)
	size := 0
	for _, t := range texts {
		size += len(t)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	b.ResetTimer()
	cpu0 := threadCPU()
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			Extract(t, opt)
		}
	}
	// MB/s of this goroutine's own thread CPU time: robust to other jobs
	// on the machine; garbage collection on other threads is not counted.
	if cpu := threadCPU() - cpu0; cpu > 0 {
		b.ReportMetric(float64(size)*float64(b.N)/1e6/cpu.Seconds(), "MB/cpu-s")
	}
}

// TestNewsSample runs the whole sample through Extract and checks spans
// (skipped with -short).
func TestNewsSample(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	texts := newsTexts(t, 10000)
	claims, attributed := 0, 0
	for _, text := range texts {
		cs := Extract(text, Options{})
		checkSpans(t, text, cs)
		claims += len(cs)
		for _, c := range cs {
			if len(c.Chain) > 0 {
				attributed++
			}
		}
	}
	t.Logf("%d articles, %d claims, %d attributed", len(texts), claims, attributed)
}
