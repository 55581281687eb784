package sources

import "strings"

// skeleton is the phonetic skeleton of one lower-case name token: the
// romanisation folds under which transliterations of one name agree.
// It is deliberately conservative (only folds that romanisation systems
// actually disagree on), so that different names stay apart:
//
//   - digraphs: kh→h, ph→f, ck→k, tch→ch, dzh→j, zh→j, sch→sh, w→v, q→k, x→ks
//   - vowels: oo→u, ou→u, eo→u (Korean ㅓ: Seok/Suk, Yeol/Yul), ee→i
//   - y and j as vowels: y between consonants → i (Volodymyr/Volodimir),
//     a final y, j, iy, yy, ij, yi → i (Zelensky/Zelenskyy/Zelenskiy/Zelenskij),
//     an initial i before a vowel → y (Iurii/Yurii)
//   - doubled letters are single (Zelenskyy, Yurii)
//
// Non-ASCII tokens (other scripts) are returned unchanged. Tokens that
// differ in other ways (Vladimir/Volodymyr, Jong/Yo) keep different
// skeletons.
func skeleton(tok string) string {
	if !isASCII(tok) || tok == "" {
		return tok
	}
	var arr [32]byte
	return string(appendSkeleton(arr[:0], tok))
}

// appendSkeleton appends skeleton(tok) to dst.
func appendSkeleton(dst []byte, tok string) []byte {
	if !isASCII(tok) || tok == "" {
		return append(dst, tok...)
	}
	s := tok
	// a fold whose letters are not all in s cannot apply: the mask of
	// letters present saves most searches (it is redone after a fold)
	have := letterMask(s)
	for i := range digraphMasks {
		if m := digraphMasks[i]; have&m != m {
			continue
		}
		p := &digraphFolds[i]
		if !strings.Contains(s, p[0]) {
			continue
		}
		s = strings.ReplaceAll(s, p[0], p[1])
		have = letterMask(s)
	}
	start := len(dst)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case 'y':
			prevV := i > 0 && isVowel(s[i-1])
			nextV := i+1 < len(s) && isVowel(s[i+1])
			switch {
			case i == len(s)-1 && i > 0:
				c = 'i'
			case i > 0 && !prevV && !nextV:
				c = 'i'
			}
		case 'j':
			if i == len(s)-1 && i > 0 {
				c = 'i'
			}
		case 'i':
			if i == 0 && len(s) > 1 && isVowel(s[1]) {
				c = 'y'
			}
		}
		if n := len(dst); n > start && dst[n-1] == c {
			continue
		}
		dst = append(dst, c)
	}
	// final "iy"/"yi"/"ij" collapse to one i: after the loop these are "ii"
	// (deduplicated) or "yi" from a vowel-adjacent y.
	if r := dst[start:]; len(r) > 2 && r[len(r)-2] == 'y' && r[len(r)-1] == 'i' && !isVowel(r[len(r)-3]) {
		dst = append(dst[:len(dst)-2], 'i')
	}
	return dst
}

var digraphFolds = [...][2]string{
	{"tch", "ch"}, {"dzh", "j"}, {"sch", "sh"}, {"kh", "h"}, {"ph", "f"}, {"ck", "k"},
	{"zh", "j"}, {"w", "v"}, {"q", "k"}, {"x", "ks"},
	{"oo", "u"}, {"ou", "u"}, {"eo", "u"}, {"ee", "i"},
}

// digraphMasks holds the letterMask of each fold's pattern.
var digraphMasks = func() (m [len(digraphFolds)]uint32) {
	for i, p := range digraphFolds {
		m[i] = letterMask(p[0])
	}
	return m
}()

// letterMask has bit c-'a' set for every lower-case ASCII letter c in s.
func letterMask(s string) uint32 {
	var m uint32
	for i := 0; i < len(s); i++ {
		if c := s[i] - 'a'; c < 26 {
			m |= 1 << c
		}
	}
	return m
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}

// nameSkeleton is the skeleton of every token of a key, space-separated.
func nameSkeleton(toks []string) string {
	var arr [64]byte
	buf := arr[:0]
	for i, t := range toks {
		if i > 0 {
			buf = append(buf, ' ')
		}
		buf = appendSkeleton(buf, t)
	}
	return string(buf)
}
