package sources

import (
	"fmt"
	"strings"
	"testing"
)

// TestCloneKeyed checks that cloneKeyed gives a copy of the name and the
// Key of the part, whatever the part begins or ends with.
func TestCloneKeyed(t *testing.T) {
	for _, c := range []struct{ name, part string }{
		{"", ""}, {"Reuters", "Reuters"}, {" (Reuters) ", "(Reuters)"}, {"the", "the"},
		{"The Wall Street Journal's", "The Wall Street Journal's"}, {"x", "-the U.S. & co.-"},
		{"Zelenskyі́", "Zelenskyі́"}, {"“AP”", "AP"}, {"the x", "the x"},
	} {
		n, k := cloneKeyed(c.name, c.part)
		if n != c.name || k != Key(c.part) {
			t.Errorf("cloneKeyed(%q, %q) = %q, %q; want %q, %q", c.name, c.part, n, k, c.name, Key(c.part))
		}
	}
}

// TestJoinKeyed checks joinKeyed against concatenation and Key.
func TestJoinKeyed(t *testing.T) {
	for _, c := range [][4]string{{"officials", " (", "The Times", ")"}, {"a ‘source’", " (", "x", ")"},
		{"", "", "", ""}, {"the", " ", "", ""}, {"--", " (", ".", ")"}, {strings.Repeat("long ", 50), " (", "x", ")"}} {
		name, key := joinKeyed(c[0], c[1], c[2], c[3])
		if want := c[0] + c[1] + c[2] + c[3]; name != want {
			t.Errorf("joinKeyed(%q) name %q, want %q", c, name, want)
		}
		if key != "" && key != Key(name) {
			t.Errorf("joinKeyed(%q) key %q, want %q", c, key, Key(name))
		}
	}
}

// TestKeyFromWords checks that cloneWords gives Key of the trimmed name
// (for ASCII, made from the words' tokens) and a copy of the name, on
// hard cases and on the names and roles of real articles.
func TestKeyFromWords(t *testing.T) {
	names := []string{"", "the", "The", "the the", "The Wall Street Journal's", " (Reuters) ", "x 's", "'s", "a. b",
		"U.S.", "(U.S.)", "('s", ".'s x", "states' rights", "O'Brien's", "AT&T", "& co", "--", "the --", "the & x",
		"x's)", "Kim Jong-un", "Seok-yeol,", "Zelenskyі́", "Korea’s", "«AP»", "a\tb\nc", "the\v x", "x.y. & z's",
		strings.Repeat("Word's Other-word ", maxShared+2), strings.Repeat("x", 300)}
	names = append(names, corpusNamesRoles(t, 150)...)
	for _, name := range names {
		orig, at := trimNameAt(name)
		ws, wb := getWords(orig)
		want := withoutLines(ws)
		c, k := cloneWords(name, at, orig, ws)
		if c != name || k != Key(orig) {
			t.Errorf("cloneWords(%q) = %q, %q; want %q, %q", name, c, k, name, Key(orig))
		}
		if got := withoutLines(ws); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("cloneWords(%q) changed the words: %v, was %v", name, got, want)
		}
		putWords(wb)
	}
}
