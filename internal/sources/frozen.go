package sources

// frozenMap is a read-only map from strings to V, made once from a Go
// map: open addressing with linear probing, at most a quarter full, and a
// byte-at-a-time FNV-1a hash, so that looking up a short token (the word
// lists, the first words of countries, the keys of well-known sources)
// costs a few tens of instructions rather than a Go map access. Lookups
// give what the Go map gives; it is never written after it is made, so
// it is safe for concurrent use.
type frozenMap[V any] struct {
	keys []string
	vals []V
	used []bool
	mask uint64
}

// freeze returns a frozenMap holding what m holds.
func freeze[V any](m map[string]V) *frozenMap[V] {
	n := 8
	for n < 4*len(m) {
		n <<= 1
	}
	f := &frozenMap[V]{keys: make([]string, n), vals: make([]V, n), used: make([]bool, n), mask: uint64(n - 1)}
	for k, v := range m {
		i := fnvHash(k) & f.mask
		for f.used[i] {
			i = (i + 1) & f.mask
		}
		f.keys[i], f.vals[i], f.used[i] = k, v, true
	}
	return f
}

// get is m[k] and whether k is in m, for the m f was made from.
func (f *frozenMap[V]) get(k string) (V, bool) {
	i := fnvHash(k) & f.mask
	for f.used[i] {
		if f.keys[i] == k {
			return f.vals[i], true
		}
		i = (i + 1) & f.mask
	}
	var zero V
	return zero, false
}

// fnvHash is the 64-bit FNV-1a hash of s.
func fnvHash(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}
