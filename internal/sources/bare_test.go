package sources

import (
	"strings"
	"testing"
)

// A document or anonymous source cited by a scoped anonymous source is
// named after the citer's bare description, without nested brackets.
func TestScopedNamesDoNotNest(t *testing.T) {
	r := NewRegistry()
	r.ResolveOutlet("Harbor Daily")
	paper := r.Resolve("The Coastal Times", "", "Harbor Daily")
	insider := r.Resolve("a senior port official", "", paper.Name)
	memo := r.Resolve("the memo", "", insider.Name)
	if strings.Count(memo.Name, "(") > 1 {
		t.Errorf("nested qualifier in %q (citer %q)", memo.Name, insider.Name)
	}
	if memo.Affiliation != insider.Name {
		t.Errorf("affiliation %q, want the citer %q", memo.Affiliation, insider.Name)
	}
}
