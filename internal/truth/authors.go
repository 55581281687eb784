package truth

import (
	"sort"
	"strings"
)

// Author lists as printed by bookstores come in many shapes:
//
//	"Knuth, Donald E."                       last, first
//	"Donald Ervin Knuth"                     first last
//	"Johnson, Michael K., Troan, Erik W."    last, first, last, first
//	"KROLL, PER KRUCHTEN, PHILIPPE"          last, first last, first (separator lost)
//	"Russell, Stuart J.; Norvig, Peter"      any of the above joined by ; / & "and"
//	"Date, C. J. (Author)"                   roles in parentheses
//	"Not Available", ""                      no claim at all
//
// AuthorKey reduces each of them to the set of normalised last names, which
// is the comparison rule of the Book gold standard used here: two author
// lists are equal when their sets of last names are equal. A last name is
// normalised to lower case without diacritics, apostrophes or hyphens, and
// only its last word counts, so that "Sparck Jones, Karen", "Karen Sparck
// Jones" and "jones, karen sparck" agree, as do "De Clercq, Jan" and
// "Clercq, Jan De".

// ParseAuthors returns the normalised last names of an author list in the
// order given, without duplicates. It returns nil for values that carry no
// author ("Not Available", empty, only role words).
func ParseAuthors(s string) []string {
	if noAuthor[strings.ToLower(strings.TrimSpace(s))] {
		return nil
	}
	toks := tokenizeAuthors(s)
	var names []string
	seen := make(map[string]bool)
	add := func(n string) {
		if n != "" && !seen[n] {
			seen[n] = true
			names = append(names, n)
		}
	}
	// Split at strong separators into chunks, each chunk into comma parts.
	var parts [][]token
	var cur []token
	endPart := func() {
		if len(cur) > 0 && !hasOrgWord(cur) {
			parts = append(parts, cur)
		}
		cur = nil
	}
	endChunk := func() {
		endPart()
		if len(parts) > 0 {
			parseChunk(parts, add)
		}
		parts = nil
	}
	for _, t := range toks {
		switch t.kind {
		case tokWord:
			cur = append(cur, t)
		case tokComma:
			endPart()
		case tokStrong:
			endChunk()
		case tokDrop:
			cur, parts = nil, nil
		}
	}
	endChunk()
	return names
}

// AuthorKey is the canonical form of an author list: its sorted set of
// normalised last names joined by "|". ok is false when the value names no
// author.
func AuthorKey(s string) (key string, ok bool) {
	names := ParseAuthors(s)
	if len(names) == 0 {
		return "", false
	}
	sort.Strings(names)
	return strings.Join(names, "|"), true
}

// SameAuthors reports whether two author lists name the same set of
// normalised last names (the Book rule; see ParseAuthors). Two lists that
// both name no author are equal.
func SameAuthors(a, b string) bool {
	ka, _ := AuthorKey(a)
	kb, _ := AuthorKey(b)
	return ka == kb
}

// lastWord is the key of a surname given as words: its last non-initial
// word (particles such as "de" or "van" and double names reduce to the
// final word).
func lastWord(ws []token) string {
	for i := len(ws) - 1; i >= 0; i-- {
		if !ws[i].initial {
			return ws[i].text
		}
	}
	if len(ws) > 0 {
		return ws[len(ws)-1].text
	}
	return ""
}

// particles are surname prefixes that may be printed after the first name
// in "Last, First" order ("Clercq, Jan De").
var particles = map[string]bool{
	"de": true, "van": true, "von": true, "der": true, "den": true, "del": true,
	"della": true, "di": true, "da": true, "du": true, "le": true, "la": true,
	"ter": true, "ten": true, "dos": true, "das": true,
}

// parseChunk reads one chunk of comma-separated parts (no strong separator
// inside) and reports each last name to add.
func parseChunk(parts [][]token, add func(string)) {
	if len(parts) == 1 {
		parseFirstLastRun(parts[0], add)
		return
	}
	firstLast, surnameFirst := true, true
	for i, p := range parts {
		if len(p) < 2 || (i > 0 && allInitials(p)) {
			firstLast = false
		}
		if !allInitialsTail(p) {
			surnameFirst = false
		}
	}
	if surnameFirst {
		// "Reddy J N, Smith J": each part is a surname and initials.
		for _, p := range parts {
			add(p[0].text)
		}
		return
	}
	if firstLast {
		// "First Last, First Last, ..."
		for _, p := range parts {
			parseFirstLastRun(p, add)
		}
		return
	}
	// "Last, First ..." order. Alternating when every even part is a short
	// surname; run-on ("Last, First Last2, First2") when the middle parts
	// all carry a first name and the next surname (a lost separator, common
	// in upper-case listings).
	alternating := len(parts)%2 == 0
	for i := 0; alternating && i < len(parts); i += 2 {
		if len(parts[i]) > 2 || allInitials(parts[i]) {
			alternating = false
		}
	}
	runOn := len(parts) >= 3
	for i := 1; runOn && i < len(parts)-1; i++ {
		p := parts[i]
		if len(p) < 2 || p[len(p)-1].initial {
			runOn = false
		}
	}
	if alternating && runOn {
		// Both readings fit: a two-word surname ("Van Dam") decides for
		// alternating only when it starts with a particle.
		for i := 2; i < len(parts); i += 2 {
			if len(parts[i]) == 2 && !particles[parts[i][0].text] {
				alternating = false
			}
		}
	}
	switch {
	case alternating:
		for i := 0; i < len(parts); i += 2 {
			add(lastWord(parts[i]))
		}
	case runOn:
		add(lastWord(parts[0]))
		for i := 1; i < len(parts)-1; i++ {
			add(parts[i][len(parts[i])-1].text)
		}
	default:
		for i := 0; i < len(parts); i += 2 {
			add(lastWord(parts[i]))
		}
	}
}

func allInitials(p []token) bool {
	for _, t := range p {
		if !t.initial {
			return false
		}
	}
	return true
}

// allInitialsTail reports whether a part is "Last I" or "Last I J": a
// surname followed only by initials, which marks "Last, First" lists
// printed without the comma.
func allInitialsTail(p []token) bool {
	return len(p) >= 2 && !p[0].initial && allInitials(p[1:])
}

// parseFirstLastRun reads a part without commas: "Knuth", "Donald E.
// Knuth", "KNUTH DONALD E" (surname first, initials last) or several names
// run together ("Donald E. Knuth John Fuller").
func parseFirstLastRun(p []token, add func(string)) {
	switch {
	case len(p) == 0:
		return
	case len(p) == 1:
		add(p[0].text)
		return
	case !p[0].initial && p[len(p)-1].initial:
		add(p[0].text) // "Knuth Donald E"
		return
	}
	// Count full (non-initial) words: an even count of four or more is read
	// as consecutive "First [I.] Last" names.
	full := 0
	for _, t := range p {
		if !t.initial {
			full++
		}
	}
	if full >= 4 && full%2 == 0 && !particlePresent(p) {
		n := 0
		for _, t := range p {
			if t.initial {
				continue
			}
			n++
			if n%2 == 0 {
				add(t.text)
			}
		}
		return
	}
	add(lastWord(p))
}

func particlePresent(p []token) bool {
	for _, t := range p {
		if particles[t.text] {
			return true
		}
	}
	return false
}

func hasOrgWord(p []token) bool {
	for _, t := range p {
		if orgWords[t.text] {
			return true
		}
	}
	return false
}
