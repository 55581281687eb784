package input

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestTextFile(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name, content string
		defaults      Meta
		want          Article
	}{
		{"plain.txt", "Headline here\nBody said X.\n", Meta{},
			Article{Title: "Headline here", Text: "Headline here\nBody said X.\n"}},
		{"leading-blank.txt", "\n  \r\n  Title line  \r\nbody\r\n", Meta{Outlet: "Outlet", Published: "Oct 24, 2024"},
			Article{Title: "Title line", Outlet: "Outlet", Published: "2024-10-24", Text: "\n  \r\n  Title line  \r\nbody\r\n"}},
		{"bom.TXT", "\uFEFFTitle\nbody", Meta{},
			Article{Title: "Title", Text: "\uFEFFTitle\nbody"}},
		{"flags.txt", "First line\nbody", Meta{Title: "Given", URL: "https://x.test/a", Published: "not a date"},
			Article{Title: "Given", URL: "https://x.test/a", Published: "not a date", Text: "First line\nbody"}},
		{"long.txt", strings.Repeat("word ", 200), Meta{},
			Article{Title: strings.Repeat("word ", 59) + "word…", Text: strings.Repeat("word ", 200)}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := write(t, dir, tc.name, []byte(tc.content))
			arts, probs := collect(t, &Reader{Defaults: tc.defaults}, p)
			if len(probs) != 0 || len(arts) != 1 {
				t.Fatalf("got %d articles, problems %v", len(arts), probs)
			}
			tc.want.Path = p
			if arts[0] != tc.want {
				t.Errorf("got  %+v\nwant %+v", arts[0], tc.want)
			}
		})
	}
}

func TestSeedArticleByteForByte(t *testing.T) {
	p := "../../testdata/seed/babel-2024-korea-weapons-ukraine.txt"
	raw, err := os.ReadFile(p)
	if err != nil {
		t.Skip("seed article absent:", err)
	}
	arts, probs := collect(t, &Reader{Defaults: Meta{Outlet: "Babel"}}, p)
	if len(probs) != 0 || len(arts) != 1 {
		t.Fatalf("got %d articles, problems %v", len(arts), probs)
	}
	a := arts[0]
	if a.Text != string(raw) {
		t.Error("text differs from the file")
	}
	firstLine, _, _ := strings.Cut(string(raw), "\n")
	if a.Title != shorten(strings.TrimSpace(firstLine), maxTitle) || a.Outlet != "Babel" {
		t.Errorf("title %q outlet %q", a.Title, a.Outlet)
	}
	if utf8.RuneCountInString(a.Text) == len(a.Text) {
		t.Log("note: seed is pure ASCII, code point offsets equal byte offsets")
	}
}

func TestBadFiles(t *testing.T) {
	dir := t.TempDir()
	big := bytes.Repeat([]byte("All work and no play makes a long article.\n"), 30_000_000/43+1)[:30_000_000]
	tests := []struct {
		name    string
		content []byte
		max     int
		kind    error
		line    int
		msg     string
	}{
		{"empty.txt", nil, 0, ErrEmpty, 0, "file is empty"},
		{"blank.txt", []byte(" \n\t\r\n "), 0, ErrEmpty, 0, "only whitespace"},
		{"nul.txt", []byte("text\x00more"), 0, ErrBinary, 0, "looks binary"},
		{"ctrl.txt", bytes.Repeat([]byte{1, 2, 3, 'a', 0x1b, 0x7f}, 100), 0, ErrBinary, 0, "looks binary"},
		{"latin1.txt", []byte("line one\nthe caf\xe9 said\n"), 0, ErrInvalidUTF8, 2, "invalid UTF-8 at byte column 8 (byte 0xE9)"},
		{"utf16.txt", []byte("\xff\xfeh\x00i\x00"), 0, ErrInvalidUTF8, 0, "UTF-16"},
		{"big.txt", big, 0, ErrTooLarge, 0, "article is 30.0 MB, over the 16 MiB limit"},
		{"small-limit.txt", []byte("0123456789"), 5, ErrTooLarge, 0, "article is 10 bytes, over the 5 bytes limit"},
		{"big.html", append([]byte("<p>"), bytes.Repeat([]byte("x"), 100)...), 20, ErrTooLarge, 0, "HTML file is 103 bytes, over the 80 bytes limit"},
		{"bad.html", []byte("<p>caf\xe9</p>"), 0, ErrInvalidUTF8, 1, "byte column 7"},
		{"nothing.html", []byte("<html><script>x()</script><nav>menu</nav></html>"), 0, ErrEmpty, 0, "no article text"},
		{"notes.md", []byte("# notes"), 0, ErrUnsupported, 0, "unsupported file type \".md\""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := write(t, dir, tc.name, tc.content)
			arts, probs := collect(t, &Reader{MaxBytes: tc.max}, p)
			if len(arts) != 0 {
				t.Errorf("yielded %d articles", len(arts))
			}
			pr := wantProblem(t, probs, tc.kind, tc.line)
			if !strings.Contains(pr.Error(), tc.msg) || !strings.HasPrefix(pr.Error(), p+":") {
				t.Errorf("message %q, want path and %q", pr.Error(), tc.msg)
			}
		})
	}
	t.Run("missing", func(t *testing.T) {
		p := filepath.Join(dir, "no-such.txt")
		_, probs := collect(t, &Reader{}, p)
		pr := wantProblem(t, probs, ErrNotFound, 0)
		if !errors.Is(pr, os.ErrNotExist) || pr.Error() != p+": no such file or folder" {
			t.Errorf("got %q", pr.Error())
		}
	})
}

func TestProblemError(t *testing.T) {
	err := errors.New("boom")
	if got := (Problem{Path: "a.jsonl", Line: 3, Err: err}).Error(); got != "a.jsonl:3: boom" {
		t.Errorf("got %q", got)
	}
	p := Problem{Path: "a.txt", Err: err}
	if got := p.Error(); got != "a.txt: boom" {
		t.Errorf("got %q", got)
	}
	if !errors.Is(p, err) {
		t.Error("Unwrap does not reach the cause")
	}
}

func TestNormalizeDate(t *testing.T) {
	tests := map[string]string{
		"2024-10-24":                    "2024-10-24",
		"2024-10-24T23:30:00+09:00":     "2024-10-24",
		"2024-10-24T01:02:03.123Z":      "2024-10-24",
		"2024-10-24T01:02:03":           "2024-10-24",
		"Oct 24, 2024":                  "2024-10-24",
		"Oct. 24, 2024":                 "2024-10-24",
		"October 24, 2024":              "2024-10-24",
		"24 October 2024":               "2024-10-24",
		"24th October 2024":             "2024-10-24",
		"Sept. 3, 2024":                 "2024-09-03",
		"September 3rd, 2024":           "2024-09-03",
		"Thu, 24 Oct 2024 10:00:00 GMT": "2024-10-24",
		"  2024/10/24 ":                 "2024-10-24",
		"yesterday":                     "yesterday",
		"2024-13-45":                    "2024-13-45",
		"":                              "",
	}
	for in, want := range tests {
		if got := NormalizeDate(in); got != want {
			t.Errorf("NormalizeDate(%q) = %q, want %q", in, got, want)
		}
	}
}
