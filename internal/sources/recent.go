package sources

// An article names the same sources again and again ("officials", "Kirby",
// "the Pentagon"), and most hops after the first few change nothing in the
// registry: the forms are known, the maps already hold them. Such a call
// is a pure function of its arguments and of the registry's state, so
// until the state changes, the same call returns the same source and
// changes nothing again. Resolve keeps the answers of the calls that
// changed nothing since the last change and serves a repeat from them.
// A call that changed the registry is kept too when it is known to leave
// the registry where the same call again changes nothing (repeatable: an
// anonymous source found or created under its citer).
//
// gen counts changes: every write to what Resolve reads (the lookup maps,
// a source's name, kind, country, affiliation, aliases, roles, and the
// registry's private facts about it) increments it. Caches of pure
// functions (keys, parsed forms, roles, alias keys) are not state. Each
// answer is stamped with the gen it was computed at and serves only while
// gen has not moved, so it never outlives the state it was computed from.
// Stale answers are not cleared one by one: the map is emptied when it
// holds maxRecent answers and at each new article, so it holds the
// caller's strings (pieces of one article's text) for no longer than
// that article, and never more than maxRecent.

// maxRecent bounds the number of answers kept.
const maxRecent = 64

// recentCall is a call of Resolve that changed nothing, and its answer.
type recentCall struct {
	role, citer string
	src         *Source
	gen         uint64 // the registry's gen when the call returned
}

// recentGet returns the source a call of Resolve(name, role, citer) that
// changed nothing returned since the registry last changed, or nil.
func (r *Registry) recentGet(name, role, citer string) *Source {
	if len(r.recent) == 0 {
		return nil
	}
	if c, ok := r.recent[name]; ok && c.gen == r.gen && c.role == role && c.citer == citer {
		return c.src
	}
	return nil
}

// recentPut records that Resolve(name, role, citer) returned s and that
// the same call, on the registry as it is now, returns s and changes
// nothing.
func (r *Registry) recentPut(name, role, citer string, s *Source) {
	if r.recentOff {
		return
	}
	if len(r.recent) >= maxRecent {
		r.recentDrop()
	}
	if r.recent == nil {
		r.recent = make(map[string]recentCall, maxRecent)
	}
	r.recent[name] = recentCall{role: role, citer: citer, src: s, gen: r.gen}
}

// recentDrop forgets every answer.
func (r *Registry) recentDrop() {
	if len(r.recent) > 0 {
		clear(r.recent)
	}
}
