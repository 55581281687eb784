package extract

import (
	"bytes"
	"testing"
)

// TestModelRoundTrip writes the embedded model and reads it back.
func TestModelRoundTrip(t *testing.T) {
	md := DefaultModel()
	if md == nil {
		t.Skip("no embedded model")
	}
	var buf bytes.Buffer
	if _, err := md.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	back, err := ReadModel(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if len(back.role.w) != len(md.role.w) || len(back.cue.w) != len(md.cue.w) {
		t.Fatal("sizes differ")
	}
	for i := range md.role.w {
		if md.role.w[i] != back.role.w[i] {
			t.Fatalf("role weight %d differs", i)
		}
	}
	for i := range md.dense {
		if md.dense[i] != back.dense[i] {
			t.Fatalf("transition weight %d differs", i)
		}
	}
	if a, b := md.cand.keys(), back.cand.keys(); len(a) != len(b) || len(a) == 0 {
		t.Fatalf("candidate sets differ: %d vs %d words", len(a), len(b))
	}
	if _, err := ReadModel(bytes.NewReader([]byte("not a model"))); err == nil {
		t.Error("garbage read as a model")
	}
}

// TestTaggerFindsMissedCue: the tagger adds an attribution whose cue verb
// is in no rule lexicon, and the rules-only path does not.
func TestTaggerFindsMissedCue(t *testing.T) {
	if DefaultModel() == nil {
		t.Skip("no embedded model")
	}
	text := "The senator slammed the proposal as a giveaway to donors, according to aides. Critics described the bill as reckless."
	all := Extract(text, Options{})
	rules := Extract(text, Options{RulesOnly: true})
	checkSpans(t, text, all)
	n := func(cs []Claim) int {
		k := 0
		for _, c := range cs {
			if c.Cue != nil {
				k++
			}
		}
		return k
	}
	if n(all) < n(rules) {
		t.Errorf("tagger lost attributions: %d < %d", n(all), n(rules))
	}
	has := func(cs []Claim, cue string) bool {
		for _, c := range cs {
			if c.Cue != nil && c.Cue.Text == cue {
				return true
			}
		}
		return false
	}
	if !has(all, "described") || has(rules, "described") {
		t.Errorf("want the cue \"described\" from the tagger only")
	}
	for _, c := range all {
		t.Log(describe(c))
	}
}
