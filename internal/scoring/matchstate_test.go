package scoring

import (
	"cmp"
	"reflect"
	"slices"
	"testing"
)

// TestStoredMatchingEqualsFullRun scores a corpus, then scores it again with
// more claims, giving back the first run's groups and edges: the result
// must equal a full run over all claims, field for field.
func TestStoredMatchingEqualsFullRun(t *testing.T) {
	all := genInput(12000, 7)
	for _, cut := range []int{3000, 9000, 11990} {
		first := all
		first.Claims = all.Claims[:cut]
		r1 := Score(first)
		inc := all
		inc.Claims = slices.Clone(all.Claims)
		for i := range inc.Claims[:cut] {
			inc.Claims[i].Group = r1.Groups[inc.Claims[i].ID]
		}
		inc.Edges = r1.Edges
		slices.Reverse(inc.Edges) // order must not matter
		got, want := Score(inc), Score(all)
		sortEdges(got.Edges)
		sortEdges(want.Edges)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("cut %d: incremental result differs from a full run", cut)
			for id, c := range want.Claims {
				if got.Claims[id] != c {
					t.Errorf("claim %d: got %+v\nwant %+v", id, got.Claims[id], c)
					break
				}
			}
		}
	}
}

// TestStoredMatchingOutOfOrder ignores stored groups when a new claim
// precedes a stored one.
func TestStoredMatchingOutOfOrder(t *testing.T) {
	all := genInput(2000, 3)
	want := Score(all)
	in := all
	in.Claims = slices.Clone(all.Claims)
	in.Claims[len(in.Claims)-1].Group = 1 // bogus: the last claim "stored", earlier ones new
	got := Score(in)
	if !reflect.DeepEqual(got.Claims, want.Claims) {
		t.Error("stored groups out of id order were not ignored")
	}
}

func sortEdges(es []Edge) {
	slices.SortFunc(es, func(x, y Edge) int {
		if c := cmp.Compare(x.A, y.A); c != 0 {
			return c
		}
		return cmp.Compare(x.B, y.B)
	})
}
