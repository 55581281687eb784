package brat

import (
	"testing"

	"github.com/attrib/attrib/internal/extract"
	"github.com/google/go-cmp/cmp"
)

func TestPolNeARConvention(t *testing.T) {
	text := `He said that taxes rise. “We will win,” she said. “It is over.” Bob thinks thatcher. She has also said so.`
	span := func(sub string) extract.Span {
		rs, ss := []rune(text), []rune(sub)
		for i := 0; i+len(ss) <= len(rs); i++ {
			if string(rs[i:i+len(ss)]) == sub {
				return extract.Span{Start: i, End: i + len(ss)}
			}
		}
		t.Fatalf("%q not in text", sub)
		return extract.Span{}
	}
	cue := []extract.Span{span("said")}
	in := []Relation{
		{Cue: cue, Content: []extract.Span{span("taxes rise")}},
		{Cue: cue, Content: []extract.Span{span("We will win"), span("It is over")}},
		{Cue: cue, Content: []extract.Span{span("cher")}},
		{Cue: cue},
		{Cue: []extract.Span{span("said so")}},
	}
	want := []Relation{
		{Cue: cue, Content: []extract.Span{span("that taxes rise")}},
		{Cue: cue, Content: []extract.Span{span("“We will win,”"), span("“It is over.”")}},
		{Cue: cue, Content: []extract.Span{span("cher")}},
		{Cue: cue},
		{Cue: []extract.Span{span("has also said so")}},
	}
	got := PolNeARConvention(text, in)
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
	if in[0].Content[0] != span("taxes rise") {
		t.Error("input modified")
	}
	if PolNeARConvention(text, nil) != nil {
		t.Error("nil in, want nil out")
	}
}
