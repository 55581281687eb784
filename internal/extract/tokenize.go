package extract

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// tokenize splits text into tokens in one linear pass, counting code points.
func tokenize(text string) []tok { return tokenizeInto(nil, text) }

// tokenizeInto is tokenize appending to toks[:0] (reusing its array).
func tokenizeInto(toks []tok, text string) []tok {
	toks, _, _ = tokenizeMarks(toks, nil, nil, text)
	return toks
}

// tokenizeMarks is tokenizeInto that also appends to brk the tokens after
// a line break (tok.nl) and to qs the quotation marks (kQOpen, kQClose),
// in order.
func tokenizeMarks(toks []tok, brk, qs []int32, text string) ([]tok, []int32, []int32) {
	toks, brk, qs, _ = tokenizeLex(toks, brk, qs, nil, text, nil, nil)
	return toks, brk, qs
}

// tokenizeLex is tokenizeMarks that also gives every token what setLex
// would give it with lex and punctCand (see lexOf; lex nil: nothing, the
// hashes of lowerWord and capWord only), while the token is at hand, and
// appends to p1 the tokens it flags flPass1, in order.
func tokenizeLex(toks []tok, brk, qs, p1 []int32, text string, lex *hashMap16, punctCand *[utf8.RuneSelf]bool) ([]tok, []int32, []int32, []int32) {
	if cap(toks) < len(text)/5+1 {
		toks = make([]tok, 0, len(text)/5+1)
	}
	// The lower case of ASCII words with capitals, back to back: their lw
	// is cut from one string at the end (lw "" until then).
	lbuf := lowPool.Get().(*lowBuf)
	z := tokenizer{text: text, toks: toks[:0], lb: lbuf.b[:0], wait: lbuf.wait[:0], brk: brk, qs: qs, prevSpace: true, lex: lex, pc: punctCand, p1: p1}
	z.run()
	if n := len(z.brk); n > 0 && int(z.brk[n-1]) == len(z.toks) {
		z.brk = z.brk[:n-1] // no token after the last break
	}
	if cutLower(z.toks, z.lb, z.wait, lex, &z.p1) {
		slices.Sort(z.p1) // cutLower's come last
	}
	lbuf.b, lbuf.wait = z.lb[:0], z.wait[:0]
	lowPool.Put(lbuf)
	return z.toks, z.brk, z.qs, z.p1
}

// tokenizer is tokenizeInto's state. The main loop keeps only the
// positions in registers and handles spaces and lower-case ASCII words
// itself; the rest goes through methods, so that the loop's few live
// values need no spilling on every byte.
type tokenizer struct {
	text      string
	toks      []tok
	lb        []byte               // lower case of ASCII words with capitals (see cutLower)
	wait      []int32              // the tokens waiting for their lw in lb
	brk, qs   []int32              // the tokens after a line break; the quotation marks
	nl        bool                 // a line break since the last token
	lex       *hashMap16           // lexicon flags looked up per token (nil none)
	pc        *[utf8.RuneSelf]bool // ASCII marks' candidate flags (with lex; nil none)
	p1        []int32              // the tokens flagged flPass1
	prevSpace bool                 // the last code point was a space (or none yet)
}

func (z *tokenizer) run() {
	text := z.text
	i, ri := 0, 0 // byte and rune index
	for i < len(text) {
		// Each trip below makes at most one token and starts at a byte
		// of its own: the trips starting before lim make no more tokens
		// than z.toks has room for (see newTok).
		room := cap(z.toks) - len(z.toks)
		if room == 0 {
			z.grow()
			continue
		}
		lim := len(text)
		if room < lim-i {
			lim = i + room
		}
		for i < lim {
			c := text[i]
			if c == ' ' {
				z.prevSpace = true
				i++
				ri++
				continue
			}
			if c >= 'a' && c <= 'z' {
				if j := z.lowerWord(i, ri, lim); j > i {
					ri += j - i
					i = j
					continue
				}
			} else if c >= 'A' && c <= 'Z' {
				if j := z.capWord(i, ri, lim); j > i {
					ri += j - i
					i = j
					continue
				}
			}
			i, ri = z.other(i, ri)
		}
	}
}

// lowerWord reads the ASCII lower-case word at byte i when it ends where
// scanWord would end it, appends its token and goes on past the space that
// follows it, if one does, to the next such word, while the words start
// before lim (see run); it returns the byte where it stopped, i if it read
// no word (the general path reads it). What it reads is ASCII (as many
// bytes as code points). Each word's hash (hashStr) is made on the way, and
// with z.lex its flags looked up.
func (z *tokenizer) lowerWord(i, ri, lim int) int {
	text := z.text
	d := ri - i // a code point index less its byte index, over ASCII
	for {
		h := (fnvOffset ^ uint64(text[i])) * fnvPrime
		j := i + 1
		// Two letters a trip while two bytes remain (one loop test for
		// both), then the last byte.
		for ; j < len(text)-1; j += 2 {
			c0, c1 := text[j], text[j+1]
			if c0-'a' > 'z'-'a' { // not a-z (one unsigned compare)
				goto end
			}
			h = (h ^ uint64(c0)) * fnvPrime
			if c1-'a' > 'z'-'a' {
				j++
				goto end
			}
			h = (h ^ uint64(c1)) * fnvPrime
		}
		if j < len(text) {
			if c := text[j]; c-'a' <= 'z'-'a' {
				h = (h ^ uint64(c)) * fnvPrime
				j++
			}
		}
	end:
		// The word ends here unless scanWord would go on: a non-ASCII or
		// alphanumeric byte, an inner apostrophe or hyphen, or a period
		// after a single letter ("e.g."); a comma only continues a number.
		if j < len(text) {
			switch c := text[j]; {
			case byteClass[c]&bcGoesOn != 0: // non-ASCII, alphanumeric, ' or -
				return i
			case c == '.':
				if j-i < 2 {
					return i
				}
			}
		}
		// The token written field by field in place (a tok literal is
		// built on the stack and copied).
		t, n := z.newTok()
		t.s, t.e, t.bs, t.be = i+d, j+d, i, j
		f := uint16(0)
		if z.lex != nil {
			f = z.lex.get(h)
		}
		t.k, t.nl, t.cap, t.fl, t.mk = kWord, z.nl, false, f, mkPlain
		t.lw, t.h = text[i:j], h
		if f&flPass1 != 0 {
			z.p1 = append(z.p1, int32(n))
		}
		z.nl = false
		if j >= len(text) || text[j] != ' ' {
			z.prevSpace = false
			return j
		}
		// The space after the word, as run would read it.
		z.prevSpace = true
		i = j + 1
		if i >= lim || text[i]-'a' > 'z'-'a' {
			return i
		}
	}
}

// capWord is lowerWord for an ASCII word of letters opening with a
// capital: its lower case goes to z.lb (see cutLower), made and hashed
// in the loop that finds the word's end. A lower-case word after it and
// its space goes to lowerWord straight away (one trip less through run).
func (z *tokenizer) capWord(i, ri, lim int) int {
	text := z.text
	lb := z.lb
	h := uint64(fnvOffset)
	j := i
	for ; j < len(text); j++ {
		c := text[j] | 0x20  // a letter's lower case
		if c-'a' > 'z'-'a' { // not an ASCII letter
			break
		}
		lb = append(lb, c)
		h = (h ^ uint64(c)) * fnvPrime
	}
	if j < len(text) { // where scanWord would go on (see lowerWord)
		switch c := text[j]; {
		case byteClass[c]&bcGoesOn != 0:
			return i // z.lb as it was
		case c == '.':
			if j-i < 2 {
				return i
			}
		}
	}
	z.lb = lb
	t, n := z.newTok()
	t.s, t.e, t.bs, t.be = ri, ri+j-i, i, j
	t.k, t.nl, t.cap, t.fl, t.mk = kWord, z.nl, true, 0, mkWord
	t.lw = ""
	t.h = h
	if z.lex != nil {
		f := z.lex.get(h)
		t.fl = f
		if f&flPass1 != 0 {
			z.p1 = append(z.p1, int32(n))
		}
	}
	z.wait = append(z.wait, int32(n))
	z.nl = false
	if j >= len(text) || text[j] != ' ' {
		z.prevSpace = false
		return j
	}
	z.prevSpace = true
	if j+1 < lim && text[j+1]-'a' <= 'z'-'a' {
		return z.lowerWord(j+1, ri+j+1-i, lim)
	}
	return j + 1
}

// other reads what stands at byte i (rune index ri) when it is neither a
// space nor a lower-case word lowerWord took, and returns the positions
// after it.
func (z *tokenizer) other(i, ri int) (int, int) {
	text := z.text
	if c := text[i]; byteClass[c]&bcMark != 0 {
		return z.mark(i, ri, c)
	}
	r, w := utf8.DecodeRuneInString(text[i:])
	switch {
	case r == '\n' || r == '\r' || r == '\u2029' || r == '\u2028':
		if !z.nl {
			// The next token, if one comes, starts after a line break.
			z.brk = append(z.brk, int32(len(z.toks)))
		}
		z.nl = true
		z.prevSpace = true
		return i + w, ri + 1
	case isSpace(r):
		z.prevSpace = true
		return i + w, ri + 1
	}
	// The token is made in place (see lowerWord).
	t, n := z.newTok()
	*t = tok{}
	t.s, t.bs, t.nl = ri, i, z.nl
	z.nl = false
	if r < utf8.RuneSelf && isASCIIAlnum(byte(r)) || r >= utf8.RuneSelf && isWordRune(r) {
		j, rj := scanWord(text, i, ri)
		t.e, t.be, t.k, t.mk = rj, j, kWord, mkWord
		t.cap = unicode.IsUpper(r)
		// A word is valid UTF-8 (its runes are word runes and marks), so
		// it is ASCII exactly when it has as many bytes as code points.
		if w := text[i:j]; j-i == rj-ri {
			if hasASCIIUpper(w) {
				z.lb = appendASCIILower(z.lb, w)
				z.wait = append(z.wait, int32(n))
			} else {
				t.lw = w
				if isLowerAZ(w) {
					t.mk = mkPlain
				}
				z.lexWord(t, n)
			}
		} else if lb, st := appendLowerWide(z.lb, w); st == lowSame {
			t.lw = w // strings.ToLower(w) is w
			z.lexWord(t, n)
		} else if st == lowCut {
			z.lb = lb // as long as w: cutLower cuts it
			z.wait = append(z.wait, int32(n))
		} else {
			t.lw = strings.ToLower(w)
			z.lexWord(t, n)
		}
		i, ri = j, rj
	} else {
		t.e, t.be, t.k, t.mk = ri+1, i+w, kPunct, mkWide
		if r < utf8.RuneSelf {
			t.mk = byte(r)
		}
		switch r {
		case '“', '„', '«':
			t.k = kQOpen
		case '”', '»':
			t.k = kQClose
		case '"':
			if z.prevSpace || i == 0 || isOpenBracket(text[:i]) {
				t.k = kQOpen
			} else {
				t.k = kQClose
			}
		}
		if t.k != kPunct {
			z.qs = append(z.qs, int32(n))
		}
		if z.lex != nil {
			z.lexMark(t, n, text[i:i+w])
		}
		i += w
		ri++
	}
	z.prevSpace = false
	return i, ri
}

// mark appends the token of the ASCII mark c at byte i (rune index ri),
// as other would, and returns the positions after it.
func (z *tokenizer) mark(i, ri int, c byte) (int, int) {
	t, n := z.newTok()
	// Field by field in place (see lowerWord).
	t.s, t.e, t.bs, t.be = ri, ri+1, i, i+1
	t.k, t.nl, t.cap, t.fl, t.mk = kPunct, z.nl, false, 0, c
	t.lw, t.h = "", 0
	if z.lex != nil {
		t.h = punctHash[c]
		if z.pc != nil && z.pc[c] {
			t.fl = flPass1 | flCand
			z.p1 = append(z.p1, int32(n))
		}
	}
	z.nl = false
	if c == '"' {
		if z.prevSpace || i == 0 || isOpenBracket(z.text[:i]) {
			t.k = kQOpen
		} else {
			t.k = kQClose
		}
		z.qs = append(z.qs, int32(n))
	}
	z.prevSpace = false
	return i + 1, ri + 1
}

// lowBuf is tokenizeInto's working memory: the lower case of the words
// with ASCII capitals, back to back, and the indexes of those words.
type lowBuf struct {
	b    []byte
	wait []int32
}

var lowPool = sync.Pool{New: func() any { return new(lowBuf) }}

// cutLower gives the words waiting for their lower case (lw "") theirs:
// lb holds them back to back in the order of wait, each as long as the
// word (ASCII, or see appendLowerWide). Their h is 0 (other's; setLex hashes them) or capWord's.
// With lex, those of other (h 0) get their hash and flags
// (those flagged flPass1 are appended to *p1); it reports whether it
// appended any.
func cutLower(toks []tok, lb []byte, wait []int32, lex *hashMap16, p1 *[]int32) bool {
	if len(wait) == 0 {
		return false
	}
	added := false
	low := string(lb)
	off := 0
	for _, i := range wait {
		t := &toks[i]
		n := t.be - t.bs
		t.lw = low[off : off+n]
		off += n
		if lex != nil && t.h == 0 {
			t.h = hashStr(t.lw)
			f := lex.get(t.h)
			t.fl = f
			if f&flPass1 != 0 {
				*p1, added = append(*p1, i), true
			}
		}
	}
	return added
}

// isSpace is unicode.IsSpace, without the call for ASCII.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || r >= '\t' && r <= '\r'
	}
	return unicode.IsSpace(r)
}

// isLowerAZ: s is ASCII lower-case letters only (a tok.mk of mkPlain).
func isLowerAZ(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i]-'a' > 'z'-'a' {
			return false
		}
	}
	return true
}
