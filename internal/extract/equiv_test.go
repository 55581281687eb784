package extract

import (
	"math/rand"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"
)

// The fast paths of names.go and tokens.go against the plain code they
// replace, on random strings drawn from an alphabet of the cases that
// matter (capitals, separators, apostrophes, periods, non-ASCII letters).

func randText(rnd *rand.Rand, n int) string {
	alpha := []string{"a", "b", "Z", "Q", "0", "7", " ", " ", "-", "'", ".", ",", "\t", "\n",
		"é", "Ä", "ß", "ʼs", "’", "'s", "u.s.", "south korean", "korean", "president", "agency", "İ", "\u00a0", "\u0301"}
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(alpha[rnd.Intn(len(alpha))])
	}
	return b.String()
}

func TestFastPathsMatchPlainCode(t *testing.T) {
	rnd := rand.New(rand.NewSource(3))
	plainFold := func(s string) string {
		var b strings.Builder
		for _, r := range strings.ToLower(s) {
			if isWordRune(r) {
				b.WriteRune(r)
			}
		}
		return b.String()
	}
	plainCountry := func(low string) string {
		ws := strings.Fields(low)
		best := ""
		for i, w := range ws {
			w = trimPossessive(strings.Trim(w, ",."))
			if i+1 < len(ws) && demonymFirst[w] {
				if c, ok := demonyms[w+" "+trimPossessive(strings.Trim(ws[i+1], ",."))]; ok {
					return c
				}
			}
			if c, ok := demonyms[w]; ok && best == "" {
				best = c
			}
		}
		return best
	}
	plainClasses := func(low string) string {
		var out []string
		for _, w := range strings.Fields(low) {
			if cl, ok := roleClass[strings.Trim(w, ".,")]; ok {
				out = append(out, cl)
			}
		}
		return strings.Join(out, " ")
	}
	for i := 0; i < 20000; i++ {
		s, u := randText(rnd, rnd.Intn(8)), randText(rnd, rnd.Intn(8))
		if got, want := foldKey(s), plainFold(s); got != want {
			t.Fatalf("foldKey(%q) = %q, want %q", s, got, want)
		}
		if got, want := sameKey(s, u), plainFold(s) == plainFold(u); got != want {
			t.Fatalf("sameKey(%q, %q) = %v", s, u, got)
		}
		words := strings.Fields(strings.ToLower(strings.ReplaceAll(s, "-", " ")))
		if one, single := singleWord(s); single != (len(words) == 1) || single && strings.ToLower(one) != words[0] {
			t.Fatalf("singleWord(%q) = %q, %v; words %q", s, one, single, words)
		}
		if isASCII(s) {
			if got := asciiNameWords(strings.ToLower(s)); !slices.Equal(got, words) {
				t.Fatalf("asciiNameWords(%q) = %q, want %q", s, got, words)
			}
		}
		low := strings.ToLower(s)
		if got, want := country(low), plainCountry(low); got != want {
			t.Fatalf("country(%q) = %q, want %q", low, got, want)
		}
		if got, want := classes(low), plainClasses(low); got != want {
			t.Fatalf("classes(%q) = %q, want %q", low, got, want)
		}
		if got, want := isWordRune([]rune(s + "x")[0]), func(r rune) bool {
			return unicodeWord(r)
		}([]rune(s + "x")[0]); got != want {
			t.Fatalf("isWordRune(%q) = %v", s, got)
		}
	}
}

func unicodeWord(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// TestIsWordRuneFast: the fast ranges of isWordRune agree with the Unicode
// tables over the Basic Multilingual Plane.
func TestIsWordRuneFast(t *testing.T) {
	for r := rune(0); r < 0x10000; r++ {
		if isWordRune(r) != unicodeWord(r) {
			t.Fatalf("isWordRune(%U) = %v", r, isWordRune(r))
		}
	}
}

// TestMergeByStart: the merge gives what a stable sort gives.
func TestMergeByStart(t *testing.T) {
	rnd := rand.New(rand.NewSource(9))
	mk := func(n int, sorted bool) []Claim {
		var cs []Claim
		for i := 0; i < n; i++ {
			cs = append(cs, Claim{Text: string(rune('a' + rnd.Intn(26))), Spans: []Span{{rnd.Intn(8), 9}}})
		}
		if sorted {
			slices.SortStableFunc(cs, func(x, y Claim) int { return x.Start() - y.Start() })
		}
		return cs
	}
	for trial := 0; trial < 2000; trial++ {
		a, b := mk(rnd.Intn(6), rnd.Intn(4) > 0), mk(rnd.Intn(6), rnd.Intn(4) > 0)
		want := append(append([]Claim(nil), a...), b...)
		slices.SortStableFunc(want, func(x, y Claim) int { return x.Start() - y.Start() })
		got := mergeByStart(append([]Claim(nil), a...), b)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("merge %v + %v = %v, want %v", a, b, got, want)
		}
	}
}

// TestSortFuncAsSortSlice: slices.SortFunc orders spans with equal starts
// as sort.Slice did (the same pattern-defeating quicksort), so the
// overlap checks see them in the same order.
func TestSortFuncAsSortSlice(t *testing.T) {
	rnd := rand.New(rand.NewSource(11))
	for trial := 0; trial < 2000; trial++ {
		n := rnd.Intn(200)
		a := make([]Span, n)
		for i := range a {
			a[i] = Span{rnd.Intn(20), rnd.Intn(1000)}
		}
		b := slices.Clone(a)
		sort.Slice(a, func(i, j int) bool { return a[i].Start < a[j].Start })
		slices.SortFunc(b, byStart)
		if !slices.Equal(a, b) {
			t.Fatalf("trial %d: orders differ", trial)
		}
	}
}
