package extract_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/attrib/attrib/internal/brat"
	"github.com/attrib/attrib/internal/extract"
)

// TestPolNeAR measures extraction against PolNeAR (Newell, Margolin & Ruths,
// LREC 2018) train and dev, in PolNeAR's span convention
// (brat.PolNeARConvention), with the learned tagger (default) and with
// rules only. It logs the tables and asserts only a floor well below the
// measured scores: tune on train only; dev is looked at to report. The
// embedded model was trained on train, so its train scores are optimistic.
// Run: go test -run TestPolNeAR -v ./internal/extract/
func TestPolNeAR(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	root := filepath.Join("..", "..", "..", "shared", "data", "polnear")
	if _, err := os.Stat(root); err != nil {
		t.Skipf("PolNeAR not available: %v", err)
	}
	with := func(opt extract.Options) func(string) []brat.Relation {
		return func(text string) []brat.Relation {
			return brat.PolNeARConvention(text, brat.FromClaims(extract.Extract(text, opt)))
		}
	}
	for _, split := range []string{"train", "dev"} {
		docs, err := brat.LoadDir(filepath.Join(root, split))
		if err != nil {
			t.Fatalf("load %s: %v", split, err)
		}
		rep := brat.Evaluate(docs, with(extract.Options{}))
		t.Logf("PolNeAR %s, learned tagger + rules:\n%s", split, rep.Table())
		t.Logf("PolNeAR %s, rules only:\n%s", split, brat.Evaluate(docs, with(extract.Options{RulesOnly: true})).Table())
		if extract.DefaultModel() != nil && (rep.Cue.Exact.F1 < 50 || rep.Source.Exact.F1 < 50 || rep.Content.Exact.F1 < 35) {
			t.Errorf("%s: scores fell below the floor (cue %.1f, source %.1f, content %.1f)", split, rep.Cue.Exact.F1, rep.Source.Exact.F1, rep.Content.Exact.F1)
		}
	}
}
