package brat

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/attrib/attrib/internal/extract"
)

func spans(pairs ...int) []extract.Span {
	var out []extract.Span
	for i := 0; i+1 < len(pairs); i += 2 {
		out = append(out, sp(pairs[i], pairs[i+1]))
	}
	return out
}

func fixed(rels []Relation) func(string) []Relation {
	return func(string) []Relation { return rels }
}

var goldRels = []Relation{
	{Source: spans(0, 5), Cue: spans(6, 10), Content: spans(11, 30)},
	{Source: spans(40, 45), Cue: spans(46, 50), Content: spans(51, 60, 70, 80)},
	{Cue: spans(90, 95), Content: spans(96, 120)}, // no source
}

func TestEvaluatePerfect(t *testing.T) {
	docs := []Doc{{Name: "a", Text: strings.Repeat("x", 130), Gold: goldRels}}
	rep := Evaluate(docs, fixed(goldRels))
	for name, rs := range map[string]RoleScore{"source": rep.Source, "cue": rep.Cue, "content": rep.Content, "relation": rep.Relation} {
		for kind, s := range map[string]Score{"exact": rs.Exact, "overlap": rs.Overlap} {
			if s.Precision != 100 || s.Recall != 100 || s.F1 != 100 || s.FP != 0 || s.FN != 0 {
				t.Errorf("%s %s = %+v, want perfect", name, kind, s)
			}
		}
	}
	if rep.Source.Gold != 2 || rep.Cue.Gold != 3 || rep.Relation.Gold != 3 {
		t.Errorf("gold counts: source %d cue %d relation %d", rep.Source.Gold, rep.Cue.Gold, rep.Relation.Gold)
	}
	if rep.Docs != 1 || rep.Chars != 130 || rep.Bytes != 130 {
		t.Errorf("docs %d chars %d bytes %d", rep.Docs, rep.Chars, rep.Bytes)
	}
}

func TestEvaluatePartial(t *testing.T) {
	pred := []Relation{
		// Relation 1 exact except content one code point short: content
		// and relation match by overlap only.
		{Source: spans(0, 5), Cue: spans(6, 10), Content: spans(11, 29)},
		// Relation 2 exact, with its fragments given out of order and one
		// split in two touching pieces (normalised to the same set).
		{Source: spans(40, 45), Cue: spans(46, 50), Content: spans(70, 80, 51, 55, 55, 60)},
		// Relation 3 predicted with a source the gold lacks: cue and
		// content exact, relation wrong (source disagrees).
		{Source: spans(85, 89), Cue: spans(90, 95), Content: spans(96, 120)},
		// A spurious relation touching nothing.
		{Cue: spans(200, 204), Content: spans(205, 210)},
	}
	docs := []Doc{{Name: "a", Text: strings.Repeat("x", 300), Gold: goldRels}}
	rep := Evaluate(docs, fixed(pred))
	check := func(name string, got Score, tp, fp, fn int, p, r, f float64) {
		t.Helper()
		if got.TP != tp || got.FP != fp || got.FN != fn || got.Precision != p || got.Recall != r || got.F1 != f {
			t.Errorf("%s = %+v, want tp %d fp %d fn %d P %.1f R %.1f F1 %.1f", name, got, tp, fp, fn, p, r, f)
		}
	}
	check("source exact", rep.Source.Exact, 2, 1, 0, 66.7, 100, 80)
	check("cue exact", rep.Cue.Exact, 3, 1, 0, 75, 100, 85.7)
	check("content exact", rep.Content.Exact, 2, 2, 1, 50, 66.7, 57.1)
	check("content overlap", rep.Content.Overlap, 3, 1, 0, 75, 100, 85.7)
	check("relation exact", rep.Relation.Exact, 1, 3, 2, 25, 33.3, 28.6)
	check("relation overlap", rep.Relation.Overlap, 2, 2, 1, 50, 66.7, 57.1)
}

func TestEvaluateGreedyOverlap(t *testing.T) {
	// One long prediction overlaps two gold contents; it may match only
	// one, the one it overlaps most. A second prediction takes the other.
	gold := []Relation{
		{Cue: spans(0, 2), Content: spans(10, 20)},
		{Cue: spans(30, 32), Content: spans(18, 40)},
	}
	pred := []Relation{{Cue: spans(50, 52), Content: spans(12, 40)}}
	rep := Evaluate([]Doc{{Text: "t", Gold: gold}}, fixed(pred))
	if s := rep.Content.Overlap; s.TP != 1 || s.FN != 1 || s.FP != 0 {
		t.Errorf("one long prediction: %+v", s)
	}
	pred = append(pred, Relation{Cue: spans(60, 62), Content: spans(10, 13)})
	rep = Evaluate([]Doc{{Text: "t", Gold: gold}}, fixed(pred))
	if s := rep.Content.Overlap; s.TP != 2 || s.FN != 0 || s.FP != 0 {
		t.Errorf("two predictions: %+v", s)
	}
}

func TestEvaluateEmpty(t *testing.T) {
	rep := Evaluate(nil, nil)
	if rep.Docs != 0 || rep.Relation.Exact != (Score{}) {
		t.Errorf("no docs: %+v", rep)
	}
	// Gold but no predictions: recall 0, every gold item a false negative.
	rep = Evaluate([]Doc{{Text: "x", Gold: goldRels}}, nil)
	if s := rep.Relation.Exact; s.FN != 3 || s.TP != 0 || s.FP != 0 || s.F1 != 0 {
		t.Errorf("no predictions: %+v", s)
	}
	// Predictions but no gold: every prediction a false positive.
	rep = Evaluate([]Doc{{Text: "x"}}, fixed(goldRels))
	if s := rep.Cue.Overlap; s.FP != 3 || s.TP != 0 || s.FN != 0 {
		t.Errorf("no gold: %+v", s)
	}
	tab := Evaluate(nil, nil).Table()
	if !strings.Contains(tab, "relation") || !strings.Contains(tab, " -") {
		t.Errorf("empty table:\n%s", tab)
	}
}

func TestEvaluateDiscardAndDuplicates(t *testing.T) {
	gold := goldRels[:1]
	pred := []Relation{
		goldRels[0], goldRels[0], // a duplicate counts once
		{Cue: spans(200, 204), Content: spans(205, 210)}, // inside Discard
	}
	rep := Evaluate([]Doc{{Text: "t", Gold: gold, Discard: spans(190, 260)}}, fixed(pred))
	if rep.DroppedInDiscard != 1 {
		t.Errorf("dropped = %d, want 1", rep.DroppedInDiscard)
	}
	if s := rep.Relation.Exact; s.TP != 1 || s.FP != 0 || s.FN != 0 {
		t.Errorf("relation exact = %+v", s)
	}
}

func TestReportJSONAndTable(t *testing.T) {
	rep := Evaluate([]Doc{{Text: "abc", Gold: goldRels}}, fixed(goldRels[:2]))
	b, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"docs", "source", "cue", "content", "relation", "predict_seconds", "mb_per_second"} {
		if _, ok := m[k]; !ok {
			t.Errorf("JSON lacks %q: %s", k, b)
		}
	}
	rel := m["relation"].(map[string]any)["exact"].(map[string]any)
	if rel["tp"].(float64) != 2 || rel["recall"].(float64) != 66.7 {
		t.Errorf("relation exact JSON = %v", rel)
	}
	tab := rep.Table()
	lines := strings.Split(strings.TrimRight(tab, "\n"), "\n")
	if len(lines) != 10 {
		t.Fatalf("table has %d lines, want 10:\n%s", len(lines), tab)
	}
	if w := len(lines[0]); len(lines[1]) != w || len(lines[8]) != w {
		t.Errorf("table rows not aligned: %d %d %d\n%q", w, len(lines[1]), len(lines[8]), tab)
	}
	if !strings.Contains(lines[7], "relation exact") || !strings.Contains(lines[7], "66.7") {
		t.Errorf("relation row: %q", lines[7])
	}
}

func FuzzEvaluate(f *testing.F) {
	f.Add(0, 5, 6, 10, 11, 30, -3, 4, 2, 8, 9, 40)
	f.Fuzz(func(t *testing.T, a, b, c, d, e, g, h, i, j, k, l, m int) {
		gold := []Relation{{Source: spans(a, b), Cue: spans(c, d), Content: spans(e, g, a, d)}}
		pred := []Relation{{Source: spans(h, i), Cue: spans(j, k), Content: spans(l, m)}, gold[0]}
		rep := Evaluate([]Doc{{Text: "x", Gold: gold, Discard: spans(k, m)}}, fixed(pred))
		for _, rs := range []RoleScore{rep.Source, rep.Cue, rep.Content, rep.Relation} {
			for _, s := range []Score{rs.Exact, rs.Overlap} {
				if s.TP < 0 || s.FP < 0 || s.FN < 0 || s.TP+s.FN != rs.Gold || s.TP+s.FP != rs.Predicted {
					t.Fatalf("inconsistent %+v in %+v", s, rs)
				}
			}
			if rs.Exact.TP > rs.Overlap.TP {
				t.Fatalf("exact %d > overlap %d", rs.Exact.TP, rs.Overlap.TP)
			}
		}
	})
}
