package truth

import (
	"math"
	"sort"
)

// Solve decides the value of every item in ds.
//
// Values are first canonicalised (opt.Normalize) so that spellings of one
// value group together. Then, following Accu and AccuSim (Dong,
// Berti-Equille & Srivastava, VLDB 2009), Solve iterates:
//
//  1. the vote count of a value is C(v) = Σ I(s)·ln(n·A(s)/(1-A(s))) over
//     its providers s, with A(s) the source's accuracy, n the number of
//     false values, and I(s) its independence: providers are taken in
//     order of accuracy and each is discounted by Π(1 - c·P(s~s')) over
//     the providers before it (Depen, see copy.go);
//  2. similar values support each other, C*(v) = C(v) + ρ·Σ sim(v,v')·C(v')
//     (AccuSim; an author list missing a co-author lends partial support);
//  3. P(v) = exp C*(v) / (Σ exp C*(v') + unobserved false values);
//  4. A(s) is the mean P of the values s gives, shrunk towards the prior
//     accuracy by PriorWeight pseudo-claims (TruthFinder, Yin, Han & Yu
//     2007, iterates the same way between trust and confidence);
//  5. dependence between sources is re-estimated from the new P and A.
//
// It stops when no accuracy moves more than Tolerance or after
// MaxIterations. Everything is deterministic: sources and items are
// processed in sorted order. Cost per round is linear in the claims plus
// the co-provider pairs, which MaxPairSources bounds per item.
func Solve(ds *Dataset, opt Options) Result {
	opt = opt.withDefaults()
	if ds == nil {
		return Result{}
	}
	pr := build(ds, opt)
	acc := make([]float64, len(pr.sources))
	for i := range acc {
		acc[i] = opt.PriorAccuracy
	}
	if opt.Vote {
		for ii := range pr.items {
			vote(&pr.items[ii])
		}
		updateAccuracy(pr, acc, opt)
		return result(pr, acc, 1)
	}
	copying := !opt.NoCopy
	if copying {
		buildPairs(pr, opt)
	}
	s := &scratch{pos: make([]int32, len(pr.sources))}
	for i := range s.pos {
		s.pos[i] = -1
	}
	iter := 0
	for iter < opt.MaxIterations {
		iter++
		if copying && iter > 1 {
			updateDependence(pr, acc, opt)
		}
		for ii := range pr.items {
			score(pr, &pr.items[ii], acc, copying && iter > 1, opt, s)
		}
		if updateAccuracy(pr, acc, opt) < opt.Tolerance && (!copying || iter > 2) {
			break
		}
	}
	return result(pr, acc, iter)
}

// scratch is reusable per-value working memory.
type scratch struct {
	pos   []int32 // source -> position among the current value's providers
	order []int
	dep   []float64
	votes []float64
}

// score computes C, C* and P for the values of one item.
func score(pr *problem, it *item, acc []float64, copying bool, opt Options, s *scratch) {
	m := len(it.values)
	n := float64(it.n)
	if cap(s.votes) < m {
		s.votes = make([]float64, m)
	}
	base := s.votes[:m]
	for vi := range it.values {
		v := &it.values[vi]
		ps := v.providers
		if !copying || len(v.pairs) == 0 {
			c := 0.0
			for _, p := range ps {
				c += p.w * weight(acc[p.src], n)
			}
			base[vi] = c
			continue
		}
		base[vi] = dependentVote(pr, v, acc, n, opt.CopyRate, s)
	}
	for vi := range it.values {
		c := base[vi]
		if it.sim != nil {
			for vj := 0; vj < m; vj++ {
				if vj != vi {
					c += opt.SimilarityWeight * float64(it.sim[vi*m+vj]) * base[vj]
				}
			}
		}
		it.values[vi].c = c
	}
	// Softmax with the n+1-m unobserved values at vote 0.
	hi := 0.0
	for _, v := range it.values {
		hi = math.Max(hi, v.c)
	}
	sum := float64(max(0, it.n+1-m)) * math.Exp(-hi)
	for _, v := range it.values {
		sum += math.Exp(v.c - hi)
	}
	for vi := range it.values {
		it.values[vi].p = math.Exp(it.values[vi].c-hi) / sum
	}
}

// weight is a source's vote ln(n·A/(1-A)).
func weight(a, n float64) float64 {
	return math.Log(n * a / (1 - a))
}

// dependentVote is C(v) with each provider discounted by its probability
// of copying providers of v that come before it in accuracy order.
func dependentVote(pr *problem, v *value, acc []float64, n, c float64, s *scratch) float64 {
	ps := v.providers
	g := len(ps)
	s.order = s.order[:0]
	for i := range ps {
		s.order = append(s.order, i)
	}
	sort.SliceStable(s.order, func(i, j int) bool {
		return acc[ps[s.order[i]].src] > acc[ps[s.order[j]].src]
	})
	for rank, i := range s.order {
		s.pos[ps[i].src] = int32(rank)
	}
	if cap(s.dep) < g {
		s.dep = make([]float64, g)
	}
	indep := s.dep[:g]
	for i := range indep {
		indep[i] = 1
	}
	for _, pi := range v.pairs {
		p := &pr.pairs[pi]
		ra, rb := s.pos[p.a], s.pos[p.b]
		later := ra
		if rb > ra {
			later = rb
		}
		indep[later] *= 1 - c*p.dep
	}
	total := 0.0
	for rank, i := range s.order {
		total += ps[i].w * indep[rank] * weight(acc[ps[i].src], n)
	}
	for _, p := range ps {
		s.pos[p.src] = -1
	}
	return total
}

// vote scores an item by counting providers (the naive baseline).
func vote(it *item) {
	total := 0.0
	for vi := range it.values {
		c := 0.0
		for _, p := range it.values[vi].providers {
			c += p.w
		}
		it.values[vi].c = c
		total += c
	}
	for vi := range it.values {
		it.values[vi].p = it.values[vi].c / total
	}
}

// updateAccuracy sets each source's accuracy to its smoothed mean value
// probability and returns the largest change.
func updateAccuracy(pr *problem, acc []float64, opt Options) float64 {
	sum := make([]float64, len(acc))
	cnt := make([]float64, len(acc))
	for ii := range pr.items {
		for _, v := range pr.items[ii].values {
			for _, p := range v.providers {
				sum[p.src] += p.w * v.p
				cnt[p.src] += p.w
			}
		}
	}
	delta := 0.0
	for i := range acc {
		a := (sum[i] + opt.PriorAccuracy*opt.PriorWeight) / (cnt[i] + opt.PriorWeight)
		a = math.Min(0.99, math.Max(0.01, a))
		delta = math.Max(delta, math.Abs(a-acc[i]))
		acc[i] = a
	}
	return delta
}

// best is the index of the believed value: highest P, then most providers,
// then smallest key.
func best(it *item) int {
	b := 0
	for vi := 1; vi < len(it.values); vi++ {
		v, w := &it.values[vi], &it.values[b]
		switch {
		case v.p > w.p+1e-12:
			b = vi
		case v.p >= w.p-1e-12 && len(v.providers) > len(w.providers):
			b = vi
		}
	}
	return b
}

func result(pr *problem, acc []float64, iter int) Result {
	res := Result{Iterations: iter, Items: make([]Item, 0, len(pr.items))}
	for ii := range pr.items {
		it := &pr.items[ii]
		if len(it.values) == 0 {
			continue
		}
		v := it.values[best(it)]
		res.Items = append(res.Items, Item{
			Object: it.object, Property: it.property, Value: v.rep,
			Confidence: v.p, Support: len(v.providers),
		})
	}
	suspects := make([][]CopySuspect, len(pr.sources))
	for _, p := range pr.pairs {
		if p.dep >= 0.5 {
			suspects[p.a] = append(suspects[p.a], CopySuspect{pr.sources[p.b], p.dep})
			suspects[p.b] = append(suspects[p.b], CopySuspect{pr.sources[p.a], p.dep})
		}
	}
	res.Sources = make([]SourceScore, len(pr.sources))
	for i, name := range pr.sources {
		cs := suspects[i]
		sort.Slice(cs, func(a, b int) bool {
			if cs[a].Probability != cs[b].Probability {
				return cs[a].Probability > cs[b].Probability
			}
			return cs[a].Source < cs[b].Source
		})
		if len(cs) > 5 {
			cs = cs[:5]
		}
		res.Sources[i] = SourceScore{Name: name, Accuracy: acc[i], Claims: pr.claims[i], Copies: cs}
	}
	return res
}
