package sources

import (
	"slices"
	"strings"
	"testing"
)

func TestKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"The Wall Street Journal", "wall street journal"},
		{"the wall  street\tjournal", "wall street journal"},
		{"South Korea's National Intelligence Service", "south korea national intelligence service"},
		{"South Korea’s National Intelligence Service", "south korea national intelligence service"},
		{"South Koreaʼs National Intelligence Service", "south korea national intelligence service"},
		{"Yoon Seok-yeol", "yoon seok yeol"},
		{"Yoon Seok Yeol", "yoon seok yeol"},
		{"ZELENSKYІ", "zelenskyі"}, // Cyrillic І keeps its script, folds case
		{"Gdańsk Café", "gdansk cafe"},
		{"ＷＳＪ", "wsj"},        // full-width
		{"Straße", "strasse"}, // case folding
		{"U.S. State Department", "us state department"},
		{"O'Brien", "obrien"},
		{"the states' attorneys", "states attorneys"},
		{"AT&T", "at & t"},
		{"  «Babel»  ", "babel"},
		{"The", "the"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Key(tt.in); got != tt.want {
			t.Errorf("Key(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func BenchmarkKeyASCII(b *testing.B) {
	for i := 0; i < b.N; i++ {
		Key("South Korea's National Intelligence Service")
	}
}

func BenchmarkKeyUnicode(b *testing.B) {
	for i := 0; i < b.N; i++ {
		Key("South Koreaʼs National Intelligence Service")
	}
}

// TestKeyASCIIMatchesGeneral checks the byte fast path against the rune path.
func TestKeyASCIIMatchesGeneral(t *testing.T) {
	for _, s := range []string{"The Wall Street Journal", "U.S. State Department", "O'Brien's aides", "states' rights",
		"AT&T", " -- the  the x", "the", "a.b.c.", "'s", "Mr. Trump", "x's's", "The", "(AP)", "Kim Jong-un"} {
		toks := rawKeyTokens(s)
		if len(toks) > 1 && toks[0] == "the" {
			toks = toks[1:]
		}
		want := strings.Join(toks, " ")
		if got := keyASCII(s); got != want {
			t.Errorf("keyASCII(%q) = %q, rune path %q", s, got, want)
		}
	}
}

// TestKeyPunctuationFastPath checks Key and keyOf on strings whose only
// non-ASCII characters are punctuation, spaces and apostrophes against
// the rune path.
func TestKeyPunctuationFastPath(t *testing.T) {
	for _, s := range []string{"Korea’s", "Trump’s aides", "states’ rights", "O’Brien", "‘quoted’", "a—b", "x\u00a0y",
		"the\u00a0x", "“The Times”", "’s", "U.S.’s", "a’", "’", "—", "the — x", "…", "Mr.’s", "a.’b", "’’s’",
		strings.Repeat("long’s ", 40)} {
		toks := rawKeyTokens(s)
		if got := keyOf(s); !slices.Equal(got, toks) && !(len(got) == 0 && len(toks) == 0) {
			t.Errorf("keyOf(%q) = %q, rune path %q", s, got, toks)
		}
		if len(toks) > 1 && toks[0] == "the" {
			toks = toks[1:]
		}
		if got, want := Key(s), strings.Join(toks, " "); got != want {
			t.Errorf("Key(%q) = %q, rune path %q", s, got, want)
		}
	}
}
