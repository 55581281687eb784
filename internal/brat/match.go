package brat

import (
	"cmp"
	"slices"
	"sort"
	"strconv"

	"github.com/attrib/attrib/internal/extract"
)

// spanSet is a normalised set of fragments: sorted, empty fragments dropped,
// overlapping or touching fragments merged. Two span sets are equal exactly
// when they cover the same code points.
type spanSet []extract.Span

func normalize(in []extract.Span) spanSet {
	var out spanSet
	for _, s := range in {
		if s.End > s.Start {
			out = append(out, s)
		}
	}
	if len(out) == 0 {
		return nil
	}
	if !slices.IsSortedFunc(out, byStart) {
		slices.SortFunc(out, byStart)
	}
	w := 0
	for _, s := range out[1:] {
		if s.Start <= out[w].End {
			if s.End > out[w].End {
				out[w].End = s.End
			}
			continue
		}
		w++
		out[w] = s
	}
	return out[:w+1]
}

func byStart(a, b extract.Span) int { return cmp.Compare(a.Start, b.Start) }

// appendKey writes a compact, unique text form of s to b.
func (s spanSet) appendKey(b []byte) []byte {
	for i, f := range s {
		if i > 0 {
			b = append(b, ';')
		}
		b = strconv.AppendInt(b, int64(f.Start), 10)
		b = append(b, '-')
		b = strconv.AppendInt(b, int64(f.End), 10)
	}
	return b
}

// overlap counts the code points two normalised sets share, in linear time.
func overlap(a, b spanSet) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		lo, hi := max(a[i].Start, b[j].Start), min(a[i].End, b[j].End)
		if hi > lo {
			n += hi - lo
		}
		if a[i].End < b[j].End {
			i++
		} else {
			j++
		}
	}
	return n
}

// item is one thing to match: a role's span set, or a whole relation.
type item struct {
	key    string
	lo, hi int        // extent, for the overlap sweep
	empty  bool       // no role has a fragment
	roles  [3]spanSet // source, cue, content (a role item uses roles[0])
}

func newItem(roles ...spanSet) item {
	it := item{empty: true}
	var buf [64]byte
	b := buf[:0]
	for k, r := range roles {
		if k > 0 {
			b = append(b, '|')
		}
		b = r.appendKey(b)
		it.roles[k] = r
		if len(r) == 0 {
			continue
		}
		if it.empty {
			it.lo, it.hi, it.empty = r[0].Start, r[len(r)-1].End, false
		}
		it.lo, it.hi = min(it.lo, r[0].Start), max(it.hi, r[len(r)-1].End)
	}
	it.key = string(b)
	return it
}

// dedupe drops items whose key repeats, keeping the first.
func dedupe(items []item) []item {
	seen := make(map[string]bool, len(items))
	out := items[:0]
	for _, it := range items {
		if !seen[it.key] {
			seen[it.key] = true
			out = append(out, it)
		}
	}
	return out
}

// matchExact counts predictions whose key equals a gold key, each gold item
// used at most once.
func matchExact(pred, gold []item) int {
	left := make(map[string]int, len(gold))
	for _, g := range gold {
		left[g.key]++
	}
	tp := 0
	for _, p := range pred {
		if left[p.key] > 0 {
			left[p.key]--
			tp++
		}
	}
	return tp
}

// matchOverlap pairs predictions with gold items greedily by largest score
// (ties: earlier prediction, then earlier gold), each used at most once, and
// returns the number of pairs. score returns <= 0 for "no match". Candidate
// pairs come from a sweep over extents, so the cost is near-linear in the
// number of items plus the number of overlapping pairs.
func matchOverlap(pred, gold []item, score func(p, g *item) int) int {
	type pair struct{ p, g, s int }
	var pairs []pair
	po := byLo(pred)
	gOrder := byLo(gold)
	var active []int // gold indices whose extent may still overlap
	next := 0
	for _, pi := range po {
		p := &pred[pi]
		for next < len(gOrder) && gold[gOrder[next]].lo < p.hi {
			active = append(active, gOrder[next])
			next++
		}
		w := 0
		for _, gi := range active {
			g := &gold[gi]
			if g.hi <= p.lo {
				continue // ends before this and every later prediction
			}
			active[w] = gi
			w++
			if g.lo < p.hi {
				if s := score(p, g); s > 0 {
					pairs = append(pairs, pair{pi, gi, s})
				}
			}
		}
		active = active[:w]
	}
	sort.Slice(pairs, func(i, j int) bool {
		a, b := pairs[i], pairs[j]
		if a.s != b.s {
			return a.s > b.s
		}
		if a.p != b.p {
			return a.p < b.p
		}
		return a.g < b.g
	})
	usedP := make([]bool, len(pred))
	usedG := make([]bool, len(gold))
	n := 0
	for _, pr := range pairs {
		if !usedP[pr.p] && !usedG[pr.g] {
			usedP[pr.p], usedG[pr.g] = true, true
			n++
		}
	}
	return n
}

// byLo returns the indices of items with a non-empty extent, by extent start.
func byLo(items []item) []int {
	idx := make([]int, 0, len(items))
	for i, it := range items {
		if !it.empty {
			idx = append(idx, i)
		}
	}
	sort.SliceStable(idx, func(a, b int) bool { return items[idx[a]].lo < items[idx[b]].lo })
	return idx
}

// roleScore is the overlap score of two single-role items.
func roleScore(p, g *item) int { return overlap(p.roles[0], g.roles[0]) }

// relationScore is the summed overlap of the three roles when every role
// agrees (both empty, or sharing at least one code point), else 0.
func relationScore(p, g *item) int {
	total := 0
	for k := 0; k < 3; k++ {
		a, b := p.roles[k], g.roles[k]
		if len(a) == 0 && len(b) == 0 {
			continue
		}
		o := overlap(a, b)
		if o == 0 {
			return 0
		}
		total += o
	}
	return total
}
