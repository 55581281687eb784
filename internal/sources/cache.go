package sources

// Resolve sees the same few thousand names, roles and citers over and over
// (every article's outlet, the same officials, "officials"): memoising Key
// and parseForm, which do all of Resolve's string work, makes a repeated
// name cost map lookups instead of tens of allocations. Both are pure, and
// the cached form's slices are only read and re-sliced, never written, so a
// cached form can be shared. The caches are used under r.mu only and are
// emptied when they reach maxCache entries, so memory stays bounded on
// endless input.

// maxCache bounds each cache.
const maxCache = 1 << 14

type formArgs struct {
	name, role string
	kind       Kind
}

// key is Key(name), memoised.
func (r *Registry) key(name string) string {
	if k, ok := r.keyCache[name]; ok {
		return k
	}
	k := Key(name)
	if len(r.keyCache) >= maxCache {
		clear(r.keyCache)
	}
	r.keyCache[name] = k
	return k
}

// parse is parseForm(name, role, kind), memoised.
func (r *Registry) parse(name, role string, kind Kind) form {
	a := formArgs{name, role, kind}
	if f, ok := r.formCache[a]; ok {
		return f
	}
	f := parseForm(name, role, kind)
	if len(r.formCache) >= maxCache {
		clear(r.formCache)
	}
	r.formCache[a] = f
	return f
}
