package input

import (
	"os"
	"testing"
)

const allsides = "../../../shared/data/news/allsides-10k.jsonl.gz"

func TestAllSides10k(t *testing.T) {
	if _, err := os.Stat(allsides); err != nil {
		t.Skip("allsides data absent:", err)
	}
	if testing.Short() {
		t.Skip("short mode")
	}
	arts, probs := collect(t, &Reader{}, allsides)
	if len(probs) != 0 {
		t.Errorf("%d problems, first %v", len(probs), probs[0])
	}
	if len(arts) != 10_000 {
		t.Errorf("got %d articles, want 10000", len(arts))
	}
	dated, kept := 0, []string{}
	for _, a := range arts {
		if a.Outlet == "" || a.Text == "" {
			t.Fatalf("line %d: no outlet or text", a.Line)
		}
		if len(a.Published) == 10 {
			dated++
		} else if a.Published != "" {
			kept = append(kept, a.Published) // ambiguous, e.g. "12/1/16"
		}
	}
	t.Logf("%d articles, %d with a YYYY-MM-DD date, kept as given: %q", len(arts), dated, kept)
}

// BenchmarkAllSides reads the 10k articles; MB/s counts uncompressed text.
func BenchmarkAllSides(b *testing.B) {
	if _, err := os.Stat(allsides); err != nil {
		b.Skip("allsides data absent:", err)
	}
	var textBytes int64
	for b.Loop() {
		textBytes = 0
		err := (&Reader{}).Read([]string{allsides}, func(a Article) error {
			textBytes += int64(len(a.Text))
			return nil
		}, func(p Problem) { b.Fatal(p) })
		if err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(textBytes)
}
