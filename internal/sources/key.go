package sources

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"
)

// Key is the normalisation key used for alias lookup. It
//   - folds width (full-width Ｎ to N) and case (Unicode case folding, ß to ss),
//   - strips diacritics (Zelenskyі́ → zelenskyi, Gdańsk → gdansk),
//   - drops the possessive ("Korea's", "Korea’s", "Koreaʼs", "states'") and
//     joins other apostrophes ("O'Brien" → obrien),
//   - joins dotted abbreviations ("U.S." → us),
//   - turns hyphens and other punctuation into spaces, collapses spaces,
//   - drops a leading "the".
//
// Two surface forms with the same Key are always the same source.
func Key(name string) string {
	if isASCII(name) {
		return keyASCII(name)
	}
	if !needsFold(name) {
		// only punctuation, spaces and apostrophes are not ASCII
		var arr [128]byte
		if b, ok := asciiPunct(arr[:0], name); ok {
			return keyASCIIBytes(b)
		}
	}
	if needsFold(name) {
		name = foldUnicode(name)
	}
	toks := rawKeyTokens(name)
	if len(toks) > 1 && toks[0] == "the" {
		toks = toks[1:]
	}
	return strings.Join(toks, " ")
}

// rawKeyTokens does the per-character part of Key on an already folded (or
// ASCII) string and returns its tokens.
func rawKeyTokens(s string) []string {
	rs := []rune(s)
	buf := make([]rune, 0, len(rs))
	space := func() {
		if len(buf) > 0 && buf[len(buf)-1] != ' ' {
			buf = append(buf, ' ')
		}
	}
	letter := func(i int) bool {
		return i >= 0 && i < len(rs) && (unicode.IsLetter(rs[i]) || unicode.IsDigit(rs[i]))
	}
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r < utf8.RuneSelf && ('a' <= r && r <= 'z' || '0' <= r && r <= '9'):
			buf = append(buf, r)
		case r < utf8.RuneSelf && 'A' <= r && r <= 'Z':
			buf = append(buf, r+'a'-'A')
		case isApostrophe(r):
			// possessive 's
			if i+1 < len(rs) && (rs[i+1] == 's' || rs[i+1] == 'S') && !letter(i+2) && letter(i-1) {
				i++
				continue
			}
			// plural possessive s' and any other apostrophe: drop (join)
			continue
		case r == '.':
			if letter(i-1) && letter(i+1) {
				continue
			}
			space()
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			buf = append(buf, unicode.ToLower(r))
		case r == '&':
			space()
			buf = append(buf, '&', ' ')
		default:
			space()
		}
	}
	return strings.Fields(string(buf))
}

func isApostrophe(r rune) bool {
	switch r {
	case '\'', '’', 'ʼ', '‘', '`', '´', 'ʻ', '′', 'ʹ':
		return true
	}
	return false
}

// needsFold reports whether s has non-ASCII characters other than the
// punctuation rawKeyTokens handles itself (curly quotes, apostrophes,
// dashes, no-break spaces), so that the costly Unicode folding is skipped
// for the common case.
func needsFold(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < utf8.RuneSelf {
			continue
		}
		for _, r := range s[i:] {
			if r >= utf8.RuneSelf && !isApostrophe(r) && !unicode.IsPunct(r) && !unicode.IsSpace(r) {
				return true
			}
		}
		return false
	}
	return false
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// foldUnicode folds width and case and strips combining marks. A Caser is
// stateful, so a chain serves one call at a time: chains are pooled
// (transform.String resets the chain before use).
func foldUnicode(s string) string {
	t := foldChains.Get().(transform.Transformer)
	out, _, err := transform.String(t, s)
	foldChains.Put(t)
	if err != nil {
		return strings.ToLower(s)
	}
	return out
}

var foldChains = sync.Pool{New: func() any {
	return transform.Chain(width.Fold, norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC, cases.Fold())
}}

// asciiPunct appends s to dst with every apostrophe written ' and every
// other non-ASCII character a space, for a string whose only non-ASCII
// characters are punctuation, spaces and apostrophes (!needsFold(s)):
// the key of the result is the key of s, since rawKeyTokens treats every
// apostrophe alike and any other punctuation or space as a break. It
// reports false, having done nothing useful, when the result would not
// fit in dst's capacity.
func asciiPunct(dst []byte, s string) ([]byte, bool) {
	for _, r := range s {
		if len(dst) == cap(dst) {
			return dst, false
		}
		switch {
		case r < utf8.RuneSelf:
			dst = append(dst, byte(r))
		case isApostrophe(r):
			dst = append(dst, '\'')
		default:
			dst = append(dst, ' ')
		}
	}
	return dst, true
}

// keyASCIIBytes is keyASCII of the ASCII bytes s.
func keyASCIIBytes(s []byte) string {
	var arr [64]byte
	return finishKey(appendASCIIKey(arr[:0], s))
}

// keyLower maps an ASCII letter or digit to itself in lower case, and
// any other byte to 0.
var keyLower = func() (t [256]byte) {
	for c := 0; c < 256; c++ {
		if isASCIIAlnum(byte(c)) {
			t[c] = byte(c)
			if 'A' <= c && c <= 'Z' {
				t[c] += 'a' - 'A'
			}
		}
	}
	return t
}()

// keyASCII is Key for ASCII input in one pass over the bytes.
func keyASCII(s string) string {
	var arr [64]byte
	return finishKey(appendASCIIKey(arr[:0], s))
}

// finishKey drops a trailing space and a leading "the" from a key
// written by appendASCIIKey and returns it as a string.
func finishKey(buf []byte) string { return string(trimKey(buf)) }

// trimKey drops a trailing space and a leading "the" from a key written
// by appendASCIIKey.
func trimKey(buf []byte) []byte {
	if n := len(buf); n > 0 && buf[n-1] == ' ' {
		buf = buf[:n-1]
	}
	if len(buf) > 4 && string(buf[:4]) == "the " {
		buf = buf[4:]
	}
	return buf
}

// appendASCIIKey appends the normalised form of the ASCII string s to buf:
// letters and digits lower-cased, a possessive 's dropped and any other
// apostrophe joining, a dot inside a word kept out (U.S. -> us), "&" a word
// of its own, anything else one space. Key and the word splitter share it.
func appendASCIIKey[S string | []byte](buf []byte, s S) []byte {
	alnum := func(i int) bool { return i >= 0 && i < len(s) && isASCIIAlnum(s[i]) }
	space := func() {
		if len(buf) > 0 && buf[len(buf)-1] != ' ' {
			buf = append(buf, ' ')
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if l := keyLower[c]; l != 0 { // a letter or digit, the common case
			buf = append(buf, l)
			continue
		}
		switch {
		case c == '\'' || c == '`':
			// possessive 's is dropped, any other apostrophe joins
			if i+1 < len(s) && (s[i+1] == 's' || s[i+1] == 'S') && !alnum(i+2) && alnum(i-1) {
				i++
			}
		case c == '.':
			if !alnum(i-1) || !alnum(i+1) {
				space()
			}
		case c == '&':
			space()
			buf = append(buf, '&', ' ')
		default:
			space()
		}
	}
	return buf
}
