package extract

import "math"

// viterbiBuf holds one region's pass 2 inputs for Viterbi decoding
// (Viterbi 1967; structured perceptron of Collins 2002): emission scores
// per token and tag, the dense group values per token, and which tokens
// are cues (their state is rK, fixed).
type viterbiBuf struct {
	em  []float32
	gv  [][nGroups]uint8
	cue []bool
	bp  []uint8
}

func (v *viterbiBuf) reset(n int) {
	if cap(v.cue) < n {
		v.em = make([]float32, n*nRoleTags, 2*n*nRoleTags)
		v.gv = make([][nGroups]uint8, n, 2*n)
		v.cue = make([]bool, n, 2*n)
		v.bp = make([]uint8, n*nRoleTags, 2*n*nRoleTags)
	}
	v.em, v.gv, v.cue, v.bp = v.em[:n*nRoleTags], v.gv[:n], v.cue[:n], v.bp[:n*nRoleTags]
}

// allowed: an I tag only continues its own B or I.
func allowed(p, t int) bool {
	switch t {
	case rIS:
		return p == rBS || p == rIS
	case rIC:
		return p == rBC || p == rIC
	}
	return true
}

var negInf = float32(math.Inf(-1))

// decode writes the best tag sequence into out (len n; rK at cue tokens).
// dense is the transition table (see roleDense).
func (v *viterbiBuf) decode(dense []float32, out []uint8) {
	n := len(v.cue)
	var delta, nd [nPrev]float32
	for p := range delta {
		delta[p] = negInf
	}
	delta[pStart] = 0
	for i := 0; i < n; i++ {
		if v.cue[i] {
			best := 0
			for p := 1; p < nPrev; p++ {
				if delta[p] > delta[best] {
					best = p
				}
			}
			v.bp[i*nRoleTags] = uint8(best)
			val := delta[best]
			for p := range delta {
				delta[p] = negInf
			}
			delta[rK] = val
			continue
		}
		// The transition scores of the live previous states: only the
		// role tags, except right after a cue or at the start.
		const row = nPrev * nRoleTags
		const live5 = nRoleTags * nRoleTags
		gv := &v.gv[i]
		if delta[rK] == negInf && delta[pStart] == negInf {
			var tr [live5]float32
			for _, g := range gv {
				ws := (*[live5]float32)(dense[int(g)*row : int(g)*row+live5])
				for k := range tr {
					tr[k] += ws[k]
				}
			}
			// O, B-source and B-content follow anything; I-x only B-x or I-x.
			for _, t := range [3]int{rO, rBS, rBC} {
				best, bp := delta[0]+tr[t], 0
				for p := 1; p < nRoleTags; p++ {
					if s := delta[p] + tr[p*nRoleTags+t]; s > best {
						best, bp = s, p
					}
				}
				nd[t] = best
				v.bp[i*nRoleTags+t] = uint8(bp)
			}
			for _, bi := range [2][2]int{{rBS, rIS}, {rBC, rIC}} {
				b, in := bi[0], bi[1]
				s1, s2 := delta[b]+tr[b*nRoleTags+in], delta[in]+tr[in*nRoleTags+in]
				if s2 > s1 {
					nd[in] = s2
					v.bp[i*nRoleTags+in] = uint8(in)
				} else {
					nd[in] = s1
					v.bp[i*nRoleTags+in] = uint8(b)
				}
			}
		} else {
			var tr [row]float32
			for _, g := range gv {
				ws := (*[row]float32)(dense[int(g)*row : int(g)*row+row])
				for k := range tr {
					tr[k] += ws[k]
				}
			}
			for t := 0; t < nRoleTags; t++ {
				nd[t] = negInf
			}
			for p := 0; p < nPrev; p++ {
				if delta[p] == negInf {
					continue
				}
				for t := 0; t < nRoleTags; t++ {
					if !allowed(p, t) {
						continue
					}
					if s := delta[p] + tr[p*nRoleTags+t]; s > nd[t] {
						nd[t] = s
						v.bp[i*nRoleTags+t] = uint8(p)
					}
				}
			}
		}
		for t := 0; t < nRoleTags; t++ {
			if nd[t] != negInf {
				nd[t] += v.em[i*nRoleTags+t]
			}
		}
		for p := range delta {
			delta[p] = negInf
		}
		copy(delta[:nRoleTags], nd[:nRoleTags])
	}
	s := 0
	for p := 1; p < nPrev; p++ {
		if delta[p] > delta[s] {
			s = p
		}
	}
	for i := n - 1; i >= 0; i-- {
		if v.cue[i] {
			out[i] = rK
			s = int(v.bp[i*nRoleTags])
		} else {
			out[i] = uint8(s)
			s = int(v.bp[i*nRoleTags+s])
		}
	}
}
