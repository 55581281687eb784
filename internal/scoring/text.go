package scoring

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// features is what the matcher knows of one claim's content.
type features struct {
	toks   []string  // content tokens: lower-cased, stemmed, no stop words, unique
	proper []string  // tokens written with a capital inside the sentence
	nums   []float64 // quantities, sorted, unique ("12 thousand" = 12000)
	years  []int     // years named with a month or a preposition, sorted, unique
	neg    bool      // the content is negated or denied (odd number of negations)
	future bool      // prospective: will, may, plans to, to be ...
	hedge  bool      // hedged: may, might, could, consider, reportedly ...
}

// word is one raw token of the text.
type word struct {
	s   string // lower case
	num bool
	val float64
	// plainNum is a bare digit run (no separators), so it may be a year.
	plainNum bool
	cap      bool // first letter upper case and not the first word of a sentence
	apost    bool // ended in n't
}

// lex splits text into words without regexp: letters and digits, with
// apostrophes inside words, thousands separators and decimal points inside
// numbers. Possessive 's is dropped, n't is reported as a negation.
func lex(text string) []word {
	out := make([]word, 0, len(text)/6+1)
	sentStart := true
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsDigit(r):
			j := i
			var v, scale float64
			plain := true
			for j < len(text) {
				c := text[j]
				if c >= '0' && c <= '9' {
					if scale > 0 {
						v += float64(c-'0') * scale
						scale /= 10
					} else {
						v = v*10 + float64(c-'0')
					}
					j++
					continue
				}
				// 3,000 and 1.5 : a separator followed by a digit.
				if (c == ',' || c == '.') && j+1 < len(text) && text[j+1] >= '0' && text[j+1] <= '9' {
					if c == '.' {
						if scale > 0 {
							break // a second point: a date or a version, stop here
						}
						scale = 0.1
					}
					plain = false
					j++
					continue
				}
				break
			}
			if j == i { // a non-ASCII digit
				j = i + size
			}
			out = append(out, word{s: text[i:j], num: true, val: v, plainNum: plain})
			sentStart = false
			i = j
		case unicode.IsLetter(r):
			j := i
			for j < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if unicode.IsLetter(r2) || unicode.IsDigit(r2) || r2 == '-' && j+s2 < len(text) && isLetterAt(text, j+s2) {
					j += s2
					continue
				}
				if isApostrophe(r2) && j+s2 < len(text) && isLetterAt(text, j+s2) {
					j += s2
					continue
				}
				break
			}
			w := text[i:j]
			capital := unicode.IsUpper(r) && !sentStart
			lw := strings.ToLower(w)
			neg := false
			lw, neg = splitApostrophe(lw)
			for lw != "" {
				part := lw
				if k := strings.IndexByte(lw, '-'); k >= 0 {
					part, lw = lw[:k], lw[k+1:]
				} else {
					lw = ""
				}
				if part != "" {
					out = append(out, word{s: part, cap: capital})
				}
			}
			if neg {
				out = append(out, word{s: "not", apost: true})
			}
			sentStart = false
			i = j
		default:
			if r == '.' || r == '!' || r == '?' || r == '\n' || r == ':' || r == '"' || r == '“' {
				sentStart = true
			}
			i += size
		}
	}
	return out
}

func isLetterAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' || r == '‘' }

// splitApostrophe drops a possessive 's and turns n't into a negation.
func splitApostrophe(w string) (string, bool) {
	idx := strings.IndexFunc(w, isApostrophe)
	if idx < 0 {
		return w, false
	}
	_, sz := utf8.DecodeRuneInString(w[idx:])
	head, tail := w[:idx], w[idx+sz:]
	if tail == "t" && strings.HasSuffix(head, "n") {
		h := strings.TrimSuffix(head, "n")
		switch h {
		case "ca":
			h = "can"
		case "wo":
			h = "will"
		}
		return h, true
	}
	if tail == "s" || tail == "" {
		return head, false
	}
	return head + tail, false
}

// analyse turns a claim's content and cue into matching features.
func analyse(text, cue string) features {
	ws := lex(stripDateline(text))
	var f features
	negs := 0
	if isDenialCue(cue) {
		negs++
	}
	f.toks = make([]string, 0, len(ws)/2+1)
	for i := 0; i < len(ws); i++ {
		w := ws[i]
		// Numbers, with a scale word after them: 12 thousand, 1.5 million.
		val, n, ok := numberAt(ws, i)
		if ok {
			if y := int(val); n == 1 && ws[i].plainNum && val == float64(y) && y >= 1900 && y <= 2100 && isYearContext(ws, i) {
				f.years = append(f.years, y)
			} else {
				f.nums = append(f.nums, val)
			}
			i += n - 1
			continue
		}
		s := w.s
		switch {
		case negationWords[s]:
			negs++
			continue
		case denialWords[s]:
			negs++
			continue
		case falsityWords[s] && i > 0 && (ws[i-1].s == "as" || copulas[ws[i-1].s]):
			negs++
			continue
		}
		if futureWords[s] || s == "be" && i > 0 && ws[i-1].s == "to" {
			f.future = true
		}
		if hedgeWords[s] {
			f.hedge = true
			continue
		}
		if stopWords[s] || futureWords[s] {
			continue
		}
		st := stem(s)
		if st == "" || slices.Contains(f.toks, st) {
			continue
		}
		f.toks = append(f.toks, st)
		if w.cap {
			f.proper = append(f.proper, st)
		}
	}
	f.neg = negs%2 == 1
	f.nums = uniqFloats(f.nums)
	f.years = uniqInts(f.years)
	sort.Strings(f.proper)
	return f
}

// numberAt reads a number starting at ws[i]: digits or number words, with an
// optional scale word ("thousand", "million"). It returns the value and the
// number of words used.
func numberAt(ws []word, i int) (float64, int, bool) {
	var v float64
	n := 0
	switch {
	case ws[i].num:
		v, n = ws[i].val, 1
	case ws[i].s == "a" || ws[i].s == "one":
		// "a thousand", "a dozen"
		if i+1 < len(ws) && scaleWords[ws[i+1].s] > 0 {
			return scaleWords[ws[i+1].s], 2, true
		}
		if ws[i].s == "a" {
			return 0, 0, false
		}
		v, n = 1, 1
	default:
		nv, ok := numberWords[ws[i].s]
		if !ok {
			return 0, 0, false
		}
		v, n = nv, 1
		// twenty five
		if nv >= 20 && i+1 < len(ws) {
			if u, ok := numberWords[ws[i+1].s]; ok && u < 10 {
				v += u
				n++
			}
		}
	}
	for i+n < len(ws) {
		sc := scaleWords[ws[i+n].s]
		if sc == 0 {
			break
		}
		v *= sc
		n++
	}
	return v, n, true
}

func isYearContext(ws []word, i int) bool {
	if i > 0 {
		p := ws[i-1].s
		if months[p] || p == "in" || p == "since" || p == "by" || p == "until" || p == "of" || p == "from" {
			return true
		}
	}
	return false
}

func uniqFloats(a []float64) []float64 {
	if len(a) < 2 {
		return a
	}
	sort.Float64s(a)
	out := a[:1]
	for _, x := range a[1:] {
		if x != out[len(out)-1] {
			out = append(out, x)
		}
	}
	return out
}

func uniqInts(a []int) []int {
	if len(a) < 2 {
		return a
	}
	sort.Ints(a)
	out := a[:1]
	for _, x := range a[1:] {
		if x != out[len(out)-1] {
			out = append(out, x)
		}
	}
	return out
}

// stem is a light English stemmer: irregular forms from a table, then
// plural and -ing/-ed suffixes, a doubled final consonant and a final e.
func stem(s string) string {
	if v, ok := irregular[s]; ok {
		s = v
	} else if len(s) > 3 {
		switch {
		case strings.HasSuffix(s, "ies") && len(s) > 4:
			s = s[:len(s)-3] + "y"
		case strings.HasSuffix(s, "sses"):
			s = s[:len(s)-2]
		case strings.HasSuffix(s, "ing") && len(s) > 5:
			s = undouble(s[:len(s)-3])
		case strings.HasSuffix(s, "ed") && len(s) > 4:
			s = undouble(s[:len(s)-2])
		case strings.HasSuffix(s, "s") && !strings.HasSuffix(s, "ss") && !strings.HasSuffix(s, "us") && !strings.HasSuffix(s, "is"):
			s = s[:len(s)-1]
		}
	}
	if len(s) > 3 && s[len(s)-1] == 'e' {
		s = s[:len(s)-1]
	}
	if v, ok := synonyms[s]; ok {
		return v
	}
	return s
}

func undouble(s string) string {
	n := len(s)
	if n >= 3 && s[n-1] == s[n-2] && strings.IndexByte("bdfgklmnprt", s[n-1]) >= 0 && s[n-1] != 'l' {
		return s[:n-1]
	}
	return s
}

func isDenialCue(cue string) bool {
	for _, w := range strings.Fields(strings.ToLower(cue)) {
		if denialWords[w] || w == "dismissed" || w == "dismisses" || w == "rejected" || w == "rejects" {
			return true
		}
	}
	return false
}

// wordSet builds a set from a space-separated list.
func wordSet(list string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(list) {
		m[w] = true
	}
	return m
}
