package extract

import (
	"math/rand"
	"testing"
)

// TestViterbiWellFormed: whatever the scores, decoding never puts an I tag
// after anything but its own B or I, keeps cue tokens as cues, and finds
// the best path of a tiny case by brute force.
func TestViterbiWellFormed(t *testing.T) {
	rnd := rand.New(rand.NewSource(7))
	dense := make([]float32, denseSize)
	for i := range dense {
		dense[i] = rnd.Float32()*4 - 2
	}
	for trial := 0; trial < 200; trial++ {
		n := 1 + rnd.Intn(12)
		var v viterbiBuf
		v.reset(n)
		for i := range v.em {
			v.em[i] = rnd.Float32()*6 - 3
		}
		for i := range v.gv {
			v.gv[i] = [nGroups]uint8{0, uint8(1 + rnd.Intn(9)), uint8(10 + rnd.Intn(18)), uint8(28 + rnd.Intn(8))}
			v.cue[i] = rnd.Intn(5) == 0
		}
		out := make([]uint8, n)
		v.decode(dense, out)
		prev := pStart
		for i, tg := range out {
			if v.cue[i] != (tg == rK) {
				t.Fatalf("trial %d: token %d cue %v tag %d", trial, i, v.cue[i], tg)
			}
			if tg != rK && !allowed(prev, int(tg)) {
				t.Fatalf("trial %d: tag %d after %d", trial, tg, prev)
			}
			prev = int(tg)
		}
		if n <= 6 {
			if got, want := pathScore(&v, dense, out), bruteBest(&v, dense); got < want-1e-3 {
				t.Fatalf("trial %d: viterbi %.3f < best %.3f", trial, got, want)
			}
		}
	}
}

func pathScore(v *viterbiBuf, dense []float32, tags []uint8) float32 {
	s, prev := float32(0), pStart
	for i, tg := range tags {
		if tg != rK {
			s += v.em[i*nRoleTags+int(tg)]
			for _, g := range v.gv[i] {
				s += dense[denseIdx(int(g), prev, int(tg))]
			}
		}
		prev = int(tg)
	}
	return s
}

func bruteBest(v *viterbiBuf, dense []float32) float32 {
	n := len(v.cue)
	tags := make([]uint8, n)
	best := float32(-1e30)
	var rec func(i, prev int)
	rec = func(i, prev int) {
		if i == n {
			if s := pathScore(v, dense, tags); s > best {
				best = s
			}
			return
		}
		if v.cue[i] {
			tags[i] = rK
			rec(i+1, rK)
			return
		}
		for tg := 0; tg < nRoleTags; tg++ {
			if allowed(prev, tg) {
				tags[i] = uint8(tg)
				rec(i+1, tg)
			}
		}
	}
	rec(0, pStart)
	return best
}

// TestHashSets checks the open-addressing set and map, zero key included.
func TestHashSets(t *testing.T) {
	s := newHashSet(2)
	m := newHashMap16(100)
	for i := uint64(0); i < 100; i++ {
		s.add(i * 0x9E3779B97F4A7C15)
		m.put(i*0x9E3779B97F4A7C15, uint16(i))
	}
	for i := uint64(0); i < 100; i++ {
		if !s.has(i*0x9E3779B97F4A7C15) || m.get(i*0x9E3779B97F4A7C15) != uint16(i) {
			t.Fatalf("key %d lost", i)
		}
	}
	if s.has(12345) || m.get(12345) != 0 || len(s.keys()) != 100 {
		t.Fatal("set or map holds a key never added")
	}
}

// decodeRowsRef is decodeRows as it was before its states were kept in
// locals: the reference that TestDecodeRowsSame compares it with.
func (v *viterbiBuf) decodeRowsRef(rows []float32, out []uint8) {
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

// TestDecodeRowsSame: decodeRows gives decodeRowsRef's tags on random
// scores and cue marks, ties included.
func TestDecodeRowsSame(t *testing.T) {
	rnd := rand.New(rand.NewSource(11))
	rows := make([]float32, 40*transRow)
	for trial := 0; trial < 3000; trial++ {
		ties := trial%3 == 0 // few distinct values: many ties
		val := func() float32 {
			if ties {
				return float32(rnd.Intn(3))
			}
			return rnd.Float32()*6 - 3
		}
		for i := range rows {
			rows[i] = val()
		}
		n := rnd.Intn(30)
		var v viterbiBuf
		v.reset(n)
		for i := range v.em {
			v.em[i] = val()
		}
		for i := 0; i < n; i++ {
			v.cue[i] = rnd.Intn(4) == 0
			v.ri[i] = int32(rnd.Intn(40) * transRow)
		}
		got, want := make([]uint8, n), make([]uint8, n)
		v.decodeRows(rows, got)
		v.decodeRowsRef(rows, want)
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("trial %d: tags %v, want %v", trial, got, want)
			}
		}
	}
}
