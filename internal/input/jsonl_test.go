package input

import (
	"bytes"
	"compress/gzip"
	"errors"
	"strings"
	"testing"
)

func TestJSONLGoodAndBadLines(t *testing.T) {
	lines := []string{
		`{"url":"https://a.test/1","outlet":"A","published":"Oct 24, 2024","title":"One","text":"First text.","topic":"x","id":7}`, // 1
		`{"text": "no closing brace"`,   // 2 malformed
		``,                              // 3 blank: skipped
		`{"title":"no text"}`,           // 4
		`{"text": 42}`,                  // 5
		`["not", "an", "object"]`,       // 6
		"{\"text\": \"caf\xe9\"}",       // 7 invalid UTF-8 at column 14
		`{"text": "   "}`,               // 8 empty text
		`{"text": "nul \u0000 inside"}`, // 9 binary
		`{"text": "ok", "outlet": 5}`,   // 10 wrong type
		`{"text":"Second text.","lang":"uk","unknown":{"a":[1]},"outlet":null}`, // 11
		`{"text":"Third text.","language":"en","published":"soon"}` + "\r",      // 12 CRLF
		`{"text":"` + strings.Repeat("x", 300) + `"}`,                           // 13 over MaxBytes (200)
		`{"text":"` + strings.Repeat("y", 1000) + `"}`,                          // 14 line too long
		`{"text":"Last, no newline."}`,                                          // 15
	}
	data := strings.Join(lines, "\n")
	dir := t.TempDir()
	p := write(t, dir, "mixed.jsonl", []byte(data))
	r := &Reader{MaxBytes: 200, Defaults: Meta{Outlet: "Default", Title: "Default title"}}
	r2 := *r
	lineLimit := (&session{r: &r2, max: 200}).lineLimit()
	if lineLimit >= 1000 {
		// keep line 14 over the line limit by making it longer than it
		lines[13] = `{"text":"` + strings.Repeat("y", int(lineLimit)+10) + `"}`
		p = write(t, dir, "mixed.jsonl", []byte(strings.Join(lines, "\n")))
	}
	arts, probs := collect(t, r, p)

	want := []Article{
		{Path: p, Line: 1, URL: "https://a.test/1", Outlet: "A", Published: "2024-10-24", Title: "One", Text: "First text."},
		{Path: p, Line: 11, Outlet: "Default", Title: "Default title", Language: "uk", Text: "Second text."},
		{Path: p, Line: 12, Outlet: "Default", Title: "Default title", Language: "en", Published: "soon", Text: "Third text."},
		{Path: p, Line: 15, Outlet: "Default", Title: "Default title", Text: "Last, no newline."},
	}
	if len(arts) != len(want) {
		t.Fatalf("got %d articles %+v, want %d", len(arts), arts, len(want))
	}
	for i := range want {
		if arts[i] != want[i] {
			t.Errorf("article %d:\ngot  %+v\nwant %+v", i, arts[i], want[i])
		}
	}
	wantProbs := []struct {
		line int
		kind error
		msg  string
	}{
		{2, ErrMalformed, "malformed JSON"},
		{4, ErrNoText, `no "text" field`},
		{5, ErrMalformed, `field "text" is a number, not a string`},
		{6, ErrMalformed, "not a JSON object"},
		{7, ErrInvalidUTF8, "invalid UTF-8 at byte column 14 (byte 0xE9)"},
		{8, ErrEmpty, "text is empty"},
		{9, ErrBinary, "looks binary"},
		{10, ErrMalformed, `field "outlet" is a number`},
		{13, ErrTooLarge, "article is 300 bytes, over the 200 bytes limit"},
		{14, ErrTooLarge, "line is"},
	}
	if len(probs) != len(wantProbs) {
		t.Fatalf("got %d problems %v, want %d", len(probs), probs, len(wantProbs))
	}
	for i, w := range wantProbs {
		pr := probs[i]
		if pr.Line != w.line || !errors.Is(pr, w.kind) || !strings.Contains(pr.Error(), w.msg) {
			t.Errorf("problem %d = %q (line %d), want line %d %v %q", i, pr.Error(), pr.Line, w.line, w.kind, w.msg)
		}
	}
}

func TestLoneSurrogate(t *testing.T) {
	tests := map[string]int{
		`{"text":"ok \ud83d\ude00 pair"}`:    0,
		`{"text":"lone \ud83d end"}`:         15,
		`{"text":"low \ude00"}`:              14,
		`{"text":"\\ud800 is escaped text"}`: 0,
		`{"text":"\ud800\u0041"}`:            10,
		`{"text":"\ud800x\udc00"}`:           10,
		`{"text":"\u00e9 \uD83D\uDE00"}`:     0,
	}
	for line, want := range tests {
		if got := loneSurrogate([]byte(line)); got != want {
			t.Errorf("loneSurrogate(%s) = %d, want %d", line, got, want)
		}
	}
	arts, probs := collect(t, &Reader{Stdin: strings.NewReader(`{"text":"a \ud800 b"}` + "\n" + `{"text":"fine \ufffd"}`)}, "-")
	if len(arts) != 1 || arts[0].Line != 2 {
		t.Errorf("articles %+v", arts)
	}
	wantProblem(t, probs, ErrInvalidUTF8, 1)
}

func gz(t testing.TB, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	if _, err := w.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// manyLines returns n JSONL lines of about 1 kB each, hard to compress.
func manyLines(n int) []byte {
	var b bytes.Buffer
	seed := uint32(1)
	for i := range n {
		b.WriteString(`{"text":"`)
		for range 1000 {
			seed = seed*1664525 + 1013904223
			b.WriteByte('a' + byte(seed>>27)%26)
		}
		b.WriteString(`","title":"t` + strings.Repeat("i", i%3) + `"}` + "\n")
	}
	return b.Bytes()
}

func TestJSONLGzip(t *testing.T) {
	dir := t.TempDir()
	good := manyLines(200)
	p := write(t, dir, "good.JSONL.GZ", gz(t, good))
	arts, probs := collect(t, &Reader{}, p)
	if len(arts) != 200 || len(probs) != 0 {
		t.Fatalf("good: %d articles, problems %v", len(arts), probs)
	}
	if arts[199].Line != 200 {
		t.Errorf("last line %d", arts[199].Line)
	}

	z := gz(t, good)
	tests := []struct {
		name string
		data []byte
		kind error
	}{
		{"truncated", z[:len(z)/2], ErrCorrupt},
		{"scrambled", append(append(append([]byte{}, z[:len(z)/2]...), bytes.Repeat([]byte{0xFF}, 64)...), z[len(z)/2+64:]...), ErrCorrupt},
		{"not gzip", []byte("plain text, not gzip"), ErrCorrupt},
		{"empty", nil, ErrEmpty},
		{"empty stream", gz(t, nil), ErrEmpty},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := write(t, dir, tc.name+".jsonl.gz", tc.data)
			arts, probs := collect(t, &Reader{}, p)
			pr := wantProblem(t, probs, tc.kind, 0)
			if tc.kind == ErrCorrupt && tc.name != "not gzip" {
				if len(arts) == 0 || len(arts) >= 200 {
					t.Errorf("yielded %d articles before the corruption, want some", len(arts))
				}
				if !strings.Contains(pr.Error(), "corrupt after line") {
					t.Errorf("message %q", pr.Error())
				}
			}
			t.Log(pr.Error())
		})
	}
}

func TestYieldErrorStops(t *testing.T) {
	p := write(t, t.TempDir(), "a.jsonl", manyLines(5))
	stop := errors.New("stop")
	n := 0
	err := (&Reader{}).Read([]string{p, p}, func(Article) error {
		n++
		if n == 2 {
			return stop
		}
		return nil
	}, nil)
	if err != stop || n != 2 {
		t.Errorf("err %v after %d articles", err, n)
	}
}
