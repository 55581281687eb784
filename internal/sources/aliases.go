package sources

import "slices"

// A source's aliases and their Keys are kept side by side: s.Aliases and
// info.akKeys have the same length, and the registry changes them only
// together (addAlias, rename), every alias added with the Key of the form
// it came from, so that the keys the ingest asks for on every use of a
// source are at hand. Most sources have one alias: it and its key live
// in the source's own entry (info.first). From the second on, the two
// lists share one backing array, aliases in its first half and keys in
// its second, each slice capped at its half so that neither append can
// reach into the other.

// addAlias records a surface form of s, whose Key is key.
func (r *Registry) addAlias(s *Source, form, key string) {
	in := infoOf(s)
	if form == "" || hasForm(s, in, form) {
		return
	}
	appendAlias(s, in, form, key) // form is not s.Name
	r.gen++
	switch {
	case in.forms != nil:
		in.forms[form] = true
	case len(s.Aliases) > formsFrom:
		in.forms = make(map[string]bool, 2*len(s.Aliases))
		in.forms[s.Name] = true
		for _, a := range s.Aliases {
			in.forms[a] = true
		}
	}
}

// appendAlias appends form to s.Aliases and key to in.akKeys.
func appendAlias(s *Source, in *info, form, key string) {
	n := len(s.Aliases)
	if len(in.akKeys) != n { // out of step: aliasKeys redoes the keys
		s.Aliases = append(s.Aliases, form)
		return
	}
	if n < cap(s.Aliases) && n < cap(in.akKeys) {
		s.Aliases = append(s.Aliases, form)
		in.akKeys = append(in.akKeys, key)
		return
	}
	if n == 0 && in.first == [2]string{} {
		in.first = [2]string{form, key}
		s.Aliases, in.akKeys = in.first[0:1:1], in.first[1:2:2]
		return
	}
	c := max(2*n, 2)
	back := make([]string, 2*c)
	copy(back, s.Aliases)
	copy(back[c:], in.akKeys)
	back[n], back[c+n] = form, key
	s.Aliases, in.akKeys = back[:n+1:c], back[c:c+n+1:2*c]
}

// hasForm reports whether form is the canonical name or an alias of s.
func hasForm(s *Source, in *info, form string) bool {
	if in.forms != nil {
		return in.forms[form]
	}
	return form == s.Name || slices.Contains(s.Aliases, form)
}
