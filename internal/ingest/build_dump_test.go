package ingest

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"testing"

	"github.com/attrib/attrib/internal/db"
	"github.com/attrib/attrib/internal/extract"
	"github.com/attrib/attrib/internal/sources"
)

// TestBuildDump writes, when ATTRIB_BUILD_DUMP names a file, everything
// build returns for the first ATTRIB_BENCH_N articles of the research
// corpus (records without their text, and the sources in full), then the
// same after a reload of the registry, then every source of the registry.
// Dumps written before and after a change to internal/sources or build
// must be byte-identical when the change is meant to keep behaviour; the
// dump is written outside the repository and never committed.
func TestBuildDump(t *testing.T) {
	path := os.Getenv("ATTRIB_BUILD_DUMP")
	if path == "" {
		t.Skip("ATTRIB_BUILD_DUMP not set")
	}
	n := benchN(t)
	arts, _ := loadArticles(t, n)
	claims := make([][]extract.Claim, len(arts))
	for i, a := range arts {
		claims[i] = extract.Extract(a.Text, extract.Options{Outlet: a.Outlet})
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	in := freshBuilder()
	for round := 0; round < 2; round++ {
		for i, a := range arts {
			rec, srcs := in.build(a, claims[i])
			cs := rec.Claims
			rec.Text, rec.Claims = "", nil
			fmt.Fprintf(w, "%d %d %+v\n", round, i, rec)
			for _, c := range cs {
				fmt.Fprintf(w, " claim %q %v %v %s\n", c.Text, c.Spans, c.Quote, span(c.Cue))
				for _, h := range c.Hops {
					fmt.Fprintf(w, " hop %q %q %q %s %s\n", h.SourceKey, h.WrittenAs, h.Role, span(h.Mention), span(h.Cue))
				}
			}
			for _, s := range srcs {
				fmt.Fprintf(w, " src %s %q\n", dumpSource(s), in.reg.AliasKeys(s))
			}
		}
		for _, s := range in.reg.Sources() {
			fmt.Fprintf(w, "reg %s\n", dumpSource(s))
		}
		in = reloaded(in) // as compareBuilds does
		fmt.Fprintln(w, "reload "+strconv.Itoa(round))
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
}

func span(t *db.TextSpan) string {
	if t == nil {
		return "-"
	}
	return fmt.Sprintf("%q@%d-%d", t.Text, t.Start, t.End)
}

// dumpSource prints the exported fields of s: %+v would print the address
// of its registry facts too, which differs from run to run.
func dumpSource(s *sources.Source) string {
	return fmt.Sprintf("{Name:%s Kind:%v Aliases:%v Affiliation:%s Country:%s ID:%d}",
		s.Name, s.Kind, s.Aliases, s.Affiliation, s.Country, s.ID)
}
