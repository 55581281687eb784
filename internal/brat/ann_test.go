package brat

import (
	"strings"
	"testing"

	"github.com/attrib/attrib/internal/extract"
	"github.com/google/go-cmp/cmp"
)

func sp(a, b int) extract.Span { return extract.Span{Start: a, End: b} }

func TestParseAnn(t *testing.T) {
	// Roles in any order, entities defined after the event that uses them,
	// a note, a Discard, a no-source event, a multi-fragment content whose
	// surface text holds a literal newline (continuation lines, one blank),
	// a Content2 argument and an event whose roles the annotator forgot.
	ann := strings.Join([]string{
		"T1\tSource 0 3\tShe",
		"E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
		"T2\tCue 4 8\tsaid",
		"T3\tContent 20 30;40 52\tfirst part",
		"",
		"of the text second part",
		"T4\tAttribution 4 8\tsaid",
		"#1\tAnnotatorNotes T3\tcheck the split",
		"T5\tDiscard 60 70\tRead more",
		"T6\tCue 80 84\tsaid",
		"T7\tContent 90 95\tabcde",
		"T8\tAttribution-no-source 80 84\tsaid",
		"E2\tAttribution-no-source:T8 Cue:T6 Content:T7",
		"T9\tContent 100 105\tfghij",
		"E3\tAttribution:T4 Cue:T2 Source:T1 Content:T9 Content2:T7",
		"T10\tAttribution-no-source 110 118\tis drawn",
		"E4\tAttribution-no-source:T10 ",
		"",
	}, "\n")
	got, err := ParseAnn(ann)
	if err != nil {
		t.Fatal(err)
	}
	want := []Relation{
		{Source: []extract.Span{sp(0, 3)}, Cue: []extract.Span{sp(4, 8)}, Content: []extract.Span{sp(20, 30), sp(40, 52)}},
		{Cue: []extract.Span{sp(80, 84)}, Content: []extract.Span{sp(90, 95)}},
		{Source: []extract.Span{sp(0, 3)}, Cue: []extract.Span{sp(4, 8)}, Content: []extract.Span{sp(90, 95), sp(100, 105)}},
		{Cue: []extract.Span{sp(110, 118)}},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("ParseAnn (-want +got):\n%s", d)
	}
	f, err := parseAnn(ann)
	if err != nil {
		t.Fatal(err)
	}
	if s := f.entities[2].surface; s != "first part\n\nof the text second part" {
		t.Errorf("continued surface = %q", s)
	}
	if d := cmp.Diff([]extract.Span{sp(60, 70)}, f.discard); d != "" {
		t.Errorf("discard (-want +got):\n%s", d)
	}
	if d := cmp.Diff([]int{2, 13, 15, 17}, f.relLines); d != "" {
		t.Errorf("event lines (-want +got):\n%s", d)
	}
}

func TestParseAnnCRLFAndEmpty(t *testing.T) {
	got, err := ParseAnn("T1\tCue 1 2\tx\r\nT2\tContent 3 4\ty\r\nE1\tAttribution:T1 Cue:T1 Content:T2\r\n")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Content[0] != sp(3, 4) {
		t.Errorf("CRLF: got %+v", got)
	}
	for _, in := range []string{"", "\n\n", "T1\tDiscard 0 5\tabcde\n"} {
		got, err := ParseAnn(in)
		if err != nil || len(got) != 0 {
			t.Errorf("ParseAnn(%q) = %v, %v; want no relations", in, got, err)
		}
	}
}

func TestParseAnnErrors(t *testing.T) {
	ok := "T1\tCue 4 8\tsaid\nT2\tContent 10 20\tabc\n"
	cases := []struct{ name, ann, want string }{
		{"text before first record", "hello\n" + ok, "line 1:"},
		{"no offsets", ok + "T3\tSource\tabc\n", "line 3:"},
		{"not integers", ok + "T3\tSource 1 x\tabc\n", "line 3:"},
		{"reversed", ok + "T3\tSource 9 2\tabc\n", "line 3:"},
		{"fragment without end", ok + "T3\tSource 1 2;5\tabc\n", "line 3:"},
		{"no surface tab", ok + "T3\tSource 1 2\n", "line 3:"},
		{"duplicate id", ok + "T2\tSource 1 2\tab\n", "line 3: duplicate id T2"},
		{"unknown entity", ok + "E1\tAttribution:T1 Cue:T1 Content:T9\n", "line 3: Content refers to unknown entity T9"},
		{"bad argument", ok + "E1\tAttribution:T1 Cue\n", "line 3:"},
		{"empty event", ok + "E1\t\n", "line 3:"},
		{"event continued", ok + "E1\tAttribution:T1 Cue:T1\nContent:T2\n", "line 3:"},
	}
	for _, c := range cases {
		_, err := ParseAnn(c.ann)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want it to contain %q", c.name, err, c.want)
		}
	}
}

func FuzzParseAnn(f *testing.F) {
	f.Add("T1\tCue 4 8\tsaid\nT2\tContent 10 20;30 40\tab\ncd\nE1\tAttribution:T1 Cue:T1 Content:T2\n")
	f.Add("E1\tAttribution-no-source:T1 \n#1\tAnnotatorNotes T1\tx\n")
	f.Fuzz(func(t *testing.T, s string) {
		rels, err := ParseAnn(s)
		if err != nil {
			return
		}
		for _, r := range rels {
			for _, role := range [][]extract.Span{r.Source, r.Cue, r.Content} {
				for i, x := range role {
					if x.Start < 0 || x.End < x.Start || (i > 0 && role[i-1].Start > x.Start) {
						t.Fatalf("bad spans %v", role)
					}
				}
			}
		}
	})
}
