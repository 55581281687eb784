package extract

// rng is a half-open range of token indexes.
type rng struct{ a, b int }

func (r rng) empty() bool { return r.b <= r.a }

// rawHop is a further source named inside the attribution ("citing Y").
type rawHop struct{ src, cue rng }

// raw is one attribution found in a sentence, in token ranges.
type raw struct {
	src     rng // the subject phrase; empty when the source is implicit
	appos   rng // an apposition of the subject (role or name)
	rel     rng // the antecedent of a relative "who" source
	cue     rng
	content []rng
	quote   bool
	hops    []rawHop
	lead    rng  // a clause before ", and X said" that is the outlet's own
	coord   rng  // a reporting verb coordinated after the content, to the sentence's end
	meta    bool // the content is only "this"/"so": the speaker is named, nothing new is said
}

// matcher holds one text's tokens while its sentences are matched.
type matcher struct {
	text    string
	toks    []tok
	closeOf []int
	cands   *Model // the model whose candidates tokenizeLex marked (tok.isCand), or nil
	rs      []rng  // one's chunk
}

// one returns a slice holding only g (capped: appending copies), carved
// from a chunk that serves many: the contents of raw matches, which live
// until their claims are built in the same extraction.
func (m *matcher) one(g rng) []rng {
	if len(m.rs) == cap(m.rs) {
		m.rs = make([]rng, 0, 256)
	}
	m.rs = append(m.rs, g)
	k := len(m.rs)
	return m.rs[k-1 : k : k]
}

// match finds the first attribution of sentence s, trying cues in text
// order and skipping quoted stretches.
func (m *matcher) match(s sent) (raw, bool) {
	toks := m.toks
	for i := s.a; i < s.b; i++ {
		// Every case below needs a flagged word ("according" is flCite):
		// the others, but for quotes, are skipped in a loop of their own.
		for ; i < s.b && toks[i].k != kQOpen && (toks[i].k != kWord || toks[i].fl&(flCite|flAbout|flCue) == 0); i++ {
		}
		if i >= s.b {
			break
		}
		t := &toks[i]
		if t.k == kQOpen {
			i = max(i, m.closeOf[i]) // past a paired quote
			continue
		}
		if t.lw == "according" && m.word(i+1, "to") {
			if r, ok := m.according(s, i); ok {
				return r, true
			}
			continue
		}
		if t.fl&flAbout != 0 && m.word(i+1, "about") {
			if r, ok := m.verb(s, i, i+2); ok {
				return r, true
			}
			continue
		}
		if t.fl&flCue == 0 || t.fl&flPart != 0 || (t.cap && i > s.a) {
			continue
		}
		if t.fl&flNoun != 0 && !m.clauseFollows(s, i+1) {
			continue
		}
		if i > s.a && m.toks[i-1].k == kWord && m.toks[i-1].fl&flDet != 0 {
			continue // "the reported figure"
		}
		if r, ok := m.verb(s, i, i+1); ok {
			return r, true
		}
	}
	return m.colon(s)
}

// participle splits ", saying/adding that Z" off the end of r's content:
// the same source says Z (PolNeAR annotates it as a second relation).
func (m *matcher) participle(r *raw) (raw, bool) {
	if len(r.content) == 0 {
		return raw{}, false
	}
	c := &r.content[len(r.content)-1]
	for j := c.a + 1; j < c.b-1; j++ {
		if m.toks[j].k == kQOpen && m.closeOf[j] > j {
			j = m.closeOf[j]
			continue
		}
		if m.punctA(j, ',') && m.toks[j+1].k == kWord && participleCue[m.toks[j+1].lw] {
			r2 := raw{src: r.src, appos: r.appos, cue: rng{j + 1, j + 2}, content: m.one(rng{j + 2, c.b})}
			if m.word(j+2, "that") {
				r2.content[0].a = j + 3
			}
			c.b = j
			m.finish(r)
			m.finish(&r2)
			return r2, len(r2.content) > 0 && len(r.content) > 0
		}
	}
	return raw{}, false
}

// clauseFollows: the token at i starts a reported clause or ends the clause.
func (m *matcher) clauseFollows(s sent, i int) bool {
	if i >= s.b || m.word(i, "that") || m.punctA(i, ':') || m.punctA(i, ',') || m.toks[i].k == kQOpen {
		return true
	}
	return isStop(m.text, &m.toks[i])
}

// according handles "according to X, Y", "Y, according to X" and
// "Y, according to X, Z".
func (m *matcher) according(s sent, i int) (raw, bool) {
	r := raw{cue: rng{i, i + 2}}
	e := m.end(s)
	j := i + 2
	for j < e && !m.punctA(j, ',') {
		if m.toks[j].k == kQOpen && m.closeOf[j] > j {
			j = m.closeOf[j]
		}
		j++
	}
	r.src = rng{i + 2, j}
	if r.src.empty() || j-i > 14 {
		return r, false
	}
	pre := rng{s.a, i}
	if m.punctA(i-1, ',') {
		pre.b = i - 1
	}
	post := rng{j + 1, e}
	if j >= e {
		post = rng{e, e}
	}
	if !pre.empty() && (post.b-post.a < 3 || pre.b-pre.a >= 4) {
		r.content = append(r.content, pre)
	}
	if post.b-post.a >= 1 {
		r.content = append(r.content, post)
	}
	if len(r.content) == 0 {
		return r, false
	}
	if r.content[len(r.content)-1].a > i {
		m.cutTail(&r)
	}
	m.finish(&r)
	return r, true
}

// verb handles a reporting verb at [i, ce): a subject on its left, then the
// content either after the cue ("X said (that) Y") or before the subject
// ("Y, X said"; "\"Y,\" X said"), or an inverted subject ("Y, said X").
func (m *matcher) verb(s sent, i, ce int) (raw, bool) {
	r := raw{cue: rng{i, ce}}
	e := m.end(s)
	ok := m.subject(s, i, &r)
	if !ok {
		// Inversion: "\"Y,\" said X" / "Y, said X".
		k := i - 1
		if k <= s.a || !(m.punctA(k, ',') || m.toks[k].k == kQClose) {
			return r, false
		}
		j := ce
		for j < e && !m.punctA(j, ',') && j-ce < 10 {
			j++
		}
		if j == ce {
			return r, false
		}
		r.src = rng{ce, j}
		if j < e && m.punctA(j, ',') {
			r.appos = rng{j + 1, e}
		}
		if m.punctA(k, ',') {
			r.content = m.one(rng{s.a, k})
		} else {
			r.content = m.one(rng{s.a, k + 1})
		}
		m.finish(&r)
		return r, true
	}
	// Right side: skip an object and trailers up to "that" or ":".
	right := ce
	if right < e && m.punctA(right, ',') && m.word(right+1, "citing") {
		c := right + 2
		for c < e && !m.punctA(c, ',') {
			c++
		}
		r.hops = append(r.hops, rawHop{src: rng{right + 2, c}, cue: rng{right + 1, right + 2}})
		right = c
	}
	hasThat := false
	for j := right; j < e && j-right < 12; j++ {
		if m.toks[j].k == kQOpen {
			break
		}
		if m.word(j, "that") || m.punctA(j, ':') {
			right, hasThat = j+1, true
			break
		}
	}
	if !hasThat && m.toks[i].lw == "told" {
		for j := right; j < e && j-right < 5; j++ {
			if m.toks[j].k == kWord && (m.toks[j].fl&flPron != 0) {
				right = j
				break
			}
		}
	}
	for right < e && m.punctA(right, ',') {
		right++
	}
	rightWords := e - right
	left := rng{s.a, r.src.a}
	leftOK := r.src.a > s.a && (m.punctA(r.src.a-1, ',') || m.toks[r.src.a-1].k == kQClose)
	if leftOK && m.punctA(left.b-1, ',') {
		left.b--
	}
	if leftOK && left.b-left.a < 3 && !(m.toks[left.a].k == kQOpen) {
		leftOK = false
	}
	if !r.lead.empty() {
		leftOK = false
	}
	if leftOK && !hasThat && m.toks[left.a].k != kQOpen && m.quoteAfter(ce, e) && !m.hasQuoteIn(left) {
		// "In an interview, X said, \"...\"": the quotation is the content;
		// the clause before it only sets the scene.
		leftOK = false
	}
	switch {
	case leftOK && !hasThat && (rightWords <= 6 || m.punctA(ce, ',')):
		r.content = m.one(left)
		// "\"A,\" X said, \"B.\"": the quote goes on after the cue.
		for j := ce; j < e; j++ {
			if m.toks[j].k == kQOpen && m.closeOf[j] > j {
				r.content = append(r.content, rng{j, m.closeOf[j] + 1})
				break
			}
		}
	case rightWords > 0:
		if !hasThat {
			right = m.skipLead(right, e)
		}
		r.content = m.one(rng{right, e})
		if m.word(right, "the") && m.word(right+1, "fact") && m.word(right+2, "that") {
			r.content[0].a = right + 3
		}
		if rightWords <= 2 && (m.word(right, "this") || m.word(right, "so") || m.word(right, "it")) ||
			(!hasThat && (m.word(right, "this") || m.word(right, "so"))) {
			r.meta = true
		}
	default:
		return r, false
	}
	if r.content[0].a >= ce {
		if k := m.cutTail(&r); k >= 0 {
			r.coord = rng{k, e}
		}
	}
	m.cutCiting(&r)
	m.finish(&r)
	return r, true
}

// cutCiting moves a trailing ", citing Y" out of the last content fragment
// into a hop.
func (m *matcher) cutCiting(r *raw) {
	c := &r.content[len(r.content)-1]
	for j := c.a + 1; j < c.b-1; j++ {
		if m.toks[j].k == kQOpen && m.closeOf[j] > j {
			j = m.closeOf[j]
			continue
		}
		if m.punctA(j, ',') && m.toks[j+1].k == kWord && citeCue[m.toks[j+1].lw] {
			r.hops = append(r.hops, rawHop{src: rng{j + 2, c.b}, cue: rng{j + 1, j + 2}})
			c.b = j
			return
		}
	}
}

// finish trims punctuation and "that" from the content fragments and marks
// a content that is one whole quotation as a direct quote, without marks.
func (m *matcher) finish(r *raw) {
	out := r.content[:0]
	allQuote := true
	for _, c := range r.content {
		for c.a < c.b && (m.punctA(c.a, ',') || m.punctA(c.a, ':') || m.punct(c.a, '—') || m.word(c.a, "that")) {
			c.a++
		}
		for c.b > c.a && (m.punctA(c.b-1, ',') || m.punctA(c.b-1, ':') || m.punctA(c.b-1, ';') || m.finalStop(c.b-1)) {
			c.b--
		}
		if c.empty() {
			continue
		}
		if m.toks[c.a].k == kQOpen && m.closeOf[c.a] == c.b-1 {
			c.a++
			c.b--
			for c.b > c.a && (m.punctA(c.b-1, ',') || m.punctA(c.b-1, ':')) {
				c.b--
			}
		} else {
			allQuote = false
		}
		if !c.empty() {
			out = append(out, c)
		}
	}
	r.content = out
	r.quote = allQuote && len(out) > 0
}

// colon handles a quotation introduced by a colon without a reporting verb
// ("But he named several conditions: \"...\"") and headlines "X: Y".
func (m *matcher) colon(s sent) (raw, bool) {
	if !m.hasMark(s, ':') {
		return raw{}, false // what the loop below finds without one
	}
	e := m.end(s)
	c := -1
	for i := s.a; i < e; i++ {
		if m.toks[i].k == kQOpen && m.closeOf[i] > i {
			i = m.closeOf[i]
			continue
		}
		if m.punctA(i, ':') {
			c = i
			break
		}
	}
	if c <= s.a || c+1 >= e {
		return raw{}, false
	}
	st := s.a
	for st < c && m.toks[st].k == kWord && (m.toks[st].lw == "but" || m.toks[st].lw == "and" || m.toks[st].lw == "so") {
		st++
	}
	r := raw{cue: rng{c, c + 1}}
	q := c + 1
	if m.toks[q].k == kQOpen && m.closeOf[q] >= e-1 {
		if (m.toks[st].fl&flPron != 0) && m.toks[st].k == kWord {
			r.src = rng{st, st + 1}
		} else if n := m.capRun(st, c); n > 0 {
			r.src = rng{st, st + n}
		} else {
			return r, false
		}
		r.content = m.one(rng{q, e})
		m.finish(&r)
		return r, r.quote
	}
	// Headline "X: Y": a short capitalised name, no final stop.
	if s.b == e && c-st <= 4 && m.capRun(st, c) == c-st && !labels[m.toks[st].lw] {
		r.src = rng{st, c}
		r.content = m.one(rng{c + 1, e})
		m.finish(&r)
		return r, len(r.content) > 0
	}
	return r, false
}

// labels are capitalised words that open page furniture, not a speaker.
var labels = set("photo", "update", "updated", "note", "editor's", "read", "watch",
	"related", "source", "sources", "video", "image", "credit", "listen", "see", "also",
	"breaking", "live", "opinion", "analysis", "correction", "q", "a")

// capRun counts capitalised words (with inner hyphens) from i, before lim.
func (m *matcher) capRun(i, lim int) int {
	n := 0
	for i+n < lim && ((m.toks[i+n].k == kWord && m.toks[i+n].cap) || m.punctA(i+n, '-')) {
		n++
	}
	return n
}

// quoteAfter: a quotation opens right after the cue at ce (after a comma
// or colon) and runs to the sentence's end e.
func (m *matcher) quoteAfter(ce, e int) bool {
	q := ce
	for q < e && (m.punctA(q, ',') || m.punctA(q, ':')) {
		q++
	}
	return q < e && m.toks[q].k == kQOpen && m.closeOf[q] >= e-1
}

// hasQuoteIn: r holds a quotation mark.
func (m *matcher) hasQuoteIn(r rng) bool {
	for i := r.a; i < r.b; i++ {
		if k := m.toks[i].k; k == kQOpen || k == kQClose {
			return true
		}
	}
	return false
}
