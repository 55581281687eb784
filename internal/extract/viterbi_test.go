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
