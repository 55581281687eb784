package extract

import "strings"

// Content boundary rules for a content on the right of its cue ("X said
// Y"). Each was checked on PolNeAR train (held-out articles): the content
// of a reporting verb is the reported clause, not the verb's other
// complements or the clauses coordinated after it.

// skipLead moves the start of a right-side content without "that" past
// the cue's other complements: "told the Post, \"...\"" and "said in a
// statement, \"...\"" start at the quotation; "reported on Monday, Y"
// starts at Y; "wrote recently about Y" at Y.
func (m *matcher) skipLead(right, e int) int {
	// A quotation after a comma within a short complement.
	for q := right; q < e && q-right < 16; q++ {
		t := &m.toks[q]
		if t.k == kQOpen {
			if q > right && m.punctA(q-1, ',') && m.closeOf[q] > q {
				return q
			}
			break
		}
		if m.word(q, "that") || isStop(m.text, t) || t.k == kWord && t.fl&flCue != 0 {
			break // a clause of its own, or another reporting verb
		}
	}
	j := right
	for j < e && m.toks[j].k == kWord && !m.toks[j].cap && (isLyAdverb(m.toks[j].lw) || timeWord[m.toks[j].lw]) {
		j++
	}
	if m.word(j, "about") && j+1 < e && m.toks[j+1].k == kWord {
		return j + 1
	}
	// A short time or place complement closed by a comma.
	if j < e && m.toks[j].k == kWord && leadPrep[m.toks[j].lw] {
		for k := j + 1; k < e && k-j <= 5; k++ {
			t := &m.toks[k]
			if m.punctA(k, ',') {
				if k+1 < e {
					return k + 1
				}
				break
			}
			if t.k != kWord || t.fl&flCue != 0 || m.word(k, "that") {
				break
			}
		}
	}
	if j > right && j < e && m.toks[j].k == kWord {
		return j
	}
	return right
}

// timeWord are adverbs of time that can follow a reporting verb.
var timeWord = set("today", "yesterday", "tonight", "monday", "tuesday", "wednesday",
	"thursday", "friday", "saturday", "sunday", "again", "later", "earlier", "recently",
	"also", "then", "once", "previously")

// leadPrep open a time or place complement after a reporting verb.
var leadPrep = set("on", "in", "at", "during", "last", "this", "earlier", "late", "early", "over", "before", "after")

// cutTail ends the last content fragment before a clause that is not part
// of what was reported: ", <participle> ..." ("..., leaving some to
// question"), ", and|but <verb>ed ..." (a second predicate of the
// speaker's) and ", <relative> ..." after a quotation. It returns the
// token where a coordinated reporting verb of the same speaker stands
// ("but added, \"...\""), or -1.
func (m *matcher) cutTail(r *raw) int {
	if len(r.content) == 0 {
		return -1
	}
	c := &r.content[len(r.content)-1]
	for j := c.a + 1; j < c.b-1; j++ {
		t := &m.toks[j]
		if t.k == kQOpen && m.closeOf[j] > j {
			j = m.closeOf[j]
			continue
		}
		conj := m.word(j, "and") || m.word(j, "but")
		if !m.punctA(j, ',') && !conj {
			continue
		}
		k := j + 1
		if !conj && (m.word(k, "and") || m.word(k, "but")) {
			k++
			conj = true
		}
		for k < c.b && m.toks[k].k == kWord && !m.toks[k].cap && (isLyAdverb(m.toks[k].lw) || (m.toks[k].fl&flSubjSkip != 0)) {
			k++
		}
		if k >= c.b-1 || m.toks[k].k != kWord || m.toks[k].cap {
			continue
		}
		w := m.toks[k].lw
		switch {
		case conj && m.toks[k].fl&flCue != 0 && m.toks[k].fl&flNoun == 0 && m.toks[k].fl&flPart == 0:
			c.b = j
			return k
		case !conj && m.punctA(j, ',') && m.toks[k].fl&flPart == 0 && ingForm(w) && k+1 < c.b && m.toks[k+1].k == kWord:
			c.b = j
			return -1
		case conj && strings.HasSuffix(w, "ed") && len(w) > 4 && k+1 < c.b && m.toks[k+1].k == kWord && !m.word(k+1, "by"):
			c.b = j
			return -1
		}
	}
	return -1
}

// ingForm: a present participle ("leaving", "suggesting"), not a noun in
// -ing that often follows a comma.
func ingForm(w string) bool {
	return len(w) > 5 && strings.HasSuffix(w, "ing") && !ingNoun[w]
}

var ingNoun = set("nothing", "something", "anything", "everything", "morning", "evening",
	"building", "meeting", "hearing", "spending", "funding", "ruling", "thing", "during", "according")

// coordinated makes the relation of a reporting verb at k coordinated
// after r's content ("X said A but added, \"B\""): same source, content
// after the verb.
func (m *matcher) coordinated(r *raw, k, e int) (raw, bool) {
	r2 := raw{src: r.src, appos: r.appos, cue: rng{k, k + 1}}
	a := k + 1
	for a < e && (m.punctA(a, ',') || m.word(a, "that")) {
		a++
	}
	if e-a < 2 {
		return raw{}, false
	}
	r2.content = m.one(rng{a, e})
	m.finish(&r2)
	return r2, len(r2.content) > 0
}

// finalStop: token i is a stop to trim from a content's end; the period of
// an abbreviation ("Jr.", "Sen.") is part of the word and stays.
func (m *matcher) finalStop(i int) bool {
	if !isStop(m.text, &m.toks[i]) {
		return false
	}
	return !(i > 0 && m.toks[i-1].k == kWord && m.toks[i-1].e == m.toks[i].s && (m.toks[i-1].fl&flAbbrev != 0) && m.punctA(i, '.'))
}

// end returns the sentence's last token index worth keeping: final stops
// and closing brackets are dropped (closing quotes are kept).
func (m *matcher) end(s sent) int {
	b := s.b
	for b > s.a && (m.finalStop(b-1) || m.punctA(b-1, ';')) {
		b--
	}
	return b
}

// hasMark: a token of sentence s may be the ASCII mark c, the text of s
// holds the byte c (strings.IndexByte: faster than a look at each token).
func (m *matcher) hasMark(s sent, c byte) bool {
	return s.a < s.b && strings.IndexByte(m.text[m.toks[s.a].bs:m.toks[s.b-1].be], c) >= 0
}

func (m *matcher) word(i int, w string) bool {
	return i >= 0 && i < len(m.toks) && m.toks[i].k == kWord && m.toks[i].lw == w
}

func (m *matcher) punct(i int, r rune) bool {
	return i >= 0 && i < len(m.toks) && m.toks[i].is(m.text, r)
}

// punctA is punct for an ASCII mark c, small enough to inline.
func (m *matcher) punctA(i int, c byte) bool {
	return uint(i) < uint(len(m.toks)) && m.toks[i].mk == c
}
