package extract

import (
	"strings"
	"sync"
)

// Extract finds the claims of text in text order: every attributed
// statement with its chain of sources, and every remaining factual sentence
// as the outlet's own claim (empty Chain, nil Cue). Headings and page
// boilerplate give no claim.
func Extract(text string, opt Options) []Claim {
	buf := prepPool.Get().(*prepBuf)
	defer buf.release()
	x, paras := buf.prepare(text, opt)
	out := x.rules(paras)
	if !opt.RulesOnly {
		md := opt.Model
		if md == nil {
			md = DefaultModel()
		}
		if md != nil {
			out = x.learned(md, paras, out)
		}
	}
	return out
}

// prepBuf holds the token arrays of one extraction for reuse: no claim
// keeps a reference to them (claims hold strings and offsets only).
type prepBuf struct {
	toks    []tok
	closeOf []int
}

var prepPool = sync.Pool{New: func() any { return new(prepBuf) }}

// release clears the tokens (they point into the text) and pools b.
func (b *prepBuf) release() {
	clear(b.toks)
	prepPool.Put(b)
}

// prepare tokenizes text, splits its paragraphs into sentences and pairs
// its quotation marks, in fresh arrays.
func prepare(text string, opt Options) (*extractor, []para) {
	return (&prepBuf{}).prepare(text, opt)
}

// prepare is prepare reusing b's arrays; they stay in use until the
// extraction ends.
func (b *prepBuf) prepare(text string, opt Options) (*extractor, []para) {
	b.toks = tokenizeInto(b.toks, text)
	toks := b.toks
	setLex(text, toks)
	b.closeOf = grow(b.closeOf, len(toks))
	m := &matcher{text: text, toks: toks, closeOf: b.closeOf}
	paras := paragraphs(toks)
	for pi := range paras {
		p := &paras[pi]
		pairQuotes(toks, p.a, p.b, m.closeOf)
		splitSentences(text, toks, p, m.closeOf)
	}
	return &extractor{m: m, opt: opt}, paras
}

// rules runs the rule-based matcher over the paragraphs.
func (x *extractor) rules(paras []para) []Claim {
	results := make([][]Claim, len(paras))
	credits := make([]*credit, len(paras))
	var wire *credit // a dateline "(Agency) --" covers the whole story
	for pi := range paras {
		p := &paras[pi]
		cr := x.creditOf(p)
		if cr != nil && cr.wire {
			wire = cr
		}
		results[pi] = x.paragraph(p, cr)
		credits[pi] = cr
	}
	spreadCredits(results, credits)
	var out []Claim
	for pi, cs := range results {
		if wire != nil && (credits[pi] == nil || credits[pi] == wire) {
			for i := range cs {
				applyCredit(&cs[i], wire, false)
			}
		}
		out = append(out, cs...)
	}
	return out
}

// extractor carries the state of one article's extraction.
type extractor struct {
	m         *matcher
	opt       Options
	co        corefs
	last      *Claim   // the current speaker's latest claim, for continuations
	prevClaim *Claim   // the latest attributed claim anywhere
	speakers  []string // sources resolved in the current paragraph
	lastSent  int      // the sentence index of the paragraph's latest attributed claim
}

// paragraph extracts the claims of one paragraph.
func (x *extractor) paragraph(p *para, cr *credit) []Claim {
	m := x.m
	var out []Claim
	fromPrev := x.last != nil // a continuation may cross into this paragraph
	heading := x.heading(p)
	x.speakers = x.speakers[:0]
	x.lastSent = -2
	for si, s := range p.sents {
		if cr != nil && cr.sent == si {
			s = sent{cr.keep.a, cr.keep.b}
		}
		if s.b <= s.a || x.furniture(s) {
			continue
		}
		r, ok := m.match(s)
		if heading && !ok {
			continue
		}
		if ok && !r.lead.empty() {
			out = append(out, x.own(r.lead))
		}
		kept := false // the sentence kept or set the current speaker
		switch {
		case ok && r.meta:
			res := x.co.resolve(m, r.src, r.appos)
			x.speakers = append(x.speakers, res.name)
			out = append(out, x.own(rng{s.a, m.end(s)}))
		case ok && len(r.content) > 0:
			coord := r.coord
			r2, two := m.participle(&r)
			c := x.claim(r)
			out = append(out, c)
			if !coord.empty() {
				if r3, ok := m.coordinated(&r, coord.a, coord.b); ok {
					c = x.claim(r3)
					out = append(out, c)
				}
			}
			if two {
				c2 := x.claim(r2)
				out = append(out, c2)
				c = c2
			}
			x.last, kept = &c, true
			x.lastSent = si
		default:
			c := x.own(rng{s.a, m.end(s)})
			whole := m.toks[s.a].k == kQOpen && m.closeOf[s.a] >= m.end(s)-1
			if n := len(out); whole && !fromPrev && n > 0 && out[n-1].Quote && out[n-1].Cue != nil && x.lastSent == si-1 && out[n-1].Start() < out[n-1].Cue.Span.Start {
				// "\"A,\" X said. \"B.\"": one quote interrupted by its cue.
				q := raw{content: []rng{{s.a, m.end(s)}}}
				m.finish(&q)
				if len(q.content) == 1 && q.quote {
					g := x.build(q)
					out[n-1].Spans = append(out[n-1].Spans, g.Spans...)
					out[n-1].Text += " " + g.Text
					x.lastSent = si
					continue
				}
			}
			if x.last != nil && x.hasQuote(s) && (!fromPrev || whole) {
				// A quote without a cue of its own continues the speaker.
				x.continueQuote(&c, s)
				kept = true
			} else if len(c.Spans) == 0 || c.Text == "" || m.punct(s.b-1, '?') {
				fromPrev = false
				continue
			}
			out = append(out, c)
		}
		if fromPrev && !kept {
			x.last = nil
		}
		fromPrev = false
	}
	x.last = nil
	for i := len(out) - 1; i >= 0; i-- {
		if out[i].Cue != nil && len(out[i].Chain) > 0 {
			c := out[i]
			x.last = &c
			break
		}
	}
	if cr != nil {
		cr.speakers = append([]string(nil), x.speakers...)
		if !cr.wire {
			for i := range out {
				ti := x.tokAt(out[i].Start())
				applyCredit(&out[i], cr, p.sents[cr.sent].a <= ti && ti < p.sents[cr.sent].b)
			}
		}
	}
	return out
}

// tokAt finds the token index holding code point offset off (binary search).
func (x *extractor) tokAt(off int) int {
	toks := x.m.toks
	lo, hi := 0, len(toks)
	for lo < hi {
		mid := (lo + hi) / 2
		if toks[mid].e <= off {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

func (x *extractor) hasQuote(s sent) bool {
	for i := s.a; i < s.b; i++ {
		if x.m.toks[i].k == kQOpen && x.m.closeOf[i] > i {
			return true
		}
	}
	return false
}

// continueQuote gives a cue-less sentence with a quotation to the current
// speaker; a sentence that is one whole quote becomes a direct quote, and
// a pronoun opening it ("But he named ...") is the hop's mention.
func (x *extractor) continueQuote(c *Claim, s sent) {
	m := x.m
	r := raw{content: []rng{{s.a, m.end(s)}}}
	m.finish(&r)
	if len(r.content) == 0 {
		return
	}
	*c = x.build(r)
	c.Cue = x.last.Cue
	c.Chain = make([]Hop, len(x.last.Chain))
	copy(c.Chain, x.last.Chain)
	for i := range c.Chain {
		c.Chain[i].Mention = nil
		c.Chain[i].Cue = nil
	}
}

// own makes the outlet's own claim of a token range.
func (x *extractor) own(r rng) Claim {
	rr := raw{content: []rng{r}}
	x.m.finishPlain(&rr)
	return x.build(rr)
}

// build makes a claim with the content of r and no chain.
func (x *extractor) build(r raw) Claim {
	m := x.m
	var c Claim
	var parts []string
	for _, g := range r.content {
		if g.empty() {
			continue
		}
		c.Spans = append(c.Spans, Span{m.toks[g.a].s, m.toks[g.b-1].e})
		parts = append(parts, m.str(g))
	}
	c.Text = strings.Join(parts, " ")
	c.Quote = r.quote
	return c
}

// claim makes an attributed claim and its chain.
func (x *extractor) claim(r raw) Claim {
	m := x.m
	c := x.build(r)
	c.Cue = x.mention(r.cue)
	var hop Hop
	var res resolved
	if !r.rel.empty() {
		res = x.co.resolve(m, r.rel, rng{})
	} else {
		res = x.co.resolve(m, r.src, r.appos)
	}
	hop.Name, hop.Role = res.name, res.role
	men := r.src
	if !r.appos.empty() && r.appos.a > r.src.a {
		men.b = r.appos.b
	} else if !r.appos.empty() {
		men.a = r.appos.a
	}
	hop.Mention = x.mention(men)
	x.speakers = append(x.speakers, res.name)
	if res.doc && x.prevClaim != nil && x.mentionsDoc(x.prevClaim, m.toks[r.src.b-1].lw) {
		// A document described as "the agreement" right after a claim that
		// introduced it is known through that claim's chain.
		for _, h := range x.prevClaim.Chain {
			h.Mention, h.Cue = nil, nil
			c.Chain = append(c.Chain, h)
		}
	}
	c.Chain = append(c.Chain, hop)
	for _, h := range r.hops {
		hr := x.co.resolve(m, h.src, rng{})
		c.Chain = append(c.Chain, Hop{Name: hr.name, Role: hr.role, Mention: x.mention(h.src), Cue: x.mention(h.cue)})
	}
	cc := c
	x.prevClaim = &cc
	return c
}

func (x *extractor) mentionsDoc(c *Claim, head string) bool {
	return containsWord(strings.ToLower(c.Text), head)
}

func (x *extractor) mention(r rng) *Mention {
	if r.empty() {
		return nil
	}
	t := x.m.toks
	return &Mention{Text: x.m.str(r), Span: Span{t[r.a].s, t[r.b-1].e}}
}

// finishPlain trims a statement's closing punctuation without treating it
// as a quote.
func (m *matcher) finishPlain(r *raw) {
	for i, c := range r.content {
		for c.b > c.a && (m.finalStop(c.b-1) || m.punct(c.b-1, ',') || m.punct(c.b-1, ';') || m.punct(c.b-1, ':')) {
			c.b--
		}
		r.content[i] = c
	}
}
