package sources

import (
	"math/rand"
	"testing"
)

// TestScanWord checks scanWord against nextField, trimWordAt and
// fieldClass on edge cases and random strings of spaces, punctuation,
// control characters and non-ASCII letters and spaces.
func TestScanWord(t *testing.T) {
	cases := []string{"", " ", "a", "Korea's", "  U.S.  officials ", "\x01a\x01", "é", "a\u00a0b", "\u2003x", "(Reuters)",
		"'tis", "x,", "Seok-yeol", "a\tb\nc", "ab\u00e9", "\u201cquoted\u201d", "a\x7fb"}
	alphabet := []string{"a", "Z", "3", " ", "\t", "'", ".", ",", "(", "\x01", "\x7f", "é", "\u00a0", "\u2019", "\u3000", "-", "&"}
	rng := rand.New(rand.NewSource(1))
	for n := 0; n < 20000; n++ {
		b := make([]byte, 0, 16)
		for k := rng.Intn(12); k > 0; k-- {
			b = append(b, alphabet[rng.Intn(len(alphabet))]...)
		}
		cases = append(cases, string(b))
	}
	for _, s := range cases {
		i, j := 0, 0
		for {
			a, b, next := nextField(s, i)
			a2, b2, next2, class := scanWord(s, j)
			if next != next2 || next >= 0 && (a != a2 || b != b2) {
				t.Fatalf("%q at %d: scanWord %d %d %d, nextField %d %d %d", s, i, a2, b2, next2, a, b, next)
			}
			if next < 0 {
				break
			}
			if class != fieldSlow {
				f, off := trimWordAt(s[a:b])
				if f != s[a:b] || off != 0 || fieldClass(f) != class {
					t.Fatalf("%q: word %q class %d, want trimmed %q class %d", s, s[a:b], class, f, fieldClass(f))
				}
			}
			i, j = next, next2
		}
	}
}
