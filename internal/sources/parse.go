package sources

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// form is one surface form of a source, analysed for resolution.
type form struct {
	orig    string // as given, trimmed
	canon   string // what it would contribute as a canonical name
	key     string // Key(orig)
	kind    Kind
	country string // country named in the form or its role ("" if none)
	known   int    // index into knownSources, or -1

	// institutions
	coreKey string // Key of the name without its country ("national intelligence service")
	generic string // scope-free key of a description ("intelligence|South Korea"), or ""
	acronym string // the form is a bare acronym ("NIS")
	acr     string // acronym of the core's capitalised words ("NIS")

	// persons
	toks  []string // key tokens of the name without titles
	skel  string   // their phonetic skeleton
	title string   // title words that preceded the name ("South Korean President")

	// anonymous
	desc    []string // key tokens without leading determiners
	descKey string   // desc joined by single spaces

	score int32 // fullness, for the choice of canonical name

	// countryFromRole: a person whose title names no country takes the
	// country of its role, when that names one (see parseForm)
	countryFromRole bool

	// keyTaken is set by find on its own copy of a form when byKey holds
	// the form's key, which nothing between find and indexMaps removes:
	// indexMaps need not look again. Cached forms never have it set.
	keyTaken bool
	// keyFree is its opposite: find saw no source under the form's key,
	// and only indexMaps and indexPerson, which read it first, put one
	// there.
	keyFree bool
}

// skelEnds is the skeletons of the first and last name tokens, cut from
// f.skel (token skeletons have no spaces); "" for a form with no tokens.
func (f *form) skelEnds() (string, string) {
	first, last := f.skel, f.skel
	if i := strings.IndexByte(f.skel, ' '); i >= 0 {
		first, last = f.skel[:i], f.skel[strings.LastIndexByte(f.skel, ' ')+1:]
	}
	return first, last
}

// parseForm analyses a surface form. kind "" classifies it; a non-empty
// kind (from the store or the caller) is kept.
func parseForm(name, role string, kind Kind) form {
	f := parseFormBase(name, role != "", kind)
	if f.countryFromRole && role != "" {
		if _, c := countryIn(splitWords(role)); c != "" {
			f.country = c
		}
	}
	return f
}

// parseFormBase is parseForm without the country a person's role names:
// everything else depends on the role only by whether there is one.
func parseFormBase(name string, hasRole bool, kind Kind) form {
	orig := trimName(name)
	return parseFormKeyed(orig, Key(orig), hasRole, kind, nil)
}

// trimName is name without surrounding spaces, quotes and punctuation.
func trimName(name string) string {
	t, _ := trimNameAt(name)
	return t
}

// trimNameAt is trimName, and the offset in name of the name it returns.
func trimNameAt(name string) (string, int) {
	if name != "" && keepsEnd(name[0]) && keepsEnd(name[len(name)-1]) {
		return name, 0 // the usual name: nothing to trim at either end
	}
	cut := func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(`"“”«»„,;:()[]`, r)
	}
	t := strings.TrimLeftFunc(name, cut) // TrimFunc is TrimLeftFunc then TrimRightFunc
	return strings.TrimRightFunc(t, cut), len(name) - len(t)
}

// keepsEnd reports whether trimNameAt keeps the byte c at an end of a
// name: an ASCII character that is neither a space nor one it cuts.
func keepsEnd(c byte) bool {
	switch c {
	case '"', ',', ';', ':', '(', ')', '[', ']':
		return false
	}
	return c < utf8.RuneSelf && c > ' '
}

// parseFormKeyed is parseFormBase for the trimmed name orig, whose Key
// is key; the form's tokens (toks or desc) are appended to toks.
func parseFormKeyed(orig, key string, hasRole bool, kind Kind, toks []string) form {
	ws, wb := getWords(orig) // forms keep no word slices
	f := parseFormWords(orig, key, ws, hasRole, kind, toks)
	putWords(wb)
	return f
}

// parseFormWords is parseFormKeyed for the words ws of orig.
func parseFormWords(orig, key string, ws []word, hasRole bool, kind Kind, toks []string) form {
	f := form{orig: orig, key: key, known: -1}
	if kind == "" {
		role := ""
		if hasRole {
			role = "-" // classifyWords asks only whether there is a role
		}
		kind = classifyWords(ws, role)
	}
	f.kind = kind
	if i, ok := knownIndex(f.key); ok {
		f.known = i
		f.country = knownSources[i].Country
	}
	switch kind {
	case Anonymous:
		f.parseAnonymous(ws, toks)
	case Person:
		f.parsePerson(ws, toks)
	default:
		f.parseInstitution(ws)
	}
	return f
}

func (f *form) parseAnonymous(ws []word, toks []string) {
	for len(ws) > 1 && len(ws[0].key) == 1 && ws[0].is(cDeterminer) {
		ws = ws[1:]
	}
	f.desc = appendWordsTokens(toks, ws)
	f.descKey = joinedTail(f.key, f.desc)
	f.canon = lowerArticle(stripPossessiveWords(f.orig))
	_, f.country = countryIn(ws)
}

// stripPossessiveWords drops the possessive of every word ("Babel's
// sources" → "Babel sources").
func stripPossessiveWords(s string) string {
	if plainWords(s) {
		return s
	}
	fs := strings.Fields(s)
	for i, w := range fs {
		fs[i] = stripPossessive(w)
	}
	return strings.Join(fs, " ")
}

// plainWords reports whether stripPossessiveWords(s) is s: s is ASCII,
// its words are separated by single spaces with none around them, and no
// word ends in an apostrophe or an apostrophe and s.
func plainWords(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	start := 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) {
			c := s[i]
			if c >= utf8.RuneSelf || c != ' ' && asciiSpace(c) {
				return false
			}
			if c != ' ' {
				continue
			}
			if i > 0 && s[i-1] == ' ' {
				return false
			}
		}
		// the word is ASCII: stripPossessive shortens it when it ends
		// in an apostrophe or an apostrophe and s
		if w := s[start:i]; len(w) >= 2 && (w[len(w)-1] == '\'' || w[len(w)-1] == '`' ||
			(w[len(w)-1] == 's' || w[len(w)-1] == 'S') && (w[len(w)-2] == '\'' || w[len(w)-2] == '`') && len(w) > 2) {
			return false
		}
		start = i + 1
	}
	return true
}

// countryIn finds the first country form among the words.
func countryIn(ws []word) (int, string) {
	for i := range ws {
		if !ws[i].is(cCountryFirst) {
			continue // countryPrefix finds none
		}
		if n, c := countryPrefix(ws[i:]); n > 0 {
			return i, c
		}
	}
	return -1, ""
}

func (f *form) parsePerson(ws []word, toks []string) {
	// Leading titles and countries: "South Korean President Yoon Seok-yeol".
	i := 0
	for i < len(ws)-1 {
		if n, _ := countryPrefix(ws[i:]); n > 0 && i+n < len(ws)-1 && ws[i+n].is(cPersonTitle) {
			i += n
			continue
		}
		if ws[i].is(cPersonTitle) || ws[i].is(cDeterminer) && !ws[i].cap {
			i++
			continue
		}
		break
	}
	// A lower-case title noun before capitalised words: "Pentagon spokesman
	// John Kirby".
	for j := len(ws) - 2; j >= i; j-- {
		if !ws[j].cap && ws[j].is(cTitle|cAnon) && ws[j+1].cap {
			i = j + 1
			break
		}
	}
	if i >= len(ws) {
		i = 0
	}
	name := ws[i:]
	f.title = wordsOrig(ws[:i])
	f.canon = wordsOrig(name)
	f.toks = appendWordsTokens(toks, name)
	f.skel = nameSkeleton(f.toks)
	f.score = int32(len(f.toks))
	if _, c := countryIn(ws[:i]); c != "" {
		f.country = c
	} else {
		f.countryFromRole = true
	}
}

func (f *form) parseInstitution(ws []word) {
	full := ws // "The Wall Street Journal" keeps its capitalised article
	if len(ws) > 1 && ws[0].last() == "the" {
		ws = ws[1:]
		if !full[0].cap {
			full = ws
		}
	}
	var buf [64]byte
	n, c := countryPrefix(ws)
	core := ws[n:]
	dropPrefix := false
	if n > 0 {
		_, acro := isAcronymWord(wordsOrig(core))
		switch {
		case ws[n-1].poss || allLower(core) || len(core) == 0:
			dropPrefix = true
		case capitalKeys[string(appendWordsKey(buf[:0], ws[:n]))]:
			n, c = 0, ""
		case len(core) >= 2 || acro && len(core) == 1:
		default:
			n, c = 0, ""
		}
		core = ws[n:]
	}
	// "Security Service of Ukraine", "Ministry of Defence of Russia"
	if k := len(core); k >= 3 {
		for m := 1; m <= 3 && m <= k-2; m++ {
			if cc, ok := countryByKey[string(appendWordsKey(buf[:0], core[k-m:]))]; ok && core[k-m-1].last() == "of" {
				if c == "" {
					c = cc
				}
				core = core[:k-m-1]
				dropPrefix = true
				break
			}
		}
	}
	if c != "" {
		f.country = c
	}
	f.coreKey = wordsKey(core)
	if i, ok := knownIndex(f.coreKey); ok && f.known < 0 && (f.country == "" || knownSources[i].Country == "" || knownSources[i].Country == f.country) {
		f.known = i
		if f.country == "" {
			f.country = knownSources[i].Country
		}
	}
	if dropPrefix && len(core) > 0 {
		f.canon = wordsOrig(core)
	} else {
		f.canon = wordsOrig(full)
	}
	if len(core) == 0 || allLower(core) {
		f.generic = genericKey(f.kind, core, f.country)
		f.canon = wordsOrig(ws)
		f.score = 0
		return
	}
	if len(core) == 1 {
		if a, ok := isAcronymWord(core[0].orig); ok {
			f.acronym = a
			f.canon = wordsOrig(core)
			f.score = 1
			return
		}
	}
	f.acr = acronymOf(core)
	f.score = 2
	for _, w := range core {
		if w.cap && !w.is(cFunction) {
			f.score++
		}
	}
}

// genericKey names a description ("South Korean intelligence",
// "Russian authorities", "Moscow") without its scope.
func genericKey(kind Kind, core []word, country string) string {
	switch {
	case kind == Intelligence:
		return "intelligence|" + country
	case len(core) == 0:
		return "government|" + country
	case kind == Government && allAre(core, cGenericGov):
		return "government|" + country
	}
	return string(kind) + "|" + wordsKey(core) + "|" + country
}

func allLower(ws []word) bool {
	for _, w := range ws {
		if w.cap {
			return false
		}
	}
	return true
}

// allAre reports whether every word is in the lists c.
func allAre(ws []word, c wclass) bool {
	for _, w := range ws {
		if !w.is(c) {
			return false
		}
	}
	return true
}

// lowerArticle writes a sentence-initial determiner in lower case ("A
// former Russian spy" → "a former Russian spy").
func lowerArticle(c string) string {
	if r, size := utf8.DecodeRuneInString(c); size > 0 && unicode.IsUpper(r) {
		sp := strings.IndexByte(c, ' ')
		if sp < 0 {
			return c
		}
		if isDeterminer(c[:sp]) {
			return string(unicode.ToLower(r)) + c[size:]
		}
	}
	return c
}

// isDeterminer reports whether determiners holds strings.ToLower(w),
// without building it for ASCII words.
func isDeterminer(w string) bool {
	var arr [16]byte
	if len(w) > len(arr) || !isASCII(w) {
		return determiners[strings.ToLower(w)]
	}
	b := arr[:len(w)]
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return determiners[string(b)]
}
