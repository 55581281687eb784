package brat

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/attrib/attrib/internal/extract"
)

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func readFixture(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "flat", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestLoadDirFlat loads brat's own layout and checks spans by surface text,
// which needs code-point (not byte) offsets: the fixture has "ü" and curly
// quotes before most spans.
func TestLoadDirFlat(t *testing.T) {
	docs, err := LoadDir(filepath.Join("testdata", "flat"))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || docs[0].Name != "budget" || docs[0].Annotator != "" {
		t.Fatalf("docs = %+v", docs)
	}
	d := docs[0]
	if len(d.Gold) != 6 {
		t.Fatalf("relations = %d, want 6", len(d.Gold))
	}
	runes := []rune(d.Text)
	at := func(s extract.Span) string { return string(runes[s.Start:s.End]) }
	r := d.Gold[1]
	if got := at(r.Content[0]) + "|" + at(r.Content[1]); got != "“We will try again,”|“next week.”" {
		t.Errorf("multi-fragment content = %q", got)
	}
	if got := at(r.Source[0]); got != "she" {
		t.Errorf("source = %q", got)
	}
	if d.Gold[5].Source != nil {
		t.Errorf("no-source relation has source %v", d.Gold[5].Source)
	}
	// "citing two aides": source shared with the "reported" relation.
	if d.Gold[4].Source[0] != d.Gold[3].Source[0] || at(d.Gold[4].Content[0]) != "two aides" {
		t.Errorf("citing relation = %+v", d.Gold[4])
	}
	if len(d.Discard) != 1 || at(d.Discard[0]) != "Follow us on Twitter." {
		t.Errorf("discard = %v", d.Discard)
	}
}

// TestLoadDirPolNeAR builds the PolNeAR layout with two annotators for one
// article and checks the smallest annotator id wins.
func TestLoadDirPolNeAR(t *testing.T) {
	dir := t.TempDir()
	text, ann := readFixture(t, "budget.txt"), readFixture(t, "budget.ann")
	write(t, filepath.Join(dir, "text", "a_b_budget.txt"), text)
	write(t, filepath.Join(dir, "text", "other.txt"), text)
	write(t, filepath.Join(dir, "attributions", "a_b_budget_d473.ann"), ann)
	// The smaller id has one relation only.
	first := ann[:strings.Index(ann, "T8\t")]
	write(t, filepath.Join(dir, "attributions", "a_b_budget_4b22.ann"), first)
	write(t, filepath.Join(dir, "attributions", "other_ef2d.ann"), ann)
	docs, err := LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 || docs[0].Name != "a_b_budget" || docs[1].Name != "other" {
		t.Fatalf("docs = %v", docs)
	}
	if docs[0].Annotator != "4b22" || len(docs[0].Gold) != 1 {
		t.Errorf("a_b_budget: annotator %q, %d relations; want 4b22, 1", docs[0].Annotator, len(docs[0].Gold))
	}
	if docs[1].Annotator != "ef2d" || len(docs[1].Gold) != 6 {
		t.Errorf("other: annotator %q, %d relations", docs[1].Annotator, len(docs[1].Gold))
	}
}

func TestLoadDirErrors(t *testing.T) {
	text, ann := readFixture(t, "budget.txt"), readFixture(t, "budget.ann")
	cases := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"missing annotation", map[string]string{"a.txt": text, "a.ann": ann, "b.txt": text, "c.txt": text},
			[]string{"2 text(s)", "b.txt", "c.txt"}},
		{"annotation without text", map[string]string{"a.txt": text, "a.ann": ann, "z.ann": ann},
			[]string{"z.ann"}},
		{"bad line", map[string]string{"a.txt": text, "a.ann": ann + "T99\tSource x 3\tabc\n"},
			[]string{"a.ann", "line 31"}},
		{"span past end", map[string]string{"a.txt": "short", "a.ann": ann},
			[]string{"a.ann", "line 1", "past the text"}},
		{"not UTF-8", map[string]string{"a.txt": "\xff\xfe", "a.ann": ""},
			[]string{"a.txt", "UTF-8"}},
		{"empty", map[string]string{}, []string{"no .txt files"}},
	}
	for _, c := range cases {
		dir := t.TempDir()
		for name, content := range c.files {
			write(t, filepath.Join(dir, name), content)
		}
		_, err := LoadDir(dir)
		if err == nil {
			t.Errorf("%s: no error", c.name)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: error %q lacks %q", c.name, err, w)
			}
		}
	}
	if _, err := LoadDir(filepath.Join(t.TempDir(), "nope")); err == nil {
		t.Error("missing dir: no error")
	}
}
