package extract

import (
	"math/rand"
	"os"
	"path/filepath"
	"testing"
)

// TestCtxTabsSameScores: the pre-summed rows give every token the scores
// that its full feature lists give (pass 1 after each tag, pass 2 with
// the cue context of its paragraph), and emitRegion the transition row of
// roleDense.
func TestCtxTabsSameScores(t *testing.T) {
	md := DefaultModel()
	if md == nil {
		t.Skip("no model")
	}
	var texts []string
	if raw, err := os.ReadFile(filepath.Join("..", "..", "testdata", "seed", "babel-2024-korea-weapons-ukraine.txt")); err == nil {
		texts = append(texts, string(raw))
	}
	rnd := rand.New(rand.NewSource(9))
	for i := 0; i < 300; i++ {
		texts = append(texts, randText(rnd, rnd.Intn(200))+` "He said it," the agency reported. `+randText(rnd, 30))
	}
	if _, err := os.Stat(filepath.Join("..", "..", "..", "shared", "data", "news", "allsides-10k.jsonl.gz")); err == nil {
		texts = append(texts, newsTexts(t, 200)...)
	}
	checked := 0
	for _, text := range texts {
		x, paras := (&prepBuf{}).prepareWith(text, Options{}, md)
		rule := x.ruleRoles(x.rules(paras))
		c := newTctx(x.m, paras, rule)
		st := newTagState(len(x.m.toks))
		var fs []uint64
		var want, got [8]int32
		for _, p := range paras {
			md.tagCues(c, st, p.a, p.b)
			c.fillRoleCtx(st.rc, p.a, p.b, st.isCue, st.cueStart)
			md.emitRegion(c, st, rng{p.a, p.b}, -1) // the paragraph as one region
			for i := p.a; i < p.b; i++ {
				for prev := 0; prev < nCueTags; prev++ {
					fs = c.cueFeats(fs, i, prev)
					scores3(md.qcue, fs, &want)
					var cfs [cueWords]uint64
					c.cueWordsInto(&cfs, i, prev)
					scoresCue(md.qcue, &cfs, c.cueCtxRow(md.ctx, md.qcue, i, prev), &got)
					if got != want {
						t.Fatalf("pass 1 token %d prev %d: %v, want %v", i, prev, got, want)
					}
				}
				if st.isCue[i] {
					continue
				}
				fs = c.roleEmit(fs, st.rc, i)
				scores5(md.qrole, fs, &want)
				em := st.vt.em[(i-p.a)*nRoleTags:]
				if got := [nRoleTags]float32(em[:nRoleTags]); got != [nRoleTags]float32{float32(want[0]), float32(want[1]), float32(want[2]), float32(want[3]), float32(want[4])} {
					t.Fatalf("pass 2 token %d: emitRegion %v, want %v", i, got, want)
				}
				if w := int32(comboOf(c.roleDense(st.rc, i)) * transRow); st.vt.ri[i-p.a] != w {
					t.Fatalf("pass 2 token %d: transition row %d, want %d", i, st.vt.ri[i-p.a], w)
				}
				checked++
			}
		}
	}
	t.Logf("%d tokens checked", checked)
}

// TestScoresSplitChunks: with more rows than one lane sum holds, the
// scores still add up.
func TestScoresSplitChunks(t *testing.T) {
	md := DefaultModel()
	if md == nil {
		t.Skip("no model")
	}
	rnd := rand.New(rand.NewSource(1))
	fs := make([]uint64, 40)
	for i := range fs {
		fs[i] = rnd.Uint64()
	}
	var want, got [8]int32
	scores5(md.qrole, fs, &want)
	scores5c(md.qrole, fs[:30], sumRows2(md.qrole, fs[30:]), 10, &got)
	if got != want {
		t.Fatalf("scores5c %v, want %v", got, want)
	}
	scores3(md.qcue, fs, &want)
	scores3c(md.qcue, fs[:30], sumRows1(md.qcue, fs[30:]), 10, &got)
	if got != want {
		t.Fatalf("scores3c %v, want %v", got, want)
	}
}

// scores5c is scores5 of feats plus ctx, a sum of k rows.
func scores5c(q *qtab[[2]uint64], feats []uint64, ctx [2]uint64, k int, sc *[8]int32) {
	if len(feats)+k > laneMax {
		scores5(q, feats, sc)
		sc[0] += lane(ctx[0], 0, k)
		sc[1] += lane(ctx[0], 1, k)
		sc[2] += lane(ctx[0], 2, k)
		sc[3] += lane(ctx[1], 0, k)
		sc[4] += lane(ctx[1], 1, k)
		return
	}
	rows, mask := q.rows, q.mask
	x, y := ctx[0], ctx[1]
	for _, f := range feats {
		r := &rows[f&mask]
		x += r[0]
		y += r[1]
	}
	n := len(feats) + k
	*sc = [8]int32{lane(x, 0, n), lane(x, 1, n), lane(x, 2, n), lane(y, 0, n), lane(y, 1, n)}
}

// scores3c is scores3 of feats plus ctx, a sum of k rows.
func scores3c(q *qtab[[1]uint64], feats []uint64, ctx [1]uint64, k int, sc *[8]int32) {
	if len(feats)+k > laneMax {
		scores3(q, feats, sc)
		sc[0] += lane(ctx[0], 0, k)
		sc[1] += lane(ctx[0], 1, k)
		sc[2] += lane(ctx[0], 2, k)
		return
	}
	rows, mask := q.rows, q.mask
	x := ctx[0]
	for _, f := range feats {
		x += rows[f&mask][0]
	}
	n := len(feats) + k
	*sc = [8]int32{lane(x, 0, n), lane(x, 1, n), lane(x, 2, n)}
}

// TestDbucket: the table gives the buckets of the distance ranges.
func TestDbucket(t *testing.T) {
	ref := func(d int) uint64 {
		switch {
		case d <= 0:
			return 0
		case d <= 4:
			return uint64(d)
		case d <= 6:
			return 5
		case d <= 10:
			return 6
		case d <= 20:
			return 7
		}
		return 8
	}
	for d := -40; d < 100; d++ {
		if got := dbucket(d); got != ref(d) {
			t.Fatalf("dbucket(%d) = %d, want %d", d, got, ref(d))
		}
	}
}
