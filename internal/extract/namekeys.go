package extract

import (
	"slices"
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
	n := len(b)
	b = slices.Grow(b, len(s))
	out := b[n : n+len(s)]
	k := 0
	for i := 0; i < len(s); i++ {
		f := foldTab[s[i]]
		if f >= 0x80 {
			if f == 0xFF {
				return append(b[:n], foldKey(s)...) // not ASCII
			}
			continue // dropped
		}
		out[k] = f
		k++
	}
	return b[:n+k]
}

// foldTab maps an ASCII letter or digit to its lower case, any other
// ASCII byte to 0x80 (dropped) and a non-ASCII byte to 0xFF.
var foldTab = func() (t [256]byte) {
	for c := range t {
		switch b := byte(c); {
		case b >= 'A' && b <= 'Z':
			t[c] = b + 32
		case b >= 'a' && b <= 'z' || b >= '0' && b <= '9':
			t[c] = b
		case b >= 0x80:
			t[c] = 0xFF
		default:
			t[c] = 0x80
		}
	}
	return t
}()

// singleWord reports whether name is one word once hyphens count as
// spaces, and returns that word (not lower-cased: see containsFold).
func singleWord(name string) (string, bool) {
	if isASCII(name) {
		// The separators are then exactly nameSep's bytes.
		a := 0
		for a < len(name) && nameSep(name[a]) {
			a++
		}
		if a == len(name) {
			return "", false
		}
		b := a
		for b < len(name) && !nameSep(name[b]) {
			b++
		}
		for k := b; k < len(name); k++ {
			if !nameSep(name[k]) {
				return "", false
			}
		}
		return name[a:b], true
	}
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

// nameSep: asciiNameWords splits at c (a space, a hyphen or an ASCII
// white-space control).
func nameSep(c byte) bool { return nameSepTab[c] }

var nameSepTab = func() (t [256]bool) {
	for _, c := range []byte(" -\t\n\v\f\r") {
		t[c] = true
	}
	return t
}()

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

// personWord holds, in one map, what isPerson asks of a name word: an
// organisation word or agency (pwOrg), a demonym key (pwDemonym).
var personWord = func() map[string]uint8 {
	m := map[string]uint8{}
	for w := range orgWords {
		m[w] |= pwOrg
	}
	for w := range agencies {
		m[w] |= pwOrg
	}
	for w := range demonyms {
		m[w] |= pwDemonym
	}
	return m
}()

// Flags of personWord.
const (
	pwOrg uint8 = 1 << iota
	pwDemonym
)
