package sources

import "slices"

// roleSet is the set of the Keys of the roles a person was seen with.
// Most persons have one or two: the first is kept in the set itself and a
// few more in a list, so that a person costs no map; a long list moves to
// a map. A roleSet refers to itself and must not be copied once used.
type roleSet struct {
	first [1]string
	list  []string        // the keys while there are at most maxRoleList
	big   map[string]bool // the keys once there are more
}

// maxRoleList is the number of roles kept in a list before a map.
const maxRoleList = 8

// has reports whether the set holds k.
func (s *roleSet) has(k string) bool {
	if s.big != nil {
		return s.big[k]
	}
	return slices.Contains(s.list, k)
}

// add adds k and reports whether it was not there.
func (s *roleSet) add(k string) bool {
	switch {
	case s.has(k):
		return false
	case s.big != nil:
		s.big[k] = true
	case s.list == nil:
		s.first[0] = k
		s.list = s.first[:1:1]
	case len(s.list) < maxRoleList:
		s.list = append(s.list, k)
	default:
		s.big = make(map[string]bool, 2*maxRoleList)
		for _, x := range s.list {
			s.big[x] = true
		}
		s.big[k] = true
		s.list = nil
	}
	return true
}

// keys calls yield with every key in the set.
func (s *roleSet) keys(yield func(string)) {
	for _, k := range s.list {
		yield(k)
	}
	for k := range s.big {
		yield(k)
	}
}
