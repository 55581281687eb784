package truth

import "sort"

// provider is one source giving a value, with weight 1/k when the source
// gave k different values for the same item.
type provider struct {
	src int32
	w   float64
}

type value struct {
	key, rep  string
	providers []provider // sorted by source index
	pairs     []int32    // copy-detection pairs among the providers
	c, p      float64    // vote count (with similarity) and probability
}

type item struct {
	object, property string
	values           []value
	sim              []float32 // m×m similarities, nil when none apply
	n                int       // false values in the domain
}

// problem is a Dataset indexed for iteration: sources and items sorted,
// values grouped by canonical key.
type problem struct {
	sources []string
	claims  []int // items per source
	items   []item
	pairs   []pair
}

// build indexes ds. Claims whose value normalises to nothing are dropped.
func build(ds *Dataset, opt Options) *problem {
	type vb struct {
		srcs map[int32]bool
		raws map[string]int
	}
	type ib struct {
		object, property string
		values           map[string]*vb
	}
	srcIdx := make(map[string]int32)
	var srcNames []string
	itemIdx := make(map[string]*ib)
	for _, c := range ds.Claims {
		key, ok := opt.Normalize(c.Property, c.Value)
		if !ok {
			continue
		}
		s, ok := srcIdx[c.Source]
		if !ok {
			s = int32(len(srcNames))
			srcIdx[c.Source] = s
			srcNames = append(srcNames, c.Source)
		}
		ik := c.Object + "\x00" + c.Property
		it := itemIdx[ik]
		if it == nil {
			it = &ib{object: c.Object, property: c.Property, values: make(map[string]*vb)}
			itemIdx[ik] = it
		}
		v := it.values[key]
		if v == nil {
			v = &vb{srcs: make(map[int32]bool), raws: make(map[string]int)}
			it.values[key] = v
		}
		v.srcs[s] = true
		v.raws[c.Value]++
	}
	// Renumber sources in name order for determinism.
	order := make([]int32, len(srcNames))
	sorted := append([]string(nil), srcNames...)
	sort.Strings(sorted)
	newIdx := make(map[string]int32, len(sorted))
	for i, n := range sorted {
		newIdx[n] = int32(i)
	}
	for i, n := range srcNames {
		order[i] = newIdx[n]
	}
	pr := &problem{sources: sorted, claims: make([]int, len(sorted))}
	keys := make([]string, 0, len(itemIdx))
	for k := range itemIdx {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	pr.items = make([]item, 0, len(keys))
	for _, k := range keys {
		b := itemIdx[k]
		it := item{object: b.object, property: b.property}
		vkeys := make([]string, 0, len(b.values))
		for vk := range b.values {
			vkeys = append(vkeys, vk)
		}
		sort.Strings(vkeys)
		count := make(map[int32]int) // values per source on this item
		for _, vk := range vkeys {
			for s := range b.values[vk].srcs {
				count[order[s]]++
			}
		}
		for s := range count {
			pr.claims[s]++
		}
		for _, vk := range vkeys {
			v := b.values[vk]
			val := value{key: vk, rep: representative(v.raws)}
			for s := range v.srcs {
				ns := order[s]
				val.providers = append(val.providers, provider{src: ns, w: 1 / float64(count[ns])})
			}
			sort.Slice(val.providers, func(i, j int) bool { return val.providers[i].src < val.providers[j].src })
			it.values = append(it.values, val)
		}
		it.n = max(opt.FalseValues, len(it.values)-1)
		if !opt.Vote && !opt.NoSimilarity {
			it.sim = similarities(it, opt)
		}
		pr.items = append(pr.items, it)
	}
	return pr
}

// representative is the most frequent raw spelling; ties go to the
// lexically smallest.
func representative(raws map[string]int) string {
	best, bc := "", -1
	for r, c := range raws {
		if c > bc || (c == bc && r < best) {
			best, bc = r, c
		}
	}
	return best
}

// maxSimValues bounds the m×m similarity matrix of one item.
const maxSimValues = 64

func similarities(it item, opt Options) []float32 {
	m := len(it.values)
	if m < 2 || m > maxSimValues {
		return nil
	}
	sim := make([]float32, m*m)
	any := false
	for i := 0; i < m; i++ {
		for j := 0; j < m; j++ {
			if i == j {
				continue
			}
			s := opt.Similar(it.property, it.values[i].key, it.values[j].key)
			if s <= 0 {
				continue
			}
			sim[i*m+j] = float32(min(s, 1)) // support i gets from j
			any = true
		}
	}
	if !any {
		return nil
	}
	return sim
}
