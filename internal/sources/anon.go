package sources

import (
	"slices"
	"strings"
)

// Anonymous sources are kept apart per citer: "officials" cited by one
// outlet are not "officials" cited by another.

// anonKey indexes an anonymous source: its description key (without
// determiners and without the citer's name) and the key of its citer.
type anonKey struct{ desc, scope string }

// resolveAnon finds or creates the anonymous source of f cited by citer.
func (r *Registry) resolveAnon(f *form, citer string) *Source {
	ck := r.key(citer)
	scope := ck
	var citerName string
	cs := r.lookupKey(ck)
	if cs != nil {
		scope = r.key(cs.Name)
		citerName = cs.Name
	} else {
		citerName = strings.Clone(strings.TrimSpace(citer))
	}
	n, named := r.stripCiterKey(f.desc, ck, cs, scope)
	dk := descTail(f.desc, f.descKey, n)
	if s := r.anon[anonKey{dk, scope}]; s != nil {
		r.addAlias(s, f.orig, f.key)
		// the same call again finds the same citer and description
		// (only s changed, and s is not the citer) and changes nothing
		r.repeatable = s != cs
		return s
	}
	if ck != scope {
		if s := r.anon[anonKey{dk, ck}]; s != nil {
			r.addAlias(s, f.orig, f.key)
			r.indexAnonDesc(s, f, scope, r.citerTail(f, ck, cs, scope, citerName, dk))
			return s
		}
	}
	name, nk := f.canon, ""
	if !named && citerName != "" {
		name, nk = joinKeyed(f.canon, " (", bareName(citerName), ")")
	}
	s := r.newSourceKeyed(Source{Name: name, Kind: Anonymous, Affiliation: citerName, Country: f.country}, f, nk)
	r.addAlias(s, f.orig, f.key)
	r.indexAnonDesc(s, f, scope, r.citerTail(f, ck, cs, scope, citerName, dk))
	// s is now under {dk, scope}, where the same call again finds it, when
	// the citer is registered by its canonical name (a new source never
	// takes a taken name, so the citer's key still finds the citer)
	r.repeatable = cs != nil && ck == scope
	return s
}

// citerTail is the description key that indexAnon(s, f, scope, citerName)
// finds, given dk, the one resolveAnon found for a citer of key ck
// registered as cs. indexAnon keys the citer by the canonical name of cs,
// whose Key is scope and which still finds cs (a new source never takes a
// taken name); for an unregistered citer it looks again, since a new
// source may have taken the citer's key since.
func (r *Registry) citerTail(f *form, ck string, cs *Source, scope, citerName, dk string) string {
	if cs != nil {
		if ck == scope {
			return dk // resolveAnon's own call
		}
		n, _ := r.stripCiterKey(f.desc, scope, cs, scope)
		return descTail(f.desc, f.descKey, n)
	}
	n, _ := r.stripCiter(f.desc, citerName)
	return descTail(f.desc, f.descKey, n)
}

// bareName drops a trailing qualifier in brackets from a citer's name, so
// that a source cited by a scoped source reads "the agreement (a former
// Russian spy)", not "the agreement (a former Russian spy (The Wall Street
// Journal))". Scoping itself goes by the citer's key, not by this name.
func bareName(name string) string {
	if strings.HasSuffix(name, ")") {
		if i := strings.LastIndex(name, " ("); i > 0 {
			return name[:i]
		}
	}
	return name
}

// stripCiter reports how many leading tokens of an anonymous description
// name its citer ("Babel sources" cited by Babel: 1, leaving "sources"),
// and whether any did. The citer's own key is tried first, then its
// canonical name's and its aliases'; "our" and "its" count as the citer.
func (r *Registry) stripCiter(desc []string, citer string) (int, bool) {
	ck := r.key(citer)
	return r.stripCiterKey(desc, ck, r.lookupKey(ck), "")
}

// stripCiterKey is stripCiter for a citer of key ck, registered as cs (nil
// when it is not); csKey is Key(cs.Name) when the caller has it, else "".
func (r *Registry) stripCiterKey(desc []string, ck string, cs *Source, csKey string) (int, bool) {
	if n, ok := prefixTokens(desc, ck); ok {
		return n, true
	}
	if cs != nil {
		if csKey == "" {
			csKey = r.key(cs.Name)
		}
		if n, ok := prefixTokens(desc, csKey); ok {
			return n, true
		}
		for _, ak := range r.aliasKeysIn(cs, infoOf(cs)) {
			if n, ok := prefixTokens(desc, ak); ok {
				return n, true
			}
		}
	}
	if len(desc) > 1 && (desc[0] == "our" || desc[0] == "its") {
		return 1, true
	}
	return 0, false
}

// prefixTokens reports whether c, split into k fields, is the first k of
// desc joined by single spaces, with at least one token of desc left over;
// it returns k.
func prefixTokens(desc []string, c string) (int, bool) {
	if len(desc) < 2 || !strings.HasPrefix(c, desc[0]) {
		return 0, false // what the checks below find, without counting c's fields
	}
	k := 0
	for i := 0; ; k++ {
		if _, _, i = nextField(c, i); i < 0 {
			break
		}
	}
	if k == 0 || k >= len(desc) {
		return 0, false
	}
	rest := c
	for i, t := range desc[:k] {
		if !strings.HasPrefix(rest, t) {
			return 0, false
		}
		rest = rest[len(t):]
		if i < k-1 {
			if rest == "" || rest[0] != ' ' {
				return 0, false
			}
			rest = rest[1:]
		}
	}
	return k, rest == ""
}

// descTail is the key of desc[n:], cut from key, the key of all of desc
// (its tokens joined by single spaces).
func descTail(desc []string, key string, n int) string {
	off := 0
	for _, t := range desc[:n] {
		off += len(t) + 1
	}
	if off >= len(key) {
		return ""
	}
	return key[off:]
}

// indexAnon enters a description of the anonymous source s, cited by
// citer (scope is the citer's key), into the index.
func (r *Registry) indexAnon(s *Source, f *form, scope, citer string) {
	n, _ := r.stripCiter(f.desc, citer)
	r.indexAnonDesc(s, f, scope, descTail(f.desc, f.descKey, n))
}

// indexAnonDesc is indexAnon for the description key dk, without the
// citer's name.
func (r *Registry) indexAnonDesc(s *Source, f *form, scope, dk string) {
	in := infoOf(s)
	if !slices.Contains(in.anonKeys, dk) {
		if in.anonKeys == nil {
			in.anonFirst[0] = dk
			in.anonKeys = in.anonFirst[:1:1]
		} else {
			in.anonKeys = append(in.anonKeys, dk)
		}
		r.gen++
	}
	if r.anon[anonKey{dk, scope}] == nil {
		r.anon[anonKey{dk, scope}] = s
		r.gen++
	}
	if f.orig != "" && !strings.HasSuffix(f.orig, ")") {
		r.addAlias(s, f.orig, f.key)
	}
}
