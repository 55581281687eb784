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
// Stale answers are not cleared one by one: the table is emptied when it
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

// recentTable holds the kept calls by name: an open-addressed table of
// twice maxRecent slots, probed from a hash of a few bytes of the name
// (the names are few, and a full compare settles a collision), which is
// cheaper to look up, fill and empty than a map.
type recentTable struct {
	n     int              // slots in use
	in    [maxRecent]uint8 // their indexes, for recentDrop
	slots [2 * maxRecent]recentSlot
}

// recentSlot is one kept call and its name.
type recentSlot struct {
	name string
	used bool
	recentCall
}

// recentHash is where the probe for name starts.
func recentHash(name string) int {
	n := len(name)
	if n == 0 {
		return 0
	}
	h := uint32(n)*0x9e3779b1 ^ uint32(name[0])*0x85ebca6b ^ uint32(name[n-1])*0xc2b2ae35 ^ uint32(name[n/2])*0x27d4eb2f
	return int(h>>24) & (2*maxRecent - 1)
}

// recentGet returns the source a call of Resolve(name, role, citer) that
// changed nothing returned since the registry last changed, or nil.
func (r *Registry) recentGet(name, role, citer string) *Source {
	t := r.recent
	if t == nil || t.n == 0 {
		return nil
	}
	for i := recentHash(name); t.slots[i].used; i = (i + 1) & (2*maxRecent - 1) {
		if c := &t.slots[i]; c.name == name {
			if c.gen == r.gen && c.role == role && c.citer == citer {
				return c.src
			}
			return nil
		}
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
	if r.recent == nil {
		r.recent = new(recentTable)
	}
	t := r.recent
	if t.n >= maxRecent {
		r.recentDrop()
	}
	i := recentHash(name)
	for ; t.slots[i].used; i = (i + 1) & (2*maxRecent - 1) {
		if t.slots[i].name == name {
			break
		}
	}
	c := &t.slots[i]
	if !c.used {
		t.in[t.n] = uint8(i)
		t.n++
	}
	*c = recentSlot{name: name, used: true, recentCall: recentCall{role: role, citer: citer, src: s, gen: r.gen}}
}

// recentDrop forgets every answer.
func (r *Registry) recentDrop() {
	t := r.recent
	if t == nil {
		return
	}
	for _, i := range t.in[:t.n] {
		t.slots[i] = recentSlot{}
	}
	t.n = 0
}
