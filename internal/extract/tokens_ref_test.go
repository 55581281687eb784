package extract

// The tokenizer as it was before its fast paths, kept as the reference
// that FuzzTokenizeSame and TestTokenizeSame compare against.

import (
	"math/rand"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// refTokenizeInto is the reference tokenizeInto, appending to toks[:0] (reusing its array).
func refTokenizeInto(toks []tok, text string) []tok {
	if cap(toks) < len(text)/5+1 {
		toks = make([]tok, 0, len(text)/5+1)
	}
	toks = toks[:0]
	low := "" // text with ASCII letters lower-cased, made on first need
	ri := 0   // rune index of byte position i
	nl := false
	prevSpace := true
	for i := 0; i < len(text); {
		if c := text[i]; c == ' ' {
			prevSpace = true
			i++
			ri++
			continue
		} else if c >= 'a' && c <= 'z' {
			// ASCII lower-case word: the common case, no decoding.
			j := i + 1
			for j < len(text) && (text[j] >= 'a' && text[j] <= 'z') {
				j++
			}
			if j == len(text) || (text[j] < 0x80 && text[j] != '\'' && text[j] != '-' && text[j] != '.' && text[j] != ',' && !(text[j] >= '0' && text[j] <= '9') && !(text[j] >= 'A' && text[j] <= 'Z')) {
				toks = append(toks, tok{s: ri, e: ri + j - i, bs: i, be: j, k: kWord, mk: mkWord, nl: nl, lw: text[i:j]})
				nl, prevSpace = false, false
				ri += j - i
				i = j
				continue
			}
		}
		r, w := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n' || r == '\r' || r == '\u2029' || r == '\u2028':
			nl = true
			prevSpace = true
			i += w
			ri++
			continue
		case unicode.IsSpace(r):
			prevSpace = true
			i += w
			ri++
			continue
		}
		t := tok{s: ri, bs: i, nl: nl}
		nl = false
		if refIsWordRune(r) {
			j, rj := refScanWord(text, i, ri)
			t.e, t.be, t.k, t.mk = rj, j, kWord, mkWord
			t.cap = unicode.IsUpper(r)
			if w := text[i:j]; refIsASCII(w) {
				if low == "" {
					low = refASCIILower(text)
				}
				t.lw = low[i:j]
			} else {
				t.lw = strings.ToLower(w)
			}
			i, ri = j, rj
		} else {
			t.e, t.be, t.k, t.mk = ri+1, i+w, kPunct, mkWide
			if r < utf8.RuneSelf {
				t.mk = byte(r)
			}
			switch r {
			case '“', '„', '«':
				t.k = kQOpen
			case '”', '»':
				t.k = kQClose
			case '"':
				if prevSpace || i == 0 || refIsOpenBracket(text[:i]) {
					t.k = kQOpen
				} else {
					t.k = kQClose
				}
			}
			i += w
			ri++
		}
		prevSpace = false
		toks = append(toks, t)
	}
	for i := range toks {
		if t := &toks[i]; t.k == kWord && isPlainWord(text[t.bs:t.be]) {
			t.mk = mkPlain
		}
	}
	return toks
}

// isPlainWord: s is ASCII lower-case letters only (written apart from
// isLowerAZ on purpose).
func isPlainWord(s string) bool {
	for _, c := range []byte(s) {
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

func refIsASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// asciiLower lower-cases the ASCII letters of s (other bytes unchanged), so
// that an ASCII word's lower case is a substring of it.
func refASCIILower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 32
		}
	}
	return string(b)
}

func refIsOpenBracket(before string) bool {
	r, _ := utf8.DecodeLastRuneInString(before)
	return r == '(' || r == '[' || r == '{' || r == '—' || r == '–'
}

func refIsWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// scanWord reads a word starting at byte i (rune index ri) and returns the
// byte and rune index one past it. Inner apostrophes and hyphens between word
// characters, thousands separators and decimal points between digits, and the
// periods of dotted abbreviations ("U.S.", "e.g.") stay inside the word.
func refScanWord(text string, i, ri int) (int, int) {
	segLen := 0 // letters since the last period inside the word
	dotted := false
	var prev rune
	for i < len(text) {
		r, w := utf8.DecodeRuneInString(text[i:])
		if refIsWordRune(r) {
			i += w
			ri++
			segLen++
			prev = r
			continue
		}
		next, nw := utf8.DecodeRuneInString(text[i+w:])
		_ = nw
		switch r {
		case '\'', '’', '-', '‐', '‑':
			if i+w < len(text) && refIsWordRune(next) {
				i += w
				ri++
				segLen = 0
				continue
			}
		case ',', '.':
			if unicode.IsDigit(prev) && i+w < len(text) && unicode.IsDigit(next) {
				i += w
				ri++
				continue
			}
			if r == '.' && segLen == 1 && unicode.IsLetter(prev) {
				// "U.S." / "e.g.": single letters separated by periods.
				if i+w < len(text) && unicode.IsLetter(next) {
					if after, _ := utf8.DecodeRuneInString(text[i+w+nw:]); !refIsWordRune(after) {
						i += w
						ri++
						segLen = 0
						dotted = true
						continue
					}
				}
				if dotted {
					return i + w, ri + 1
				}
			}
		}
		break
	}
	return i, ri
}

// TestTokenizeSame: the tokenizer gives the reference's tokens on the
// seed article and on random strings of the tricky cases.
func TestTokenizeSame(t *testing.T) {
	rnd := rand.New(rand.NewSource(5))
	texts := []string{"U.S. e.g. 3.5 Mr. don't “quoted,” he said. A-B a.b.c. x,y 1,000.5 é's"}
	for i := 0; i < 5000; i++ {
		texts = append(texts, randText(rnd, rnd.Intn(40)))
	}
	for _, text := range texts {
		checkTokenizeSame(t, text)
	}
}

// FuzzTokenizeSame compares the tokenizer with the reference.
func FuzzTokenizeSame(f *testing.F) {
	f.Add("U.S. e.g. 3.5 Mr. don't “quoted,” he said.")
	f.Fuzz(func(t *testing.T, text string) { checkTokenizeSame(t, text) })
}

func checkTokenizeSame(t *testing.T, text string) {
	t.Helper()
	got, want := tokenize(text), refTokenizeInto(nil, text)
	if len(got) != len(want) {
		t.Fatalf("%q: %d tokens, want %d", text, len(got), len(want))
	}
	for i := range got {
		g, w := got[i], want[i]
		g.h, w.h = 0, 0
		if g != w {
			t.Fatalf("%q: token %d = %+v, want %+v", text, i, g, w)
		}
	}
}
