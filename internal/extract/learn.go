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
	Seed     int64 // shuffles the examples between epochs (default 5)
	CueBits  uint  // log2 of pass 1's feature buckets (default 16)
	RoleBits uint  // log2 of pass 2's feature buckets (default 18)
	// Folds: with 2 or more, pass 2 learns from pass 1's cues predicted by
	// jackknifing over this many folds, so it sees the cues it will see at
	// run time; the default (0 or 1) trains it on the gold cues, which
	// scored better on held-out train (see the report in doc.go).
	Folds int
	// UnionCues: pass 2 learns from the gold cues plus the jackknifed
	// false alarms (so it learns to give a false cue nothing).
	UnionCues bool
	// CandPercent: pass 1 looks at a word when it began a gold cue at
	// least twice and in at least this percentage of its occurrences
	// (default 5), besides the cue lexicon and the rules' cues.
	CandPercent int
	// Log, when set, receives progress and coverage lines.
	Log func(format string, args ...any)
}

// avg accumulates an averaged perceptron (the lazy-sum trick of Daumé).
type avg struct {
	w []float32
	u []float64
	c float64
}

func newAvg(w []float32) *avg { return &avg{w: w, u: make([]float64, len(w)), c: 1} }

func (a *avg) add(i int, d float32) {
	a.w[i] += d
	a.u[i] += a.c * float64(d)
}

func (a *avg) final() {
	for i, v := range a.u {
		a.w[i] -= float32(v / a.c)
	}
}

// prepared is one example with its tokens, rule roles and gold tags.
type prepared struct {
	x     *extractor
	paras []para
	c     *tctx
	cue   []uint8 // gold pass 1 tags
	role  []uint8 // gold pass 2 tags
	pcue  []uint8 // pass 1 tags predicted by the jackknife
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
		opt.CueBits = 16
	}
	if opt.RoleBits == 0 {
		opt.RoleBits = 18
	}
	if opt.CandPercent <= 0 {
		opt.CandPercent = 5
	}
	if opt.Folds <= 0 {
		opt.Folds = 1
	}
	logf := opt.Log
	if logf == nil {
		logf = func(string, ...any) {}
	}
	docs := make([]*prepared, len(exs))
	for i, ex := range exs {
		docs[i] = prepareExample(ex)
	}
	md := &Model{cand: learnCandidates(docs, opt.CandPercent, logf)}
	// Pass 1 on everything; pass 1 per fold for pass 2's inputs.
	md.cue = trainCueModel(md, docs, opt)
	if opt.Folds == 1 {
		for _, d := range docs {
			d.pcue = d.cue
		}
	} else {
		for f := 0; f < opt.Folds; f++ {
			var in, out []*prepared
			for i, d := range docs {
				if i%opt.Folds == f {
					out = append(out, d)
				} else {
					in = append(in, d)
				}
			}
			fm := &Model{cand: md.cand, cue: trainCueModel(md, in, opt)}
			for _, d := range out {
				d.pcue = make([]uint8, len(d.cue))
				for _, p := range d.paras {
					fm.greedyCues(d, p.a, p.b, d.pcue, nil)
				}
				if opt.UnionCues {
					for i, g := range d.cue {
						if g != tO {
							d.pcue[i] = g
						}
					}
				}
			}
		}
	}
	if opt.Folds > 1 {
		cueAgree(docs, logf)
	}
	md.role, md.dense = trainRoleModel(docs, opt, logf)
	md.freeze()
	return md
}

// roleRegion is one region of a training document with its features.
type roleRegion struct {
	feats []int32 // roleFeatN slots per token (unused at cue tokens)
	gv    [][nGroups]uint8
	cue   []bool
	gold  []uint8
}

// trainRoleModel trains pass 2 as a structured perceptron with Viterbi
// decoding over the regions of the jackknifed cues.
func trainRoleModel(docs []*prepared, opt TrainOptions, logf func(string, ...any)) (*perceptron, []float32) {
	p := newPerceptron(nRoleTags, roleStride, opt.RoleBits)
	dense := make([]float32, denseSize)
	var regs [][]roleRegion
	var rs []rng
	toks, goldIn, goldAll := 0, 0, 0
	roleFeatN := 0 // emission features per token (a constant of roleEmit)
	for _, d := range docs {
		c, st := d.c, d.st
		var dr []roleRegion
		for i := range d.pcue {
			st.isCue[i] = d.pcue[i] != tO
			st.cueStart[i] = d.pcue[i] == tBK
		}
		for i := range d.role {
			if d.role[i] == rBC || d.role[i] == rBS {
				goldAll++
			}
		}
		for _, pa := range d.paras {
			rs = regions(c, st.isCue, pa.a, pa.b, false, rs)
			if len(rs) == 0 {
				continue
			}
			c.fillRoleCtx(st.rc, pa.a, pa.b, st.isCue, st.cueStart)
			for _, r := range rs {
				n := r.b - r.a
				rr := roleRegion{feats: make([]int32, 0, n*roleFeatN), gv: make([][nGroups]uint8, n), cue: make([]bool, n), gold: make([]uint8, n)}
				for i := r.a; i < r.b; i++ {
					k := i - r.a
					rr.cue[k] = st.isCue[i]
					rr.gold[k] = d.role[i]
					if rr.cue[k] {
						rr.gold[k] = rK
					} else if d.role[i] == rBC || d.role[i] == rBS {
						goldIn++
					}
					st.fs = c.roleEmit(st.fs, st.rc, i)
					roleFeatN = len(st.fs)
					for _, f := range st.fs {
						rr.feats = append(rr.feats, int32(p.slot(f)))
					}
					rr.gv[k] = c.roleDense(st.rc, i)
				}
				toks += n
				dr = append(dr, rr)
			}
		}
		regs = append(regs, dr)
	}
	logf("pass 2: %d region tokens; %d of %d gold source/content starts inside regions", toks, goldIn, goldAll)
	we, wd := newAvg(p.w), newAvg(dense)
	var v viterbiBuf
	pred := make([]uint8, 0, 256)
	rnd := rand.New(rand.NewSource(opt.Seed))
	order := make([]int, len(regs))
	for i := range order {
		order[i] = i
	}
	prevOf := func(tags []uint8, k int) int {
		if k == 0 {
			return pStart
		}
		return int(tags[k-1])
	}
	for ep := 0; ep < opt.Epochs; ep++ {
		rnd.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs := 0
		for _, di := range order {
			for _, rr := range regs[di] {
				n := len(rr.cue)
				v.reset(n)
				copy(v.cue, rr.cue)
				copy(v.gv, rr.gv)
				for k := 0; k < n; k++ {
					em := v.em[k*nRoleTags : (k+1)*nRoleTags]
					clear(em)
					if rr.cue[k] {
						continue
					}
					for _, s := range rr.feats[k*roleFeatN : (k+1)*roleFeatN] {
						for t := range em {
							em[t] += p.w[int(s)+t]
						}
					}
				}
				if cap(pred) < n {
					pred = make([]uint8, n)
				}
				pred = pred[:n]
				v.decode(dense, pred)
				for k := 0; k < n; k++ {
					g, q := int(rr.gold[k]), int(pred[k])
					pg, pq := prevOf(rr.gold, k), prevOf(pred, k)
					if g == q && pg == pq || rr.cue[k] {
						continue
					}
					errs++
					if g != q {
						for _, s := range rr.feats[k*roleFeatN : (k+1)*roleFeatN] {
							we.add(int(s)+g, 1)
							we.add(int(s)+q, -1)
						}
					}
					for _, gvv := range rr.gv[k] {
						wd.add(denseIdx(int(gvv), pg, g), 1)
						wd.add(denseIdx(int(gvv), pq, q), -1)
					}
				}
				we.c++
				wd.c++
			}
		}
		logf("pass 2 epoch %d: %d token errors", ep+1, errs)
	}
	we.final()
	wd.final()
	return p, dense
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
			for a+1 < b && CueAuxiliary(x.m.toks[a].lw) {
				a++ // attrib's cue is the reporting word: "has said" -> "said"
			}
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

// cueAux lists the auxiliaries, modals and adverbs that PolNeAR counts as
// the start of a cue ("has said", "would also argue", "did not say"; 2,700
// of 2,850 such cues in train begin with the auxiliary).
var cueAux = set("has", "have", "had", "is", "are", "was", "were", "be", "been", "will", "would",
	"could", "can", "may", "might", "should", "must", "shall", "did", "does", "do", "also", "not", "to",
	"hasn't", "haven't", "hadn't", "isn't", "wasn't", "won't", "wouldn't", "didn't", "doesn't", "don't",
	"hasn’t", "haven’t", "hadn’t", "isn’t", "wasn’t", "won’t", "wouldn’t", "didn’t", "doesn’t", "don’t")

// CueAuxiliary reports whether the lower-cased word is an auxiliary, modal
// or adverb that PolNeAR includes at the start of a cue ("has said") and
// attrib leaves out (its cue is the reporting word). The tagger is trained
// without them; brat.PolNeARConvention puts them back for scoring.
func CueAuxiliary(lower string) bool { return cueAux[lower] }

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
	for b > a && (m.toks[b-1].k == kQClose || m.punct(b-1, ',') || m.punct(b-1, ':') || m.punct(b-1, ';') || m.finalStop(b-1)) {
		b--
	}
	return a, b
}
