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
	nl     bool  // a line break stands between the previous token and this one
	cap    bool  // the word starts with an upper-case letter
	fl     uint8 // lexicon flags of lw (flCue ...), set by setLex
	lw     string
	h      uint64 // hash of lw, or of the mark for punctuation (setLex)
}

// Lexicon flags of a word, looked up once per token (setLex) instead of
// one string map lookup per test.
const (
	flCue    uint8 = 1 << iota // cueForms
	flNoun                     // nounCue
	flPart                     // participleCue
	flAbout                    // aboutVerbs
	flDet                      // determiners
	flBoiler                   // boilerWord
	flCite                     // citeCue or "according"
)

var lexFlags = func() *hashMap8 {
	h := newHashMap8(1024)
	add := func(m map[string]bool, f uint8) {
		for w := range m {
			k := hashStr(w)
			h.put(k, h.get(k)|f)
		}
	}
	add(cueForms, flCue)
	add(nounCue, flNoun)
	add(participleCue, flPart)
	add(aboutVerbs, flAbout)
	add(determiners, flDet)
	add(boilerWord, flBoiler)
	add(citeCue, flCite)
	add(map[string]bool{"according": true}, flCite)
	return h
}()

// setLex fills each token's hash and lexicon flags.
func setLex(text string, toks []tok) {
	for i := range toks {
		t := &toks[i]
		if t.k == kWord {
			t.h = hashStr(t.lw)
			t.fl = lexFlags.get(t.h)
		} else {
			t.h = hashStr(text[t.bs:t.be])
		}
	}
}

// tokenize splits text into tokens in one linear pass, counting code points.
func tokenize(text string) []tok { return tokenizeInto(nil, text) }

// tokenizeInto is tokenize appending to toks[:0] (reusing its array).
func tokenizeInto(toks []tok, text string) []tok {
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
			if w := text[i:j]; isASCII(w) {
				if low == "" {
					low = asciiLower(text)
				}
				t.lw = low[i:j]
			} else {
				t.lw = strings.ToLower(w)
			}
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

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// asciiLower lower-cases the ASCII letters of s (other bytes unchanged), so
// that an ASCII word's lower case is a substring of it.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 32
		}
	}
	return string(b)
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
