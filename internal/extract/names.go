package extract

import "strings"

// entity is a named source seen earlier in the article, for coreference.
type entity struct {
	name, role string
	key        string   // letters only, lower case: folds "Seok-yeol"/"Seok Yeol"
	words      []string // lower-case name words, for surname matches
	country    string   // from the role or the name ("South Korean", "South Korea's")
	classes    string   // role classes of role and name words, e.g. "hos body"
	person     bool
	low        string // lower-case role (as first learned) and name: country and classes come from it
	facts      bool   // country and classes are set (see setFacts)
}

// setFacts computes the entity's country and role classes on first need:
// only descriptions ("the agency") look at them.
func (e *entity) setFacts() {
	if !e.facts {
		e.country, e.classes, e.facts = country(e.low), classes(e.low), true
	}
}

// corefs remembers the article's named sources, most recent last.
type corefs struct {
	ents []entity
	kb   []byte   // scratch for a name's key
	wbuf []string // the entities' words, back to back (cleared with ents)
}

// resolved is a source phrase after name/role splitting and coreference.
type resolved struct {
	name, role string
	doc        bool // a description of a document ("the agreement")
}

func (m *matcher) str(r rng) string {
	if r.empty() {
		return ""
	}
	return m.text[m.toks[r.a].bs:m.toks[r.b-1].be]
}

// resolve turns a subject phrase (and its apposition) into a source name
// and role, resolving pronouns, definite descriptions and surnames against
// the sources named before, and remembers new names.
func (c *corefs) resolve(m *matcher, src, appos rng) resolved {
	if !appos.empty() {
		a, s := m.str(appos), m.str(src)
		if m.isName(appos) && !m.isName(src) {
			return c.learn(m, appos, stripDet(s))
		}
		if m.isName(src) && !startsLower(m, appos) {
			return c.learn(m, src, "")
		}
		return c.learn(m, src, stripDet(a))
	}
	if src.b-src.a == 1 && (m.toks[src.a].fl&flPron != 0) {
		return c.pronoun(m.str(src), m.toks[src.a].lw)
	}
	if d, ok := c.description(m, src); ok {
		return d
	}
	return c.learn(m, src, "")
}

func startsLower(m *matcher, r rng) bool {
	t := &m.toks[r.a]
	return t.k == kWord && (!t.cap || (t.fl&flDet != 0))
}

// isName: every word is capitalised (apart from inner "of", "the", "and").
func (m *matcher) isName(r rng) bool {
	if r.empty() {
		return false
	}
	caps := 0
	for i := r.a; i < r.b; i++ {
		t := &m.toks[i]
		if t.k != kWord {
			continue
		}
		if i == r.a && (t.fl&flDet != 0) {
			continue
		}
		if t.cap {
			caps++
			continue
		}
		if i > r.a && (t.lw == "of" || t.lw == "the" || t.lw == "and" || t.lw == "for") {
			continue
		}
		return false
	}
	return caps > 0
}

func stripDet(s string) string {
	for _, d := range []string{"the ", "The ", "a ", "A ", "an ", "An "} {
		if strings.HasPrefix(s, d) {
			return s[len(d):]
		}
	}
	return s
}

// split separates a role from a name inside one phrase: a title before a
// name ("South Korean President X"), a possessive ("South Korea's X"), or a
// lower-case descriptor before a name ("The American newspaper X").
func (m *matcher) split(r rng) (name, role string) {
	cut := -1 // last token of the role
	for i := r.a; i < r.b-1; i++ {
		t := &m.toks[i]
		if t.k != kWord {
			continue
		}
		lw := strings.TrimSuffix(t.lw, ".")
		switch {
		case strings.HasSuffix(lw, "'s") || strings.HasSuffix(lw, "’s") || strings.HasSuffix(lw, "ʼs"):
			if m.isName(rng{i + 1, r.b}) {
				cut = i
			}
		case len(lw) == len(t.lw) && t.fl&flTitle != 0 || len(lw) < len(t.lw) && titles[lw]: // setLex flagged lw itself
			nx := i + 1
			if m.punctA(nx, '.') {
				nx++
			}
			if nx < r.b && m.capAt(nx) && m.isName(rng{nx, r.b}) && !(m.toks[nx].fl&flTitle != 0) {
				cut = i
			}
		case !t.cap && !(t.fl&flDet != 0) && m.isName(rng{i + 1, r.b}):
			cut = i
		}
	}
	if cut < 0 {
		return m.str(r), ""
	}
	nameStart := cut + 1
	for nameStart < r.b && m.toks[nameStart].k != kWord {
		nameStart++
	}
	role = stripDet(m.text[m.toks[r.a].bs:m.toks[cut].be])
	if m.punctA(cut+1, '.') {
		role += "."
	}
	return m.str(rng{nameStart, r.b}), role
}

// learn registers a name (or finds it again) and returns it resolved.
func (c *corefs) learn(m *matcher, r rng, role string) resolved {
	name, r2 := m.split(r)
	if role == "" {
		role = r2
	}
	c.kb = appendFoldKey(c.kb[:0], name)
	one, single := singleWord(name)
	for i := len(c.ents) - 1; i >= 0; i-- {
		e := &c.ents[i]
		if e.key == string(c.kb) || (single && e.person && containsFold(e.words, one)) {
			if role != "" && e.role == "" {
				e.role = role
			}
			// Move it to the end (most recent), in place.
			got := *e
			copy(c.ents[i:], c.ents[i+1:])
			c.ents[len(c.ents)-1] = got
			return resolved{name: got.name, role: got.role}
		}
	}
	var low, lowName, key string // lower case of role + " " + name, of name; the key
	var words []string
	if isASCII(role) && isASCII(name) {
		// One string for the three, cut without copying (ASCII keeps
		// lengths), and the words in the entities' shared array.
		var b strings.Builder
		b.Grow(len(role) + 1 + len(name) + len(c.kb))
		writeASCIILower(&b, role)
		b.WriteByte(' ')
		writeASCIILower(&b, name)
		b.Write(c.kb)
		all := b.String()
		low, key = all[:len(all)-len(c.kb)], all[len(all)-len(c.kb):]
		lowName = low[len(role)+1:]
		k := len(c.wbuf)
		c.wbuf = appendNameWords(c.wbuf, lowName)
		if len(c.wbuf) > k {
			words = c.wbuf[k:len(c.wbuf):len(c.wbuf)]
		}
	} else {
		words = strings.Fields(strings.ToLower(strings.ReplaceAll(name, "-", " ")))
		low = strings.ToLower(role + " " + name)
		lowName = strings.ToLower(name)
		key = string(c.kb)
	}
	e := entity{name: name, role: role, key: key, words: words, low: low}
	e.person = isPerson(name, lowName, words)
	c.ents = append(c.ents, e)
	return resolved{name: name, role: role}
}

func contains(ws []string, w string) bool {
	for _, x := range ws {
		if x == w {
			return true
		}
	}
	return false
}

// isPerson: the name (lowName its lower case, words its lower-case words)
// looks like a person's: a few capitalised words that are not an
// organisation, an agency or a nationality.
func isPerson(name, lowName string, words []string) bool {
	if len(words) == 0 || len(words) > 4 {
		return false
	}
	for _, w := range words {
		switch f := personWord[w]; {
		case f&pwOrg != 0:
			return false
		case f&pwDemonym != 0 && len(words) == 1:
			return false
		}
	}
	if _, ok := demonyms[lowName]; ok {
		return false
	}
	for first := range strings.FieldsSeq(name) {
		if isASCII(first) {
			for i := 0; i < len(first); i++ {
				if first[i] >= 'A' && first[i] <= 'Z' {
					return true // capitalised
				}
			}
			return false
		}
		return first != strings.ToLower(first) // capitalised
	}
	return false
}

// country finds a country named or implied in a lower-cased phrase,
// preferring a two-word match ("south korean") over one word ("korean").
func country(low string) string {
	best := ""
	prev := "" // the previous word, trimmed, when it can open a demonym of two words
	for w := range strings.FieldsSeq(low) {
		w = trimPossessive(strings.Trim(w, ",."))
		if prev != "" {
			if c, ok := demonyms[prev+" "+w]; ok {
				return c
			}
		}
		if c, ok := demonyms[w]; ok && best == "" {
			best = c
		}
		prev = ""
		if demonymFirst[w] {
			prev = w
		}
	}
	return best
}

// demonymFirst holds the first words of the demonyms of several words.
var demonymFirst = func() map[string]bool {
	out := map[string]bool{}
	for k := range demonyms {
		if i := strings.IndexByte(k, ' '); i > 0 {
			out[k[:i]] = true
		}
	}
	return out
}()

func trimPossessive(w string) string {
	for _, p := range []string{"'s", "’s", "ʼs"} {
		w = strings.TrimSuffix(w, p)
	}
	return w
}

func containsWord(s, w string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		j += i
		end := j + len(w)
		if (j == 0 || !isWordByte(s[j-1])) && (end == len(s) || !isWordByte(s[end]) || strings.HasPrefix(s[end:], "'s") || strings.HasPrefix(s[end:], "ʼs") || strings.HasPrefix(s[end:], "’s")) {
			return true
		}
		i = j + 1
	}
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b >= 'A' && b <= 'Z'
}

func classes(low string) string {
	out, n := "", 0
	var b strings.Builder
	for w := range strings.FieldsSeq(low) {
		if cl, ok := roleClass[strings.Trim(w, ".,")]; ok {
			switch n {
			case 0:
				out = cl
			case 1:
				b.WriteString(out)
				fallthrough
			default:
				b.WriteByte(' ')
				b.WriteString(cl)
			}
			n++
		}
	}
	if n > 1 {
		return b.String()
	}
	return out
}

// pronoun resolves he/she to the latest person, it to the latest
// organisation, they to the latest source of either kind.
func (c *corefs) pronoun(text, lw string) resolved {
	for i := len(c.ents) - 1; i >= 0; i-- {
		e := &c.ents[i]
		switch {
		case (lw == "he" || lw == "she") && e.person,
			lw == "it" && !e.person,
			lw == "they":
			return resolved{name: e.name, role: e.role}
		}
	}
	return resolved{name: text}
}

// description resolves "the South Korean leader", "the agency": a phrase
// opening with "the", lower-case apart from nationality words, whose head
// noun has a role class; it matches the latest source of the same class
// (and the same country when the phrase names one).
func (c *corefs) description(m *matcher, r rng) (resolved, bool) {
	if !m.word(r.a, "the") || r.b-r.a < 2 {
		return resolved{}, false
	}
	head := m.toks[r.b-1].lw
	if documents[head] {
		return resolved{name: m.str(r), doc: true}, true
	}
	cl, ok := roleClass[head]
	if !ok {
		return resolved{}, false
	}
	low := strings.ToLower(m.str(r))
	ctry := country(low)
	for i := r.a + 1; i < r.b; i++ {
		t := &m.toks[i]
		if t.k == kWord && t.cap && !demonymWords[strings.TrimSuffix(strings.TrimSuffix(t.lw, "'s"), "’s")] {
			return resolved{}, false // a name, not a description
		}
	}
	for i := len(c.ents) - 1; i >= 0; i-- {
		e := &c.ents[i]
		e.setFacts()
		if !strings.Contains(e.classes, cl) && !(cl == "body" && !e.person) {
			continue
		}
		if ctry != "" && e.country != ctry {
			continue
		}
		return resolved{name: e.name, role: e.role}, true
	}
	return resolved{name: m.str(r)}, true
}

// demonymWords holds every word of the demonym table's keys.
var demonymWords = func() map[string]bool {
	m := map[string]bool{}
	for k := range demonyms {
		for _, w := range strings.Fields(k) {
			m[w] = true
		}
	}
	return m
}()
