package truth

import (
	"math"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Normalizer maps a raw value of a property to its canonical key; values
// with equal keys are the same value. ok is false when the raw value makes
// no claim (empty, "Not Available").
type Normalizer func(property, value string) (key string, ok bool)

// Similarity scores in [0,1] how much the providers of canonical value b
// support canonical value a of one property; 1 means the same value, 0 no
// support. It may be asymmetric. AccuSim (Dong et al. 2009) lets a value
// borrow part of the vote of similar values.
type Similarity func(property, a, b string) float64

// isAuthorProperty reports whether a property holds author lists.
func isAuthorProperty(property string) bool {
	p := strings.ToLower(property)
	return strings.Contains(p, "author") || strings.Contains(p, "creator")
}

// DefaultNormalize canonicalises values: author-list properties (name
// contains "author" or "creator") by AuthorKey; values that parse as
// numbers to the number rounded to digits decimal places (prefixed "#");
// anything else to lower case without diacritics, with punctuation and
// runs of spaces collapsed to one space.
func DefaultNormalize(digits int) Normalizer {
	return func(property, value string) (string, bool) {
		if isAuthorProperty(property) {
			return AuthorKey(value)
		}
		if f, ok := parseNumber(value); ok {
			p := math.Pow(10, float64(digits))
			r := math.Round(f*p) / p
			if r == 0 {
				r = 0 // no negative zero
			}
			return "#" + strconv.FormatFloat(r, 'f', -1, 64), true
		}
		k := foldText(value)
		if noAuthor[k] {
			return "", false
		}
		return k, true
	}
}

// parseNumber reads "1,234.5", " 42 ", "-3e2", "12%" as a number.
func parseNumber(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	s = strings.TrimSuffix(s, "%")
	if s == "" {
		return 0, false
	}
	if strings.IndexByte(s, ',') >= 0 {
		s = strings.ReplaceAll(s, ",", "")
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, false
	}
	return f, true
}

// foldText lower-cases, strips diacritics and collapses punctuation and
// spaces.
func foldText(s string) string {
	s = norm.NFD.String(s)
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		default:
			space = true
		}
	}
	return b.String()
}

// DefaultSimilarity compares canonical keys from DefaultNormalize.
//
// Author sets are asymmetric, because listings omit co-authors far more
// often than they invent them (the Book data is full of first-author-only
// listings; LTM, Zhao et al. VLDB 2012, models the same asymmetry as a
// source's sensitivity versus specificity): a list b that is a strict
// subset of a supports a in proportion |b|/|a| (a truncated copy of a),
// while a strict superset b gives a subset a no support (its providers say
// a is incomplete); lists that merely overlap support each other by their
// Jaccard overlap (misspelt or missing names). Numbers support each other
// by closeness (1 - 10 x relative difference, floored at 0), other text by
// Jaccard overlap of words.
func DefaultSimilarity(property, a, b string) float64 {
	if a == b {
		return 1
	}
	if isAuthorProperty(property) {
		return authorSupport(strings.Split(a, "|"), strings.Split(b, "|"))
	}
	if strings.HasPrefix(a, "#") && strings.HasPrefix(b, "#") {
		x, err1 := strconv.ParseFloat(a[1:], 64)
		y, err2 := strconv.ParseFloat(b[1:], 64)
		if err1 != nil || err2 != nil {
			return 0
		}
		den := math.Max(math.Abs(x), math.Abs(y))
		if den == 0 {
			return 1
		}
		return math.Max(0, 1-10*math.Abs(x-y)/den)
	}
	return jaccard(strings.Fields(a), strings.Fields(b))
}

// jaccard is |A∩B| / |A∪B| of two small string sets (quadratic in their
// sizes, which are a handful of names or words).
func jaccard(a, b []string) float64 {
	if len(a) == 0 || len(b) == 0 || len(a) > 64 || len(b) > 64 {
		return 0
	}
	inter := 0
	for _, x := range a {
		for _, y := range b {
			if x == y {
				inter++
				break
			}
		}
	}
	union := len(a) + len(b) - inter
	return float64(inter) / float64(union)
}

// authorSupport is the support last-name set a gets from set b (see
// DefaultSimilarity).
func authorSupport(a, b []string) float64 {
	j := jaccard(a, b)
	if j == 0 {
		return 0
	}
	inter := j * float64(len(a)+len(b)) / (1 + j) // |A∩B| from Jaccard
	switch {
	case inter >= float64(len(b))-1e-9 && len(b) < len(a): // b ⊂ a
		return float64(len(b)) / float64(len(a))
	case inter >= float64(len(a))-1e-9 && len(a) < len(b): // a ⊂ b
		return 0
	}
	return j
}
