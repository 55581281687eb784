package sources

import (
	"bufio"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

const polnearDir = "../../../shared/data/polnear"

// polnearSources reads the Source spans of PolNeAR train, one list per
// article with its publisher, skipping bare pronouns (the extractor
// resolves those before the registry sees them).
func polnearSources(t testing.TB) (pubs []string, names [][]string) {
	files, _ := filepath.Glob(filepath.Join(polnearDir, "train", "attributions", "*.ann"))
	if len(files) == 0 {
		t.Skip("PolNeAR not available at " + polnearDir)
	}
	seen := map[string]bool{}
	for _, f := range files {
		base := filepath.Base(f)
		art := base[:strings.LastIndexByte(base, '_')]
		if seen[art] {
			continue
		}
		seen[art] = true
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		var ns []string
		sc := bufio.NewScanner(fh)
		for sc.Scan() {
			cols := strings.Split(sc.Text(), "\t")
			if len(cols) == 3 && strings.HasPrefix(cols[1], "Source ") && !pronouns[strings.ToLower(cols[2])] {
				ns = append(ns, cols[2])
			}
		}
		fh.Close()
		pubs = append(pubs, art[:strings.IndexByte(art, '_')])
		names = append(names, ns)
	}
	return pubs, names
}

var pronouns = wordSet(`he she they i we you it who which that his her their them him me us this these those its our`)

// TestPolNeARSources runs every PolNeAR train source through Classify and
// Resolve: it must not fail on real text, must keep the registry well below
// one source per mention, and reports the kind distribution and speed.
func TestPolNeARSources(t *testing.T) {
	pubs, names := polnearSources(t)
	r := NewRegistry()
	kinds := map[Kind]int{}
	examples := map[Kind][]string{}
	n := 0
	start := time.Now()
	for i, ns := range names {
		outlet := r.ResolveOutlet(pubs[i])
		for _, name := range ns {
			s := r.Resolve(name, "", outlet.Name)
			if s == nil || s.Name == "" {
				t.Fatalf("Resolve(%q) gave %+v", name, s)
			}
			k := Classify(name, "")
			kinds[k]++
			if len(examples[k]) < 12 && !strings.Contains(name, "\n") {
				examples[k] = append(examples[k], name)
			}
			n++
		}
	}
	el := time.Since(start)
	t.Logf("%d mentions, %d sources, %.0f resolves/s", n, len(r.Sources()), float64(n)/el.Seconds())
	ks := make([]string, 0, len(kinds))
	for k := range kinds {
		ks = append(ks, string(k))
	}
	sort.Strings(ks)
	for _, k := range ks {
		t.Logf("%-13s %5d  e.g. %q", k, kinds[Kind(k)], examples[Kind(k)])
	}
	if len(r.Sources()) > n*2/3 {
		t.Errorf("%d sources for %d mentions: resolution merges too little", len(r.Sources()), n)
	}
}

func BenchmarkResolvePolNeAR(b *testing.B) {
	pubs, names := polnearSources(b)
	b.ResetTimer()
	n := 0
	for i := 0; i < b.N; i++ {
		r := NewRegistry()
		for j, ns := range names {
			outlet := r.ResolveOutlet(pubs[j])
			for _, name := range ns {
				r.Resolve(name, "", outlet.Name)
				n++
			}
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "resolves/s")
}
