package scoring

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
)

// Incremental matching without the whole store. findEdges compares a claim
// with the last maxPosting earlier claims indexed under each token of its
// prefix (a block key). A store that keeps each claim's block keys can give
// back exactly those windows (MatchInput.Windows) and the stored groups of
// the claims in them; MatchNew then makes the decisions a full run makes
// for the new claims, in the same order, and so the same groups and edges.

// tokenHash is a block key: FNV-1a of the token.
func tokenHash(s string) int64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return int64(h)
}

// blockKeysOf lists the block keys of every claim that is matched at all.
func blockKeysOf(claims []*Claim, vs []vector, names []string) map[int64][]int64 {
	out := make(map[int64][]int64, len(claims))
	for i, v := range vs {
		if len(v.ranks) < minTokens {
			continue
		}
		ks := make([]int64, v.prefix)
		for k, r := range v.ranks[:v.prefix] {
			ks[k] = tokenHash(names[r])
		}
		out[claims[i].ID] = ks
	}
	return out
}

// BlockKeys are the keys a claim is indexed under for matching (none when
// it has too few content words to be matched). They depend on the claim
// alone.
func BlockKeys(c Claim) []int64 {
	fs := []features{analyse(c.Text, c.Cue)}
	vs, _, names := buildVectorsNamed(fs)
	return blockKeysOf([]*Claim{&c}, vs, names)[c.ID]
}

// MatchInput is what MatchNew needs.
type MatchInput struct {
	// Claims are the new claims (Group 0) and stored claims (Group set):
	// every claim of Windows and every claim of Links. All stored claims
	// precede all new ones.
	Claims []Claim
	Links  []Link
	// Windows maps a block key of a new claim to the stored claims indexed
	// under it: the last maxPosting of them, ascending.
	Windows map[int64][]int64
}

// MatchResult is MatchNew's result.
type MatchResult struct {
	// Groups maps every input claim to its raw match group after matching;
	// Remap maps each stored group that a new claim joined to its new id.
	Groups map[int64]int64
	Remap  map[int64]int64
	// Edges are the new denial and conflict edges.
	Edges []Edge
	// Keys are the new claims' block keys.
	Keys map[int64][]int64
}

// MaxWindow is how many stored claims per block key MatchInput.Windows
// holds.
const MaxWindow = maxPosting

// ErrInconsistent says that a store's matching state does not fit its
// claims; the caller should score everything instead.
var ErrInconsistent = errors.New("stored matching state is inconsistent")

// MatchNew matches the new claims of in against the stored claims exactly
// as a full run in id order would.
func MatchNew(in MatchInput) (MatchResult, error) {
	claims := make([]*Claim, len(in.Claims))
	for i := range in.Claims {
		claims[i] = &in.Claims[i]
	}
	slices.SortStableFunc(claims, func(a, b *Claim) int { return cmp.Compare(a.ID, b.ID) })
	index := make(map[int64]int32, len(claims))
	matched := make([]bool, len(claims))
	seenNew := false
	for i, c := range claims {
		if _, dup := index[c.ID]; dup {
			return MatchResult{}, fmt.Errorf("claim %d given twice: %w", c.ID, ErrInconsistent)
		}
		index[c.ID] = int32(i)
		matched[i] = c.Group != 0
		if matched[i] && seenNew {
			return MatchResult{}, fmt.Errorf("stored claim %d follows a new claim: %w", c.ID, ErrInconsistent)
		}
		seenNew = seenNew || !matched[i]
	}
	fs := analyseAll(claims)
	vs, w, names := buildVectorsNamed(fs)
	for i := range fs {
		fs[i].toks = nil
	}
	rankOf := make(map[int64]int32, len(names))
	for r, s := range names {
		rankOf[tokenHash(s)] = int32(r)
	}
	seed := make([][]posting, len(w))
	for key, ids := range in.Windows {
		r, ok := rankOf[key]
		if !ok {
			continue // no input claim has the token: no new claim probes it
		}
		for _, id := range ids {
			j, ok := index[id]
			if !ok || !matched[j] {
				return MatchResult{}, fmt.Errorf("window claim %d not given as stored: %w", id, ErrInconsistent)
			}
			v := vs[j]
			pos, found := slices.BinarySearch(v.ranks[:v.prefix], r)
			if !found || len(v.ranks) < minTokens {
				return MatchResult{}, fmt.Errorf("claim %d is not indexed under its stored key: %w", id, ErrInconsistent)
			}
			seed[r] = append(seed[r], posting{j, v.suffix[pos], v.total})
		}
	}
	gr := newGrouper(len(claims), in.Links, index)
	first := make(map[int64]int32)
	for i, c := range claims {
		if !matched[i] {
			continue
		}
		if j, ok := first[c.Group]; ok {
			gr.merge(j, int32(i))
		} else {
			first[c.Group] = int32(i)
		}
	}
	edges := findEdges(fs, vs, w, gr, matched, seed)
	res := MatchResult{Groups: make(map[int64]int64, len(claims)), Remap: make(map[int64]int64), Keys: map[int64][]int64{}}
	minOf := make(map[int32]int64)
	for i, c := range claims {
		g := c.Group
		if !matched[i] {
			g = c.ID
		}
		r := gr.uf.find(int32(i))
		if m, ok := minOf[r]; !ok || g < m {
			minOf[r] = g
		}
	}
	for i, c := range claims {
		g := minOf[gr.uf.find(int32(i))]
		res.Groups[c.ID] = g
		if matched[i] && g != c.Group {
			res.Remap[c.Group] = g
		}
	}
	for _, ed := range edges {
		res.Edges = append(res.Edges, Edge{A: claims[ed.a].ID, B: claims[ed.b].ID, Kind: int(ed.kind), Sim: ed.sim})
	}
	keys := blockKeysOf(claims, vs, names)
	for i, c := range claims {
		if !matched[i] && keys[c.ID] != nil {
			res.Keys[c.ID] = keys[c.ID]
		}
	}
	return res, nil
}

// BandKeys are the LSH band keys of an article signature (Signature), one
// per band, or nil when the signature takes no part in copy detection.
func BandKeys(sig []uint64) []int64 {
	if len(sig) != minhashK {
		return nil
	}
	out := make([]int64, lshBands)
	for b := range out {
		out[b] = int64(bandKey(sig, b))
	}
	return out
}

// DupBucketHead is how many of the first stored articles of an LSH bucket
// NewDupPairs needs (see dupClusters).
const DupBucketHead = bucketHead

// NewDupPairs finds the near-duplicate pairs that dupClusters accepts for
// the fresh articles (ids above every stored one, in any order), given
// head(band, key): the first DupBucketHead stored articles of that bucket
// by id, with signatures. Pairs are (earlier id, fresh id).
func NewDupPairs(fresh []Article, head func(band int, key int64) ([]Article, error)) ([][2]int64, error) {
	arts := slices.Clone(fresh)
	slices.SortFunc(arts, func(a, b Article) int { return cmp.Compare(a.ID, b.ID) })
	var pairs [][2]int64
	for b := 0; b < lshBands; b++ {
		buckets := make(map[int64][]Article)
		for _, a := range arts {
			if len(a.Sig) != minhashK {
				continue
			}
			key := int64(bandKey(a.Sig, b))
			list, ok := buckets[key]
			if !ok {
				stored, err := head(b, key)
				if err != nil {
					return nil, err
				}
				list = stored[:min(len(stored), bucketHead)]
			}
			for _, o := range list[:min(len(list), bucketHead)] {
				if NearDuplicate(o.Sig, a.Sig) {
					pairs = append(pairs, [2]int64{o.ID, a.ID})
				}
			}
			buckets[key] = append(list, a)
		}
	}
	return pairs, nil
}

// NearDuplicate reports whether two signatures are near duplicates.
func NearDuplicate(a, b []uint64) bool {
	if len(a) != minhashK || len(b) != minhashK {
		return false
	}
	return estJaccard((*[minhashK]uint64)(a), (*[minhashK]uint64)(b)) >= dupThreshold
}
