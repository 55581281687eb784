package brat

import (
	"testing"

	"github.com/attrib/attrib/internal/extract"
	"github.com/google/go-cmp/cmp"
)

func mention(a, b int) *extract.Mention {
	return &extract.Mention{Text: "m", Span: sp(a, b)}
}

func TestFromClaims(t *testing.T) {
	claims := []extract.Claim{
		// The outlet's own statement: not a relation.
		{Text: "own", Spans: spans(0, 10)},
		// "X said Y" with a two-fragment quote.
		{Text: "q", Spans: spans(20, 30, 40, 50), Quote: true, Cue: mention(31, 35),
			Chain: []extract.Hop{{Name: "X", Mention: mention(36, 39)}}},
		// Agency credit carried over: the hop has no mention, so no source.
		{Text: "carried", Spans: spans(60, 70), Cue: mention(71, 78),
			Chain: []extract.Hop{{Name: "Agency"}}},
		// "The WSJ, citing a former spy, wrote that Z": two relations.
		{Text: "Z", Spans: spans(130, 150), Cue: mention(120, 125),
			Chain: []extract.Hop{
				{Name: "The Wall Street Journal", Mention: mention(80, 87)},
				{Name: "a former spy", Mention: mention(96, 118), Cue: mention(89, 95)},
			}},
		// A second hop without its own cue adds nothing.
		{Text: "W", Spans: spans(200, 210), Cue: mention(190, 194),
			Chain: []extract.Hop{{Mention: mention(180, 185)}, {Name: "Y", Mention: mention(170, 175)}}},
	}
	want := []Relation{
		{Source: spans(36, 39), Cue: spans(31, 35), Content: spans(20, 30, 40, 50)},
		{Cue: spans(71, 78), Content: spans(60, 70)},
		{Source: spans(80, 87), Cue: spans(120, 125), Content: spans(130, 150)},
		{Source: spans(80, 87), Cue: spans(89, 95), Content: spans(96, 118)},
		{Source: spans(180, 185), Cue: spans(190, 194), Content: spans(200, 210)},
	}
	got := FromClaims(claims)
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("FromClaims (-want +got):\n%s", d)
	}
	// The result does not alias the claims' fragments.
	got[0].Content[0].Start = -1
	if claims[1].Spans[0].Start != 20 {
		t.Error("FromClaims aliases claim spans")
	}
	if FromClaims(nil) != nil {
		t.Error("FromClaims(nil) != nil")
	}
}

// TestFromClaimsSharedCue: claims that share one cue (a continued
// quotation) are one relation holding all their fragments.
func TestFromClaimsSharedCue(t *testing.T) {
	cue := mention(31, 35)
	claims := []extract.Claim{
		{Text: "a", Spans: spans(20, 30), Quote: true, Cue: cue, Chain: []extract.Hop{{Name: "X", Mention: mention(36, 39)}}},
		{Text: "b", Spans: spans(50, 60), Quote: true, Cue: cue, Chain: []extract.Hop{{Name: "X"}}},
	}
	want := []Relation{{Source: spans(36, 39), Cue: spans(31, 35), Content: spans(20, 30, 50, 60)}}
	if d := cmp.Diff(want, FromClaims(claims)); d != "" {
		t.Errorf("FromClaims (-want +got):\n%s", d)
	}
}
