package extract

import (
	"strings"
	"unicode"
)

// Name keys and words without allocating for ASCII names: the fast paths
// of coreference (names.go); each gives what the plain strings code it
// replaces gives (see equiv_test.go).

// foldKey keeps letters only, lower-cased.
func foldKey(s string) string {
	if isASCII(s) {
		var buf [64]byte
		return string(appendFoldKey(buf[:0], s))
	}
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if isWordRune(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// appendFoldKey appends foldKey(s) to b, without allocating for ASCII s.
func appendFoldKey(b []byte, s string) []byte {
	if !isASCII(s) {
		return append(b, foldKey(s)...)
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 'A' && c <= 'Z':
			b = append(b, c+32)
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			b = append(b, c)
		}
	}
	return b
}

// singleWord reports whether name is one word once hyphens count as
// spaces, and returns that word (not lower-cased: see containsFold).
func singleWord(name string) (string, bool) {
	f := func(r rune) bool { return r == '-' || unicode.IsSpace(r) }
	a := strings.IndexFunc(name, func(r rune) bool { return !f(r) })
	if a < 0 {
		return "", false
	}
	rest := name[a:]
	b := strings.IndexFunc(rest, f)
	if b < 0 {
		return rest, true
	}
	if strings.IndexFunc(rest[b:], func(r rune) bool { return !f(r) }) >= 0 {
		return "", false
	}
	return rest[:b], true
}

// containsFold: ws (lower-cased words) holds strings.ToLower(w).
func containsFold(ws []string, w string) bool {
	if isASCII(w) {
		for _, x := range ws {
			if len(x) == len(w) && asciiEqualLower(x, w) {
				return true
			}
		}
		return false
	}
	return contains(ws, strings.ToLower(w))
}

// asciiEqualLower: lower == the ASCII lower case of w (same length).
func asciiEqualLower(lower, w string) bool {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 32
		}
		if lower[i] != c {
			return false
		}
	}
	return true
}

// asciiNameWords splits an ASCII name at spaces and hyphens (nil when it
// has no word).
func asciiNameWords(s string) []string {
	n := 0
	for i := 0; i < len(s); i++ {
		if !nameSep(s[i]) && (i == 0 || nameSep(s[i-1])) {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	return appendNameWords(make([]string, 0, n), s)
}

// nameSep: asciiNameWords splits at c.
func nameSep(c byte) bool {
	return c == ' ' || c == '-' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

// appendNameWords is asciiNameWords appending to words.
func appendNameWords(words []string, s string) []string {
	for i := 0; i < len(s); {
		for i < len(s) && nameSep(s[i]) {
			i++
		}
		j := i
		for j < len(s) && !nameSep(s[j]) {
			j++
		}
		if j > i {
			words = append(words, s[i:j])
		}
		i = j
	}
	return words
}

// writeASCIILower writes the ASCII string s lower-cased.
func writeASCIILower(b *strings.Builder, s string) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 32
		}
		b.WriteByte(c)
	}
}
