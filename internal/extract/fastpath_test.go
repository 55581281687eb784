// Tests that the fast paths give what the plain code gives.
package extract

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// furnitureRef is the furniture phrase test as first written: the
// sentence lower-cased by strings.ToLower, each phrase searched in turn.
func furnitureRef(s string) bool {
	low := strings.ToLower(s)
	for _, b := range boiler {
		if strings.Contains(low, b) {
			return true
		}
	}
	return false
}

// lowerLikeFurniture lower-cases s as furniture does.
func lowerLikeFurniture(s string) []byte {
	if isASCII(s) {
		return appendASCIILower(nil, s)
	}
	var b []byte
	for _, r := range s {
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	return b
}

func checkBoilerSame(t *testing.T, s string) {
	t.Helper()
	low := lowerLikeFurniture(s)
	if string(low) != strings.ToLower(s) {
		t.Fatalf("lower case of %q: %q, strings.ToLower %q", s, low, strings.ToLower(s))
	}
	if got, want := boilerIn(low), furnitureRef(s); got != want {
		t.Fatalf("boilerIn(%q) = %v, want %v", s, got, want)
	}
}

func TestBoilerInSame(t *testing.T) {
	for _, s := range []string{
		"", "x", "Follow us on Twitter", "FOLLOW US", "Photo: Getty Images", "design up",
		"© 2024 Reuters", "All Rights Reserved.", "Read More »", "Ǆ is a letter; Σίσυφος",
		"invalid \xff\xfe bytes © here", "\uFFFD and sign in", "related: story", "rela ted:",
		"Reporting by Jane Doe; Editing by John Roe", "They like us on the whole",
	} {
		checkBoilerSame(t, s)
	}
	for _, text := range newsTexts(t, 200) {
		for line := range strings.SplitSeq(text, "\n") {
			checkBoilerSame(t, line)
		}
	}
}

func FuzzBoilerInSame(f *testing.F) {
	f.Add("Follow us on Twitter")
	f.Add("© 2024 \xff Photo:")
	f.Fuzz(func(t *testing.T, s string) { checkBoilerSame(t, s) })
}

// TestTokenHashes: the hashes the tokenizer makes on the way are hashStr
// of the lower-cased word, as setLex makes the others.
func TestTokenHashes(t *testing.T) {
	check := func(text string) {
		toks := tokenize(text)
		setLex(text, toks, DefaultModel())
		for i, tk := range toks {
			if tk.k == kWord && tk.h != hashStr(tk.lw) {
				t.Fatalf("token %d %q: hash %x, want %x", i, tk.lw, tk.h, hashStr(tk.lw))
			}
		}
	}
	check("U.S. e.g. 3.5 Mr. don't “quoted,” he said. A-B a.b.c. x,y 1,000.5 é's Straße")
	for _, text := range newsTexts(t, 100) {
		check(text)
	}
}
