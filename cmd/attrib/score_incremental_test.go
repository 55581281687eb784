package main

import (
	"bufio"
	"compress/gzip"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestIncrementalMatchesFullOnNews ingests 300 real AllSides articles (read
// in place, never copied; skipped when absent) in five batches, each with
// ingest's incremental scoring, and checks after every batch that a full
// `attrib score` leaves exactly the same store: every claim's proposition,
// stance, grade, score, counts, fidelity and explanation, every finding and
// every source's reliability.
func TestIncrementalMatchesFullOnNews(t *testing.T) {
	if testing.Short() {
		t.Skip("slow end-to-end test")
	}
	f, err := os.Open("../../../shared/data/news/allsides-10k.jsonl.gz")
	if err != nil {
		t.Skip("AllSides data not available:", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	const batches, perBatch = 5, 60
	db := filepath.Join(t.TempDir(), "news.db")
	for b := 0; b < batches; b++ {
		var sb strings.Builder
		for n := 0; n < perBatch && sc.Scan(); n++ {
			sb.Write(sc.Bytes())
			sb.WriteByte('\n')
		}
		if sb.Len() == 0 {
			t.Fatalf("batch %d: no articles left", b)
		}
		if r := attrib(t, db, sb.String(), "ingest", "-q", "-"); r.code != 0 {
			t.Fatalf("batch %d: ingest exit %d\n%s%s", b, r.code, r.stdout, r.stderr)
		}
		s := sameAsFullScore(t, db)
		t.Logf("batch %d: %d claims, %d findings, %d sources identical after a full score", b, len(s.Claims), len(s.Findings), len(s.Sources))
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
}
