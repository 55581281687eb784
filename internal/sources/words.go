package sources

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// word is one whitespace-separated word of a surface form.
type word struct {
	orig string   // as written, surrounding punctuation trimmed
	key  []string // its Key tokens (a hyphenated word has several)
	cap  bool     // starts with an upper-case letter
	poss bool     // ends with a possessive ('s, s')
	cls  wclass   // the word lists its last token is in (classes.go)
	// line is the string the word was cut from, at the offset of orig in
	// it: wordsOrig cuts words that are written together out of it
	line string
	at   int
}

// last is the word's last key token ("" when none).
func (w word) last() string {
	if len(w.key) == 0 {
		return ""
	}
	return w.key[len(w.key)-1]
}

// keyOf is Key's token list for a single word, keeping a lone "the".
func keyOf(w string) []string {
	if !needsFold(w) {
		var arr [64]byte
		if b, ok := asciiPunct(arr[:0], w); ok {
			return appendKeyTokensASCII(nil, string(b))
		}
	}
	if needsFold(w) {
		w = foldUnicode(w)
	}
	return rawKeyTokens(w)
}

// appendKeyTokensASCII appends keyOf(w) for an ASCII word w to toks. A
// word already in key form (lower-case letters and digits) is its own
// token and costs no allocation.
func appendKeyTokensASCII(toks []string, w string) []string {
	if isPlainToken(w) {
		return append(toks, w)
	}
	var arr [64]byte
	return appendFields(toks, string(appendASCIIKey(arr[:0], w)))
}

// isPossessive reports whether w ends in 's or s' (any apostrophe).
func isPossessive(w string) bool {
	if n := len(w); n >= 2 && w[n-1] < utf8.RuneSelf && w[n-2] < utf8.RuneSelf {
		return asciiPossessive(w[n-2], w[n-1], n)
	}
	last, n1 := utf8.DecodeLastRuneInString(w)
	if n1 == 0 {
		return false
	}
	prev, n2 := utf8.DecodeLastRuneInString(w[:len(w)-n1])
	if n2 == 0 {
		return false
	}
	if (last == 's' || last == 'S') && isApostrophe(prev) && len(w) > n1+n2 {
		return true // at least three runes
	}
	return isApostrophe(last) && (prev == 's' || prev == 'S')
}

// wordsKey joins the key tokens of words.
func wordsKey(ws []word) string {
	if len(ws) == 1 && len(ws[0].key) == 1 {
		return ws[0].key[0]
	}
	var arr [64]byte
	return string(appendWordsKey(arr[:0], ws))
}

// appendWordsKey appends wordsKey(ws) to buf; a map lookup by
// string(appendWordsKey(...)) costs no allocation.
func appendWordsKey(buf []byte, ws []word) []byte {
	first := true
	for _, w := range ws {
		for _, t := range w.key {
			if !first {
				buf = append(buf, ' ')
			}
			first = false
			buf = append(buf, t...)
		}
	}
	return buf
}

// wordsTokens is the key tokens of words, in a new slice.
func wordsTokens(ws []word) []string {
	return appendWordsTokens(nil, ws)
}

// appendWordsTokens appends the key tokens of words to dst (when they
// fit, else to a new slice of their number) and returns them, capped.
func appendWordsTokens(dst []string, ws []word) []string {
	n := 0
	for _, w := range ws {
		n += len(w.key)
	}
	if dst == nil || cap(dst)-len(dst) < n {
		dst = make([]string, 0, n)
	}
	start := len(dst)
	for _, w := range ws {
		dst = append(dst, w.key...)
	}
	return dst[start:len(dst):len(dst)]
}

// joinedTail is strings.Join(toks, " "), cut from the end of key when
// key ends with it, as it mostly does.
func joinedTail(key string, toks []string) string {
	n := len(toks) - 1
	for _, t := range toks {
		n += len(t)
	}
	if n >= 0 && n <= len(key) {
		tail, rest := key[len(key)-n:], key[len(key)-n:]
		ok := true
		for i, t := range toks {
			if i > 0 {
				if rest == "" || rest[0] != ' ' {
					ok = false
					break
				}
				rest = rest[1:]
			}
			if len(rest) < len(t) || rest[:len(t)] != t {
				ok = false
				break
			}
			rest = rest[len(t):]
		}
		if ok && rest == "" {
			return tail
		}
	}
	return strings.Join(toks, " ")
}

// wordsOrig joins the words as written, without a final possessive.
func wordsOrig(ws []word) string {
	switch len(ws) {
	case 0:
		return ""
	case 1:
		if ws[0].poss {
			return stripPossessive(ws[0].orig)
		}
		return ws[0].orig
	}
	if s, ok := together(ws); ok {
		return s
	}
	n := len(ws) - 1
	for _, w := range ws {
		n += len(w.orig)
	}
	var b strings.Builder
	b.Grow(n)
	for i, w := range ws {
		if i > 0 {
			b.WriteByte(' ')
		}
		if i == len(ws)-1 && w.poss {
			b.WriteString(stripPossessive(w.orig))
		} else {
			b.WriteString(w.orig)
		}
	}
	return b.String()
}

// asciiPossessive is isPossessive for a word of n bytes ending in the
// ASCII bytes prev and last: whether stripPossessive shortens it.
func asciiPossessive(prev, last byte, n int) bool {
	apos := func(c byte) bool { return c == '\'' || c == '`' }
	if (last == 's' || last == 'S') && apos(prev) && n > 2 {
		return true
	}
	return apos(last) && (prev == 's' || prev == 'S')
}

// together returns wordsOrig(ws), for two words or more, as a piece of
// the line they were cut from, when they are written there one space
// apart (and a final possessive is cut off the end of the last one).
func together(ws []word) (string, bool) {
	line := ws[0].line
	end := ws[0].at + len(ws[0].orig)
	for _, w := range ws[1:] {
		if w.line != line || w.at != end+1 || line[end] != ' ' {
			return "", false
		}
		end = w.at + len(w.orig)
	}
	if last := ws[len(ws)-1]; last.poss {
		p := stripPossessive(last.orig)
		if len(p) > len(last.orig) || last.orig[:len(p)] != p {
			return "", false // not a prefix (invalid UTF-8 rewritten)
		}
		end -= len(last.orig) - len(p)
	}
	return line[ws[0].at:end], true
}

func stripPossessive(w string) string {
	if !utf8.ValidString(w) {
		return stripPossessiveRunes(w)
	}
	last, n1 := utf8.DecodeLastRuneInString(w)
	prev, n2 := utf8.DecodeLastRuneInString(w[:len(w)-n1])
	if n1 > 0 && n2 > 0 && len(w) > n1+n2 && isApostrophe(prev) && (last == 's' || last == 'S') {
		return w[:len(w)-n1-n2]
	}
	if n1 > 0 && n2 > 0 && isApostrophe(last) {
		return w[:len(w)-n1]
	}
	return w
}

// stripPossessiveRunes is stripPossessive for invalid UTF-8, which it
// writes back with U+FFFD for the bad bytes, as it always has.
func stripPossessiveRunes(w string) string {
	rs := []rune(w)
	n := len(rs)
	if n >= 3 && isApostrophe(rs[n-2]) && (rs[n-1] == 's' || rs[n-1] == 'S') {
		return string(rs[:n-2])
	}
	if n >= 2 && isApostrophe(rs[n-1]) {
		return string(rs[:n-1])
	}
	return w
}

// countryPrefix reports how many leading words name a country (1-3), and
// which, or 0.
func countryPrefix(ws []word) (int, string) {
	if len(ws) == 0 || !ws[0].is(cCountryFirst) { // maybeCountryFirst(ws[0].key[0])
		return 0, ""
	}
	var arr [64]byte
	for n := 3; n >= 1; n-- {
		if len(ws) < n {
			continue
		}
		if c, ok := countryByKey[string(appendWordsKey(arr[:0], ws[:n]))]; ok {
			return n, c
		}
	}
	return 0, ""
}

// isAcronymWord reports whether w is written as an acronym (NIS, MI6,
// U.N.) and returns it without dots.
func isAcronymWord(w string) (string, bool) {
	for i := 0; i < len(w); i++ {
		if c := w[i]; 'a' <= c && c <= 'z' {
			return "", false // as the loop below finds, without the copy
		}
	}
	a := strings.ReplaceAll(w, ".", "")
	upper := 0
	for _, r := range a {
		switch {
		case unicode.IsUpper(r):
			upper++
		case unicode.IsDigit(r), r == '/' || r == '&':
		default:
			return "", false
		}
	}
	n := utf8.RuneCountInString(a)
	return a, upper >= 2 && n <= 7
}

// acronymOf is the acronym of the capitalised words ("Main Intelligence
// Directorate" → MID, "Agence France-Presse" → AFP), or "" when any
// significant word is not capitalised or fewer than two letters result.
func acronymOf(ws []word) string {
	var arr [32]byte
	b := arr[:0]
	for _, w := range ws {
		if len(w.key) == 1 && w.is(cFunction) {
			continue
		}
		// the first letter of each part between hyphens
		start := true
		for _, r := range w.orig {
			if r == '-' || r == '‐' {
				start = true
				continue
			}
			if start {
				if !unicode.IsUpper(r) {
					return ""
				}
				b = utf8.AppendRune(b, r)
				start = false
			}
		}
	}
	if utf8.RuneCount(b) < 2 {
		return ""
	}
	return string(b)
}
