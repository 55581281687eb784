package sources

import (
	"strings"
	"sync"
)

// Registry resolves surface forms to sources. All lookups are map lookups
// keyed by Key, phonetic skeleton, acronym, country or citing source, so
// Resolve costs the same however many sources are registered.
//
// The methods are safe for concurrent use. The *Source values they return
// are the registry's own and change when a later call finds a fuller
// canonical name or merges sources; read them only while no other goroutine
// calls the registry.
//
// Canonical names: the fullest form seen wins. An acronym ("WSJ"), a
// surname alone ("Yoon") or a description ("South Korean intelligence") is
// replaced by the first proper name seen for the same source ("The Wall
// Street Journal", "Yoon Seok-yeol", "National Intelligence Service"); among
// proper names the one with more capitalised words wins, and on a tie the
// first seen stays. A name is kept as written minus a possessive and a
// lower-case leading "the"; a country in the possessive ("South Korea's")
// or an "of Ukraine" suffix is moved into Country. Canonical names are
// unique: a clash gets the country or kind appended in parentheses.
type Registry struct {
	mu   sync.Mutex
	list []*Source

	byName  map[string]*Source    // Key(canonical name), all sources
	byKey   map[string]*Source    // Key of surface forms, non-anonymous
	known   []*Source             // by knownSources index
	persons map[string]personSlot // person: by phonetic skeleton (person.go)
	core    map[string][]*Source  // institution: key without country
	acr     map[string][]*Source  // institution: acronym of its name
	bareAcr map[string]*Source    // institution known only by an acronym
	generic map[string]*Source    // description key ("intelligence|Russia")
	intel   map[string][]*Source  // country → named intelligence services
	anon    map[anonKey]*Source   // description and citer keys
	deps    map[string][]*Source  // Key(affiliation) → affiliated sources

	keyCache  memo[string, string] // see cache.go
	formCache memo[string, formSlot]
	roleCache memo[string, roleInfo]
	lastRole  roleInfo // the role asked about last (see role)
	wb        wordBuf  // the words of the name being parsed (see words)
	wbBusy    bool     // wb is in use

	gen       uint64       // changes to the state so far (see recent.go)
	recent    *recentTable // calls that changed nothing, by name
	recentOff bool         // keep no calls (for tests that compare)
	// repeatable is set by a call that changed the registry such that
	// the same call again would return the same source and change nothing
	repeatable bool
	// recentCheck (tests) has Resolve do the work of a kept call too and
	// count in recentWrong the calls whose answer or changes differ
	recentCheck bool
	recentWrong int
}

// info is the registry's private state for one source.
type info struct {
	// forms holds the canonical name and every alias once there are more
	// than formsFrom aliases; before, a scan of Name and Aliases (which
	// never holds Name) is cheaper than a map per source.
	forms       map[string]bool
	score       int32     // fullness of the canonical name
	roles       roleSet   // Keys of roles seen with a person (roles.go)
	anonKeys    []string  // description keys (anonymous), without scope
	anonFirst   [1]string // room for the first of anonKeys
	akKeys      []string  // the Key of each alias, kept with Aliases (aliases.go)
	first       [2]string // the first alias and its Key (aliases.go)
	nkText      string    // the canonical name whose Key nkKey is (see SourceKeys)
	nkKey       string
	afText      string // the affiliation whose Key afKey is (see RecordKeys)
	afKey       string
	bareKeyed   bool // byKey has held it under a key without a space (setByKey)
	placeholder bool // known only by acronym, surname or description
	pinned      bool // a fact-checker chose the canonical name (Merge)

	// owner and self are the registry that made the source and the
	// source itself while it is in the registry (nil once merged away):
	// see infoFor
	owner *Registry
	self  *Source
}

// NewRegistry returns an empty registry.
func NewRegistry() *Registry {
	return newRegistry(maxCache, maxKeyCache)
}

// newRegistry returns an empty registry whose caches hold up to
// formLimit forms and roles and keyLimit keys per generation; limits of
// 0 turn caching off (for tests that compare).
func newRegistry(formLimit, keyLimit int) *Registry {
	return &Registry{
		byName:  make(map[string]*Source),
		byKey:   make(map[string]*Source),
		known:   make([]*Source, len(knownSources)),
		persons: make(map[string]personSlot),
		core:    make(map[string][]*Source),
		acr:     make(map[string][]*Source),
		bareAcr: make(map[string]*Source),
		generic: make(map[string]*Source),
		intel:   make(map[string][]*Source),
		anon:    make(map[anonKey]*Source),
		deps:    make(map[string][]*Source),

		keyCache:  newMemo[string, string](keyLimit),
		formCache: newMemo[string, formSlot](formLimit),
		roleCache: newMemo[string, roleInfo](formLimit),
		recentOff: formLimit == 0,
	}
}

// Sources returns the sources in creation (or Add) order.
func (r *Registry) Sources() []*Source {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([]*Source, len(r.list))
	copy(out, r.list)
	return out
}

// Lookup finds a source by canonical name or by an alias of a named
// (non-anonymous) source, or returns nil. It never creates one.
func (r *Registry) Lookup(name string) *Source {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.lookup(name)
}

func (r *Registry) lookup(name string) *Source {
	return r.lookupKey(r.key(name))
}

// lookupKey is lookup by the name's Key.
func (r *Registry) lookupKey(k string) *Source {
	if s := r.byName[k]; s != nil {
		return s
	}
	if s := r.byKey[k]; s != nil {
		return s
	}
	if i, ok := knownIndex(k); ok {
		return r.known[i]
	}
	return nil
}

// Add registers a known source (loaded from the store) and returns the
// registry's copy. A source whose canonical name is already registered
// with the same kind absorbs the new aliases instead.
func (r *Registry) Add(s Source) *Source {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.gen++
	if old := r.byName[r.key(s.Name)]; old != nil && old.Kind == s.Kind {
		for _, a := range s.Aliases {
			f := r.parse(a, "", old.Kind)
			r.indexForm(old, &f)
		}
		return old
	}
	c := s
	c.Aliases = nil
	f := r.parse(s.Name, "", s.Kind)
	if c.Country == "" {
		c.Country = f.country
	}
	src := r.newSource(c, &f)
	if s.Kind == Anonymous {
		scope := r.key(s.Affiliation)
		for _, n := range append([]string{s.Name}, s.Aliases...) {
			n = strings.TrimSuffix(n, " ("+s.Affiliation+")")
			f := r.parse(n, "", Anonymous)
			r.indexAnon(src, &f, scope, s.Affiliation)
		}
		return src
	}
	for _, n := range append([]string{s.Name}, s.Aliases...) {
		f := r.storedForm(n, s)
		r.indexForm(src, &f)
	}
	return src
}

// storedForm parses a stored name or alias of s, restoring the citer scope
// of a scoped description ("the agreement (Babel)").
func (r *Registry) storedForm(n string, s Source) form {
	scoped := false
	if s.Affiliation != "" && strings.HasSuffix(n, " ("+s.Affiliation+")") {
		n = strings.TrimSuffix(n, " ("+s.Affiliation+")")
		scoped = true
	}
	f := r.parse(n, "", s.Kind)
	if f.generic != "" && (scoped || strings.HasSuffix(f.generic, "|") || f.kind == Document) && s.Affiliation != "" {
		f.generic += "@" + r.key(s.Affiliation)
	}
	if scoped {
		f.orig = ""
	}
	return f
}

// formsFrom is the number of aliases from which info.forms is kept.
const formsFrom = 8

// entry holds a source and its info in one allocation. Every source the
// registry holds is the src of an entry (newSource makes them all), and
// points at its info.
type entry struct {
	src Source
	in  info
}

// infoOf is the info of s, a source the registry made, without a lookup:
// the hot paths ask for it several times per call of Resolve. Sources from
// outside (the public methods that take one) are checked with infoFor.
func infoOf(s *Source) *info {
	return s.in
}

// infoFor is the info of s when s is a source r made and has not merged
// away, else nil (a copy of a source, another registry's, nil): the
// source's info names its registry and the source itself.
func (r *Registry) infoFor(s *Source) *info {
	if s == nil || s.in == nil || s.in.owner != r || s.in.self != s {
		return nil
	}
	return s.in
}

// newSource appends a source whose canonical name comes from f.
func (r *Registry) newSource(s Source, f *form) *Source {
	return r.newSourceKeyed(s, f, "")
}

// newSourceKeyed is newSource for a name whose Key the caller has made
// with it (nk), or "" when it has not.
func (r *Registry) newSourceKeyed(s Source, f *form, nk string) *Source {
	r.gen++
	e := &entry{src: s, in: info{score: f.score, placeholder: isPlaceholder(f), owner: r}}
	src := &e.src
	src.in = &e.in
	e.in.self = src
	if nk == "" && s.Name == f.orig {
		nk = f.key // Key(s.Name), which the form has
	}
	var k string
	src.Name, k = r.uniqueName(src, s.Name, nk)
	r.list = append(r.list, src)
	r.byName[k] = src
	e.in.nkText, e.in.nkKey = src.Name, k // SourceKeys asks next
	if src.Affiliation != "" {
		k := r.key(src.Affiliation)
		r.deps[k] = append(r.deps[k], src)
	}
	return src
}

func isPlaceholder(f *form) bool {
	return f.generic != "" || f.acronym != "" || f.kind == Person && len(f.toks) == 1
}

// uniqueName returns name, or name with the country or kind appended when
// another source already has it, and its Key. nameKey is Key(name) when
// the caller has it, else "".
func (r *Registry) uniqueName(s *Source, name, nameKey string) (string, string) {
	if nameKey == "" {
		nameKey = r.keyKept(name)
	}
	if r.free(nameKey, s) {
		return name, nameKey
	}
	for _, suffix := range [2]string{s.Country, string(s.Kind)} {
		if suffix == "" {
			continue
		}
		n := name + " (" + suffix + ")"
		if k := r.keyKept(n); r.free(k, s) {
			return n, k
		}
	}
	for i := 2; ; i++ {
		n := name + " (" + itoa(i) + ")"
		if k := r.keyKept(n); r.free(k, s) {
			return n, k
		}
	}
}

// free reports whether no source but s has the canonical name of key k.
func (r *Registry) free(k string, s *Source) bool {
	o := r.byName[k]
	return o == nil || o == s
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

// rename makes name the canonical name of s, keeping the old one as an
// alias when it was a surface form, and updates everything that refers to
// the old name (affiliations, anonymous sources' scopes).
func (r *Registry) rename(s *Source, name string, keepOld bool) {
	old := s.Name
	name, k := r.uniqueName(s, name, "")
	if name == old {
		return
	}
	r.gen++
	in := infoOf(s)
	oldKey := in.nkKey
	if in.nkText != old || oldKey == "" && old != "" {
		oldKey = r.key(old)
	}
	if r.byName[oldKey] == s {
		delete(r.byName, oldKey)
	}
	synced := len(in.akKeys) == len(s.Aliases)
	s.Name = name
	r.byName[k] = s
	in.nkText, in.nkKey = name, k
	// the new name leaves the aliases, the old one joins them
	for i, a := range s.Aliases {
		if a == name {
			s.Aliases = append(s.Aliases[:i], s.Aliases[i+1:]...)
			if synced {
				in.akKeys = append(in.akKeys[:i], in.akKeys[i+1:]...)
			}
			break
		}
	}
	if keepOld {
		appendAlias(s, in, old, oldKey)
	} else if in.forms != nil {
		delete(in.forms, old)
	}
	if in.forms != nil {
		in.forms[name] = true
	}
	r.moveDeps(oldKey, s)
}

// moveDeps points every source affiliated with the key oldKey at s.
func (r *Registry) moveDeps(oldKey string, s *Source) {
	newKey := r.key(s.Name)
	if oldKey == newKey {
		return
	}
	ds := r.deps[oldKey]
	delete(r.deps, oldKey)
	for _, d := range ds {
		oldAff := d.Affiliation
		d.Affiliation = s.Name
		r.deps[newKey] = append(r.deps[newKey], d)
		if d.Kind != Anonymous {
			continue
		}
		for _, dk := range infoOf(d).anonKeys {
			if r.anon[anonKey{dk, oldKey}] == d {
				delete(r.anon, anonKey{dk, oldKey})
			}
			if r.anon[anonKey{dk, newKey}] == nil {
				r.anon[anonKey{dk, newKey}] = d
			}
		}
		if suffix := " (" + oldAff + ")"; strings.HasSuffix(d.Name, suffix) {
			r.rename(d, strings.TrimSuffix(d.Name, suffix)+" ("+s.Name+")", false)
		}
	}
}
