package extract

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.json from the current output")

// TestSeedGolden runs the seed article and compares every claim, span and
// chain with testdata/seed.golden.json (rewrite it with -update, then review
// the diff by hand).
func TestSeedGolden(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("..", "..", "testdata", "seed", "babel-2024-korea-weapons-ukraine.txt"))
	if err != nil {
		t.Skipf("seed article not found: %v", err)
	}
	got := Extract(string(raw), Options{Outlet: "Babel"})
	golden := filepath.Join("testdata", "seed.golden.json")
	if *update {
		b, err := json.MarshalIndent(got, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, append(b, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	b, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("read golden: %v (run go test -run TestSeedGolden -update)", err)
	}
	var want []Claim
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("seed claims differ from %s (-want +got):\n%s", golden, d)
	}
	checkSpans(t, string(raw), got)
}

// checkSpans asserts that every span lies in the text, in order, and that
// the claim text and mentions match the text at their offsets.
func checkSpans(t *testing.T, text string, cs []Claim) {
	t.Helper()
	runes := []rune(text)
	sub := func(s Span) string { return string(runes[s.Start:s.End]) }
	prev := 0
	for i, c := range cs {
		if len(c.Spans) == 0 {
			t.Fatalf("claim %d has no span", i)
		}
		if c.Start() < prev {
			t.Errorf("claim %d starts at %d before the previous claim at %d", i, c.Start(), prev)
		}
		prev = c.Start()
		last := -1
		for _, s := range c.Spans {
			if s.Start < 0 || s.End > len(runes) || s.Start >= s.End || s.Start < last {
				t.Fatalf("claim %d: bad span %v (text %d code points)", i, s, len(runes))
			}
			last = s.End
		}
		ms := []*Mention{c.Cue}
		for _, h := range c.Chain {
			ms = append(ms, h.Mention, h.Cue)
		}
		for _, m := range ms {
			if m != nil && (m.Span.Start < 0 || m.Span.End > len(runes) || sub(m.Span) != m.Text) {
				t.Errorf("claim %d: mention %q does not match text at %v", i, m.Text, m.Span)
			}
		}
	}
}
