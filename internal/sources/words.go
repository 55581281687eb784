package sources

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// word is one whitespace-separated word of a surface form.
type word struct {
	orig string   // as written, surrounding punctuation trimmed
	key  []string // its Key tokens (a hyphenated word has several)
	cap  bool     // starts with an upper-case letter
	poss bool     // ends with a possessive ('s, s')
}

// last is the word's last key token ("" when none).
func (w word) last() string {
	if len(w.key) == 0 {
		return ""
	}
	return w.key[len(w.key)-1]
}

// splitWords splits a surface form into words, dropping words that have no
// letters or digits (stray punctuation).
func splitWords(s string) []word {
	fields := strings.Fields(s)
	out := make([]word, 0, len(fields))
	for _, f := range fields {
		f = strings.TrimFunc(f, func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !isApostrophe(r) && r != '.' && r != '&'
		})
		f = strings.TrimLeftFunc(f, func(r rune) bool { return isApostrophe(r) || r == '.' })
		if f == "" {
			continue
		}
		k := keyOf(f)
		if len(k) == 0 {
			continue
		}
		r, _ := utf8.DecodeRuneInString(f)
		out = append(out, word{orig: f, key: k, cap: unicode.IsUpper(r), poss: isPossessive(f)})
	}
	return out
}

// keyOf is Key's token list for a single word, keeping a lone "the".
func keyOf(w string) []string {
	if needsFold(w) {
		w = foldUnicode(w)
	}
	return rawKeyTokens(w)
}

func isPossessive(w string) bool {
	rs := []rune(w)
	n := len(rs)
	if n >= 3 && isApostrophe(rs[n-2]) && (rs[n-1] == 's' || rs[n-1] == 'S') {
		return true
	}
	return n >= 2 && isApostrophe(rs[n-1]) && (rs[n-2] == 's' || rs[n-2] == 'S')
}

// wordsKey joins the key tokens of words.
func wordsKey(ws []word) string {
	var b strings.Builder
	for _, w := range ws {
		for _, t := range w.key {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(t)
		}
	}
	return b.String()
}

// wordsOrig joins the words as written, without a final possessive.
func wordsOrig(ws []word) string {
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = w.orig
	}
	if n := len(parts); n > 0 && ws[n-1].poss {
		parts[n-1] = stripPossessive(parts[n-1])
	}
	return strings.Join(parts, " ")
}

func stripPossessive(w string) string {
	rs := []rune(w)
	n := len(rs)
	if n >= 3 && isApostrophe(rs[n-2]) && (rs[n-1] == 's' || rs[n-1] == 'S') {
		return string(rs[:n-2])
	}
	if n >= 2 && isApostrophe(rs[n-1]) {
		return string(rs[:n-1])
	}
	return w
}

// countryPrefix reports how many leading words name a country (1-3), and
// which, or 0.
func countryPrefix(ws []word) (int, string) {
	for n := 3; n >= 1; n-- {
		if len(ws) < n {
			continue
		}
		if c, ok := countryByKey[wordsKey(ws[:n])]; ok {
			return n, c
		}
	}
	return 0, ""
}

// isAcronymWord reports whether w is written as an acronym (NIS, MI6,
// U.N.) and returns it without dots.
func isAcronymWord(w string) (string, bool) {
	a := strings.ReplaceAll(w, ".", "")
	upper := 0
	for _, r := range a {
		switch {
		case unicode.IsUpper(r):
			upper++
		case unicode.IsDigit(r), r == '/' || r == '&':
		default:
			return "", false
		}
	}
	n := utf8.RuneCountInString(a)
	return a, upper >= 2 && n <= 7
}

// acronymOf is the acronym of the capitalised words ("Main Intelligence
// Directorate" → MID, "Agence France-Presse" → AFP), or "" when any
// significant word is not capitalised or fewer than two letters result.
func acronymOf(ws []word) string {
	var b strings.Builder
	for _, w := range ws {
		if len(w.key) == 1 && functionWords[w.key[0]] {
			continue
		}
		for _, part := range strings.FieldsFunc(w.orig, func(r rune) bool { return r == '-' || r == '‐' }) {
			r, _ := utf8.DecodeRuneInString(part)
			if !unicode.IsUpper(r) {
				return ""
			}
			b.WriteRune(r)
		}
	}
	if utf8.RuneCountInString(b.String()) < 2 {
		return ""
	}
	return b.String()
}
