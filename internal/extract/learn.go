package extract

import "math/rand"

// Example is one annotated text for training the tagger. Spans are code
// points into Text, in the annotation's own convention (PolNeAR's: content
// may include quotation marks and a leading "that"); Train converts
// contents to attrib's convention before learning.
type Example struct {
	Text string
	Rels []ExampleRel
}

// ExampleRel is one annotated attribution relation.
type ExampleRel struct {
	Source, Cue, Content []Span
}

// TrainOptions set the training run; zero values take the defaults.
type TrainOptions struct {
	Epochs   int   // passes over the data (default 10)
	Seed     int64 // shuffles the examples between epochs (default 1)
	CueBits  uint  // log2 of pass 1's feature buckets (default 18)
	RoleBits uint  // log2 of pass 2's feature buckets (default 20)
}

// avg accumulates an averaged perceptron (the lazy-sum trick of Daumé).
type avg struct {
	p *perceptron
	u []float64
	c float64
}

func (a *avg) update(fs []uint64, gold, pred int) {
	for _, f := range fs {
		s := a.p.slot(f)
		a.p.w[s+gold]++
		a.p.w[s+pred]--
		a.u[s+gold] += a.c
		a.u[s+pred] -= a.c
	}
}

func (a *avg) final() {
	for i, v := range a.u {
		a.p.w[i] -= float32(v / a.c)
	}
}

// prepared is one example with its tokens, rule roles and gold tags.
type prepared struct {
	x     *extractor
	paras []para
	c     *tctx
	cue   []uint8
	role  []uint8
	st    *tagState
}

// Train learns a tagger from the examples, deterministically for a given
// seed and example order. It is pure; it takes about a minute on PolNeAR
// train.
func Train(exs []Example, opt TrainOptions) *Model {
	if opt.Epochs <= 0 {
		opt.Epochs = 10
	}
	if opt.Seed == 0 {
		opt.Seed = 1
	}
	if opt.CueBits == 0 {
		opt.CueBits = 18
	}
	if opt.RoleBits == 0 {
		opt.RoleBits = 20
	}
	docs := make([]*prepared, len(exs))
	for i, ex := range exs {
		docs[i] = prepareExample(ex)
	}
	cue := &avg{p: newPerceptron(nCueTags, opt.CueBits), c: 1}
	cue.u = make([]float64, len(cue.p.w))
	role := &avg{p: newPerceptron(nRoleTags, opt.RoleBits), c: 1}
	role.u = make([]float64, len(role.p.w))
	rnd := rand.New(rand.NewSource(opt.Seed))
	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	for ep := 0; ep < opt.Epochs; ep++ {
		rnd.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, di := range order {
			d := docs[di]
			for _, p := range d.paras {
				trainCues(cue, d, p.a, p.b)
				trainRoles(role, d, p.a, p.b)
			}
		}
	}
	cue.final()
	role.final()
	return &Model{cue: cue.p, role: role.p}
}

func trainCues(a *avg, d *prepared, lo, hi int) {
	c, st := d.c, d.st
	prev := tO
	for i := lo; i < hi; i++ {
		if c.first[i] {
			prev = tO
		}
		st.fs = c.cueFeats(st.fs, i, prev)
		sc := st.sc[:nCueTags]
		a.p.scores(st.fs, sc)
		t := argmax(sc)
		g := int(d.cue[i])
		if t != g {
			a.update(st.fs, g, t)
		}
		a.c++
		prev = fixCue(t, prev)
	}
}

func trainRoles(a *avg, d *prepared, lo, hi int) {
	c, st := d.c, d.st
	any := false
	for i := lo; i < hi; i++ {
		st.isCue[i] = d.cue[i] != tO
		st.cueStart[i] = d.cue[i] == tBK
		any = any || st.isCue[i]
	}
	if !any {
		return
	}
	c.fillRoleCtx(st.rc, lo, hi, st.isCue, st.cueStart)
	prev := rO
	for i := lo; i < hi; i++ {
		if st.isCue[i] {
			prev = rK
			continue
		}
		st.fs = c.roleFeats(st.fs, st.rc, i, prev)
		sc := st.sc[:nRoleTags]
		a.p.scores(st.fs, sc)
		t := argmax(sc)
		g := int(d.role[i])
		if t != g {
			a.update(st.fs, g, t)
		}
		a.c++
		prev = fixRole(t, prev)
	}
}

// prepareExample tokenizes an example, runs the rules for their feature
// and turns the gold spans into tags.
func prepareExample(ex Example) *prepared {
	x, paras := prepare(ex.Text, Options{})
	claims := x.rules(paras)
	rule := x.ruleRoles(claims)
	d := &prepared{x: x, paras: paras, c: newTctx(x.m, paras, rule)}
	n := len(x.m.toks)
	d.cue, d.role = make([]uint8, n), make([]uint8, n)
	d.st = newTagState(n)
	for _, r := range ex.Rels {
		for _, s := range r.Cue {
			a, b := x.tokRange(s)
			for i := a; i < b; i++ {
				d.cue[i] = tIK
			}
			if a < b {
				d.cue[a] = tBK
			}
		}
		for _, s := range r.Source {
			a, b := x.tokRange(s)
			d.setRole(a, b, rBS, rIS)
		}
		for k, s := range r.Content {
			a, b := x.tokRange(s)
			a, b = x.m.trimContent(a, b, k == 0)
			d.setRole(a, b, rBC, rIC)
		}
	}
	return d
}

func (d *prepared) setRole(a, b int, bt, it uint8) {
	for i := a; i < b; i++ {
		if d.cue[i] == tO {
			d.role[i] = it
		}
	}
	if a < b && d.cue[a] == tO {
		d.role[a] = bt
	}
}

// tokRange returns the tokens [a, b) that a code-point span overlaps.
func (x *extractor) tokRange(s Span) (int, int) {
	a := x.tokAt(s.Start)
	b := a
	for b < len(x.m.toks) && x.m.toks[b].s < s.End {
		b++
	}
	return a, b
}

// trimContent converts a content's tokens to attrib's convention: no
// opening quotation mark, leading "that" or punctuation, no closing mark or
// final punctuation.
func (m *matcher) trimContent(a, b int, first bool) (int, int) {
	for a < b && (m.toks[a].k == kQOpen || m.punct(a, ',') || m.punct(a, ':') || m.punct(a, '—') || (first && m.word(a, "that"))) {
		a++
	}
	for b > a && (m.toks[b-1].k == kQClose || m.punct(b-1, ',') || m.punct(b-1, ':') || m.punct(b-1, ';') || isStop(m.text, &m.toks[b-1])) {
		b--
	}
	return a, b
}
