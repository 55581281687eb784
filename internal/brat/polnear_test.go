package brat

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const polnearDir = "../../../shared/data/polnear"

func needDir(t testing.TB, dir string) {
	t.Helper()
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("PolNeAR data not found at %s", dir)
	}
}

// TestPolNeARSurfaces checks the parser on real data (dev, and train unless -short): every entity's
// stored surface text equals the code-point slice of the article (fragments
// joined by a space, as brat writes them), in every annotator's file.
func TestPolNeARSurfaces(t *testing.T) {
	for _, split := range []string{"dev", "train"} {
		dir := filepath.Join(polnearDir, split)
		if split == "train" && testing.Short() {
			continue
		}
		needDir(t, dir)
		anns, err := filepath.Glob(filepath.Join(dir, "attributions", "*.ann"))
		if err != nil || len(anns) == 0 {
			t.Fatalf("%s: no .ann files (%v)", dir, err)
		}
		spans, multi := 0, 0
		for _, a := range anns {
			base := strings.TrimSuffix(filepath.Base(a), ".ann")
			name := base[:strings.LastIndexByte(base, '_')]
			text, err := os.ReadFile(filepath.Join(dir, "text", name+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			annRaw, err := os.ReadFile(a)
			if err != nil {
				t.Fatal(err)
			}
			f, err := parseAnn(string(annRaw))
			if err != nil {
				t.Fatalf("%s: %v", a, err)
			}
			runes := []rune(string(text))
			for _, e := range f.entities {
				parts := make([]string, len(e.spans))
				for i, s := range e.spans {
					if s.End > len(runes) {
						t.Fatalf("%s line %d: span %v past text end %d", a, e.line, s, len(runes))
					}
					parts[i] = string(runes[s.Start:s.End])
				}
				spans += len(e.spans)
				if len(e.spans) > 1 {
					multi++
				}
				if got := strings.Join(parts, " "); got != e.surface {
					t.Errorf("%s line %d (%s): surface %q, text has %q", filepath.Base(a), e.line, e.id, clip(e.surface), clip(got))
				}
			}
		}
		t.Logf("%s: %d files, %d fragments checked, %d multi-fragment entities", split, len(anns), spans, multi)
	}
}

// TestPolNeARDevLoad loads dev with one file per article and checks the
// published relation count and that every relation has a cue.
func TestPolNeARDevLoad(t *testing.T) {
	dir := filepath.Join(polnearDir, "dev")
	needDir(t, dir)
	docs, err := LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 84 {
		t.Errorf("docs = %d, want 84", len(docs))
	}
	rels, noSource, noContent := 0, 0, 0
	annotators := map[string]int{}
	for _, d := range docs {
		rels += len(d.Gold)
		annotators[d.Annotator]++
		for _, r := range d.Gold {
			if r.Source == nil {
				noSource++
			}
			if r.Content == nil {
				noContent++
			}
			if len(r.Cue) == 0 {
				t.Errorf("%s: relation without cue: %+v", d.Name, r)
			}
		}
	}
	if rels != 2193 {
		t.Errorf("relations = %d, want 2193 (README, one file per article)", rels)
	}
	t.Logf("dev: %d docs, %d relations, %d without source, %d without content, annotators %v", len(docs), rels, noSource, noContent, annotators)
	// Gold scored against itself is perfect.
	byText := make(map[string][]Relation, len(docs))
	for _, d := range docs {
		byText[d.Text] = d.Gold
	}
	rep := Evaluate(docs, func(text string) []Relation { return byText[text] })
	for _, rs := range []RoleScore{rep.Source, rep.Cue, rep.Content, rep.Relation} {
		if rs.Exact.F1 != 100 || rs.Overlap.F1 != 100 {
			t.Errorf("gold vs gold not perfect:\n%s", rep.Table())
			break
		}
	}
}

// TestPolNeARDevHumanCeiling scores each annotator of the multiply
// annotated dev articles against every other one (micro-averaged over all
// ordered pairs): what a perfect extractor could hope for.
func TestPolNeARDevHumanCeiling(t *testing.T) {
	dir := filepath.Join(polnearDir, "dev")
	needDir(t, dir)
	all, err := LoadDirAll(dir)
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string][]Doc{}
	for _, d := range all {
		byName[d.Name] = append(byName[d.Name], d)
	}
	var golds []Doc
	var preds [][]Relation
	for _, ds := range byName {
		for i := range ds {
			for j := range ds {
				if i != j {
					golds = append(golds, ds[i])
					preds = append(preds, ds[j].Gold)
				}
			}
		}
	}
	if len(golds) != 2*6*5 {
		t.Fatalf("pairs = %d, want 60 (2 articles x 6 annotators)", len(golds))
	}
	next := 0
	rep := Evaluate(golds, func(string) []Relation { next++; return preds[next-1] })
	t.Logf("dev human ceiling, %d annotator pairs:\n%s", len(golds), rep.Table())
	if f := rep.Cue.Overlap.F1; f < 50 || f == 100 {
		t.Errorf("cue overlap F1 between annotators = %.1f, want high but not perfect", f)
	}
}
