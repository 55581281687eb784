package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// kind classifies a token.
type kind uint8

const (
	kWord   kind = iota // letters and digits, with inner apostrophes, hyphens, "U.S."
	kPunct              // any other single code point
	kQOpen              // an opening double quotation mark
	kQClose             // a closing double quotation mark
)

// tok is one token. s and e are code-point offsets into the whole text, bs
// and be byte offsets; lw is the lower-cased word (empty for punctuation).
type tok struct {
	s, e   int
	bs, be int
	k      kind
	nl     bool // a line break stands between the previous token and this one
	cap    bool // the word starts with an upper-case letter
	lw     string
}

// tokenize splits text into tokens in one linear pass, counting code points.
func tokenize(text string) []tok {
	toks := make([]tok, 0, len(text)/5+1)
	ri := 0 // rune index of byte position i
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
				toks = append(toks, tok{s: ri, e: ri + j - i, bs: i, be: j, k: kWord, nl: nl, lw: text[i:j]})
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
		if isWordRune(r) {
			j, rj := scanWord(text, i, ri)
			t.e, t.be, t.k = rj, j, kWord
			t.cap = unicode.IsUpper(r)
			t.lw = strings.ToLower(text[i:j])
			i, ri = j, rj
		} else {
			t.e, t.be, t.k = ri+1, i+w, kPunct
			switch r {
			case '“', '„', '«':
				t.k = kQOpen
			case '”', '»':
				t.k = kQClose
			case '"':
				if prevSpace || i == 0 || isOpenBracket(text[:i]) {
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
	return toks
}

func isOpenBracket(before string) bool {
	r, _ := utf8.DecodeLastRuneInString(before)
	return r == '(' || r == '[' || r == '{' || r == '—' || r == '–'
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// scanWord reads a word starting at byte i (rune index ri) and returns the
// byte and rune index one past it. Inner apostrophes and hyphens between word
// characters, thousands separators and decimal points between digits, and the
// periods of dotted abbreviations ("U.S.", "e.g.") stay inside the word.
func scanWord(text string, i, ri int) (int, int) {
	segLen := 0 // letters since the last period inside the word
	dotted := false
	var prev rune
	for i < len(text) {
		r, w := utf8.DecodeRuneInString(text[i:])
		if isWordRune(r) {
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
			if i+w < len(text) && isWordRune(next) {
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
					if after, _ := utf8.DecodeRuneInString(text[i+w+nw:]); !isWordRune(after) {
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

// isPunct reports whether t is the punctuation mark r.
func (t *tok) is(text string, r rune) bool {
	if t.k == kWord {
		return false
	}
	c, _ := utf8.DecodeRuneInString(text[t.bs:])
	return c == r
}

// runeAt returns the first code point of t.
func (t *tok) first(text string) rune {
	c, _ := utf8.DecodeRuneInString(text[t.bs:])
	return c
}
