package sources

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The allocation-saving versions of the string helpers (one token string
// per name in appendWords, skeletons into one buffer, no rejoining of
// words that need no change) agree with the plain versions they replaced,
// name by name, on the names and roles of real articles and on edge cases.
func TestStringFastPaths(t *testing.T) {
	names := []string{"", " ", "Korea's", "Babel sources", "Babel's sources", "A former Russian spy",
		"An  official", " the official ", "THE officials", "Thé officials", "A", "A b", "Ａ official",
		"U.S. officials' statement", "O'Brien's aides", "states' rights", "Yoon Seok-yeol",
		"Zelenskyy Volodymyr Oleksandrovych", "Iurii Ihnat", "Kholodnyy Yee", "x.y. & z's",
		"one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen Sixteen's Seven-teen Eight.een N.I.N.E. Twenty's",
		"\tSouth\u00a0Korea’s intelligence", "«Babel» (Reuters)", "Ünal Çelik", "D-Calif.", "3,000 troops"}
	// more words to cut from one string than appendWords takes
	names = append(names, strings.Repeat("Word's Other-word ", maxShared), strings.Repeat("Al ", 2*maxShared+1)+"al")
	names = append(names, corpusNamesRoles(t, 150)...)
	for _, n := range names {
		got, want := fmt.Sprint(withoutLines(splitWords(n))), fmt.Sprint(splitWordsReference(n))
		if got != want {
			t.Fatalf("splitWords(%q) = %s, reference %s", n, got, want)
		}
		ws := splitWords(n)
		if got, want := wordsOrig(ws), wordsOrigReference(ws); got != want {
			t.Errorf("wordsOrig(%q) = %q, reference %q", n, got, want)
		}
		toks := wordsTokens(ws)
		if got, want := nameSkeleton(toks), nameSkeletonReference(toks); got != want {
			t.Errorf("nameSkeleton(%q) = %q, reference %q", toks, got, want)
		}
		if got, want := stripPossessiveWords(n), stripPossessiveWordsReference(n); got != want {
			t.Errorf("stripPossessiveWords(%q) = %q, reference %q", n, got, want)
		}
		if got, want := lowerArticle(n), lowerArticleReference(n); got != want {
			t.Errorf("lowerArticle(%q) = %q, reference %q", n, got, want)
		}
		if got, want := Key(n), keyReference(n); got != want {
			t.Errorf("Key(%q) = %q, reference %q", n, got, want)
		}
	}
}

func wordsOrigReference(ws []word) string {
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = w.orig
	}
	if n := len(parts); n > 0 && ws[n-1].poss {
		parts[n-1] = stripPossessive(parts[n-1])
	}
	return strings.Join(parts, " ")
}

func nameSkeletonReference(toks []string) string {
	sk := make([]string, len(toks))
	for i, t := range toks {
		sk[i] = skeletonReference(t)
	}
	return strings.Join(sk, " ")
}

// skeletonReference is skeleton as first written.
func skeletonReference(tok string) string {
	if !isASCII(tok) || tok == "" {
		return tok
	}
	s := tok
	for _, p := range digraphFolds {
		if strings.Contains(s, p[0]) {
			s = strings.ReplaceAll(s, p[0], p[1])
		}
	}
	b := []byte(s)
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch c {
		case 'y':
			prevV := i > 0 && isVowel(b[i-1])
			nextV := i+1 < len(b) && isVowel(b[i+1])
			switch {
			case i == len(b)-1 && i > 0:
				c = 'i'
			case i > 0 && !prevV && !nextV:
				c = 'i'
			}
		case 'j':
			if i == len(b)-1 && i > 0 {
				c = 'i'
			}
		case 'i':
			if i == 0 && len(b) > 1 && isVowel(b[1]) {
				c = 'y'
			}
		}
		if n := len(out); n > 0 && out[n-1] == c {
			continue
		}
		out = append(out, c)
	}
	r := string(out)
	if strings.HasSuffix(r, "yi") && len(r) > 2 && !isVowel(r[len(r)-3]) {
		r = r[:len(r)-2] + "i"
	}
	return r
}

func stripPossessiveWordsReference(s string) string {
	fs := strings.Fields(s)
	for i, w := range fs {
		fs[i] = stripPossessive(w)
	}
	return strings.Join(fs, " ")
}

func lowerArticleReference(c string) string {
	if r, size := utf8.DecodeRuneInString(c); size > 0 && unicode.IsUpper(r) {
		first := strings.ToLower(strings.SplitN(c, " ", 2)[0])
		if determiners[first] && strings.Contains(c, " ") {
			return string(unicode.ToLower(r)) + c[size:]
		}
	}
	return c
}

// keyReference is Key without its ASCII fast path.
func keyReference(name string) string {
	if needsFold(name) {
		name = foldUnicode(name)
	}
	toks := rawKeyTokens(name)
	if len(toks) > 1 && toks[0] == "the" {
		toks = toks[1:]
	}
	return strings.Join(toks, " ")
}

// withoutLines is ws without the line and offset each word was cut from,
// which the reference splitter does not note.
func withoutLines(ws []word) []word {
	out := slices.Clone(ws)
	for i := range out {
		if !strings.HasPrefix(out[i].line[out[i].at:], out[i].orig) {
			panic("word " + out[i].orig + " is not at its offset")
		}
		out[i].line, out[i].at = "", 0
	}
	return out
}
