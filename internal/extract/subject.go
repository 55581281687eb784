package extract

import "strings"

// maxNP bounds a source phrase, so a walk never runs over a whole clause.
const maxNP = 12

// subject finds the source phrase left of the cue at i and fills r.src,
// r.appos, r.hops ("X, citing Y, wrote") and r.lead (", and X said").
func (m *matcher) subject(s sent, i int, r *raw) bool {
	j := m.skipAdverbs(s, i-1)
	for guard := 0; guard < 4; guard++ {
		if j < s.a {
			return false
		}
		if !m.punctA(j, ',') {
			break
		}
		c1 := j - 1
		for c1 >= s.a && !m.punctA(c1, ',') && m.toks[c1].k != kQClose && j-c1 <= maxNP+1 {
			c1--
		}
		if c1 < s.a || !m.punctA(c1, ',') || c1+1 >= j {
			return false // "Y, X said" has no comma-framed subject: not here
		}
		seg := rng{c1 + 1, j}
		first := &m.toks[seg.a]
		switch {
		case first.k == kWord && citeCue[first.lw]:
			r.hops = append([]rawHop{{src: rng{seg.a + 1, seg.b}, cue: rng{seg.a, seg.a + 1}}}, r.hops...)
			j = m.skipAdverbs(s, c1-1)
			continue
		case first.k == kWord && adverbial[first.lw]:
			j = m.skipAdverbs(s, c1-1)
			continue
		}
		// Apposition: "X, a spokesman for Y, said" / "The head of Z, X, said".
		n0, ok := m.npLeft(s, c1-1)
		if !ok {
			return false
		}
		r.src, r.appos = n0, seg
		m.setLead(s, r)
		return true
	}
	if m.word(j, "who") && j-1 > s.a && m.punctA(j-1, ',') {
		// "X, who said": the relative pronoun is the source's mention.
		if np, ok := m.npLeft(s, j-2); ok {
			r.src, r.rel = rng{j, j + 1}, np
			return true
		}
	}
	if m.toks[j].k == kWord && (m.toks[j].fl&flPron != 0) {
		r.src = rng{j, j + 1}
		m.setLead(s, r)
		return true
	}
	np, ok := m.npLeft(s, j)
	if !ok {
		return false
	}
	r.src = np
	m.setLead(s, r)
	return true
}

// adverbial opens a parenthetical between subject and cue that is no source.
var adverbial = set("however", "though", "too", "meanwhile", "in", "on", "for",
	"during", "at", "speaking", "asked", "when", "after", "before", "earlier", "later",
	"moreover", "furthermore", "nevertheless", "instead", "again", "separately")

// setLead marks ", and X said" / "; X said": the clause before is the
// outlet's own statement, not the content.
func (m *matcher) setLead(s sent, r *raw) {
	k := r.src.a - 1
	if k <= s.a {
		return
	}
	if m.word(k, "and") || m.word(k, "but") {
		k--
		if k >= s.a && m.punctA(k, ',') {
			r.lead = rng{s.a, k}
		}
		return
	}
	if m.punctA(k, ';') {
		r.lead = rng{s.a, k}
	}
}

func (m *matcher) skipAdverbs(s sent, j int) int {
	for j >= s.a && m.toks[j].k == kWord && !m.toks[j].cap && ((m.toks[j].fl&flSubjSkip != 0) || isLyAdverb(m.toks[j].lw)) {
		j--
	}
	return j
}

var notAdverb = set("family", "rally", "ally", "supply", "reply", "apply", "assembly",
	"monopoly", "anomaly", "butterfly", "july", "italy", "fly", "only", "early", "daily", "weekly", "monthly")

func isLyAdverb(w string) bool {
	return len(w) > 4 && strings.HasSuffix(w, "ly") && !notAdverb[w]
}

// npLeft walks a noun phrase leftwards from token j (its last token).
func (m *matcher) npLeft(s sent, j int) (rng, bool) {
	if j < s.a || m.toks[j].k != kWord || (m.toks[j].fl&flNPStop != 0) || (m.toks[j].fl&flNPInner != 0) {
		return rng{}, false
	}
	k := j
	for k >= s.a && j-k < maxNP {
		t := &m.toks[k]
		if t.k == kWord {
			if (t.fl&flNPStop != 0) && !(t.lw == "and" && m.capAt(k-1) && m.capAt(k+1)) {
				break
			}
			if !t.cap && (t.fl&flCue != 0) && !(t.fl&flNoun != 0) {
				break
			}
			if k < j && (t.fl&flPron != 0) {
				break
			}
			k--
			continue
		}
		if (m.punctA(k, '.') && k > s.a && isAbbrev(m.toks, k-1)) || m.punctA(k, '&') || m.punctA(k, '-') || m.punct(k, '’') || m.punct(k, '\'') {
			k--
			continue
		}
		break
	}
	if j-k >= maxNP {
		return rng{}, false
	}
	st := k + 1
	for st <= j && m.toks[st].k == kWord && (m.toks[st].fl&flNPInner != 0) && !(m.toks[st].fl&flDet != 0) {
		st++
	}
	for st <= j && m.toks[st].k != kWord {
		st++
	}
	if st > j {
		return rng{}, false
	}
	return rng{st, j + 1}, true
}

func (m *matcher) capAt(i int) bool {
	return i >= 0 && i < len(m.toks) && m.toks[i].k == kWord && m.toks[i].cap
}
