package scoring

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxDateline bounds the bytes a dateline may take ("WASHINGTON, Oct. 24
// (Reuters) -").
const maxDateline = 80

// stripDateline drops a leading news dateline from a claim's content
// ("KHARKIV, March 2 (Reuters) - A drone strike ..." -> "A drone strike
// ..."), so that the place and the day of filing do not count as content
// words or numbers. A dateline is a run of words before a dash whose first
// word is in capitals and whose other words are capitalised, numbers or in
// parentheses; "NATO said - ..." is not one.
func stripDateline(text string) string {
	limit := min(len(text), maxDateline)
	dash, after := -1, 0
	for _, d := range []string{" - ", " – ", " — ", " -- "} {
		if i := strings.Index(text[:limit], d); i > 0 && (dash < 0 || i < dash) {
			dash, after = i, i+len(d)
		}
	}
	if dash < 0 {
		return text
	}
	words := strings.Fields(text[:dash])
	if len(words) == 0 || !allCaps(strings.TrimRight(words[0], ",")) {
		return text
	}
	paren := false
	for _, w := range words[1:] {
		if strings.HasPrefix(w, "(") {
			paren = true
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !paren && !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return text
		}
		if strings.HasSuffix(w, ")") {
			paren = false
		}
	}
	return text[after:]
}

// allCaps reports whether w has two or more letters, all upper case.
func allCaps(w string) bool {
	n := 0
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			n++
		case unicode.IsLetter(r):
			return false
		case r != '.' && r != '-' && r != '\'':
			return false
		}
	}
	return n >= 2
}
