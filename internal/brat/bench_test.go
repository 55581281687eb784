package brat

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkParseAnnDev parses every dev annotation file once per iteration.
func BenchmarkParseAnnDev(b *testing.B) {
	dir := filepath.Join(polnearDir, "dev", "attributions")
	needDir(b, dir)
	files, _ := filepath.Glob(filepath.Join(dir, "*.ann"))
	var anns []string
	n := 0
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		anns = append(anns, string(raw))
		n += len(raw)
	}
	b.SetBytes(int64(n))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, a := range anns {
			if _, err := ParseAnn(a); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkEvaluateDev scores dev's gold against itself: the cost of
// matching alone.
func BenchmarkEvaluateDev(b *testing.B) {
	dir := filepath.Join(polnearDir, "dev")
	needDir(b, dir)
	docs, err := LoadDir(dir)
	if err != nil {
		b.Fatal(err)
	}
	byText := make(map[string][]Relation, len(docs))
	for _, d := range docs {
		byText[d.Text] = d.Gold
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Evaluate(docs, func(text string) []Relation { return byText[text] })
	}
}
