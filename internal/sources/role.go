package sources

// speakerNouns are roles whose holder speaks for an institution.
var speakerNouns = wordSet(`spokesman spokeswoman spokesperson spokespeople head chief director chairman
chairwoman chair commander representative envoy ceo president secretary`)

// affiliationOf finds the institution a role speaks for: "Pentagon
// spokesman" → Pentagon, "spokeswoman for the State Department" → State
// Department, "head of the GUR" → GUR, "the Kremlin's press secretary" →
// Kremlin. A country or a former office gives none ("South Korean
// President", "former head of the CIA").
func affiliationOf(role string) string {
	return affiliationOfWords(splitWords(role))
}

// affiliationOfWords is affiliationOf on the words of the role.
func affiliationOfWords(ws []word) string {
	for _, w := range ws {
		if w.last() == "former" || w.last() == "ex" {
			return ""
		}
	}
	for i, w := range ws {
		t := w.last()
		if !w.is(cSpeaker) {
			continue
		}
		if t == "secretary" && (i == 0 || ws[i-1].last() != "press") {
			continue
		}
		// after: "head of the GUR"
		if j := i + 1; j < len(ws) && (ws[j].last() == "of" || ws[j].last() == "for" || ws[j].last() == "at") {
			j++
			if j < len(ws) && ws[j].last() == "the" {
				j++
			}
			end := j
			for end < len(ws) && (ws[end].cap || ws[end].is(cFunction) && end+1 < len(ws) && ws[end+1].cap) {
				end++
			}
			if end > j {
				return institutionName(ws[j:end])
			}
		}
		// before: "Pentagon spokesman", "the Kremlin's press secretary"
		start := i
		if t == "secretary" {
			start--
		}
		b := start
		for b > 0 && (ws[b-1].cap || ws[b-1].is(cFunction) && b-2 >= 0 && ws[b-2].cap) {
			b--
		}
		for b < start && ws[b].last() == "the" {
			b++
		}
		if b < start {
			return institutionName(ws[b:start])
		}
	}
	return ""
}

// institutionName is the words as written, or "" when they only name a
// country or are a title ("South Korean", "Deputy").
func institutionName(ws []word) string {
	if n, _ := countryPrefix(ws); n == len(ws) {
		return ""
	}
	if len(ws) == 1 && ws[0].is(cPersonTitle) {
		return ""
	}
	return wordsOrig(ws)
}

// applyRole records a person's role and, for a spokesperson or head, the
// institution they speak for, creating it when needed.
func (r *Registry) applyRole(s *Source, f *form, role string) {
	if role == "" {
		role = f.title
	}
	if role == "" {
		return
	}
	ri := r.role(role)
	in := infoOf(s)
	if in.roles.add(ri.key) {
		r.gen++
	}
	if s.Country == "" && ri.country != "" {
		s.Country = ri.country
		r.gen++
	}
	if s.Affiliation != "" {
		return
	}
	inst := ri.affiliation
	if inst == "" {
		return
	}
	g := r.parse(inst, "", "")
	if g.kind == Person || g.kind == Anonymous {
		g = r.parse(inst, "", Organisation)
	}
	is := r.find(&g, "")
	if is == nil {
		is = r.newSource(Source{Name: g.canon, Kind: g.kind, Country: g.country}, &g)
		r.indexForm(is, &g)
	} else {
		r.note(is, &g)
	}
	if is == s {
		return
	}
	s.Affiliation = is.Name
	r.gen++
	k := r.key(is.Name)
	r.deps[k] = append(r.deps[k], s)
}
