package scoring

import "sort"

// Near-duplicate article detection: MinHash over word 4-shingles (Broder
// 1997) with locality-sensitive banding, so the cost is linear in the text
// and the number of candidate pairs stays small.
const (
	shingleWords = 4
	minhashK     = 32
	lshBands     = 8 // 8 bands of 4 rows: pairs above ~0.6 Jaccard meet in a band
	dupThreshold = 0.5
	minDupWords  = 25 // shorter texts are not compared
	// maxClusterOutlets bounds the outlets of a cluster that its copies
	// are tied to (see components).
	maxClusterOutlets = 16
)

// mixers are fixed odd multipliers for the MinHash family h_i(x) = mix(x ^ s_i).
var mixers = func() [minhashK]uint64 {
	var m [minhashK]uint64
	x := uint64(0x9E3779B97F4A7C15)
	for i := range m {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		m[i] = x | 1
	}
	return m
}()

func mix(x uint64) uint64 {
	x ^= x >> 33
	x *= 0xff51afd7ed558ccd
	x ^= x >> 33
	x *= 0xc4ceb9fe1a85ec53
	x ^= x >> 33
	return x
}

// signature is the MinHash signature of an article's word shingles; ok is
// false for texts too short to compare.
func signature(text string) ([minhashK]uint64, bool) {
	var sig [minhashK]uint64
	for i := range sig {
		sig[i] = ^uint64(0)
	}
	// Rolling window of the last word hashes (FNV-1a over lower-cased ASCII
	// letters and digits; other bytes are kept as they are).
	var win [shingleWords]uint64
	words := 0
	var h uint64
	inWord := false
	flush := func() {
		win[words%shingleWords] = h
		words++
		if words >= shingleWords {
			base := uint64(14695981039346656037)
			for k := 0; k < shingleWords; k++ {
				base = mix(base ^ win[(words+k)%shingleWords])
			}
			for k := range sig {
				if v := mix(base ^ mixers[k]); v < sig[k] {
					sig[k] = v
				}
			}
		}
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c == ' ' || c == '\n' || c == '\t' || c == '\r' {
			if inWord {
				flush()
				inWord = false
			}
			continue
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if !inWord {
			h = 14695981039346656037
			inWord = true
		}
		h ^= uint64(c)
		h *= 1099511628211
	}
	if inWord {
		flush()
	}
	return sig, words >= minDupWords
}

// Signature is the MinHash signature of an article's text (32 values) that
// copy detection compares, or nil when the text is too short to compare. A
// store keeps it per article (Article.Sig) so that scoring never needs to
// reload article texts; it depends on the text alone.
func Signature(text string) []uint64 {
	s, ok := signature(text)
	if !ok {
		return nil
	}
	return s[:]
}

// dupClusters groups articles whose texts are near duplicates (an uncredited
// wire copy, a re-run). It returns article id -> cluster id (the smallest
// article id in the cluster) for articles in clusters of two or more.
func dupClusters(arts []Article) map[int64]int64 {
	type item struct {
		id  int64
		sig [minhashK]uint64
	}
	var items []item
	for _, a := range arts {
		if len(a.Sig) == minhashK {
			var s [minhashK]uint64
			copy(s[:], a.Sig)
			items = append(items, item{a.ID, s})
		} else if s, ok := signature(a.Text); ok {
			items = append(items, item{a.ID, s})
		}
	}
	sort.Slice(items, func(i, j int) bool { return items[i].id < items[j].id })
	uf := newUnionFind(len(items))
	for b := 0; b < lshBands; b++ {
		buckets := make(map[uint64][]int32)
		for i, it := range items {
			key := bandKey(it.sig[:], b)
			buckets[key] = append(buckets[key], int32(i))
		}
		for _, list := range buckets {
			// Compare each member with the first few of its bucket only.
			for x := 1; x < len(list); x++ {
				for y := 0; y < x && y < bucketHead; y++ {
					if estJaccard(&items[list[x]].sig, &items[list[y]].sig) >= dupThreshold {
						uf.union(list[x], list[y])
					}
				}
			}
		}
	}
	out := make(map[int64]int64)
	rootMin := make(map[int32]int64)
	for i, it := range items {
		r := uf.find(int32(i))
		if uf.size[r] < 2 {
			continue
		}
		if m, ok := rootMin[r]; !ok || it.id < m {
			rootMin[r] = it.id
		}
	}
	for i, it := range items {
		r := uf.find(int32(i))
		if m, ok := rootMin[r]; ok {
			out[it.id] = m
		}
	}
	return out
}

// bucketHead is how many of the first members of an LSH bucket each later
// member is compared with.
const bucketHead = 8

// bandKey is the LSH key of band b of a signature.
func bandKey(sig []uint64, b int) uint64 {
	const rows = minhashK / lshBands
	var key uint64 = uint64(b) + 1
	for _, v := range sig[b*rows : (b+1)*rows] {
		key = mix(key*31 + v)
	}
	return key
}

func estJaccard(a, b *[minhashK]uint64) float64 {
	eq := 0
	for i := range a {
		if a[i] == b[i] {
			eq++
		}
	}
	return float64(eq) / minhashK
}

// clusterOutlets lists the outlets of the articles of each near-duplicate
// cluster, sorted and unique.
func clusterOutlets(dupOf map[int64]int64, arts map[int64]*Article) map[int64][]int64 {
	out := make(map[int64][]int64)
	for id, cl := range dupOf {
		if a := arts[id]; a != nil {
			out[cl] = append(out[cl], a.Outlet)
		}
	}
	for cl, l := range out {
		if l = uniqIDs(l); len(l) > maxClusterOutlets {
			// A reprint carried by many outlets: its members already
			// share the cluster; naming them all would cost more than it says.
			l = nil
		}
		out[cl] = l
	}
	return out
}
