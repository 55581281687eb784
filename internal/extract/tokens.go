package extract

import (
	"slices"
	"unicode"
	"unicode/utf8"
)

// kind classifies a token.
type kind uint8

const (
	kWord   kind = iota // letters and digits, with inner apostrophes, hyphens, "U.S."
	kPunct              // any other single code point
	kQOpen              // an opening double quotation mark
	kQClose             // a closing double quotation mark
)

// tok is one token. s and e are code-point offsets into the whole text, bs
// and be byte offsets; lw is the lower-cased word (empty for punctuation).
type tok struct {
	s, e   int
	bs, be int
	k      kind
	nl     bool   // a line break stands between the previous token and this one
	cap    bool   // the word starts with an upper-case letter
	fl     uint16 // lexicon flags of lw (flCue ...), set by setLex or tokenizeLex, and flCand
	mk     uint8  // a mark's ASCII byte, mkWide for a non-ASCII mark, mkWord or mkPlain for a word
	lw     string
	h      uint64 // hash of lw, or of the mark for punctuation (setLex)
}

// Values of tok.mk that are not an ASCII mark: mk caches the first byte
// of a mark so that tests of punctuation need not read the text.
const (
	mkWide  uint8 = 0x80 // a mark outside ASCII
	mkWord  uint8 = 0xFF // a word
	mkPlain uint8 = 0xFE // a word of ASCII lower-case letters only
)

// Lexicon flags of a word, looked up once per token (setLex) instead of
// one string map lookup per test.
const (
	flCue      uint16 = 1 << iota // cueForms
	flNoun                        // nounCue
	flPart                        // participleCue
	flAbout                       // aboutVerbs
	flDet                         // determiners
	flBoiler                      // boilerWord
	flCite                        // citeCue or "according"
	flAbbrev                      // abbrevs
	flNPStop                      // npStop
	flNPInner                     // npInner
	flPron                        // pronouns
	flTitle                       // titles
	flSubjSkip                    // subjSkip
)

var lexFlags = func() *hashMap16 {
	h := newHashMap16(1024)
	add := func(m map[string]bool, f uint16) {
		for w := range m {
			k := hashStr(w)
			h.put(k, h.get(k)|f)
		}
	}
	add(cueForms, flCue)
	add(nounCue, flNoun)
	add(participleCue, flPart)
	add(aboutVerbs, flAbout)
	add(determiners, flDet)
	add(boilerWord, flBoiler)
	add(citeCue, flCite)
	add(map[string]bool{"according": true}, flCite)
	add(abbrevs, flAbbrev)
	add(npStop, flNPStop)
	add(npInner, flNPInner)
	add(pronouns, flPron)
	add(titles, flTitle)
	add(subjSkip, flSubjSkip)
	for i, k := range h.k {
		if k != 0 && h.v[i]&(flCue|flCite) != 0 {
			h.v[i] |= flPass1
		}
	}
	return h
}()

// flCand marks a model's cue candidates in a lexicon map (see
// Model.lexCand), and in tok.fl the tokens in the candidate set of the
// model given to setLex or tokenizeLex (tok.isCand).
const flCand uint16 = 1 << 15

// flPass1 marks the tokens pass 1 looks at (with the rule cues): cue and
// citing words (flCue, flCite) and a model's candidates (flCand). The
// lexicon maps hold it with the others; setLex gives it to marks too.
const flPass1 uint16 = 1 << 14

// setLex fills each token's hash and lexicon flags, and with a model its
// candidate mark (one lookup for both). Extraction has the tokenizer do
// the same as it makes the tokens (tokenizeLex, see prepareWith); setLex
// is the plain statement of it, which the tests compare with.
func setLex(text string, toks []tok, md *Model) {
	lex := lexFlags
	var punctCand *[utf8.RuneSelf]bool // ASCII marks' candidate flags, looked up once per model
	if md != nil && md.lexCand != nil {
		lex, punctCand = md.lexCand, &md.punctCand
	}
	for i := range toks {
		t := &toks[i]
		if t.k == kWord {
			if t.h == 0 { // not hashed by the tokenizer (or hashStr is 0 again)
				t.h = hashStr(t.lw)
			}
			t.fl = lex.get(t.h)
		} else if c := text[t.bs]; c < utf8.RuneSelf {
			t.h = punctHash[c]
			if punctCand != nil && punctCand[c] {
				t.fl = flPass1 | flCand
			}
		} else {
			t.h = hashStr(text[t.bs:t.be])
			if punctCand != nil && lex.get(t.h)&flCand != 0 {
				t.fl = flPass1 | flCand
			}
		}
	}
}

// lexWord gives word token t (lw set, h 0) its hash and, with z.lex, its
// lexicon flags, as setLex would.
func (z *tokenizer) lexWord(t *tok, n int) {
	if z.lex == nil {
		return
	}
	t.h = hashStr(t.lw)
	f := z.lex.get(t.h)
	t.fl = f
	if f&flPass1 != 0 {
		z.p1 = append(z.p1, int32(n))
	}
}

// lexMark gives mark token t (the code point m) its hash and candidate
// flag, as setLex would.
func (z *tokenizer) lexMark(t *tok, n int, m string) {
	cand := false
	if c := m[0]; c < utf8.RuneSelf {
		t.h = punctHash[c]
		cand = z.pc != nil && z.pc[c]
	} else {
		t.h = hashStr(m)
		cand = z.pc != nil && z.lex.get(t.h)&flCand != 0
	}
	if cand {
		t.fl = flPass1 | flCand
		z.p1 = append(z.p1, int32(n))
	}
}

// punctHash holds hashStr of each one-byte (ASCII) mark.
var punctHash = func() (h [utf8.RuneSelf]uint64) {
	for c := range h {
		h[c] = hashStr(string(rune(c)))
	}
	return h
}()

func hasASCIIUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' {
			return true
		}
	}
	return false
}

func appendASCIILower(b []byte, s string) []byte {
	n := len(b)
	b = append(b, s...)
	for i, c := range b[n:] {
		b[n+i] = lowerASCII[c]
	}
	return b
}

// What appendLowerWide found.
const (
	lowSame  = iota // the word is its own lower case
	lowCut          // its lower case, as many bytes long, is appended
	lowOther        // neither (a rune's lower case is longer or shorter, or invalid UTF-8)
)

// appendLowerWide appends strings.ToLower(w) to b when that is as long as
// w and not w itself (lowCut); else it returns b as it was, with lowSame
// when w is its own lower case. It spares the words outside ASCII ("it’s",
// "Trump’s") strings.ToLower's allocation.
func appendLowerWide(b []byte, w string) ([]byte, int) {
	n, same := len(b), true
	for _, r := range w {
		if r < utf8.RuneSelf {
			c := lowerASCII[r]
			same = same && c == byte(r)
			b = append(b, c)
			continue
		}
		l := unicode.ToLower(r)
		if r == utf8.RuneError || utf8.RuneLen(l) != utf8.RuneLen(r) {
			return b[:n], lowOther // invalid UTF-8 or a new length: strings.ToLower
		}
		same = same && l == r
		b = utf8.AppendRune(b, l)
	}
	if same {
		return b[:n], lowSame
	}
	return b, lowCut
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

func isOpenBracket(before string) bool {
	r, _ := utf8.DecodeLastRuneInString(before)
	return r == '(' || r == '[' || r == '{' || r == '—' || r == '–'
}

// isASCIIAlnum: the byte is an ASCII letter or digit (isWordRune for ASCII).
func isASCIIAlnum(c byte) bool { return byteClass[c]&bcAlnum != 0 }

// Classes of a byte in byteClass.
const (
	bcAlnum  = 1 << iota // an ASCII letter or digit
	bcGoesOn             // after a-z, the word may go on (lowerWord): alnum, ', - or non-ASCII
	bcMark               // an ASCII mark: not alphanumeric, no space or line break
)

// byteClass holds the classes of each byte value.
var byteClass = func() (t [256]uint8) {
	for c := range t {
		b := byte(c)
		if b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' {
			t[c] |= bcAlnum | bcGoesOn
		}
		if b >= 0x80 || b == '\'' || b == '-' {
			t[c] |= bcGoesOn
		}
		if b < 0x80 && t[c]&bcAlnum == 0 && b != ' ' && !(b >= '\t' && b <= '\r') {
			t[c] |= bcMark
		}
	}
	return t
}()

// lowerASCII maps each byte to its ASCII lower case (others unchanged).
var lowerASCII = func() (t [256]byte) {
	for c := range t {
		t[c] = byte(c)
		if c >= 'A' && c <= 'Z' {
			t[c] += 'a' - 'A'
		}
	}
	return t
}()

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIIAlnum(byte(r))
	}
	if r < 0x300 { // no combining marks below U+0300
		return unicode.IsLetter(r) || unicode.IsDigit(r)
	}
	if r >= 0x2000 && r < 0x2070 {
		return false // General Punctuation (typographic quotes, dashes): no word rune
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// scanWord reads a word starting at byte i (rune index ri) and returns the
// byte and rune index one past it. Inner apostrophes and hyphens between word
// characters, thousands separators and decimal points between digits, and the
// periods of dotted abbreviations ("U.S.", "e.g.") stay inside the word.
func scanWord(text string, i, ri int) (int, int) {
	segLen := 0 // letters since the last period inside the word
	dotted := false
	var prev rune
	for i < len(text) {
		if c := text[i]; c < utf8.RuneSelf {
			if isASCIIAlnum(c) {
				// An ASCII letter or digit: a word rune, no decoding.
				i++
				ri++
				segLen++
				prev = rune(c)
				continue
			}
			if c != '\'' && c != '-' && c != ',' && c != '.' {
				break // no rule below applies to it
			}
		}
		r, w := utf8.DecodeRuneInString(text[i:])
		if isWordRune(r) {
			i += w
			ri++
			segLen++
			prev = r
			continue
		}
		next, nw := utf8.DecodeRuneInString(text[i+w:])
		_ = nw
		switch r {
		case '\'', '’', '-', '‐', '‑':
			if i+w < len(text) && isWordRune(next) {
				i += w
				ri++
				segLen = 0
				continue
			}
		case ',', '.':
			if unicode.IsDigit(prev) && i+w < len(text) && unicode.IsDigit(next) {
				i += w
				ri++
				continue
			}
			if r == '.' && segLen == 1 && unicode.IsLetter(prev) {
				// "U.S." / "e.g.": single letters separated by periods.
				if i+w < len(text) && unicode.IsLetter(next) {
					if after, _ := utf8.DecodeRuneInString(text[i+w+nw:]); !isWordRune(after) {
						i += w
						ri++
						segLen = 0
						dotted = true
						continue
					}
				}
				if dotted {
					return i + w, ri + 1
				}
			}
		}
		break
	}
	return i, ri
}

// isPunct reports whether t is the punctuation mark r.
func (t *tok) is(text string, r rune) bool {
	if r < utf8.RuneSelf {
		return t.mk == byte(r) // an ASCII byte is always that rune; a word's mk is no ASCII byte
	}
	return t.mk == mkWide && t.wideIs(text, r) // else a word, or r is not ASCII
}

// wideIs: the non-ASCII mark t is r (out of line, so that is inlines).
func (t *tok) wideIs(text string, r rune) bool {
	c, _ := utf8.DecodeRuneInString(text[t.bs:])
	return c == r
}

// isCand: t is in the candidate set of the model its lexicon flags came
// from (flCand).
func (t *tok) isCand() bool { return t.fl&flCand != 0 }

// runeAt returns the first code point of t.
func (t *tok) first(text string) rune {
	c, _ := utf8.DecodeRuneInString(text[t.bs:])
	return c
}

// newTok appends a token to z.toks and returns it, to be written in place
// (a tok literal appended is built on the stack and copied), and its
// index. Its fields are what the slice's memory held: the caller sets them
// all. run keeps room for the token of each trip (grow), and no trip
// makes more than one, so that no call (and no spilling of the callers'
// registers around one) is on this path.
func (z *tokenizer) newTok() (*tok, int) {
	n := len(z.toks)
	z.toks = z.toks[:n+1]
	return &z.toks[n], n
}

// grow makes room for one more token in z.toks.
//
//go:noinline
func (z *tokenizer) grow() { z.toks = slices.Grow(z.toks, 1) }
