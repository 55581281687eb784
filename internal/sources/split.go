package sources

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Splitting a surface form into words: Resolve's inner loop for every
// name it has not seen before.

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
// not their own key ("Korea's", "Seok-yeol") are cut from one string
// rather than allocated word by word: a first loop over the first
// maxShared words notes them and writes those keys, a second makes the
// words; words after them are split and keyed one at a time.
func appendWords(ws []word, toks []string, s string) ([]word, []string) {
	var arr [128]byte
	var fs [maxShared]field
	buf, nf, i := arr[:0], 0, 0
	for nf < maxShared {
		var a, b int
		var class uint8
		if a, b, i, class = scanWord(s, i); i < 0 {
			break
		}
		f, off := s[a:b], 0
		if class == fieldSlow {
			if f, off = trimWordAt(f); f == "" {
				continue
			}
			class = fieldClass(f)
		}
		fd := field{text: f, class: class, at: a + off}
		if fd.class == fieldShared {
			buf = appendASCIIKey(buf, f)
			fd.end = len(buf)
			buf = append(buf, ' ') // as if the word's key began a buffer
		}
		fs[nf] = fd
		nf++
	}
	all, from := "", 0
	if len(buf) > 0 {
		all = string(buf)
	}
	for k := range fs[:nf] {
		fd := &fs[k]
		start := len(toks)
		switch fd.class {
		case fieldOther:
			toks = append(toks, keyOf(fd.text)...)
		case fieldPlain:
			toks = append(toks, fd.text)
		default:
			toks = appendFields(toks, all[from:fd.end])
			from = fd.end + 1
		}
		ws = appendWord(ws, toks, start, fd.text, s, fd.at)
	}
	for i >= 0 {
		var a, b int
		if a, b, i = nextField(s, i); i < 0 {
			break
		}
		f, off := trimWordAt(s[a:b])
		if f == "" {
			continue
		}
		start := len(toks)
		switch fieldClass(f) {
		case fieldOther:
			toks = append(toks, keyOf(f)...)
		case fieldPlain:
			toks = append(toks, f)
		default:
			toks = appendKeyTokensASCII(toks, f)
		}
		ws = appendWord(ws, toks, start, f, s, a+off)
	}
	return ws, toks
}

// appendWord appends the word f, whose key tokens are toks[start:] and
// which is line[at:at+len(f)], to ws, unless it has no tokens.
func appendWord(ws []word, toks []string, start int, f, line string, at int) []word {
	if len(toks) == start {
		return ws
	}
	r, _ := utf8.DecodeRuneInString(f)
	key := toks[start:len(toks):len(toks)]
	return append(ws, word{orig: f, key: key, cap: unicode.IsUpper(r), poss: isPossessive(f), cls: wordClassOf(key), line: line, at: at})
}

// field is a word appendWords has trimmed and classed.
type field struct {
	text  string
	class uint8
	end   int // fieldShared: the end of its key in the shared buffer
	at    int // the offset of text in the name
}

// The classes of fields: not ASCII, ASCII and its own key token, other
// ASCII (its key is written to the shared buffer).
const (
	fieldOther uint8 = iota
	fieldPlain
	fieldShared
)

// fieldClass classes a trimmed non-empty word in one pass over its bytes.
func fieldClass(f string) uint8 {
	class := fieldPlain
	for i := 0; i < len(f); i++ {
		c := f[i]
		if c >= utf8.RuneSelf {
			return fieldOther
		}
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9') {
			class = fieldShared
		}
	}
	return class
}

// fieldSlow is what scanWord returns for a field it leaves to
// trimWordAt and fieldClass.
const fieldSlow uint8 = 255

// scanWord is nextField(s, i), and the fieldClass of the field when
// trimWordAt would keep it whole (an ASCII field that begins and ends
// with a letter or digit, as most do), else fieldSlow: one pass over the
// bytes instead of three for the usual word.
func scanWord(s string, i int) (int, int, int, uint8) {
	for i < len(s) && s[i] <= ' ' && asciiSpace(s[i]) {
		i++
	}
	if i >= len(s) || s[i] >= utf8.RuneSelf {
		a, b, next := nextField(s, i)
		return a, b, next, fieldSlow
	}
	a, class := i, fieldPlain
	for ; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || '0' <= c && c <= '9' {
			continue
		}
		if c >= utf8.RuneSelf {
			a, b, next := nextField(s, a) // the field's start: not a space
			return a, b, next, fieldSlow
		}
		if c <= ' ' && asciiSpace(c) {
			break
		}
		class = fieldShared
	}
	if !isASCIIAlnum(s[a]) || !isASCIIAlnum(s[i-1]) {
		class = fieldSlow
	}
	return a, i, i, class
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

// words is getWords for the registry, which splits names only under
// r.mu: its own buffer serves while it is free, so that the usual call
// skips the pool. Release the words with doneWords.
func (r *Registry) words(s string) ([]word, *wordBuf) {
	if r.wbBusy {
		return getWords(s)
	}
	r.wbBusy = true
	b := &r.wb
	b.ws, b.toks = appendWords(b.ws[:0], b.toks[:0], s)
	return b.ws, b
}

// doneWords releases words returned by words.
func (r *Registry) doneWords(b *wordBuf) {
	if b != &r.wb {
		putWords(b)
		return
	}
	clear(b.ws)
	clear(b.toks)
	if cap(b.ws) > 64 || cap(b.toks) > 128 {
		b.ws, b.toks = nil, nil // as putWords: no huge buffer kept
	}
	r.wbBusy = false
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
			if c > ' ' || !asciiSpace(c) { // every ASCII space is <= ' '
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
		if c > ' ' && c < utf8.RuneSelf {
			i++ // the common case: an ASCII non-space
			continue
		}
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
	w, _ := trimWordAt(f)
	return w
}

// trimWordAt is trimWord, and the offset in f of the word it returns.
func trimWordAt(f string) (string, int) {
	if f != "" && isASCIIAlnum(f[0]) && isASCIIAlnum(f[len(f)-1]) {
		return f, 0 // nothing to trim
	}
	punct := func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !isApostrophe(r) && r != '.' && r != '&'
	}
	g := strings.TrimLeftFunc(f, punct) // TrimFunc is TrimLeftFunc then TrimRightFunc
	off := len(f) - len(g)
	g = strings.TrimRightFunc(g, punct)
	h := strings.TrimLeftFunc(g, func(r rune) bool { return isApostrophe(r) || r == '.' })
	return h, off + len(g) - len(h)
}

func isASCIIAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}
