package sources

import "strings"

// Classify decides what kind of source a name is, from the name and an
// optional role. The rules, in order:
//
//  1. a well-known source (news agencies, outlets, intelligence services,
//     institutions, by name or acronym, optionally after a country:
//     "Russia's FSB") has the table's kind;
//  2. a country or capital alone ("South Korea", "Moscow") is government;
//  3. a description built on a word for unnamed people is anonymous
//     ("a former Russian spy", "sources", "Babel sources", "people familiar
//     with the matter", "a senior official"); on a title it is anonymous when
//     indefinite or plural ("a Pentagon spokesman", "spokesmen"), otherwise a
//     person ("the South Korean leader", "Pentagon spokesman John Kirby");
//  4. a description headed by a document word is a document ("the agreement",
//     "a statement", "court documents");
//  5. the word intelligence makes an intelligence service;
//  6. outlet words (News, Times, Post, ...) make an outlet, "agency" written
//     in lower case or "news agency" makes a news agency;
//  7. government words (ministry, department, Kremlin, parliament, ...) make a
//     government body, organisation words (company, party, university,
//     institute, ...) an organisation, and so does a bare acronym;
//  8. capitalised name words, or any name with a role, make a person;
//     a lower-case description left over is anonymous.
func Classify(name, role string) Kind {
	return classifyWords(splitWords(name), role)
}

var determiners = wordSet(`a an one some several two three four five many other another the these those
this that our their his her its unnamed various numerous multiple`)

var indefinites = wordSet(`a an one some several two three four five many other another various numerous multiple unnamed`)

var connectors = wordSet(`of for at in with from to close familiar who whose briefed involved speaking
knowledgeable aware on within near`)

func classifyWords(ws []word, role string) Kind {
	if len(ws) == 0 {
		return Anonymous
	}
	var buf [64]byte
	all := ws
	if i, ok := knownIndexWords(buf[:0], ws); ok {
		return knownSources[i].Kind
	}
	det, indef := "", false
	if len(ws) > 1 && len(ws[0].key) == 1 && ws[0].is(cDeterminer) {
		det = ws[0].key[0]
		indef = ws[0].is(cIndefinite)
		ws = ws[1:]
	}
	n, _ := countryPrefix(ws)
	core := ws[n:]
	if len(core) == 0 {
		return Government
	}
	if len(core) < len(all) { // else core is all the words, looked up above
		if i, ok := knownIndexWords(buf[:0], core); ok {
			return knownSources[i].Kind
		}
	}
	// 3. people nouns
	for i, w := range core {
		if w.cap && i > 0 || len(w.key) != 1 {
			continue
		}
		t := w.key[0]
		anon, title := w.is(cAnon), w.is(cTitle)
		if w.is(cPluralCountry) {
			anon = true // "Russians", "Ukrainians"
		}
		if !anon && !title {
			continue
		}
		if i+1 < len(core) && core[i+1].cap {
			return Person // "spokesman John Kirby"
		}
		if i+1 < len(core) && !core[i+1].is(cConnector|cAnon|cTitle) {
			continue // the noun modifies a later head: "source code"
		}
		if anon || indef || isPlural(t) {
			return Anonymous
		}
		return Person
	}
	if titledName(core) || leadingName(core) {
		return Person
	}
	head := core[len(core)-1]
	// 4. documents
	if head.is(cDocument) && (!head.cap || det != "") {
		return Document
	}
	for _, w := range core {
		if w.is(cAnyIntelligence) {
			return Intelligence
		}
	}
	// 6. outlets and agencies
	if head.last() == "agency" {
		if !head.cap || len(core) > 1 && (core[len(core)-2].last() == "news" || core[len(core)-2].last() == "press") {
			return Agency
		}
	}
	for _, w := range core {
		if w.cap && w.is(cOutlet) {
			return Outlet
		}
		if isDomain(w.orig) {
			return Outlet
		}
	}
	// 7. government, organisation
	for _, w := range core {
		if w.is(cGovernment) {
			return Government
		}
	}
	for _, w := range core {
		if w.is(cOrganisation) {
			if n > 0 && (head.last() == "agency" || head.last() == "bureau") {
				return Government
			}
			return Organisation
		}
	}
	if len(core) == 1 {
		if _, ok := isAcronymWord(core[0].orig); ok {
			return Organisation
		}
	}
	if head.is(cDocument) {
		return Document
	}
	// 8. persons and leftovers
	allCap := true
	for _, w := range core {
		if !w.cap && !w.is(cNameParticle) {
			allCap = false
		}
	}
	if allCap && det == "" {
		return Person
	}
	if role != "" && det == "" {
		return Person
	}
	if allCap {
		return Organisation // "the Babel Foundation"-like names with an article
	}
	return Anonymous
}

var nameParticles = wordSet(`van von der de da di del la le bin ibn al el abu ben du dos das ter ten mac`)

func isPlural(t string) bool {
	return strings.HasSuffix(t, "s") && !strings.HasSuffix(t, "ss") || strings.HasSuffix(t, "men") || t == "people"
}

func isDomain(w string) bool {
	i := strings.LastIndexByte(w, '.')
	if i <= 0 || i == len(w)-1 {
		return false
	}
	tld := strings.ToLower(w[i+1:])
	switch tld {
	case "com", "net", "org", "ua", "ru", "uk", "io", "news", "info", "kr", "de", "fr", "pl":
		return true
	}
	return false
}

// institutionWord reports whether a word makes a name an institution.
func institutionWord(w word) bool {
	if w.is(cGovernment | cOrganisation | cOutlet | cIntelligence | cDocument) {
		return true
	}
	_, acro := isAcronymWord(w.orig)
	return acro
}

// nameRun is the length of the run of capitalised non-institution words
// starting at i.
func nameRun(ws []word, i int) int {
	n := 0
	for j := i; j < len(ws) && ws[j].cap && !institutionWord(ws[j]) && !ws[j].is(cPersonTitle|cTitle); j++ {
		n++
	}
	return n
}

// titledName matches a title followed by a personal name at the end:
// "Senate Majority Leader Mitch McConnell", "NSA Director Adm. Michael Rogers".
func titledName(ws []word) bool {
	for i := len(ws) - 2; i >= 0; i-- {
		if ws[i].is(cPersonTitle | cTitle) {
			return nameRun(ws, i+1) == len(ws)-i-1
		}
	}
	return false
}

// leadingName matches a personal name followed by a lower-case apposition
// or relative clause: "Joel Pollak of Breitbart California".
func leadingName(ws []word) bool {
	n := nameRun(ws, 0)
	return n >= 2 && n < len(ws) && !ws[n].cap && (ws[n].is(cFunction) || ws[n].last() == "who")
}

// knownIndexWords is knownIndexBytes(appendWordsKey(buf, ws)), with the
// key written only when its shape (length and first byte) is one a key
// of knownByKey has: most names are not well-known sources.
func knownIndexWords(buf []byte, ws []word) (int, bool) {
	n, first, empty := 0, byte(0), false
	for _, w := range ws {
		for _, t := range w.key {
			if n > 0 {
				n++ // the space before t
			} else if t != "" {
				first = t[0]
			} else {
				empty = true
			}
			n += len(t)
		}
	}
	if n > 0 && !empty {
		if i := min(n, 31)*256 + int(first); knownShapes[i/64]&(1<<(i%64)) == 0 {
			return 0, false
		}
	}
	return knownIndexBytes(appendWordsKey(buf, ws))
}
