package extract

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
)

// credit is a news agency credited for a paragraph (", Yonhap agency
// reports.") or, as a wire dateline ("SEOUL (Yonhap) --"), for the story.
type credit struct {
	hop      Hop // the agency, Mention set
	cue      *Mention
	sent     int  // the sentence holding the credit
	keep     rng  // the part of that sentence that is content
	wire     bool // a dateline: covers the whole article
	speakers []string
}

// creditOf finds an agency credit closing or opening paragraph p.
func (x *extractor) creditOf(p *para) *credit {
	m := x.m
	if len(p.sents) == 0 {
		return nil
	}
	// "... , <Agency> [news] [agency] reports." at the paragraph's end.
	ls := len(p.sents) - 1
	s := p.sents[ls]
	e := m.end(s)
	if e-1 > s.a && m.toks[e-1].k == kWord && creditVerb[m.toks[e-1].lw] {
		k := e - 2
		for k > s.a && m.toks[k].k == kWord && (m.toks[k].cap || agencyWord[m.toks[k].lw]) && e-2-k < 6 {
			k--
		}
		if k > s.a && m.punctA(k, ',') && k+1 < e-1 {
			if cr := x.agency(rng{k + 1, e - 1}, rng{e - 1, e}); cr != nil {
				cr.sent, cr.keep = ls, rng{s.a, k}
				return cr
			}
		}
	}
	// "CITY, date (<Agency>) --" or "As <Agency> reported, ..." at its start.
	s = p.sents[0]
	for k := s.a; k < s.b && k-s.a < 12; k++ {
		if !m.punctA(k, '(') {
			continue
		}
		c := k + 1
		for c < s.b && m.toks[c].k == kWord && c-k < 6 {
			c++
		}
		if c < s.b && m.punctA(c, ')') && c+1 < s.b && isDash(m, c+1) {
			d := c + 1
			for d < s.b && isDash(m, d) {
				d++
			}
			if cr := x.agency(rng{k + 1, c}, rng{}); cr != nil {
				cr.sent, cr.keep, cr.wire = 0, rng{d, s.b}, true
				return cr
			}
		}
		break
	}
	if m.word(s.a, "as") {
		k := s.a + 1
		for k < s.b && m.capAt(k) {
			k++
		}
		if k > s.a+1 && k+1 < s.b && creditVerb[m.toks[k].lw] && m.punctA(k+1, ',') {
			if cr := x.agency(rng{s.a + 1, k}, rng{k, k + 1}); cr != nil {
				cr.sent, cr.keep = 0, rng{k + 2, s.b}
				return cr
			}
		}
	}
	return nil
}

var creditVerb = set("reports", "reported", "says", "said", "writes", "wrote", "informs", "notes")

var agencyWord = set("agency", "news", "wire", "service")

func isDash(m *matcher, i int) bool {
	return m.punctA(i, '-') || m.punct(i, '—') || m.punct(i, '–')
}

// agency returns a credit when the phrase names a news agency: a known wire
// service, or a name followed by "agency".
func (x *extractor) agency(name, cue rng) *credit {
	m := x.m
	full := m.str(name)
	low := strings.ToLower(full)
	n := name
	for n.b > n.a+1 && agencyWord[m.toks[n.b-1].lw] && !m.toks[n.b-1].cap {
		n.b--
	}
	core := strings.ToLower(m.str(n))
	if !agencies[low] && !agencies[core] && n == name {
		return nil
	}
	if !agencies[core] && !m.isName(n) {
		return nil
	}
	role := ""
	if n != name {
		role = m.str(rng{n.b, name.b})
	}
	return &credit{
		hop: Hop{Name: m.str(n), Role: role, Mention: x.mention(name)},
		cue: x.mention(cue),
	}
}

// applyCredit puts the agency in front of an attributed claim's chain, or
// makes an unattributed claim the agency's. The hop's Mention is kept only
// for claims in the credit's own sentence.
func applyCredit(c *Claim, cr *credit, here bool) {
	h := cr.hop
	if !here {
		h.Mention = nil
	}
	if len(c.Chain) > 0 && sameKey(c.Chain[0].Name, h.Name) {
		return
	}
	if c.Cue == nil {
		if cr.cue != nil {
			cue := *cr.cue
			c.Cue = &cue
		}
		c.Chain = []Hop{h}
		return
	}
	ch := make([]Hop, len(c.Chain)+1)
	ch[0] = h
	copy(ch[1:], c.Chain)
	c.Chain = ch
}

// sameKey: foldKey(a) == foldKey(b), without allocating for short ASCII
// names.
func sameKey(a, b string) bool {
	var ba, bb [64]byte
	return string(appendFoldKey(ba[:0], a)) == string(appendFoldKey(bb[:0], b))
}

// spreadCredits extends a paragraph's agency credit to neighbouring
// paragraphs whose attributed claims all come from a speaker of the credited
// paragraph: news agencies credit once for a run of paragraphs about one
// speaker. The run stops at the first paragraph with another speaker or with
// no attributed claim.
func spreadCredits(results [][]Claim, credits []*credit) {
	for pi, cr := range credits {
		if cr == nil || cr.wire || len(cr.speakers) == 0 {
			continue
		}
		for _, dir := range []int{-1, 1} {
			for q := pi + dir; q >= 0 && q < len(results) && credits[q] == nil; q += dir {
				n := 0
				same := true
				for _, c := range results[q] {
					if c.Cue == nil || len(c.Chain) == 0 {
						continue
					}
					n++
					if !contains(cr.speakers, c.Chain[len(c.Chain)-1].Name) {
						same = false
					}
				}
				if n == 0 || !same {
					break
				}
				for i := range results[q] {
					if results[q][i].Cue != nil {
						applyCredit(&results[q][i], cr, false)
					}
				}
			}
		}
	}
}

// furniture reports page boilerplate ("follow us on", "Photo:").
func (x *extractor) furniture(s sent) bool {
	if s.b-s.a > 30 {
		return false // page furniture is short
	}
	hit := false // a boiler word (marks have no such flag) or "©"
	toks := x.m.toks[s.a:s.b]
	for i := range toks {
		if t := &toks[i]; t.fl&flBoiler != 0 || t.mk == mkWide && t.wideIs(x.m.text, '©') {
			hit = true
			break
		}
	}
	if !hit {
		return false
	}
	// The sentence in lower case (as strings.ToLower gives it), in a
	// reused buffer, searched for the phrases in one pass.
	str := x.m.str(rng{s.a, s.b})
	if isASCII(str) {
		x.low = appendASCIILower(x.low[:0], str)
	} else {
		x.low = x.low[:0]
		for _, r := range str {
			x.low = utf8.AppendRune(x.low, unicode.ToLower(r))
		}
	}
	return boilerIn(x.low)
}

// boilerIn reports whether low contains one of the boiler phrases: a
// phrase can start only where its first two bytes stand, so one scan of
// the byte pairs finds the few places worth comparing.
func boilerIn(low []byte) bool {
	for i := 0; i+1 < len(low); i++ {
		p := uint16(low[i])<<8 | uint16(low[i+1])
		if boilerPairs[p>>6]&(1<<(p&63)) == 0 {
			continue
		}
		for _, b := range boilerByFirst[low[i]] {
			if bytes.HasPrefix(low[i:], b) {
				return true
			}
		}
	}
	return false
}

// boilerPairs marks the first two bytes of each boiler phrase (every
// phrase has two or more bytes); boilerByFirst holds the phrases by their
// first byte.
var boilerPairs, boilerByFirst = func() (pairs [1 << 10]uint64, first [256][][]byte) {
	for _, b := range boiler {
		p := uint16(b[0])<<8 | uint16(b[1])
		pairs[p>>6] |= 1 << (p & 63)
		first[b[0]] = append(first[b[0]], []byte(b))
	}
	return
}()

// heading: a paragraph of one short line with no closing punctuation.
func (x *extractor) heading(p *para) bool {
	m := x.m
	if len(p.sents) != 1 || p.b-p.a > 25 {
		return false
	}
	last := &m.toks[p.b-1]
	return !isStop(m.text, last) && last.k != kQClose
}

// boilerWord holds a word of every boiler phrase, a cheap first filter.
var boilerWord = set("follow", "subscribe", "read", "click", "sign", "newsletter",
	"rights", "copyright", "photo", "image", "getty", "related", "advertisement",
	"share", "contributed", "reporting", "editing", "writing", "like", "download",
	"see", "watch", "listen", "log", "cookie", "cookies")
