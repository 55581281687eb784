package sources

import (
	"errors"
	"slices"
	"testing"
)

// resolveAll resolves hops (name, role, citer) and returns their sources.
func resolveAll(r *Registry, hops [][3]string) []*Source {
	out := make([]*Source, len(hops))
	for i, h := range hops {
		out[i] = r.Resolve(h[0], h[1], h[2])
	}
	return out
}

func TestSameSource(t *testing.T) {
	groups := []struct {
		name  string
		hops  [][3]string
		canon string
		kind  Kind
	}{
		{"korean name spellings", [][3]string{
			{"Yoon Seok-yeol", "South Korean President", "Yonhap"},
			{"Yoon Seok Yeol", "", "Yonhap"},
			{"Yun Seok Yeol", "", "Babel"},
			{"Yoon Suk-yeol", "", "Reuters"},
			{"Yoon", "", "Babel"},
		}, "Yoon Seok-yeol", Person},
		{"ukrainian name spellings", [][3]string{
			{"Volodymyr Zelensky", "", "Reuters"},
			{"Volodymyr Zelenskyy", "", "Ukrinform"},
			{"Volodymyr Zelenskiy", "", "Reuters"},
			{"Zelensky", "", "AP"},
		}, "Volodymyr Zelensky", Person},
		{"surname first, full name later", [][3]string{
			{"Ostrakova", "", "Reuters"},
			{"Marta Ostrakova", "", "Reuters"},
			{"Ostrakova", "", "AP"},
		}, "Marta Ostrakova", Person},
		{"invented institution and its acronym", [][3]string{
			{"Estonia's Bureau of Maritime Surveys", "", "AP"},
			{"Bureau of Maritime Surveys", "", "AP"},
			{"BMS", "", "AP"},
		}, "Bureau of Maritime Surveys", Organisation},
		{"acronym first, full name later", [][3]string{
			{"QDT", "", "AP"},
			{"Quintel Data Trust", "", "AP"},
			{"QDT", "", "Reuters"},
		}, "Quintel Data Trust", Organisation},
		{"seed intelligence service", [][3]string{
			{"South Koreaʼs National Intelligence Service", "", "Babel"},
			{"South Korean intelligence", "", "Babel"},
			{"NIS", "", "Babel"},
			{"National Intelligence Service", "", "Reuters"},
		}, "National Intelligence Service", Intelligence},
		{"description before the service", [][3]string{
			{"Lithuanian intelligence", "", "Delfi"},
			{"Lithuania's Intelligence Directorate", "", "Delfi"},
			{"Lithuanian intelligence", "", "Reuters"},
		}, "Intelligence Directorate", Intelligence},
		{"outlet acronym", [][3]string{
			{"WSJ", "", "Babel"},
			{"The Wall Street Journal", "", "Babel"},
			{"Wall Street Journal", "", "Reuters"},
		}, "The Wall Street Journal", Outlet},
		{"anonymous sources of the citing outlet", [][3]string{
			{"Babel sources", "", "Babel"},
			{"Babel's sources", "", "Babel"},
			{"sources", "", "Babel"},
		}, "Babel sources", Anonymous},
		{"country and its capital", [][3]string{
			{"Ruritanian government", "", "Babel"},
			{"Ukraine", "", "Babel"},
			{"Kyiv", "", "Reuters"},
			{"the Ukrainian authorities", "", "AP"},
		}, "", Government},
	}
	for _, g := range groups {
		t.Run(g.name, func(t *testing.T) {
			r := NewRegistry()
			hops := g.hops
			if g.name == "country and its capital" {
				hops = hops[1:]
				g.canon = "Ukraine"
			}
			got := resolveAll(r, hops)
			for i, s := range got {
				if s != got[0] {
					t.Errorf("%q resolved to %q, want the same source as %q (%q)", hops[i][0], s.Name, hops[0][0], got[0].Name)
				}
			}
			if got[0].Name != g.canon || got[0].Kind != g.kind {
				t.Errorf("canonical %q (%s), want %q (%s); aliases %q", got[0].Name, got[0].Kind, g.canon, g.kind, got[0].Aliases)
			}
		})
	}
}

func TestDifferentSources(t *testing.T) {
	pairs := []struct{ a, b [3]string }{
		{[3]string{"Kim Jong-un", "", "KCNA"}, [3]string{"Kim Yo-jong", "", "KCNA"}},
		{[3]string{"Anna Ostrakova", "", "Reuters"}, [3]string{"Marta Ostrakova", "", "Reuters"}},
		{[3]string{"Vladimir Putin", "", "TASS"}, [3]string{"Volodymyr Putin", "", "TASS"}},
		{[3]string{"sources", "", "Babel"}, [3]string{"sources", "", "Reuters"}},
		{[3]string{"a former Russian spy", "", "The Wall Street Journal"}, [3]string{"a former Russian spy", "", "The Guardian"}},
		{[3]string{"a senior official", "", "AP"}, [3]string{"senior officials", "", "AP"}},
		{[3]string{"the agreement", "", "Babel"}, [3]string{"the agreement", "", "Reuters"}},
		{[3]string{"Ukraine's Ministry of Defence", "", "AP"}, [3]string{"Russia's Ministry of Defence", "", "AP"}},
		{[3]string{"Russian intelligence", "", "AP"}, [3]string{"Ukrainian intelligence", "", "AP"}},
		{[3]string{"Pentagon", "", "AP"}, [3]string{"US Department of Defense", "", "AP"}},
	}
	for _, p := range pairs {
		r := NewRegistry()
		a := r.Resolve(p.a[0], p.a[1], p.a[2])
		b := r.Resolve(p.b[0], p.b[1], p.b[2])
		if a == b {
			t.Errorf("%q (%s) and %q (%s) merged into %q", p.a[0], p.a[2], p.b[0], p.b[2], a.Name)
		}
		if a.Name == b.Name {
			t.Errorf("two sources share the canonical name %q", a.Name)
		}
	}
}

func TestSurnameAmbiguity(t *testing.T) {
	r := NewRegistry()
	jong := r.Resolve("Kim Jong-un", "North Korean leader", "KCNA")
	if s := r.Resolve("Kim", "", "KCNA"); s != jong {
		t.Errorf("Kim with one Kim known = %q, want %q", s.Name, jong.Name)
	}
	yo := r.Resolve("Kim Yo-jong", "", "KCNA")
	if yo == jong {
		t.Fatal("Kim Yo-jong merged with Kim Jong-un")
	}
	if s := r.Resolve("Kim", "", "KCNA"); s == jong || s == yo {
		t.Errorf("Kim with two Kims known resolved to %q, want neither", s.Name)
	}
	if s := r.Resolve("Kim", "North Korean leader", "KCNA"); s != jong {
		t.Errorf("Kim with the leader's role = %q, want %q", s.Name, jong.Name)
	}
}

func TestAnonymousNamesAndAffiliation(t *testing.T) {
	r := NewRegistry()
	r.ResolveOutlet("Babel")
	wsj := r.Resolve("The WSJ", "", "Babel")
	spy := r.Resolve("A former Russian spy", "", wsj.Name)
	if spy.Kind != Anonymous || spy.Name != "a former Russian spy (WSJ)" || spy.Affiliation != "WSJ" {
		t.Errorf("spy = %+v", *spy)
	}
	bs := r.Resolve("Babel sources", "", "Babel")
	if bs.Kind != Anonymous || bs.Name != "Babel sources" || bs.Affiliation != "Babel" {
		t.Errorf("Babel sources = %+v", *bs)
	}
	if s := r.Resolve("the former Russian spy", "", "WSJ"); s != spy {
		t.Errorf("second mention of the spy via the acronym citer = %q", s.Name)
	}
	// Babel first seen as "WSJ": the canonical name moves, anonymous names follow
	r2 := NewRegistry()
	r2.Resolve("WSJ", "", "Babel")
	spy2 := r2.Resolve("a former Russian spy", "", "WSJ")
	r2.Resolve("The Wall Street Journal", "", "Babel")
	if spy2.Name != "a former Russian spy (The Wall Street Journal)" || spy2.Affiliation != "The Wall Street Journal" {
		t.Errorf("after the citer's rename: %+v", *spy2)
	}
	if s := r2.Resolve("a former Russian spy", "", "The Wall Street Journal"); s != spy2 {
		t.Errorf("spy after rename resolved to a new source %q", s.Name)
	}
}

func TestSpokespersonAffiliation(t *testing.T) {
	tests := []struct{ name, role, aff string }{
		{"Kyrylo Budanov", "head of the GUR", "GUR"},
		{"Dana Pellworm", "Pentagon spokesman", "Pentagon"},
		{"Ilse Marchetti", "spokeswoman for the State Department", "State Department"},
		{"Oskar Veldt", "the Kremlin's press secretary", "Kremlin"},
		{"Tomas Rinn", "Ruritanian Railways spokesman", "Ruritanian Railways"},
		{"Yoon Seok-yeol", "South Korean President", ""},
		{"Edgar Holm", "former head of the CIA", ""},
	}
	for _, tt := range tests {
		r := NewRegistry()
		s := r.Resolve(tt.name, tt.role, "Reuters")
		if s.Affiliation != tt.aff {
			t.Errorf("%s, %s: affiliation %q, want %q", tt.name, tt.role, s.Affiliation, tt.aff)
			continue
		}
		if tt.aff != "" && r.Lookup(tt.aff) == nil {
			t.Errorf("affiliation %q was not registered", tt.aff)
		}
	}
	// the institution later seen by its full name: the affiliation follows
	r := NewRegistry()
	b := r.Resolve("Kyrylo Budanov", "head of the GUR", "Babel")
	r.Resolve("Main Intelligence Directorate", "", "Reuters")
	if b.Affiliation != "Main Intelligence Directorate" {
		t.Errorf("after the GUR's full name: affiliation %q", b.Affiliation)
	}
	if g := r.Lookup("GUR"); g == nil || g.Kind != Intelligence || g.Country != "Ukraine" {
		t.Errorf("GUR = %+v", g)
	}
}

func TestCountry(t *testing.T) {
	r := NewRegistry()
	for _, tt := range []struct{ name, role, country string }{
		{"Yoon Seok-yeol", "South Korean President", "South Korea"},
		{"South Korea's National Intelligence Service", "", "South Korea"},
		{"Security Service of Ukraine", "", "Ukraine"},
		{"Russian Foreign Ministry", "", "Russia"},
		{"a former Russian spy", "", "Russia"},
		{"U.S. officials", "", "United States"},
	} {
		if s := r.Resolve(tt.name, tt.role, "AP"); s.Country != tt.country {
			t.Errorf("%q: country %q, want %q", tt.name, s.Country, tt.country)
		}
	}
}

func TestMerge(t *testing.T) {
	r := NewRegistry()
	a := r.Resolve("Pentagon", "", "AP")
	b := r.Resolve("US Department of Defense", "", "AP")
	p := r.Resolve("Dana Pellworm", "spokesperson for the US Department of Defense", "AP")
	if p.Affiliation != b.Name {
		t.Fatalf("affiliation %q, want %q", p.Affiliation, b.Name)
	}
	if err := r.Merge("Pentagon", "US Department of Defense"); err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(a.Aliases, "US Department of Defense") {
		t.Errorf("aliases after merge: %q", a.Aliases)
	}
	if s := r.Resolve("US Department of Defense", "", "Reuters"); s != a {
		t.Errorf("merged name resolves to %q", s.Name)
	}
	if p.Affiliation != "Pentagon" {
		t.Errorf("affiliation after merge %q", p.Affiliation)
	}
	for _, s := range r.Sources() {
		if s == b {
			t.Error("merged source still listed")
		}
	}
	if err := r.Merge("Pentagon", "Nobody Known"); !errors.Is(err, ErrUnknownSource) {
		t.Errorf("merge of unknown source: %v", err)
	}
	if err := r.Merge("Pentagon", "US Department of Defense"); err == nil {
		t.Error("merging a source into itself succeeded")
	}
}

func TestAddRoundTrip(t *testing.T) {
	hops := [][3]string{
		{"Yonhap", "", "Babel"},
		{"Yoon Seok-yeol", "South Korean President", "Yonhap"},
		{"South Korea's National Intelligence Service", "", "Babel"},
		{"South Korean intelligence", "", "Babel"},
		{"Babel sources", "", "Babel"},
		{"WSJ", "", "Babel"},
		{"The Wall Street Journal", "", "Babel"},
		{"a former Russian spy", "", "The Wall Street Journal"},
		{"the agreement", "", "Babel"},
		{"Kyrylo Budanov", "head of the GUR", "Babel"},
		{"Kim Jong-un", "", "Babel"},
		{"Kim Yo-jong", "", "Babel"},
		{"officials", "", "Reuters"},
	}
	r := NewRegistry()
	r.ResolveOutlet("Babel")
	first := resolveAll(r, hops)
	// reload into a fresh registry in reverse order (the store's order is
	// not guaranteed) and resolve again: nothing new may appear
	stored := r.Sources()
	r2 := NewRegistry()
	for i := len(stored) - 1; i >= 0; i-- {
		r2.Add(*stored[i])
	}
	n := len(r2.Sources())
	again := resolveAll(r2, hops)
	again = append(again, r2.Resolve("Yun Seok Yeol", "", "Babel"), r2.Resolve("NIS", "", "Babel"))
	if len(r2.Sources()) != n {
		for _, s := range r2.Sources()[n:] {
			t.Errorf("new source after reload: %+v", *s)
		}
	}
	for i := range hops {
		if again[i].Name != first[i].Name {
			t.Errorf("%q: %q after reload, %q before", hops[i][0], again[i].Name, first[i].Name)
		}
	}
}

func TestDeterministic(t *testing.T) {
	hops := [][3]string{
		{"Kim", "", "AP"}, {"Kim Jong-un", "", "AP"}, {"Kim Yo-jong", "", "AP"}, {"Kim", "", "AP"},
		{"NIS", "", "AP"}, {"National Intelligence Service", "", "AP"}, {"sources", "", "AP"},
	}
	var names [][]string
	for run := 0; run < 3; run++ {
		r := NewRegistry()
		resolveAll(r, hops)
		var ns []string
		for _, s := range r.Sources() {
			ns = append(ns, s.Name+"|"+string(s.Kind))
		}
		names = append(names, ns)
	}
	for _, ns := range names[1:] {
		if !slices.Equal(ns, names[0]) {
			t.Errorf("runs differ: %q vs %q", ns, names[0])
		}
	}
}

func TestEmptyAndOddInput(t *testing.T) {
	r := NewRegistry()
	for _, n := range []string{"", "   ", "\"", "—", "()", "'s", "the", "A", "..."} {
		s := r.Resolve(n, "", "AP")
		if s == nil || s.Name == "" {
			t.Errorf("Resolve(%q) = %+v", n, s)
		}
	}
	if s := r.Resolve("", "Pentagon spokesman", "AP"); s.Kind != Anonymous {
		t.Errorf("role only: %+v", *s)
	}
}

func TestTitlesStripped(t *testing.T) {
	r := NewRegistry()
	for _, g := range [][]string{
		{"Donald Trump", "Mr. Trump", "Trump"},
		{"Hillary Clinton", "Mrs. Clinton", "Secretary Clinton"},
		{"Bernie Sanders", "Sen. Bernie Sanders", "Sanders"},
		{"Yoon Seok-yeol", "South Korean President Yoon Seok-yeol", "President Yoon"},
	} {
		a := r.Resolve(g[0], "", "AP")
		for _, n := range g[1:] {
			if b := r.Resolve(n, "", "AP"); b != a {
				t.Errorf("%q resolved to %q, want %q", n, b.Name, a.Name)
			}
		}
	}
	if s := r.Lookup("Yoon Seok-yeol"); s == nil || s.Country != "South Korea" {
		t.Errorf("country from the stripped title: %+v", s)
	}
}

func TestConcurrentResolve(t *testing.T) {
	r := NewRegistry()
	done := make(chan bool)
	for g := 0; g < 4; g++ {
		go func() {
			for i := 0; i < 200; i++ {
				r.Resolve("Yoon Seok-yeol", "South Korean President", "Yonhap")
				r.Resolve("sources", "", "Babel")
				r.Resolve("NIS", "", "Babel")
				r.Sources()
			}
			done <- true
		}()
	}
	for g := 0; g < 4; g++ {
		<-done
	}
	if n := len(r.Sources()); n != 3 {
		t.Errorf("%d sources, want 3", n)
	}
}
