package sources

import (
	"strings"
	"sync"
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
}

// last is the word's last key token ("" when none).
func (w word) last() string {
	if len(w.key) == 0 {
		return ""
	}
	return w.key[len(w.key)-1]
}

// splitWords splits a surface form into words, dropping words that have no
// letters or digits (stray punctuation). It is Resolve's inner loop, so
// ASCII words take a path that allocates only for tokens that differ
// from the word as written, and all words share one token slice.
func splitWords(s string) []word {
	n := 0
	for i := 0; ; n++ {
		if _, _, i = nextField(s, i); i < 0 {
			break
		}
	}
	if n == 0 {
		return nil
	}
	ws, _ := appendWords(make([]word, 0, n), make([]string, 0, n+2), s)
	return ws
}

// appendWords appends the words of s to ws and their key tokens to toks.
// A word's key is a slice of toks. The tokens of the ASCII words that are
// not their own key ("Korea's", "Seok-yeol") are cut from one string, made
// in a first pass, rather than allocated word by word.
func appendWords(ws []word, toks []string, s string) ([]word, []string) {
	var arr [128]byte
	var ends [maxShared]int // end of each shared word's key in buf
	buf, nshared := arr[:0], 0
	for i := 0; nshared < maxShared; {
		var a, b int
		if a, b, i = nextField(s, i); i < 0 {
			break
		}
		if f := trimWord(s[a:b]); f != "" && isASCII(f) && !isPlainToken(f) {
			buf = appendASCIIKey(buf, f)
			ends[nshared] = len(buf)
			buf = append(buf, ' ') // as if the word's key began a buffer
			nshared++
		}
	}
	all := string(buf)
	shared, from := 0, 0
	for i := 0; ; {
		var a, b int
		if a, b, i = nextField(s, i); i < 0 {
			break
		}
		f := trimWord(s[a:b])
		if f == "" {
			continue
		}
		start := len(toks)
		switch {
		case !isASCII(f):
			toks = append(toks, keyOf(f)...)
		case isPlainToken(f):
			toks = append(toks, f)
		case shared < nshared:
			toks = appendFields(toks, all[from:ends[shared]])
			from = ends[shared] + 1
			shared++
		default:
			toks = appendKeyTokensASCII(toks, f)
		}
		if len(toks) == start {
			continue
		}
		r, _ := utf8.DecodeRuneInString(f)
		key := toks[start:len(toks):len(toks)]
		ws = append(ws, word{orig: f, key: key, cap: unicode.IsUpper(r), poss: isPossessive(f), cls: wordClassOf(key)})
	}
	return ws, toks
}

// maxShared is the number of words per name whose tokens appendWords cuts
// from one string; later ones get their own.
const maxShared = 16

// isPlainToken reports whether the ASCII word w is its own key token
// (lower-case letters and digits only).
func isPlainToken(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; !('a' <= c && c <= 'z' || '0' <= c && c <= '9') {
			return false
		}
	}
	return true
}

// appendFields appends the space-separated non-empty parts of all to toks.
func appendFields(toks []string, all string) []string {
	for i := 0; i < len(all); {
		j := strings.IndexByte(all[i:], ' ')
		if j < 0 {
			return append(toks, all[i:])
		}
		if j > 0 {
			toks = append(toks, all[i:i+j])
		}
		i += j + 1
	}
	return toks
}

// wordBuf is a reusable buffer for the words of one name, for the
// functions that do not keep the words (their strings may be kept, not
// the slices).
type wordBuf struct {
	ws   []word
	toks []string
}

var wordBufs = sync.Pool{New: func() any { return new(wordBuf) }}

// getWords splits s into the words of a pooled buffer; release it with
// putWords.
func getWords(s string) ([]word, *wordBuf) {
	b := wordBufs.Get().(*wordBuf)
	b.ws, b.toks = appendWords(b.ws[:0], b.toks[:0], s)
	return b.ws, b
}

func putWords(b *wordBuf) {
	clear(b.ws)
	clear(b.toks)
	if cap(b.ws) <= 64 && cap(b.toks) <= 128 {
		wordBufs.Put(b)
	}
}

// nextField finds the next run of non-space characters in s at or after
// i, as strings.Fields splits, and returns its bounds and where to go on
// (-1 when there is none).
func nextField(s string, i int) (int, int, int) {
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if !asciiSpace(c) {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += size
	}
	if i >= len(s) {
		return 0, 0, -1
	}
	start := i
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if asciiSpace(c) {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			break
		}
		i += size
	}
	return start, i, i
}

func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

// trimWord drops surrounding punctuation from a word: anything but
// letters, digits, apostrophes, dots and ampersands, and then leading
// apostrophes and dots.
func trimWord(f string) string {
	if f != "" && isASCIIAlnum(f[0]) && isASCIIAlnum(f[len(f)-1]) {
		return f // nothing to trim
	}
	f = strings.TrimFunc(f, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !isApostrophe(r) && r != '.' && r != '&'
	})
	return strings.TrimLeftFunc(f, func(r rune) bool { return isApostrophe(r) || r == '.' })
}

func isASCIIAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// keyOf is Key's token list for a single word, keeping a lone "the".
func keyOf(w string) []string {
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
	n := 0
	for _, w := range ws {
		n += len(w.key)
	}
	out := make([]string, 0, n)
	for _, w := range ws {
		out = append(out, w.key...)
	}
	return out
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
	if len(ws) == 0 || !countryFirst[ws[0].key[0]] {
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
	var b strings.Builder
	for _, w := range ws {
		if len(w.key) == 1 && w.is(cFunction) {
			continue
		}
		for _, part := range strings.FieldsFunc(w.orig, func(r rune) bool { return r == '-' || r == '‐' }) {
			r, _ := utf8.DecodeRuneInString(part)
			if !unicode.IsUpper(r) {
				return ""
			}
			b.WriteRune(r)
		}
	}
	if utf8.RuneCountInString(b.String()) < 2 {
		return ""
	}
	return b.String()
}
