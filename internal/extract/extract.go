package extract

import "strings"

// Extract finds the claims of text in text order: every attributed
// statement with its chain of sources, and every remaining factual sentence
// as the outlet's own claim (empty Chain, nil Cue). Headings and page
// boilerplate give no claim.
func Extract(text string, opt Options) []Claim {
	var md *Model
	if !opt.RulesOnly {
		md = opt.Model
		if md == nil {
			md = DefaultModel()
		}
	}
	buf := prepPool.Get().(*prepBuf)
	defer buf.release()
	x, paras := buf.prepareWith(text, opt, md)
	out := x.rules(paras)
	if md != nil {
		out = x.learned(md, paras, out)
	}
	return out
}

// rules runs the rule-based matcher over the paragraphs.
func (x *extractor) rules(paras []para) []Claim {
	x.ends, x.credits = grow(x.ends, len(paras)), grow(x.credits, len(paras))
	ends, credits := x.ends, x.credits
	var wire *credit // a dateline "(Agency) --" covers the whole story
	var all []Claim
	ns := 0
	for _, p := range paras {
		ns += len(p.sents)
	}
	if ns > 0 {
		all = make([]Claim, 0, ns+4) // about one claim a sentence
	}
	for pi := range paras {
		p := &paras[pi]
		cr := x.creditOf(p)
		if cr != nil && cr.wire {
			wire = cr
		}
		cs := x.paragraph(x.pout[:0], p, cr)
		all = append(all, cs...)
		clear(cs)
		x.pout = cs[:0]
		ends[pi] = len(all)
		credits[pi] = cr
	}
	x.results = grow(x.results, len(paras))
	results := x.results
	for pi := range results {
		start := 0
		if pi > 0 {
			start = ends[pi-1]
		}
		results[pi] = all[start:ends[pi]:ends[pi]]
	}
	spreadCredits(results, credits)
	for pi, cs := range results {
		if wire != nil && (credits[pi] == nil || credits[pi] == wire) {
			for i := range cs {
				applyCredit(&cs[i], wire, false)
			}
		}
	}
	if len(all) == 0 {
		return nil // as without the presized array
	}
	return all
}

// extractor carries the state of one article's extraction.
type extractor struct {
	m         *matcher
	opt       Options
	co        corefs
	a         arena
	last      *Claim // the current speaker's latest claim, for continuations
	prevClaim *Claim // the latest attributed claim anywhere (&prevv or nil)
	prevv     Claim
	pout      []Claim  // scratch for one paragraph's claims
	lastv     Claim    // what last points to
	speakers  []string // sources resolved in the current paragraph
	lastSent  int      // the sentence index of the paragraph's latest attributed claim
	low       []byte   // furniture's scratch: a sentence in lower case
	pre       prepFacts
	// rules' per-paragraph arrays (cleared by reset: they point into
	// the claims and credits of the text).
	ends    []int
	credits []*credit
	results [][]Claim
}

// reset readies x for a new text, keeping its arrays (emptied).
func (x *extractor) reset(m *matcher, opt Options) {
	clear(x.co.ents)
	clear(x.co.wbuf)
	clear(x.speakers)
	clear(x.pout)
	clear(x.credits)
	clear(x.results)
	*x = extractor{
		m:        m,
		opt:      opt,
		co:       corefs{ents: x.co.ents[:0], kb: x.co.kb[:0], wbuf: x.co.wbuf[:0]},
		pout:     x.pout[:0],
		speakers: x.speakers[:0],
		low:      x.low[:0],
		ends:     x.ends[:0],
		credits:  x.credits[:0],
		results:  x.results[:0],
	}
}

// appendContent appends c unless trimming left it no content ("!;" before
// a cue): a claim always has some.
func appendContent(out []Claim, c Claim) []Claim {
	if len(c.Spans) == 0 || c.Text == "" {
		return out
	}
	return append(out, c)
}

// paragraph extracts the claims of one paragraph, appending them to out
// (empty: the paragraph's own claims only).
func (x *extractor) paragraph(out []Claim, p *para, cr *credit) []Claim {
	m := x.m
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
			out = appendContent(out, x.own(r.lead))
		}
		kept := false // the sentence kept or set the current speaker
		switch {
		case ok && r.meta:
			res := x.co.resolve(m, r.src, r.appos)
			x.speakers = append(x.speakers, res.name)
			out = appendContent(out, x.own(rng{s.a, m.end(s)}))
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
			x.lastv = c
			x.last, kept = &x.lastv, true
			x.lastSent = si
		default:
			c := x.own(rng{s.a, m.end(s)})
			whole := m.toks[s.a].k == kQOpen && m.closeOf[s.a] >= m.end(s)-1
			if n := len(out); whole && !fromPrev && n > 0 && out[n-1].Quote && out[n-1].Cue != nil && x.lastSent == si-1 && out[n-1].Start() < out[n-1].Cue.Span.Start {
				// "\"A,\" X said. \"B.\"": one quote interrupted by its cue.
				q := raw{content: m.one(rng{s.a, m.end(s)})}
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
			} else if len(c.Spans) == 0 || c.Text == "" || m.punctA(s.b-1, '?') {
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
			x.lastv = out[i]
			x.last = &x.lastv
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
	r := raw{content: m.one(rng{s.a, m.end(s)})}
	m.finish(&r)
	if len(r.content) == 0 {
		return
	}
	*c = x.build(r)
	c.Cue = x.last.Cue
	c.Chain = x.a.newHops(len(x.last.Chain))
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
	n := 0
	for _, g := range r.content {
		if !g.empty() {
			n++
		}
	}
	if n == 0 {
		c.Quote = r.quote
		return c
	}
	c.Spans = x.a.newSpans(n)
	k := 0
	size := 0
	for _, g := range r.content {
		if g.empty() {
			continue
		}
		c.Spans[k] = Span{m.toks[g.a].s, m.toks[g.b-1].e}
		k++
		size += m.toks[g.b-1].be - m.toks[g.a].bs + 1
	}
	if n == 1 {
		for _, g := range r.content {
			if !g.empty() {
				c.Text = m.str(g)
			}
		}
	} else {
		var b strings.Builder
		b.Grow(size)
		j := 0
		for _, g := range r.content {
			if g.empty() {
				continue
			}
			if j > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(m.str(g))
			j++
		}
		c.Text = b.String()
	}
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
	doc := res.doc && x.prevClaim != nil && x.mentionsDoc(x.prevClaim, m.toks[r.src.b-1].lw)
	n := 1 + len(r.hops)
	if doc {
		n += len(x.prevClaim.Chain)
	}
	c.Chain = x.a.newHops(n)[:0]
	if doc {
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
	x.prevv = c
	x.prevClaim = &x.prevv
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
	return x.a.newMention(Mention{Text: x.m.str(r), Span: Span{t[r.a].s, t[r.b-1].e}})
}

// finishPlain trims a statement's closing punctuation without treating it
// as a quote.
func (m *matcher) finishPlain(r *raw) {
	for i, c := range r.content {
		for c.b > c.a && (m.finalStop(c.b-1) || m.punctA(c.b-1, ',') || m.punctA(c.b-1, ';') || m.punctA(c.b-1, ':')) {
			c.b--
		}
		r.content[i] = c
	}
}
