package sources

import (
	"errors"
	"fmt"
)

// ErrUnknownSource is returned by Merge when a name matches no source.
var ErrUnknownSource = errors.New("unknown source")

// Merge is a fact-checker's merge of two sources named by canonical name or
// alias: from's canonical name and aliases become aliases of into, every
// form that resolved to from now resolves to into, sources affiliated with
// from are affiliated with into, and from leaves the registry. into keeps
// its canonical name (for good: later fuller forms no longer replace it) and kind; it takes from's country and affiliation when
// it has none. Merge scans the lookup maps once (it is rare; Resolve is the
// hot path).
func (r *Registry) Merge(into, from string) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	a, b := r.lookup(into), r.lookup(from)
	switch {
	case a == nil:
		return fmt.Errorf("merge into %q: %w", into, ErrUnknownSource)
	case b == nil:
		return fmt.Errorf("merge from %q: %w", from, ErrUnknownSource)
	case a == b:
		return fmt.Errorf("merge %q into %q: they are already one source (%q)", from, into, a.Name)
	}
	r.gen++
	ia, ib := infoOf(a), infoOf(b)
	ia.pinned, ia.placeholder = true, false
	r.addAlias(a, b.Name, r.key(b.Name))
	bks := r.aliasKeysIn(b, ib)
	for i, al := range b.Aliases {
		r.addAlias(a, al, bks[i])
	}
	ib.roles.keys(func(k string) { ia.roles.add(k) })
	ia.anonKeys = append(ia.anonKeys, ib.anonKeys...)
	if a.Country == "" {
		a.Country = b.Country
	}
	if a.Affiliation == "" && b.Affiliation != "" && b.Affiliation != a.Name {
		a.Affiliation = b.Affiliation
	}
	repoint(r.byKey, b, a)
	ia.bareKeyed = ia.bareKeyed || ib.bareKeyed
	for i, s := range r.known {
		if s == b {
			r.known[i] = a
		}
	}
	for k, p := range r.persons {
		p.repoint(b, a)
		r.persons[k] = p
	}
	repoint(r.bareAcr, b, a)
	repoint(r.generic, b, a)
	repoint(r.anon, b, a)
	repointLists(r.core, b, a)
	repointLists(r.acr, b, a)
	repointLists(r.intel, b, a)
	repointLists(r.deps, b, a)
	r.byName[r.key(b.Name)] = a
	r.moveDeps(r.key(b.Name), a)
	for i, s := range r.list {
		if s == b {
			r.list = append(r.list[:i], r.list[i+1:]...)
			break
		}
	}
	ib.self = nil // b is no longer the registry's
	return nil
}

func repoint[K comparable](m map[K]*Source, from, to *Source) {
	for k, v := range m {
		if v == from {
			m[k] = to
		}
	}
}

func repointLists[K comparable](m map[K][]*Source, from, to *Source) {
	for k, list := range m {
		m[k] = repointList(list, from, to)
	}
}

// repointList replaces from by to in list, in place, keeping one to.
func repointList(list []*Source, from, to *Source) []*Source {
	out := list[:0]
	seen := false
	for _, s := range list {
		if s == from {
			s = to
		}
		if s == to {
			if seen {
				continue
			}
			seen = true
		}
		out = append(out, s)
	}
	return out
}
