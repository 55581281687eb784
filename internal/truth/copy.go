package truth

import (
	"math"
	"sort"
)

// Copy detection after Dong, Berti-Equille & Srivastava, "Integrating
// conflicting data: the role of source dependence", VLDB 2009 (Depen).
// Two independent sources agree on a true value with probability
// Pt = A1·A2 and on a given false value with Pf = (1-A1)(1-A2)/n, since
// independent errors are spread over n false values; a copier repeats its
// original's value with probability c. Sharing many false values is
// therefore strong evidence of copying, sharing true values weak, and
// differing values evidence of independence. Only pairs that give the same
// value on some item are scored (others cannot discount each other), only
// those sharing at least one false value can be found dependent, and each
// item contributes at most MaxPairSources providers.

// pair is two sources that co-provide at least one value.
type pair struct {
	a, b   int32
	shared float64 // items both gave a value for
	same   float64 // items both gave the same value for
	kt, kf float64 // same values that are believed true / false
	dep    float64 // posterior probability of dependence
}

// buildPairs creates the pairs and the per-value pair lists.
func buildPairs(pr *problem, opt Options) {
	index := make(map[uint64]int32)
	capped := make([]bool, len(pr.sources))
	var provs []int32
	for ii := range pr.items {
		it := &pr.items[ii]
		provs = cappedProviders(it, pr.claims, opt.MaxPairSources, provs[:0])
		for _, s := range provs {
			capped[s] = true
		}
		for vi := range it.values {
			v := &it.values[vi]
			ps := v.providers
			for i := 0; i < len(ps); i++ {
				if !capped[ps[i].src] {
					continue
				}
				for j := i + 1; j < len(ps); j++ {
					if !capped[ps[j].src] {
						continue
					}
					k := pairKey(ps[i].src, ps[j].src)
					p, ok := index[k]
					if !ok {
						p = int32(len(pr.pairs))
						index[k] = p
						pr.pairs = append(pr.pairs, pair{a: ps[i].src, b: ps[j].src})
					}
					pr.pairs[p].same++
					v.pairs = append(v.pairs, p)
				}
			}
		}
		for i := 0; i < len(provs); i++ {
			for j := i + 1; j < len(provs); j++ {
				if p, ok := index[pairKey(provs[i], provs[j])]; ok {
					pr.pairs[p].shared++
				}
			}
		}
		for _, s := range provs {
			capped[s] = false
		}
	}
	for i := range pr.pairs {
		p := &pr.pairs[i]
		if p.same > p.shared { // a source with two values on one item
			p.shared = p.same
		}
	}
}

func pairKey(a, b int32) uint64 {
	if a > b {
		a, b = b, a
	}
	return uint64(uint32(a))<<32 | uint64(uint32(b))
}

// cappedProviders returns the distinct providers of an item, at most limit
// of them, preferring sources with more claims (more evidence about them).
func cappedProviders(it *item, claims []int, limit int, out []int32) []int32 {
	for _, v := range it.values {
		for _, p := range v.providers {
			out = append(out, p.src)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	u := out[:0]
	for i, s := range out {
		if i == 0 || s != out[i-1] {
			u = append(u, s)
		}
	}
	out = u
	if len(out) > limit {
		sort.SliceStable(out, func(i, j int) bool { return claims[out[i]] > claims[out[j]] })
		out = out[:limit]
	}
	return out
}

// updateDependence recomputes every pair's probability of dependence from
// the current value probabilities and source accuracies.
func updateDependence(pr *problem, acc []float64, opt Options) {
	for i := range pr.pairs {
		pr.pairs[i].kt, pr.pairs[i].kf = 0, 0
	}
	// As in Depen, the value currently believed is taken as the truth.
	for ii := range pr.items {
		it := &pr.items[ii]
		b := best(it)
		for vi := range it.values {
			for _, p := range it.values[vi].pairs {
				if vi == b {
					pr.pairs[p].kt++
				} else {
					pr.pairs[p].kf++
				}
			}
		}
	}
	n := float64(opt.FalseValues)
	c, alpha := opt.CopyRate, opt.CopyPrior
	for i := range pr.pairs {
		p := &pr.pairs[i]
		if p.kf == 0 {
			// No shared false value: agreeing on true values alone is
			// what accurate independent sources do, and discounting
			// them could only weaken the truth. Skipping these pairs
			// keeps a round linear in the suspicious pairs.
			p.dep = 0
			continue
		}
		a1, a2 := acc[p.a], acc[p.b]
		kd := math.Max(0, p.shared-p.same)
		pt := a1 * a2
		pf := (1 - a1) * (1 - a2) / n
		pd := math.Max(1e-12, 1-pt-pf)
		ind := p.kt*math.Log(pt) + p.kf*math.Log(pf) + kd*math.Log(pd)
		d := func(a float64) float64 {
			return p.kt*math.Log(a*c+pt*(1-c)) + p.kf*math.Log((1-a)*c+pf*(1-c)) +
				kd*math.Log(math.Max(1e-300, pd*(1-c)))
		}
		d1 := math.Log(alpha/2) + d(a1)
		d2 := math.Log(alpha/2) + d(a2)
		dep := logAdd(d1, d2)
		in := math.Log(1-alpha) + ind
		p.dep = 1 / (1 + math.Exp(in-dep))
	}
}

func logAdd(x, y float64) float64 {
	if x < y {
		x, y = y, x
	}
	return x + math.Log1p(math.Exp(y-x))
}
