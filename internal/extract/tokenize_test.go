package extract

import (
	"slices"
	"strings"
	"testing"
	"unicode"
)

// TestIsSpaceFast: isSpace is unicode.IsSpace.
func TestIsSpaceFast(t *testing.T) {
	for r := rune(0); r < 0x3100; r++ {
		if isSpace(r) != unicode.IsSpace(r) {
			t.Fatalf("isSpace(%U) = %v", r, isSpace(r))
		}
	}
}

// TestTokenizeMarks: the line breaks and quotation marks tokenizeMarks
// lists are the tokens with nl set and those of kind kQOpen or kQClose.
func TestTokenizeMarks(t *testing.T) {
	texts := []string{"", "\n\n", "a\n\"b\" “c” «d»\r\nE „f\u2028g\" h"}
	texts = append(texts, newsTexts(t, 200)...)
	for ti, text := range texts {
		toks, brk, qs := tokenizeMarks(nil, nil, nil, text)
		var wb, wq []int32
		for i, tk := range toks {
			if tk.nl {
				wb = append(wb, int32(i))
			}
			if tk.k == kQOpen || tk.k == kQClose {
				wq = append(wq, int32(i))
			}
		}
		if !slices.Equal(brk, wb) || !slices.Equal(qs, wq) {
			t.Fatalf("text %d: breaks %v quotes %v, want %v %v", ti, brk, qs, wb, wq)
		}
	}
}

// TestAppendLowerWide: appendLowerWide gives strings.ToLower's bytes, or
// says why not, and leaves the buffer as it was when it appends nothing.
func TestAppendLowerWide(t *testing.T) {
	words := []string{"it’s", "Trump’s", "don’t", "Éric", "ÉCOLE", "naïve", "İstanbul", "ǅemal", "Straße", "ΣΟΦΊΑ",
		"Ⱥb", "a\xffb", "\ufffdx", "x", "Ünal-Öz", "Kıraç", "ﬁne", "ẞig"}
	for w, st := range map[string]int{"it’s": lowSame, "Trump’s": lowCut, "İstanbul": lowOther, "a\xffb": lowOther} {
		if _, got := appendLowerWide(nil, w); got != st {
			t.Errorf("%q: status %d, want %d", w, got, st)
		}
	}
	for _, w := range words {
		want := strings.ToLower(w)
		b, st := appendLowerWide([]byte("pre"), w)
		got := string(b[3:])
		switch {
		case string(b[:3]) != "pre":
			t.Errorf("%q: the buffer's start changed", w)
		case st == lowSame && (want != w || got != ""):
			t.Errorf("%q: lowSame, but ToLower gives %q (appended %q)", w, want, got)
		case st == lowCut && (got != want || len(got) != len(w)):
			t.Errorf("%q: appended %q, want %q", w, got, want)
		case st == lowOther && got != "":
			t.Errorf("%q: lowOther, but appended %q", w, got)
		}
	}
}
