package extract

import "slices"

// hashSet is an open-addressing set of non-zero uint64 hashes.
type hashSet struct {
	mask uint64
	k    []uint64
	n    int
}

func newHashSet(n int) *hashSet {
	size := 16
	for size < 4*n {
		size *= 2
	}
	return &hashSet{mask: uint64(size - 1), k: make([]uint64, size)}
}

func (s *hashSet) add(h uint64) {
	if h == 0 {
		h = 1
	}
	if 2*(s.n+1) > len(s.k) {
		old := s.k
		s.k, s.mask, s.n = make([]uint64, 2*len(old)), uint64(2*len(old)-1), 0
		for _, v := range old {
			if v != 0 {
				s.add(v)
			}
		}
	}
	for i := (h ^ h>>29) & s.mask; ; i = (i + 1) & s.mask {
		switch s.k[i] {
		case h:
			return
		case 0:
			s.k[i] = h
			s.n++
			return
		}
	}
}

func (s *hashSet) has(h uint64) bool {
	if h == 0 {
		h = 1
	}
	for i := (h ^ h>>29) & s.mask; ; i = (i + 1) & s.mask {
		switch s.k[i] {
		case h:
			return true
		case 0:
			return false
		}
	}
}

func (s *hashSet) keys() []uint64 {
	var out []uint64
	for _, v := range s.k {
		if v != 0 {
			out = append(out, v)
		}
	}
	slices.Sort(out)
	return out
}

// hashMap16 is an open-addressing map from non-zero uint64 hashes to
// 16-bit values, sized once (put never grows it past half full). A bitmap
// of the keys' top 16 bits (8 KB, it stays in the L1 cache) answers most
// lookups of absent keys, the common case, without probing the table.
type hashMap16 struct {
	mask uint64
	k    []uint64
	v    []uint16
	top  *[1 << 10]uint64 // bit key>>48 is set for every key
}

func newHashMap16(n int) *hashMap16 {
	size := 16
	for size < 4*n {
		size *= 2
	}
	return &hashMap16{mask: uint64(size - 1), k: make([]uint64, size), v: make([]uint16, size), top: new([1 << 10]uint64)}
}

func (h *hashMap16) put(key uint64, v uint16) {
	if key == 0 {
		key = 1
	}
	h.top[key>>54] |= 1 << (key >> 48 & 63)
	for i := (key ^ key>>29) & h.mask; ; i = (i + 1) & h.mask {
		if h.k[i] == key || h.k[i] == 0 {
			h.k[i], h.v[i] = key, v
			return
		}
	}
}

func (h *hashMap16) get(key uint64) uint16 {
	if key == 0 {
		key = 1
	}
	if h.top[key>>54]&(1<<(key>>48&63)) == 0 {
		return 0 // no key has these top bits
	}
	for i := (key ^ key>>29) & h.mask; ; i = (i + 1) & h.mask {
		switch h.k[i] {
		case key:
			return h.v[i]
		case 0:
			return 0
		}
	}
}

// len counts the keys.
func (h *hashMap16) len() int {
	n := 0
	for _, k := range h.k {
		if k != 0 {
			n++
		}
	}
	return n
}

// hashLast3 is hashStr of the last three bytes of s (all of a shorter s),
// unrolled.
func hashLast3(s string) uint64 {
	n := len(s)
	if n < 3 {
		return hashStr(s)
	}
	return (((fnvOffset^uint64(s[n-3]))*fnvPrime^uint64(s[n-2]))*fnvPrime ^ uint64(s[n-1])) * fnvPrime
}
