package sources

// wclass is a set of the word lists of tables.go that a word's last key
// token belongs to, looked up once per word (in appendWords) instead of
// once per list and question.
type wclass uint32

const (
	cDeterminer   wclass = 1 << iota // determiners
	cIndefinite                      // indefinites
	cConnector                       // connectors
	cAnon                            // anonNouns
	cTitle                           // titleNouns
	cPersonTitle                     // personTitles
	cDocument                        // documentNouns
	cOutlet                          // outletWords
	cGovernment                      // governmentWords
	cOrganisation                    // organisationWords
	cIntelligence                    // intelligenceWords
	cFunction                        // functionWords
	cNameParticle                    // nameParticles
	cGenericGov                      // genericGovernment
	cSpeaker                         // speakerNouns
	// cPluralCountry: the token t is a plural of a country form ("russians"):
	// countryByKey holds strings.TrimSuffix(t, "s") and isPlural(t)
	cPluralCountry
	// cAnyIntelligence (set per word, not per token): any key token of the
	// word, not only the last, is in intelligenceWords
	cAnyIntelligence
	// cCountryFirst (per word, from its first key token, not its last):
	// the first key token of the word is in countryFirst
	cCountryFirst
)

// wordClasses maps a key token to its classes. Read-only after init.
var wordClasses = func() map[string]wclass {
	m := make(map[string]wclass)
	for _, l := range []struct {
		set map[string]bool
		c   wclass
	}{
		{determiners, cDeterminer}, {indefinites, cIndefinite}, {connectors, cConnector},
		{anonNouns, cAnon}, {titleNouns, cTitle}, {personTitles, cPersonTitle},
		{documentNouns, cDocument}, {outletWords, cOutlet}, {governmentWords, cGovernment},
		{organisationWords, cOrganisation}, {intelligenceWords, cIntelligence},
		{functionWords, cFunction}, {nameParticles, cNameParticle},
		{genericGovernment, cGenericGov}, {speakerNouns, cSpeaker},
	} {
		for t, ok := range l.set {
			if ok {
				m[t] |= l.c
			}
		}
	}
	for t := range countryFirst {
		m[t] |= cCountryFirst
	}
	for k := range countryByKey {
		// t = k+"s" trims to k; a t without a final s trims to itself
		if isPlural(k + "s") {
			m[k+"s"] |= cPluralCountry
		}
		if isPlural(k) && !endsInS(k) {
			m[k] |= cPluralCountry
		}
	}
	return m
}()

func endsInS(t string) bool { return len(t) > 0 && t[len(t)-1] == 's' }

// wordClassOf is the classes of a word with key tokens key.
func wordClassOf(key []string) wclass {
	if len(key) == 0 {
		return 0
	}
	last := classOfToken(key[len(key)-1])
	c, first := last&^cCountryFirst, last
	if c&cIntelligence != 0 {
		c |= cAnyIntelligence
	}
	for i, t := range key[:len(key)-1] {
		tc := classOfToken(t)
		if i == 0 {
			first = tc
		}
		if tc&cIntelligence != 0 {
			c |= cAnyIntelligence
		}
	}
	return c | first&cCountryFirst
}

// classOfToken is wordClasses[t], without the lookup for a token whose
// length and first byte no listed token has (most names).
func classOfToken(t string) wclass {
	if t != "" && (!classShapes.has(t) || !hasLastShape(classEnds, t)) {
		return 0
	}
	c, _ := frozenClasses.get(t)
	return c
}

// tokenShapes is a set of (length, first byte) pairs, lengths from 32 on
// counted as 31: a token whose pair is not in the set is not a key of the
// map it was made from.
type tokenShapes [32 * 256 / 64]uint64

func (s *tokenShapes) add(t string) {
	i := min(len(t), 31)*256 + int(t[0])
	s[i/64] |= 1 << (i % 64)
}

// has reports whether the shape of t, which is not empty, is in the set.
func (s *tokenShapes) has(t string) bool {
	return hasShape(s, t)
}

// hasShape is s.has(t) for a string or bytes.
func hasShape[S string | []byte](s *tokenShapes, t S) bool {
	i := min(len(t), 31)*256 + int(t[0])
	return s[i/64]&(1<<(i%64)) != 0
}

// frozenClasses is wordClasses for fast lookups.
var frozenClasses = freeze(wordClasses)

// hasLastShape is hasShape by length and last byte rather than first,
// for a set made with addLast.
func hasLastShape(s *tokenShapes, t string) bool {
	i := min(len(t), 31)*256 + int(t[len(t)-1])
	return s[i/64]&(1<<(i%64)) != 0
}

// addLast adds the length and last byte of t, which is not empty.
func (s *tokenShapes) addLast(t string) {
	i := min(len(t), 31)*256 + int(t[len(t)-1])
	s[i/64] |= 1 << (i % 64)
}

// classEnds holds the lengths and last bytes of the keys of wordClasses:
// with classShapes, it turns away most tokens that are in no list
// before their hash is computed.
var classEnds = shapesOf(wordClasses, (*tokenShapes).addLast)

// classShapes holds the shapes of the keys of wordClasses.
var classShapes = shapesOf(wordClasses, (*tokenShapes).add)

// shapesOf is the set of the non-empty keys of m as add notes them.
func shapesOf[V any](m map[string]V, add func(*tokenShapes, string)) *tokenShapes {
	s := new(tokenShapes)
	for k := range m {
		if k != "" {
			add(s, k)
		}
	}
	return s
}

// is reports whether the word's last key token is in any of the lists c.
func (w word) is(c wclass) bool { return w.cls&c != 0 }
