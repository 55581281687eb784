package sources

import (
	"slices"
	"testing"
)

// RecordKeys is SourceKeys and the Key of the affiliation, also after a
// rename and a change of affiliation.
func TestRecordKeys(t *testing.T) {
	r := NewRegistry()
	r.ResolveOutlet("Babel")
	s := r.Resolve("Kirby", "Pentagon spokesman", "Babel")
	check := func() {
		t.Helper()
		n, as, aff := r.RecordKeys(s)
		n2, as2 := r.SourceKeys(s)
		if n != n2 || !slices.Equal(as, as2) {
			t.Errorf("RecordKeys(%q) = %q %q, SourceKeys %q %q", s.Name, n, as, n2, as2)
		}
		if want := Key(s.Affiliation); aff != want {
			t.Errorf("affiliation key of %q = %q, want %q", s.Affiliation, aff, want)
		}
	}
	check()
	if s.Affiliation == "" {
		t.Fatalf("%q has no affiliation", s.Name)
	}
	r.Resolve("John Kirby", "Pentagon spokesman", "Babel") // renames
	check()
	r.Resolve("Department of Defense", "", "Babel")
	if err := r.Merge("Department of Defense", "Pentagon"); err != nil {
		t.Fatal(err)
	}
	check() // the affiliation moved with the merge
	o := r.Resolve("officials", "", "Babel")
	if _, _, aff := r.RecordKeys(o); aff != "babel" {
		t.Errorf("affiliation key of %q = %q, want babel", o.Name, aff)
	}
	// a source the registry did not make
	n, _, aff := r.RecordKeys(&Source{Name: "The Times", Affiliation: "U.S."})
	if n != "times" || aff != "us" {
		t.Errorf("RecordKeys of a foreign source = %q, %q", n, aff)
	}
}
