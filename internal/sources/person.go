package sources

import (
	"slices"
	"strings"
)

// personSlot is everything the registry knows about one phonetic skeleton
// (see phonetic.go), in one map entry held by value: a lookup of a person
// costs one map access per skeleton instead of one per index. The zero
// slot is a skeleton nothing is known about.
type personSlot struct {
	// phon is the first person whose whole name has the skeleton.
	phon *Source
	// surname holds the persons whose first or last name token has it.
	surname []*Source
	// single is the person known only by this one token, while no full
	// name of theirs is known.
	single *Source
}

// repoint replaces from by to in the slot (Merge).
func (ps *personSlot) repoint(from, to *Source) {
	if ps.phon == from {
		ps.phon = to
	}
	if ps.single == from {
		ps.single = to
	}
	ps.surname = repointList(ps.surname, from, to)
}

func (r *Registry) findPerson(f *form, role string) *Source {
	if len(f.toks) == 0 {
		return nil
	}
	if len(f.toks) == 1 {
		ps := r.persons[f.skel]
		cands := ps.surname
		if len(cands) > 1 {
			cands = r.filterPersons(cands, f, role)
		}
		if len(cands) == 1 {
			return cands[0]
		}
		return ps.single
	}
	if p := r.persons[f.skel].phon; p != nil {
		return p
	}
	// a person first seen by surname alone takes the full name, unless the
	// surname already belongs to someone else
	first, last := f.skelEnds()
	for _, t := range [2]string{first, last} {
		ps := r.persons[t]
		if p := ps.single; p != nil && len(ps.surname) == 0 && infoOf(p).placeholder {
			return p
		}
	}
	return nil
}

func (r *Registry) indexPerson(s *Source, f *form) {
	if len(f.toks) == 0 {
		return
	}
	if len(f.toks) == 1 {
		if infoOf(s).placeholder {
			if ps := r.persons[f.skel]; ps.single == nil {
				ps.single = s
				r.persons[f.skel] = ps
				r.setByKey(f.key, s)
				r.gen++
			}
		}
		return
	}
	if f.key != "" && !f.keyTaken && (f.keyFree || r.byKey[f.key] == nil) {
		r.setByKey(f.key, s)
		r.gen++
	}
	if ps := r.persons[f.skel]; ps.phon == nil {
		ps.phon = s
		r.persons[f.skel] = ps
		r.gen++
	}
	first, last := f.skelEnds()
	for _, t := range [2]string{first, last} {
		ps := r.persons[t]
		changed := false
		if !slices.Contains(ps.surname, s) {
			ps.surname = append(ps.surname, s)
			changed = true
		}
		if ps.single == s {
			ps.single = nil
			changed = true
		}
		if changed {
			r.persons[t] = ps
			r.gen++
		}
	}
	// single-token keys of a full name are not exact-match keys: the
	// surname index decides, so that a second Kim makes "Kim" ambiguous
	bare := infoOf(s).bareKeyed
	for _, k := range [2]string{f.toks[0], f.toks[len(f.toks)-1]} {
		if !bare && strings.IndexByte(k, ' ') < 0 {
			continue // byKey holds s under no key without a space
		}
		if r.byKey[k] == s {
			delete(r.byKey, k)
			r.gen++
		}
	}
}

// setByKey enters s into byKey under k, noting in its info when k has no
// space: only then can k be a single name token, which indexPerson takes
// out of byKey again (a token never has a space).
func (r *Registry) setByKey(k string, s *Source) {
	r.byKey[k] = s
	if strings.IndexByte(k, ' ') < 0 {
		infoOf(s).bareKeyed = true
	}
}
