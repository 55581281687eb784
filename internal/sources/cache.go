package sources

import "strings"

// Resolve sees the same few thousand names, roles and citers over and over
// (every article's outlet, the same officials, "officials"): memoising Key,
// parseForm and the analysis of roles, which do nearly all of Resolve's
// string work, makes a repeated name cost map lookups instead of tens of
// allocations. All three are pure functions of their arguments, and a
// cached form's slices are only read and re-sliced, never written, so a
// cached form can be shared.
//
// The caches are used under r.mu only. Each holds at most 2*maxCache
// entries (see memo), so memory stays bounded on endless input, and each
// copies the strings it keeps, so that it holds no article text alive.
// The registry does not clone names on the way in: everything it keeps
// comes out of these caches (parsed forms, keys, roles) or is cloned where
// it is stored (a citer kept as an affiliation).

// maxCache bounds each generation of the form and role caches; keys, which
// are small and asked for every alias the ingest stores, get maxKeyCache.
const (
	maxCache    = 1 << 14
	maxKeyCache = 1 << 15
)

// memo is a bounded map in two generations: lookups look in the current
// one and then the previous one (moving a hit forward); when the current
// one is full it becomes the previous one and the oldest is dropped. Names
// in use keep their entries across a turn, unlike with a cache that is
// simply emptied when full.
type memo[K comparable, V any] struct {
	cur, old map[K]V
	// limit is the size of a generation; 0 turns the cache off.
	limit int
}

// newMemo returns an empty memo of generations of limit entries. The
// first generation is sized for limit at once, as later ones are: a
// registry's caches fill within the first few hundred articles, and a map
// grown one doubling at a time rehashes every entry on the way.
func newMemo[K comparable, V any](limit int) memo[K, V] {
	return memo[K, V]{cur: make(map[K]V, max(limit, 0)), limit: limit}
}

func (m *memo[K, V]) get(k K) (V, bool) {
	if v, ok := m.cur[k]; ok {
		return v, true
	}
	v, ok := m.old[k]
	if ok {
		m.put(k, v)
	}
	return v, ok
}

func (m *memo[K, V]) put(k K, v V) {
	if m.limit <= 0 {
		return
	}
	if len(m.cur) >= m.limit {
		m.old, m.cur = m.cur, make(map[K]V, m.limit)
	}
	m.cur[k] = v
}

// formSlot holds the parsed forms of one name. What parseForm's result
// depends on besides the name is the kind asked for and the role, which
// matters only by being there or not (it makes a capitalised name a
// person) and by the country it names, which parse applies afterwards, so
// "officials" with a thousand different roles is parsed once. The cache is
// keyed by the name alone (a string key hashes faster than a struct), and
// a slot holds a form per role-or-not and kind asked for.
type formSlot struct {
	name     string    // the name, a copy (the forms' strings are cut from it)
	plain    *form     // kind "", no role
	withRole *form     // kind "", a role
	other    *kindForm // other kinds (Resolve asks for "" nearly always)
}

// kindForm is a form parsed with a kind, in a list that is never changed
// once made (a slot may be in both generations of the cache).
type kindForm struct {
	hasRole bool
	kind    Kind
	f       *form
	next    *kindForm
}

// find returns the slot's form for hasRole and kind, or nil.
func (s *formSlot) find(hasRole bool, kind Kind) *form {
	if kind == "" {
		if hasRole {
			return s.withRole
		}
		return s.plain
	}
	for k := s.other; k != nil; k = k.next {
		if k.hasRole == hasRole && k.kind == kind {
			return k.f
		}
	}
	return nil
}

// with returns a copy of the slot with f as its form for hasRole and kind.
func (s formSlot) with(hasRole bool, kind Kind, f *form) formSlot {
	switch {
	case kind != "":
		s.other = &kindForm{hasRole: hasRole, kind: kind, f: f, next: s.other}
	case hasRole:
		s.withRole = f
	default:
		s.plain = f
	}
	return s
}

// formBox is a cached form with room for its tokens (f.toks or f.desc):
// most names have up to four.
type formBox struct {
	f    form
	toks [4]string
}

// roleInfo is what the registry needs to know about a role.
type roleInfo struct {
	text        string // the role (a copy)
	key         string // Key(role)
	country     string // the first country the role names, or ""
	affiliation string // affiliationOf(role)
}

// Key is the package's Key(name), memoised in the registry: the ingest
// asks for the key of every name and alias it stores, and they are mostly
// the ones the registry has just keyed. The result never shares memory
// with name, so it may be kept when name is a piece of a larger text.
func (r *Registry) Key(name string) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.key(name)
}

// key is Key(name), memoised. The key never shares memory with name.
func (r *Registry) key(name string) string {
	if k, ok := r.keyCache.get(name); ok {
		return k
	}
	k := Key(name)
	if k == name {
		// Key never shares memory with its argument: k serves as both
		r.keyCache.put(k, k)
		return k
	}
	r.keyCache.put(strings.Clone(name), k)
	return k
}

// keyKept is key for a name the registry keeps anyway (a canonical
// name it is about to give a source): the cache holds name itself rather
// than a copy.
func (r *Registry) keyKept(name string) string {
	if k, ok := r.keyCache.get(name); ok {
		return k
	}
	k := Key(name)
	if k == name {
		k = name // one string for both
	}
	r.keyCache.put(name, k)
	return k
}

// parse is parseForm(name, role, kind), memoised.
func (r *Registry) parse(name, role string, kind Kind) form {
	if r.formCache.limit == 0 {
		return parseForm(strings.Clone(name), role, kind)
	}
	hasRole := role != ""
	slot, ok := r.formCache.get(name)
	var fp *form
	if ok {
		fp = slot.find(hasRole, kind)
	}
	if fp == nil {
		// the form and its first few tokens in one allocation
		box := new(formBox)
		if ok {
			orig := trimName(slot.name)
			box.f = parseFormKeyed(orig, Key(orig), hasRole, kind, box.toks[:0])
		} else {
			// a new name: split into words, then copied with its key
			// (see cloneWords), the words moved onto the copy
			orig, at := trimNameAt(name)
			ws, wb := r.words(orig)
			var key string
			slot.name, key = cloneWords(name, at, orig, ws)
			box.f = parseFormWords(slot.name[at:at+len(orig)], key, ws, hasRole, kind, box.toks[:0])
			r.doneWords(wb)
		}
		fp = &box.f
		r.formCache.put(slot.name, slot.with(hasRole, kind, fp))
		if !ok && fp.orig == slot.name {
			// Key(name) is f.key: the ingest asks for it next. A new
			// name is rarely keyed already, and putting it again is
			// harmless, so it is put without looking first.
			r.keyCache.put(slot.name, fp.key)
		}
	}
	if fp.countryFromRole && role != "" {
		if c := r.role(role).country; c != "" {
			f := *fp
			f.country = c
			return f
		}
	}
	return *fp // one copy of the form, straight into the result
}

// role analyses a role, memoised.
func (r *Registry) role(role string) roleInfo {
	if r.roleCache.limit == 0 {
		role = strings.Clone(role)
		ri := roleInfo{key: Key(role), affiliation: affiliationOf(role)}
		_, ri.country = countryIn(splitWords(role))
		return ri
	}
	// Resolve asks about one role up to three times in a row (parse,
	// filterPersons, applyRole): the last answer is kept at hand.
	if r.lastRole.text == role && role != "" {
		return r.lastRole
	}
	ri, ok := r.roleCache.get(role)
	if !ok {
		var key string
		ws, wb := r.words(role)
		role, key = cloneWords(role, 0, role, ws)
		// roles are mostly seen once: their keys would only crowd the key cache
		ri = roleInfo{text: role, key: key, affiliation: affiliationOfWords(ws)}
		_, ri.country = countryIn(ws)
		r.doneWords(wb)
		r.roleCache.put(role, ri)
	}
	r.lastRole = ri
	return ri
}

// AliasKeys returns the Key of each of s.Aliases, in order, for a source
// the registry returned. The slice is the registry's: do not modify it; it
// is valid until the next call to the registry.
func (r *Registry) AliasKeys(s *Source) []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.aliasKeys(s)
}

// SourceKeys returns Key(s.Name) and AliasKeys(s) under one lock, for a
// source the registry returned; the slice is as AliasKeys's.
func (r *Registry) SourceKeys(s *Source) (string, []string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	in := r.infoFor(s)
	if in == nil || r.keyCache.limit == 0 {
		return r.key(s.Name), r.aliasKeys(s)
	}
	if in.nkText != s.Name || in.nkKey == "" && s.Name != "" {
		in.nkText, in.nkKey = s.Name, r.key(s.Name)
	}
	return in.nkKey, r.aliasKeysIn(s, in)
}

// RecordKeys is SourceKeys and Key(s.Affiliation) ("" when s has none)
// under one lock, for a source the registry returned; the slice is as
// AliasKeys's. The ingest asks for them for every source of every article.
func (r *Registry) RecordKeys(s *Source) (name string, aliases []string, affiliation string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	in := r.infoFor(s)
	if in == nil || r.keyCache.limit == 0 {
		if s.Affiliation != "" {
			affiliation = r.key(s.Affiliation)
		}
		return r.key(s.Name), r.aliasKeys(s), affiliation
	}
	if in.nkText != s.Name || in.nkKey == "" && s.Name != "" {
		in.nkText, in.nkKey = s.Name, r.key(s.Name)
	}
	if s.Affiliation != "" && (in.afText != s.Affiliation || in.afKey == "") {
		in.afText, in.afKey = s.Affiliation, r.key(s.Affiliation)
	}
	if s.Affiliation == "" {
		return in.nkKey, r.aliasKeysIn(s, in), ""
	}
	return in.nkKey, r.aliasKeysIn(s, in), in.afKey
}

// aliasKeys is AliasKeys, kept in s's info: the ingest and stripCiter
// ask for them on every use of a source. The registry changes s.Aliases
// only in addAlias and rename, which keep akKeys in step (every alias is
// added with the Key its form was parsed with); should the two ever
// differ in length, the keys are redone.
func (r *Registry) aliasKeys(s *Source) []string {
	return r.aliasKeysIn(s, r.infoFor(s))
}

// aliasKeysIn is aliasKeys for s with info in (nil when s is not the
// registry's).
func (r *Registry) aliasKeysIn(s *Source, in *info) []string {
	if in == nil || r.keyCache.limit == 0 { // not the registry's, or no caching
		ks := make([]string, len(s.Aliases))
		for i, a := range s.Aliases {
			ks[i] = r.key(a)
		}
		return ks
	}
	if len(in.akKeys) != len(s.Aliases) {
		in.akKeys = in.akKeys[:0]
		for _, a := range s.Aliases {
			in.akKeys = append(in.akKeys, r.key(a))
		}
	}
	return in.akKeys[:len(in.akKeys):len(in.akKeys)]
}
