package extract

import "math/rand"

// learnCandidates keeps the words that began a gold cue at least twice
// and in at least candPercent% of their occurrences.
func learnCandidates(docs []*prepared, candPercent int, logf func(string, ...any)) *hashSet {
	total, begin := map[uint64]int{}, map[uint64]int{}
	var order []uint64
	for _, d := range docs {
		for i := range d.c.m.toks {
			h := d.c.m.toks[i].h // the word's hash (tctx's form)
			if total[h] == 0 {
				order = append(order, h)
			}
			total[h]++
			if d.cue[i] == tBK {
				begin[h]++
			}
		}
	}
	set := newHashSet(len(begin))
	for _, h := range order {
		if b := begin[h]; b >= 2 && b*100 >= total[h]*candPercent {
			set.add(h)
		}
	}
	md := &Model{cand: set}
	nb, cov, nc, n := 0, 0, 0, 0
	for _, d := range docs {
		for i := range d.cue {
			n++
			c := md.candidate(d.c, i)
			if c {
				nc++
			}
			if d.cue[i] == tBK {
				nb++
				if c {
					cov++
				}
			}
		}
	}
	logf("cue candidates: %d words; cover %d of %d gold cue starts (%.1f%%); %d of %d tokens are candidates (%.1f%%)",
		set.n, cov, nb, 100*float64(cov)/float64(max(nb, 1)), nc, n, 100*float64(nc)/float64(max(n, 1)))
	return set
}

// trainCueModel trains pass 1 on docs.
func trainCueModel(md *Model, docs []*prepared, opt TrainOptions) *perceptron {
	p := newPerceptron(nCueTags, cueStride, opt.CueBits)
	a := newAvg(p.w)
	m := &Model{cand: md.cand, cue: p}
	rnd := rand.New(rand.NewSource(opt.Seed))
	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	for ep := 0; ep < opt.Epochs; ep++ {
		rnd.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, di := range order {
			d := docs[di]
			for _, pa := range d.paras {
				m.greedyCues(d, pa.a, pa.b, d.st.cue, a)
			}
		}
	}
	a.final()
	return p
}

// greedyCues is pass 1 over [lo, hi) with float weights, as tagCues does
// at run time; with a non-nil a it also learns from the gold tags.
func (md *Model) greedyCues(d *prepared, lo, hi int, out []uint8, a *avg) {
	c, st := d.c, d.st
	for i := lo; i < hi; i++ {
		out[i] = tO
	}
	for i := lo; i < hi; i++ {
		if ruleCue(c, i, out) || !md.candidate(c, i) {
			continue
		}
		prev := tO
		for j := i; j < hi; j++ {
			if j > i && (c.first[j] || c.rule[j] == roleCue) {
				break
			}
			st.fs = c.cueFeats(st.fs, j, prev)
			sc := st.sc[:nCueTags]
			md.cue.scores(st.fs, sc)
			t := argmax(sc)
			if a != nil {
				if g := int(d.cue[j]); t != g {
					for _, f := range st.fs {
						s := md.cue.slot(f)
						a.add(s+g, 1)
						a.add(s+t, -1)
					}
				}
				a.c++
			}
			t = fixCue(t, prev)
			out[j] = uint8(t)
			if t == tO {
				break
			}
			prev, i = t, j
		}
	}
}

// cueAgree logs how well the jackknifed cues match the gold ones.
func cueAgree(docs []*prepared, logf func(string, ...any)) {
	tp, fp, fn := 0, 0, 0
	for _, d := range docs {
		for i := range d.cue {
			g, p := d.cue[i] != tO, d.pcue[i] != tO
			switch {
			case g && p:
				tp++
			case p:
				fp++
			case g:
				fn++
			}
		}
	}
	logf("pass 1 cue tokens for pass 2 training: tp %d fp %d fn %d", tp, fp, fn)
}
