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

// argmax5 returns the best of five scores and its index, the first on a
// tie.
func argmax5(d0, d1, d2, d3, d4 float32) (int, float32) {
	best, val := 0, d0
	if d1 > val {
		best, val = 1, d1
	}
	if d2 > val {
		best, val = 2, d2
	}
	if d3 > val {
		best, val = 3, d3
	}
	if d4 > val {
		best, val = 4, d4
	}
	return best, val
}

// decodeRows is decode with each token's transition scores given by
// rows[v.ri[i]:] (a transTable, or decode's own sums). The five role
// tags' scores live in locals; at a region's start and right after a
// cue, a single other state (pStart or rK, score ds) is live instead.
func (v *viterbiBuf) decodeRows(rows []float32, out []uint8) {
	n := len(v.cue)
	if n == 0 {
		return
	}
	cue, ri, em, bp, out := v.cue[:n], v.ri[:n], v.em[:n*nRoleTags], v.bp[:n*nRoleTags], out[:n]
	d0, d1, d2, d3, d4 := negInf, negInf, negInf, negInf, negInf
	sp, ds := pStart, float32(0) // the live special state (-1 none) and its score
	for i := 0; i < n; i++ {
		b := (*[nRoleTags]uint8)(bp[i*nRoleTags : i*nRoleTags+nRoleTags])
		if cue[i] {
			// The best state so far (the first on a tie) goes on as rK.
			best, val := sp, ds
			if sp < 0 {
				best, val = argmax5(d0, d1, d2, d3, d4)
			}
			b[0] = uint8(best)
			sp, ds = rK, val
			d0, d1, d2, d3, d4 = negInf, negInf, negInf, negInf, negInf
			continue
		}
		r := int(ri[i])
		tr := (*[transRow]float32)(rows[r : r+transRow])
		e := (*[nRoleTags]float32)(em[i*nRoleTags : i*nRoleTags+nRoleTags])
		var n0, n1, n2, n3, n4 float32
		if sp < 0 {
			// O, B-source and B-content follow anything; I-x only B-x or
			// I-x. Previous states in order, a later one winning only
			// when strictly better.
			n0, b[rO] = best5(d0, d1, d2, d3, d4, tr[rO], tr[nRoleTags+rO], tr[2*nRoleTags+rO], tr[3*nRoleTags+rO], tr[4*nRoleTags+rO])
			n1, b[rBS] = best5(d0, d1, d2, d3, d4, tr[rBS], tr[nRoleTags+rBS], tr[2*nRoleTags+rBS], tr[3*nRoleTags+rBS], tr[4*nRoleTags+rBS])
			n3, b[rBC] = best5(d0, d1, d2, d3, d4, tr[rBC], tr[nRoleTags+rBC], tr[2*nRoleTags+rBC], tr[3*nRoleTags+rBC], tr[4*nRoleTags+rBC])
			if s1, s2 := d1+tr[rBS*nRoleTags+rIS], d2+tr[rIS*nRoleTags+rIS]; s2 > s1 {
				n2, b[rIS] = s2, rIS
			} else {
				n2, b[rIS] = s1, rBS
			}
			if s1, s2 := d3+tr[rBC*nRoleTags+rIC], d4+tr[rIC*nRoleTags+rIC]; s2 > s1 {
				n4, b[rIC] = s2, rIC
			} else {
				n4, b[rIC] = s1, rBC
			}
		} else {
			// Only O, B-source and B-content follow the special state.
			t := (*[nRoleTags]float32)(tr[sp*nRoleTags : sp*nRoleTags+nRoleTags])
			n0, n1, n2, n3, n4 = ds+t[rO], ds+t[rBS], negInf, ds+t[rBC], negInf
			b[rO], b[rBS], b[rBC] = uint8(sp), uint8(sp), uint8(sp)
			sp = -1
		}
		// Add the emissions: they are finite (int32 sums), so an
		// unreachable tag stays at -Inf without a test.
		d0, d1, d2, d3, d4 = n0+e[0], n1+e[1], n2+e[2], n3+e[3], n4+e[4]
	}
	s := sp
	if s < 0 {
		s, _ = argmax5(d0, d1, d2, d3, d4)
	}
	for i := n - 1; i >= 0; i-- {
		if cue[i] {
			out[i] = rK
			s = int(bp[i*nRoleTags])
		} else {
			out[i] = uint8(s)
			s = int(bp[i*nRoleTags+s])
		}
	}
}
