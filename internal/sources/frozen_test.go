package sources

import "testing"

// TestFrozenMaps checks that the frozen tables answer as the maps they
// were made from, for every key and for strings that are not keys.
func TestFrozenMaps(t *testing.T) {
	for k, v := range wordClasses {
		if got, ok := frozenClasses.get(k); !ok || got != v || classOfToken(k) != v {
			t.Errorf("frozenClasses.get(%q) = %v, %v; want %v", k, got, ok, v)
		}
	}
	for k := range countryFirst {
		if !maybeCountryFirst(k) {
			t.Errorf("maybeCountryFirst(%q) = false", k)
		}
	}
	for _, k := range []string{"", "x", "kirby", "yeol", "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", "officialss"} {
		if got, want := classOfToken(k), wordClasses[k]; got != want {
			t.Errorf("classOfToken(%q) = %v, want %v", k, got, want)
		}
		if got, want := maybeCountryFirst(k), countryFirst[k]; got != want {
			t.Errorf("maybeCountryFirst(%q) = %v, want %v", k, got, want)
		}
	}
	empty := freeze(map[string]int{})
	if _, ok := empty.get("a"); ok {
		t.Error("empty frozen map has a key")
	}
}
