package scoring

import (
	"reflect"
	"testing"
)

// TestRematchEqualsFullRun: Rematch gives the groups and edges of a full
// run under links and unlinks, whatever stored groups the claims carry.
func TestRematchEqualsFullRun(t *testing.T) {
	in := genInput(6000, 3)
	base := Score(in)
	// Link claims of two groups, unlink two claims the matcher joined.
	var a, b int64
	for id, g := range base.Groups {
		if g != id && (a == 0 || id < a) {
			a, b = g, id
		}
	}
	if a == 0 {
		t.Fatal("the generated corpus has no joined claims")
	}
	in.Links = []Link{{A: in.Claims[10].ID, B: in.Claims[4000].ID, Linked: true}, {A: a, B: b, Linked: false}}
	want := Score(in)
	claims := make([]Claim, len(in.Claims))
	copy(claims, in.Claims)
	for i := range claims {
		claims[i].Group = base.Groups[claims[i].ID] // stale: must be ignored
	}
	groups, edges := Rematch(claims, in.Links)
	sortEdges(edges)
	sortEdges(want.Edges)
	if !reflect.DeepEqual(groups, want.Groups) {
		t.Error("Rematch groups differ from a full run")
	}
	if !reflect.DeepEqual(edges, want.Edges) {
		t.Errorf("Rematch has %d edges, a full run %d", len(edges), len(want.Edges))
	}
	if reflect.DeepEqual(want.Groups, base.Groups) {
		t.Error("the links changed no group: the test exercises nothing")
	}
}
