package sources

import (
	"errors"
	"os"
	"testing"

	"github.com/attrib/attrib/internal/extract"
	"github.com/attrib/attrib/internal/input"
)

// news is the research corpus, read in place.
const news = "../../../shared/data/news/allsides-10k.jsonl.gz"

var errEnough = errors.New("enough")

// TestRecentCallsExact resolves the claims of real articles as the ingest
// does (outlet first, each hop cited by the one before), with every kept
// answer checked against the full work: a kept call must return the same
// source and change nothing. It also counts how often a kept answer
// serves, so that the test fails if the shortcut stops being taken.
func TestRecentCallsExact(t *testing.T) {
	if _, err := os.Stat(news); err != nil {
		t.Skipf("%s not present: %v", news, err)
	}
	n := 800
	if testing.Short() {
		n = 200
	}
	r := NewRegistry()
	r.recentCheck = true
	calls, kept := 0, 0
	var rd input.Reader
	err := rd.Read([]string{news}, func(a input.Article) error {
		outlet := a.Outlet
		if outlet == "" {
			outlet = "Unknown outlet"
		}
		o := r.ResolveOutlet(outlet)
		for _, c := range extract.Extract(a.Text, extract.Options{Outlet: a.Outlet}) {
			citer := o.Name
			for _, h := range c.Chain {
				if r.recentGet(h.Name, h.Role, citer) != nil {
					kept++
				}
				s := r.Resolve(h.Name, h.Role, citer)
				calls++
				citer = s.Name
			}
		}
		if n--; n == 0 {
			return errEnough
		}
		return nil
	}, nil)
	if err != nil && !errors.Is(err, errEnough) {
		t.Fatal(err)
	}
	if r.recentWrong != 0 {
		t.Errorf("%d of %d kept answers differ from the full work", r.recentWrong, kept)
	}
	t.Logf("%d calls, %d served from kept answers", calls, kept)
	if kept*20 < calls {
		t.Errorf("only %d of %d calls served from kept answers", kept, calls)
	}
}

// TestRecentCallsDropped: a change to the registry drops the kept
// answers, and a call that changes something is not kept.
func TestRecentCallsDropped(t *testing.T) {
	r := NewRegistry()
	r.ResolveOutlet("Babel")
	a := r.Resolve("Kim", "", "Babel") // creates: not kept
	if r.recentGet("Kim", "", "Babel") != nil {
		t.Fatal("a call that created a source was kept")
	}
	if b := r.Resolve("Kim", "", "Babel"); b != a {
		t.Fatalf("second Kim is %q, first %q", b.Name, a.Name)
	}
	if r.recentGet("Kim", "", "Babel") != a {
		t.Fatal("a call that changed nothing was not kept")
	}
	if r.recentGet("Kim", "spokesman", "Babel") != nil || r.recentGet("Kim", "", "Reuters") != nil {
		t.Fatal("a kept answer served another role or citer")
	}
	r.Resolve("Kim Jong Un", "", "Babel") // changes the registry
	if r.recentGet("Kim", "", "Babel") != nil {
		t.Fatal("a kept answer outlived a change")
	}
}
