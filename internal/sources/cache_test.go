package sources

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/attrib/attrib/internal/extract"
	"github.com/attrib/attrib/internal/input"
)

func TestMemoIsBounded(t *testing.T) {
	m := newMemo[int, int](4)
	for i := 0; i < 100; i++ {
		m.put(i, i)
		if n := len(m.cur) + len(m.old); n > 8 {
			t.Fatalf("after %d puts the memo holds %d entries, want at most 8", i+1, n)
		}
	}
	if _, ok := m.get(99); !ok {
		t.Error("the last entry is gone")
	}
	if _, ok := m.get(0); ok {
		t.Error("the first entry is still there")
	}
	off := newMemo[string, int](0)
	off.put("a", 1)
	if _, ok := off.get("a"); ok {
		t.Error("a memo of limit 0 keeps entries")
	}
}

// hop is one call the ingest makes for a chain hop.
type hop struct{ name, role string }

// articleHops reads n articles of the research corpus and extracts their
// outlets and chains.
func articleHops(t *testing.T, n int) (outlets []string, chains [][][]hop) {
	const corpus = "../../../shared/data/news/allsides-10k.jsonl.gz"
	if _, err := os.Stat(corpus); err != nil {
		t.Skipf("%s not present: %v", corpus, err)
	}
	enough := errors.New("enough")
	err := (&input.Reader{}).Read([]string{corpus}, func(a input.Article) error {
		var cs [][]hop
		for _, c := range extract.Extract(a.Text, extract.Options{Outlet: a.Outlet}) {
			var hs []hop
			for _, h := range c.Chain {
				hs = append(hs, hop{h.Name, h.Role})
			}
			cs = append(cs, hs)
		}
		outlets = append(outlets, a.Outlet)
		chains = append(chains, cs)
		if len(outlets) >= n {
			return enough
		}
		return nil
	}, nil)
	if err != nil && !errors.Is(err, enough) {
		t.Fatal(err)
	}
	return outlets, chains
}

// describe is everything a caller sees of a source.
func describe(r *Registry, s *Source) string {
	if s == nil {
		return "<nil>"
	}
	return fmt.Sprintf("%q %s %q %q %q %q", s.Name, s.Kind, s.Country, s.Affiliation, s.Aliases, r.AliasKeys(s))
}

// replay makes the calls the ingest makes for one article and returns
// what they returned.
func replay(r *Registry, outlet string, chains [][]hop) []string {
	var out []string
	o := r.ResolveOutlet(outlet)
	out = append(out, describe(r, o))
	for _, c := range chains {
		citer := o.Name
		for _, h := range c {
			s := r.Resolve(h.name, h.role, citer)
			out = append(out, describe(r, s))
			if s.Affiliation != "" {
				out = append(out, describe(r, r.Lookup(s.Affiliation)))
			}
			citer = s.Name
		}
	}
	return out
}

// The caches (forms, roles, keys, alias keys) change no result: a
// registry without caches, one whose caches turn over every few entries
// and the default one resolve the chains of real articles to the same
// sources, call by call, also after a reload from stored sources.
func TestCachesKeepResolution(t *testing.T) {
	n := 300
	if testing.Short() {
		n = 60
	}
	outlets, chains := articleHops(t, n)
	regs := []*Registry{newRegistry(0, 0), newRegistry(3, 5), NewRegistry()}
	names := []string{"uncached", "tiny caches", "default"}
	check := func(from, to int) {
		for i := from; i < to; i++ {
			want := replay(regs[0], outlets[i], chains[i])
			for j := 1; j < len(regs); j++ {
				got := replay(regs[j], outlets[i], chains[i])
				if !slices.Equal(got, want) {
					t.Fatalf("article %d: %s registry differs from uncached:\n got %q\nwant %q", i, names[j], got, want)
				}
			}
		}
		for j := 1; j < len(regs); j++ {
			got, want := regs[j].Sources(), regs[0].Sources()
			if len(got) != len(want) {
				t.Fatalf("%s registry has %d sources, uncached %d", names[j], len(got), len(want))
			}
			for k := range got {
				if g, w := describe(regs[j], got[k]), describe(regs[0], want[k]); g != w {
					t.Fatalf("%s registry source %d = %s, want %s", names[j], k, g, w)
				}
			}
		}
	}
	half := len(outlets) / 2
	check(0, half)
	// a reload: every registry seeded with the uncached one's sources
	stored := regs[0].Sources()
	regs = []*Registry{newRegistry(0, 0), newRegistry(3, 5), NewRegistry()}
	for _, r := range regs {
		for i, s := range stored {
			c := *s
			c.ID = int64(i + 1)
			r.Add(c)
		}
	}
	check(half, len(outlets))
}

// The fast paths of splitWords agree with the general code they stand in
// for, on the names of real articles and on edge cases.
func TestWordFastPaths(t *testing.T) {
	words := strings.Fields(`Korea's states' O'Brien U.S. AT&T "Babel" (Reuters) Yoon's 's ' . .. a.b. x.y
		Seok-yeol ZELENSKY McCONNELL D-Calif. 3,000 «Babel» Koreaʼs Koreaʼ ’s s’ A
		Russians Yemen Iranians Britons Americans counter-intelligence intelligence-sources`)
	if _, err := os.Stat("../../../shared/data/news/allsides-10k.jsonl.gz"); err == nil {
		_, chains := articleHops(t, 40)
		for _, a := range chains {
			for _, c := range a {
				for _, h := range c {
					words = append(words, strings.Fields(h.name+" "+h.role)...)
				}
			}
		}
	}
	for _, w := range words {
		if isASCII(w) {
			if got, want := appendKeyTokensASCII(nil, w), rawKeyTokens(w); !slices.Equal(got, want) && !(len(got) == 0 && len(want) == 0) {
				t.Errorf("appendKeyTokensASCII(%q) = %q, want %q", w, got, want)
			}
		}
		if got, want := isPossessive(w), isPossessiveRunes(w); got != want {
			t.Errorf("isPossessive(%q) = %v, want %v", w, got, want)
		}
		if got, want := stripPossessive(w), stripPossessiveRunes(w); got != want {
			t.Errorf("stripPossessive(%q) = %q, want %q", w, got, want)
		}
	}
	name := strings.Join(words, " ")
	got, want := withoutLines(splitWords(name)), splitWordsReference(name)
	if len(got) != len(want) {
		t.Errorf("splitWords gives %d words, the reference %d", len(got), len(want))
	}
	for i := range min(len(got), len(want)) {
		if g, w := fmt.Sprint(got[i]), fmt.Sprint(want[i]); g != w {
			t.Errorf("word %d: splitWords %s, reference %s", i, g, w)
			break
		}
	}
	desc := []string{"babel", "news", "sources"}
	for _, c := range []string{"", "babel", "babel news", "babel  news", "babel news sources", "bab", "babel new", "news"} {
		k := len(strings.Fields(c))
		wantOK := k > 0 && k < len(desc) && strings.Join(desc[:k], " ") == c
		n, ok := prefixTokens(desc, c)
		if ok != wantOK || ok && n != k {
			t.Errorf("prefixTokens(%q, %q) = %d, %v; want %d, %v", desc, c, n, ok, k, wantOK)
		}
	}
}

func isPossessiveRunes(w string) bool {
	rs := []rune(w)
	n := len(rs)
	if n >= 3 && isApostrophe(rs[n-2]) && (rs[n-1] == 's' || rs[n-1] == 'S') {
		return true
	}
	return n >= 2 && isApostrophe(rs[n-1]) && (rs[n-2] == 's' || rs[n-2] == 'S')
}

// splitWordsReference is splitWords as first written, without fast paths.
func splitWordsReference(s string) []word {
	var out []word
	for _, f := range strings.Fields(s) {
		f = strings.TrimFunc(f, func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !isApostrophe(r) && r != '.' && r != '&'
		})
		f = strings.TrimLeftFunc(f, func(r rune) bool { return isApostrophe(r) || r == '.' })
		if f == "" {
			continue
		}
		k := keyOf(f)
		if len(k) == 0 {
			continue
		}
		r, _ := utf8.DecodeRuneInString(f)
		out = append(out, word{orig: f, key: k, cap: unicode.IsUpper(r), poss: isPossessiveRunes(f), cls: classesReference(k)})
	}
	return out
}

// classesReference is wordClassOf by the word lists themselves.
func classesReference(key []string) wclass {
	var c wclass
	t := key[len(key)-1]
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
		if l.set[t] {
			c |= l.c
		}
	}
	if _, ok := countryByKey[strings.TrimSuffix(t, "s")]; ok && isPlural(t) {
		c |= cPluralCountry
	}
	for _, k := range key {
		if intelligenceWords[k] {
			c |= cAnyIntelligence
		}
	}
	if countryFirst[key[0]] {
		c |= cCountryFirst
	}
	return c
}

// The registry, its caches and the pooled buffers may be used from several
// goroutines at once (run with -race).
func TestConcurrentUse(t *testing.T) {
	r := NewRegistry()
	names := []string{"Yoon Seok-yeol", "officials", "South Korean intelligence", "a Pentagon spokesman",
		"Reuters", "Gdańsk Café", "Pentagon spokesman John Kirby", "the agreement"}
	done := make(chan bool)
	for g := 0; g < 4; g++ {
		go func(g int) {
			defer func() { done <- true }()
			for i := 0; i < 200; i++ {
				n := names[(i+g)%len(names)]
				s := r.Resolve(n, "spokesman for the Port Authority", "Harbor Daily")
				_ = r.Key(n)
				_ = r.AliasKeys(s)
				_ = Classify(n, "")
			}
		}(g)
	}
	for g := 0; g < 4; g++ {
		<-done
	}
	if s := r.Lookup("Yoon Seok-yeol"); s == nil || s.Kind != Person {
		t.Errorf("Lookup(Yoon Seok-yeol) = %v", s)
	}
}

// corpusNamesRoles is every hop's name and role in the first n articles
// of the research corpus, or nothing when it is absent.
func corpusNamesRoles(t *testing.T, n int) []string {
	if _, err := os.Stat("../../../shared/data/news/allsides-10k.jsonl.gz"); err != nil {
		return nil
	}
	var out []string
	_, chains := articleHops(t, n)
	for _, a := range chains {
		for _, c := range a {
			for _, h := range c {
				out = append(out, h.name, h.role)
			}
		}
	}
	return out
}
