package extract

import "math"

// viterbiBuf holds one region's pass 2 inputs for Viterbi decoding
// (Viterbi 1967; structured perceptron of Collins 2002): emission scores
// per token and tag, the dense group values per token, and which tokens
// are cues (their state is rK, fixed).
type viterbiBuf struct {
	em   []float32
	gv   [][nGroups]uint8
	cue  []bool
	bp   []uint8
	ri   []int32   // per token, the offset of its transition row in rows
	rows []float32 // decode's per-token transition rows
}

func (v *viterbiBuf) reset(n int) {
	if cap(v.cue) < n {
		v.em = make([]float32, n*nRoleTags, 2*n*nRoleTags)
		v.gv = make([][nGroups]uint8, n, 2*n)
		v.cue = make([]bool, n, 2*n)
		v.bp = make([]uint8, n*nRoleTags, 2*n*nRoleTags)
		v.ri = make([]int32, n, 2*n)
	}
	v.em, v.gv, v.cue, v.bp, v.ri = v.em[:n*nRoleTags], v.gv[:n], v.cue[:n], v.bp[:n*nRoleTags], v.ri[:n]
}

// transRow is the length of one token's transition scores: for each
// previous state, each tag.
const transRow = nPrev * nRoleTags

// sumGroups writes into tr the transition scores of group values gv: the
// sum of their dense rows, added in gv's order from zero.
func sumGroups(dense []float32, gv *[nGroups]uint8, tr *[transRow]float32) {
	*tr = [transRow]float32{}
	for _, g := range gv {
		ws := (*[transRow]float32)(dense[int(g)*transRow : int(g)*transRow+transRow])
		for k := range tr {
			tr[k] += ws[k]
		}
	}
}

// Combinations of the dense groups' values (see roleDense): the first is
// always 0, the others range over 9, 18 and 8 values.
const (
	g1Base, g1N = 1, 9
	g2Base, g2N = 10, 18
	g3Base, g3N = 28, 8
	nCombos     = g1N * g2N * g3N
)

// comboOf numbers the group values gv (as roleDense makes them).
func comboOf(gv [nGroups]uint8) int {
	return ((int(gv[1])-g1Base)*g2N+int(gv[2])-g2Base)*g3N + int(gv[3]) - g3Base
}

// transTable sums dense's group rows for every combination of group
// values, in the same order as decode does, so that decoding with it gives
// the same scores bit for bit.
func transTable(dense []float32) []float32 {
	out := make([]float32, nCombos*transRow)
	for g1 := 0; g1 < g1N; g1++ {
		for g2 := 0; g2 < g2N; g2++ {
			for g3 := 0; g3 < g3N; g3++ {
				gv := [nGroups]uint8{0, uint8(g1Base + g1), uint8(g2Base + g2), uint8(g3Base + g3)}
				k := comboOf(gv) * transRow
				sumGroups(dense, &gv, (*[transRow]float32)(out[k:k+transRow]))
			}
		}
	}
	return out
}

// decode writes the best tag sequence into out (len n; rK at cue tokens).
// dense is the transition table (see roleDense), v.gv the group values.
func (v *viterbiBuf) decode(dense []float32, out []uint8) {
	n := len(v.cue)
	if cap(v.rows) < n*transRow {
		v.rows = make([]float32, n*transRow)
	}
	v.rows = v.rows[:n*transRow]
	for i := 0; i < n; i++ {
		if !v.cue[i] {
			sumGroups(dense, &v.gv[i], (*[transRow]float32)(v.rows[i*transRow:(i+1)*transRow]))
		}
		v.ri[i] = int32(i * transRow)
	}
	v.decodeRows(v.rows, out)
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

// best5 returns the best of d_p + t_p over the previous states p = 0..4
// and that p (the first one on a tie).
func best5(d0, d1, d2, d3, d4, t0, t1, t2, t3, t4 float32) (float32, uint8) {
	best, bp := d0+t0, uint8(0)
	if s := d1 + t1; s > best {
		best, bp = s, 1
	}
	if s := d2 + t2; s > best {
		best, bp = s, 2
	}
	if s := d3 + t3; s > best {
		best, bp = s, 3
	}
	if s := d4 + t4; s > best {
		best, bp = s, 4
	}
	return best, bp
}

// decodeRows is decode with each token's transition scores given by
// rows[v.ri[i]:] (a transTable, or decode's own sums).
func (v *viterbiBuf) decodeRows(rows []float32, out []uint8) {
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
		ri := int(v.ri[i])
		tr := (*[transRow]float32)(rows[ri : ri+transRow])
		if delta[rK] == negInf && delta[pStart] == negInf {
			// O, B-source and B-content follow anything; I-x only B-x or
			// I-x. Unrolled over locals: previous states in order, a later
			// one winning only when strictly better.
			d := (*[nRoleTags]float32)(delta[:nRoleTags])
			bp := (*[nRoleTags]uint8)(v.bp[i*nRoleTags : i*nRoleTags+nRoleTags])
			d0, d1, d2, d3, d4 := d[0], d[1], d[2], d[3], d[4]
			nd[rO], bp[rO] = best5(d0, d1, d2, d3, d4, tr[rO], tr[nRoleTags+rO], tr[2*nRoleTags+rO], tr[3*nRoleTags+rO], tr[4*nRoleTags+rO])
			nd[rBS], bp[rBS] = best5(d0, d1, d2, d3, d4, tr[rBS], tr[nRoleTags+rBS], tr[2*nRoleTags+rBS], tr[3*nRoleTags+rBS], tr[4*nRoleTags+rBS])
			nd[rBC], bp[rBC] = best5(d0, d1, d2, d3, d4, tr[rBC], tr[nRoleTags+rBC], tr[2*nRoleTags+rBC], tr[3*nRoleTags+rBC], tr[4*nRoleTags+rBC])
			if s1, s2 := d1+tr[rBS*nRoleTags+rIS], d2+tr[rIS*nRoleTags+rIS]; s2 > s1 {
				nd[rIS], bp[rIS] = s2, rIS
			} else {
				nd[rIS], bp[rIS] = s1, rBS
			}
			if s1, s2 := d3+tr[rBC*nRoleTags+rIC], d4+tr[rIC*nRoleTags+rIC]; s2 > s1 {
				nd[rIC], bp[rIC] = s2, rIC
			} else {
				nd[rIC], bp[rIC] = s1, rBC
			}
		} else {
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
		// Add the emissions: they are finite (int32 sums), so an
		// unreachable tag stays at -Inf without a test.
		em := (*[nRoleTags]float32)(v.em[i*nRoleTags : i*nRoleTags+nRoleTags])
		delta[0], delta[1], delta[2], delta[3], delta[4] = nd[0]+em[0], nd[1]+em[1], nd[2]+em[2], nd[3]+em[3], nd[4]+em[4]
		delta[rK], delta[pStart] = negInf, negInf
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
