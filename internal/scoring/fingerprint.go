package scoring

import (
	"math"
	"slices"
)

// Fingerprints are 64-bit digests (FNV-1a) of the rows a store keeps for a
// result: every field Diff compares, and nothing else. A store that keeps
// them next to the rows can find the rows an update changes without reading
// the rows back (DiffFingerprints).
type Fingerprints struct {
	Claims   map[int64]int64
	Props    map[int64]int64
	Sources  map[int64]int64
	Findings map[int64]int64 // per proposition id; 0 = findings without one
}

type fnv64 uint64

func newFNV() fnv64 { return fnv64(14695981039346656037) }

func (h *fnv64) str(s string) {
	x := uint64(*h)
	for i := 0; i < len(s); i++ {
		x ^= uint64(s[i])
		x *= 1099511628211
	}
	*h = fnv64(x)
	h.u64(uint64(len(s)))
}

func (h *fnv64) u64(v uint64) {
	x := uint64(*h)
	for i := 0; i < 8; i++ {
		x ^= v & 0xff
		x *= 1099511628211
		v >>= 8
	}
	*h = fnv64(x)
}

func (h *fnv64) ids(a []int64) {
	h.u64(uint64(len(a)))
	for _, v := range a {
		h.u64(uint64(v))
	}
}

// ClaimFingerprint digests a claim's stored score.
func ClaimFingerprint(c ClaimScore) int64 {
	h := newFNV()
	h.u64(uint64(c.PropositionID))
	h.str(c.Stance)
	h.str(c.Grade)
	h.u64(math.Float64bits(c.Score))
	h.u64(uint64(c.IndependentOrigins))
	h.u64(uint64(c.SupportingArticles))
	h.u64(uint64(c.ContradictingArticles))
	h.str(c.Fidelity)
	h.str(c.Explanation)
	return int64(h)
}

// PropFingerprint digests what sameProp compares (not ClaimIDs).
func PropFingerprint(p *Proposition) int64 {
	h := newFNV()
	h.u64(uint64(p.IndependentOrigins))
	h.u64(uint64(p.SupportingArticles))
	h.u64(uint64(p.ContradictingArticles))
	h.str(p.Grade)
	h.u64(math.Float64bits(p.Score))
	h.str(p.Explanation)
	h.ids(p.Origins)
	h.ids(p.Contradicts)
	return int64(h)
}

// SourceFingerprint digests a source's stored grade.
func SourceFingerprint(s SourceGrade) int64 {
	h := newFNV()
	h.str(s.Reliability)
	h.u64(math.Float64bits(s.Score))
	h.str(s.Explanation)
	return int64(h)
}

// FindingsFingerprint digests one proposition's findings, sorted as
// sortFindings sorts them.
func FindingsFingerprint(fs []Finding) int64 {
	h := newFNV()
	h.u64(uint64(len(fs)))
	for _, f := range fs {
		h.str(f.Kind)
		h.str(f.Message)
		h.ids(f.ClaimIDs)
	}
	return int64(h)
}

// DiffFingerprints is Diff against a stored result known only by its
// fingerprints: the delta holds every row of cur whose digest is missing or
// different, the stored propositions cur no longer has, and the findings of
// every proposition whose findings digest changed (a proposition without
// findings has the digest of none; findings without a proposition are
// always rewritten).
func DiffFingerprints(old Fingerprints, cur Result) Delta {
	d := Delta{Claims: make(map[int64]ClaimScore), Sources: make(map[int64]SourceGrade)}
	seen := make(map[int64]bool, len(cur.Propositions))
	for i := range cur.Propositions {
		p := &cur.Propositions[i]
		seen[p.ID] = true
		if h, ok := old.Props[p.ID]; !ok || h != PropFingerprint(p) {
			d.Propositions = append(d.Propositions, *p)
		}
	}
	for id := range old.Props {
		if !seen[id] {
			d.Removed = append(d.Removed, id)
		}
	}
	slices.Sort(d.Removed)
	for id, c := range cur.Claims {
		if h, ok := old.Claims[id]; !ok || h != ClaimFingerprint(c) {
			d.Claims[id] = c
		}
	}
	for id, s := range cur.Sources {
		if h, ok := old.Sources[id]; !ok || h != SourceFingerprint(s) {
			d.Sources[id] = s
		}
	}
	curF := findingsByProp(cur.Findings)
	d.FindingProps = append(d.FindingProps, 0)
	d.Findings = append(d.Findings, curF[0]...)
	for i := range cur.Propositions {
		id := cur.Propositions[i].ID
		fs := curF[id]
		if h, ok := old.Findings[id]; !ok || h != FindingsFingerprint(fs) {
			d.FindingProps = append(d.FindingProps, id)
			d.Findings = append(d.Findings, fs...)
		}
	}
	slices.Sort(d.FindingProps)
	sortFindings(d.Findings)
	return d
}

// FindingsByProp groups findings by proposition id (0 = none), each group
// sorted; FindingsFingerprint of a group is what a store keeps.
func FindingsByProp(fs []Finding) map[int64][]Finding { return findingsByProp(fs) }
