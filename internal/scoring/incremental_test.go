package scoring

import (
	"slices"
	"testing"
)

// TestMatchNewEqualsFullRun scores a corpus, then matches more claims with
// MatchNew given only each block key's last 32 stored claims: the groups
// and new edges must be those of a full run over all claims.
func TestMatchNewEqualsFullRun(t *testing.T) {
	all := genInput(12000, 9)
	for _, cut := range []int{4000, 11000, 11990} {
		first := all
		first.Claims = all.Claims[:cut]
		first.WantKeys = true
		r1 := Score(first)
		want := Score(all)
		byKey := map[int64][]int64{}
		for id, ks := range r1.BlockKeys {
			for _, k := range ks {
				byKey[k] = append(byKey[k], id)
			}
		}
		mi := MatchInput{Links: all.Links, Windows: map[int64][]int64{}}
		need := map[int64]bool{}
		for _, c := range all.Claims[cut:] {
			for _, k := range BlockKeys(c) {
				ids := slices.Clone(byKey[k])
				slices.Sort(ids)
				if len(ids) > MaxWindow {
					ids = ids[len(ids)-MaxWindow:]
				}
				mi.Windows[k] = ids
				for _, id := range ids {
					need[id] = true
				}
			}
		}
		for _, l := range all.Links {
			need[l.A], need[l.B] = true, true
		}
		for _, c := range all.Claims[:cut] {
			if need[c.ID] {
				c.Group = r1.Groups[c.ID]
				mi.Claims = append(mi.Claims, c)
			}
		}
		mi.Claims = append(mi.Claims, all.Claims[cut:]...)
		got, err := MatchNew(mi)
		if err != nil {
			t.Fatal(err)
		}
		// A claim's group is right when it names the same set: the full
		// run's group of a new claim, or of the stored group it joined.
		for id, g := range got.Groups {
			if want.Groups[id] != g {
				t.Fatalf("cut %d: claim %d in group %d, full run %d", cut, id, g, want.Groups[id])
			}
		}
		for old, g := range got.Remap {
			if want.Groups[old] != g {
				t.Fatalf("cut %d: stored group %d remapped to %d, full run %d", cut, old, g, want.Groups[old])
			}
		}
		wantEdges := map[Edge]bool{}
		for _, e := range want.Edges {
			wantEdges[e] = true
		}
		for _, e := range r1.Edges {
			delete(wantEdges, e)
		}
		if len(got.Edges) != len(wantEdges) {
			t.Fatalf("cut %d: %d new edges, full run %d", cut, len(got.Edges), len(wantEdges))
		}
		for _, e := range got.Edges {
			if !wantEdges[e] {
				t.Fatalf("cut %d: edge %+v not in the full run", cut, e)
			}
		}
		for _, c := range all.Claims[cut:] {
			if !slices.Equal(got.Keys[c.ID], BlockKeys(c)) {
				t.Fatalf("cut %d: block keys of claim %d differ", cut, c.ID)
			}
		}
		t.Logf("cut %d: %d stored claims given, %d new edges, %d groups remapped", cut, len(mi.Claims)-(len(all.Claims)-cut), len(got.Edges), len(got.Remap))
	}
}
