package extract

import (
	"slices"
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
