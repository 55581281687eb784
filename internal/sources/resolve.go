package sources

import "strings"

// Resolve maps one hop to its source, creating it when unseen and recording
// the surface form as an alias. citer is the canonical name of the hop
// before it in the chain (the outlet for the first hop); it keeps anonymous
// sources distinct per citing outlet.
//
// An empty name with a role is treated as an unnamed holder of that role
// ("a Pentagon spokesman"); with neither it is an unnamed source of citer.
func (r *Registry) Resolve(name, role, citer string) *Source {
	r.mu.Lock()
	defer r.mu.Unlock()
	kept := r.recentGet(name, role, citer)
	if kept != nil && !r.recentCheck {
		return kept
	}
	gen := r.gen
	r.repeatable = false
	s := r.resolve(name, role, citer)
	if kept != nil && (s != kept || r.gen != gen) {
		r.recentWrong++
	}
	if r.gen == gen || r.repeatable {
		r.recentPut(name, role, citer, s)
	}
	return s
}

// resolve is Resolve under r.mu.
func (r *Registry) resolve(name, role, citer string) *Source {
	// Names are usually substrings of an article's text. The registry
	// lives for the whole run and must not hold on to the text of every
	// article in which a source first appeared, so whatever it keeps is a
	// copy: the caches copy names and roles (cache.go), and a citer kept
	// as an affiliation is cloned where it is kept.
	if strings.TrimSpace(name) == "" {
		name = "unnamed source"
		if strings.TrimSpace(role) != "" {
			name = "a " + strings.TrimSpace(role)
		}
		f := r.parse(name, "", Anonymous)
		return r.resolveAnon(&f, citer)
	}
	f := r.parse(name, role, "")
	if f.kind == Anonymous {
		return r.resolveAnon(&f, citer)
	}
	aff, canonKey := "", "" // canonKey: Key(f.canon) when made with it
	if f.generic != "" && (strings.HasSuffix(f.generic, "|") || f.kind == Document) {
		// a description without a country ("the government") or of a
		// document ("the agreement") is scoped by its citer, like an
		// anonymous source
		f.generic += "@" + r.scope(citer)
		if cs := r.lookup(citer); cs != nil {
			aff = cs.Name
		} else {
			aff = strings.Clone(strings.TrimSpace(citer))
		}
		if aff != "" {
			f.canon, canonKey = joinKeyed(lowerArticle(stripPossessiveWords(f.orig)), " (", bareName(aff), ")")
		}
	}
	s := r.find(&f, role)
	if s == nil {
		s = r.newSourceKeyed(Source{Name: f.canon, Kind: f.kind, Country: f.country, Affiliation: aff}, &f, canonKey)
		r.addAlias(s, f.orig, f.key)
		r.indexMaps(s, &f)
	} else {
		r.note(s, &f)
	}
	if f.kind == Person {
		r.applyRole(s, &f, role)
	}
	return s
}

// ResolveOutlet resolves the publishing outlet of an article: like Resolve,
// but an unknown name is an outlet whatever it looks like ("Babel" alone
// would otherwise read as a surname).
func (r *Registry) ResolveOutlet(name string) *Source {
	r.mu.Lock()
	defer r.mu.Unlock()
	// a new article: the answers kept for the last one hold its text
	r.recentDrop()
	kind := Outlet
	if i, ok := knownByKey[r.key(name)]; ok && knownSources[i].Kind == Agency {
		kind = Agency
	}
	f := r.parse(name, "", kind)
	s := r.byKey[f.key]
	if s == nil && f.known >= 0 {
		s = r.known[f.known]
	}
	if s == nil {
		s = r.newSource(Source{Name: f.canon, Kind: kind, Country: f.country}, &f)
		r.addAlias(s, f.orig, f.key)
		r.indexForm(s, &f)
		return s
	}
	if s.Kind == Person && infoOf(s).placeholder {
		s.Kind = kind
		r.gen++
	}
	r.note(s, &f)
	return s
}

// scope is the key anonymous sources of citer are kept under: the Key of
// the citer's canonical name when it is registered, else of citer itself.
func (r *Registry) scope(citer string) string {
	if s := r.lookup(citer); s != nil {
		return r.key(s.Name)
	}
	return r.key(citer)
}

// find looks a non-anonymous form up without changing anything.
func (r *Registry) find(f *form, role string) *Source {
	s := r.byKey[f.key]
	f.keyTaken, f.keyFree = s != nil, s == nil
	if s != nil && !(f.kind == Person && len(f.toks) == 1 && s.Kind == Person) {
		return s
	}
	if f.known >= 0 {
		if s := r.known[f.known]; s != nil {
			return s
		}
	}
	if f.kind == Person {
		return r.findPerson(f, role)
	}
	return r.findInstitution(f)
}

// filterPersons narrows same-surname candidates by country and role.
func (r *Registry) filterPersons(cands []*Source, f *form, role string) []*Source {
	var out []*Source
	rk := ""
	if role != "" {
		rk = r.role(role).key
	}
	for _, c := range cands {
		if f.country != "" && c.Country == f.country || rk != "" && infoOf(c).roles.has(rk) {
			out = append(out, c)
		}
	}
	return out
}

// compatible reports whether s may be the source of a form from country c.
func compatible(s *Source, c string) bool {
	return c == "" || s.Country == "" || s.Country == c
}

func pick(cands []*Source, c string) *Source {
	var exact, loose []*Source
	for _, s := range cands {
		if c != "" && s.Country == c {
			exact = append(exact, s)
		} else if compatible(s, c) {
			loose = append(loose, s)
		}
	}
	if len(exact) == 1 {
		return exact[0]
	}
	if len(exact) == 0 && len(loose) == 1 {
		return loose[0]
	}
	return nil
}

func (r *Registry) findInstitution(f *form) *Source {
	switch {
	case f.generic != "":
		if s := r.generic[f.generic]; s != nil {
			return s
		}
		if f.kind == Intelligence && f.country != "" {
			if is := r.intel[f.country]; len(is) == 1 {
				return is[0]
			}
		}
		return nil
	case f.acronym != "":
		if s := pick(r.acr[f.acronym], f.country); s != nil {
			return s
		}
		if s := r.bareAcr[f.acronym]; s != nil && compatible(s, f.country) {
			return s
		}
		return nil
	}
	if s := pick(r.core[f.coreKey], f.country); s != nil {
		return s
	}
	if f.acr != "" {
		if s := r.bareAcr[f.acr]; s != nil && compatible(s, f.country) && s.Kind == f.kind {
			return s
		}
	}
	if f.kind == Intelligence && f.country != "" && len(r.intel[f.country]) == 0 {
		if s := r.generic["intelligence|"+f.country]; s != nil && infoOf(s).placeholder {
			return s
		}
	}
	return nil
}

// note records another surface form of s and upgrades its canonical name
// when the form is fuller.
func (r *Registry) note(s *Source, f *form) {
	r.addAlias(s, f.orig, f.key)
	in := infoOf(s)
	if f.score > in.score && f.canon != "" && s.Kind != Anonymous && !in.pinned &&
		(in.placeholder || containsTokens(r.key(f.canon), r.key(s.Name))) {
		in.score = f.score
		in.placeholder = isPlaceholder(f)
		r.gen++
		r.rename(s, f.canon, true)
		r.addAlias(s, f.orig, f.key)
	}
	if s.Country == "" && f.country != "" {
		s.Country = f.country
		r.gen++
	}
	r.indexMaps(s, f) // f.orig was added above and stays a form of s
}

// indexForm enters a form of s into the lookup maps. Existing entries win,
// so resolution is first-come and deterministic.
func (r *Registry) indexForm(s *Source, f *form) {
	r.addAlias(s, f.orig, f.key)
	r.indexMaps(s, f)
}

// indexMaps is indexForm for a form whose orig is already a form of s.
func (r *Registry) indexMaps(s *Source, f *form) {
	if f.known >= 0 && r.known[f.known] == nil {
		r.known[f.known] = s
		r.gen++
	}
	if f.kind == Person || s.Kind == Person {
		r.indexPerson(s, f)
		return
	}
	if f.key != "" && !f.keyTaken && (f.keyFree || r.byKey[f.key] == nil) && !strings.Contains(f.generic, "@") {
		r.setByKey(f.key, s)
		r.gen++
	}
	switch {
	case f.generic != "":
		if r.generic[f.generic] == nil {
			r.generic[f.generic] = s
			r.gen++
		}
		return
	case f.acronym != "":
		if infoOf(s).placeholder {
			if r.bareAcr[f.acronym] == nil {
				r.bareAcr[f.acronym] = s
				r.gen++
			}
		} else {
			r.addUnique(r.acr, f.acronym, s)
		}
	default:
		if f.coreKey != "" {
			r.addUnique(r.core, f.coreKey, s)
		}
		if f.acr != "" {
			r.addUnique(r.acr, f.acr, s)
			if r.bareAcr[f.acr] == s {
				delete(r.bareAcr, f.acr)
				r.gen++
			}
		}
	}
	if s.Kind == Intelligence && s.Country != "" && !infoOf(s).placeholder {
		r.addUnique(r.intel, s.Country, s)
	}
}

// addUnique adds s to the list m[k] unless it is there, writing the map
// only when the list changes.
func (r *Registry) addUnique(m map[string][]*Source, k string, s *Source) {
	list := m[k]
	for _, x := range list {
		if x == s {
			return
		}
	}
	m[k] = append(list, s)
	r.gen++
}

// containsTokens reports whether every token of small occurs in big
// ("wall street journal" in "wall street journal europe").
func containsTokens(big, small string) bool {
	have := strings.Fields(big)
	for _, t := range strings.Fields(small) {
		found := false
		for _, h := range have {
			if h == t {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}
