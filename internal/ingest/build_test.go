package ingest

import (
	"fmt"
	"os"
	"sort"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/attrib/attrib/internal/db"
	"github.com/attrib/attrib/internal/extract"
	"github.com/attrib/attrib/internal/input"
	"github.com/attrib/attrib/internal/sources"
)

// build cuts its records from shared slices, reuses its temporaries and
// takes alias keys from the registry's memo; referenceBuild is the plain
// version it replaced. On real articles, with fresh and reloaded
// registries, both give the same records and sources.
func TestBuildMatchesReference(t *testing.T) {
	n := 300
	if testing.Short() {
		n = 60
	}
	if _, err := os.Stat(allsides); err != nil {
		t.Skipf("%s not present: %v", allsides, err)
	}
	arts, _ := loadArticles(t, n)
	claims := make([][]extract.Claim, len(arts))
	for i, a := range arts {
		claims[i] = extract.Extract(a.Text, extract.Options{Outlet: a.Outlet})
	}
	arts = append(arts, manySources())
	claims = append(claims, manySourcesClaims())
	compareBuilds(t, arts, claims)
}

// A synthetic article with more sources than the builder scans without a
// map, each named in several forms.
func TestBuildManySources(t *testing.T) {
	compareBuilds(t, []input.Article{manySources(), manySources()}, [][]extract.Claim{manySourcesClaims(), manySourcesClaims()})
}

func manySources() input.Article {
	return input.Article{Outlet: "Harbor Daily", URL: "https://harbor.example/a", Path: "x.jsonl", Line: 3}
}

func manySourcesClaims() []extract.Claim {
	var cs []extract.Claim
	for i := 0; i < 60; i++ {
		p := i % 30
		name := fmt.Sprintf("Person%c Surname%c", 'A'+p%26, 'A'+p/3)
		if i >= 30 {
			name = fmt.Sprintf("Surname%c", 'A'+p/3) // the surname alone
		}
		m := &extract.Mention{Text: name, Span: extract.Span{Start: i, End: i + 5}}
		cs = append(cs, extract.Claim{
			Text: "x" + strconv.Itoa(i), Spans: []extract.Span{{Start: i, End: i + 1}, {Start: i + 2, End: i + 3}},
			Cue: &extract.Mention{Text: "said"},
			Chain: []extract.Hop{
				{Name: "officials", Role: "", Mention: m},
				{Name: name, Role: "spokesman for the Port Authority", Mention: m, Cue: m},
			},
		})
	}
	return cs
}

// compareBuilds builds every article with build and with referenceBuild,
// each on its own registry, then reloads both registries from their
// sources (as the store would) and builds everything again.
func compareBuilds(t *testing.T, arts []input.Article, claims [][]extract.Claim) {
	t.Helper()
	got, want := freshBuilder(), freshBuilder()
	for round := 0; round < 2; round++ {
		for i, a := range arts {
			g, gs := got.build(a, claims[i])
			w, ws := referenceBuild(want, a, claims[i])
			if d := cmp.Diff(w, g); d != "" {
				t.Fatalf("round %d article %d: record differs (-reference +build):\n%s", round, i, d)
			}
			if len(gs) != len(ws) {
				t.Fatalf("round %d article %d: %d sources, reference %d", round, i, len(gs), len(ws))
			}
			for j := range gs {
				if d := cmp.Diff(*ws[j], *gs[j], cmpopts.IgnoreUnexported(sources.Source{})); d != "" {
					t.Fatalf("round %d article %d source %d differs:\n%s", round, i, j, d)
				}
			}
		}
		got, want = reloaded(got), reloaded(want)
	}
}

// freshBuilder is an Ingester with an empty registry and no store, enough
// to build records.
func freshBuilder() *Ingester {
	return &Ingester{reg: sources.NewRegistry(), stored: map[string]bool{}, affDone: map[int64]bool{}}
}

// reloaded is a fresh builder whose registry holds in's sources as the
// store would give them back: an id for every source, the name stored as
// an alias, and for every other source its aliases stored and its
// affiliation set.
func reloaded(in *Ingester) *Ingester {
	out := freshBuilder()
	for j, s := range in.reg.Sources() {
		c := *s
		c.ID = int64(j + 1)
		out.reg.Add(c)
		out.stored[sources.Key(c.Name)] = true
		if j%2 == 0 {
			out.affDone[c.ID] = true
			for _, a := range c.Aliases {
				out.stored[sources.Key(a)] = true
			}
		}
	}
	return out
}

// referenceBuild is build as first written: a map from source to
// position, a slice of surface forms per source, sources.Key uncached.
func referenceBuild(in *Ingester, a input.Article, claims []extract.Claim) (db.ArticleRecord, []*sources.Source) {
	var order []*sources.Source
	index := map[*sources.Source]int{}
	var surface [][]string
	use := func(s *sources.Source, form string) int {
		i, ok := index[s]
		if !ok {
			i = len(order)
			index[s] = i
			order = append(order, s)
			surface = append(surface, nil)
		}
		if form != "" {
			for _, f := range surface[i] {
				if f == form {
					return i
				}
			}
			surface[i] = append(surface[i], form)
		}
		return i
	}
	span := func(m *extract.Mention) *db.TextSpan {
		if m == nil {
			return nil
		}
		return &db.TextSpan{Text: m.Text, Start: m.Span.Start, End: m.Span.End}
	}
	use(in.reg.ResolveOutlet(OutletName(a)), "")
	from := a.Path
	if a.Line > 0 {
		from += ":" + strconv.Itoa(a.Line)
	}
	rec := db.ArticleRecord{URL: a.URL, Title: a.Title, Published: a.Published, Language: a.Language, Text: a.Text,
		From: from, Claims: make([]db.ClaimRecord, len(claims))}
	var hops []*db.HopRecord
	var pos []int
	for i, c := range claims {
		cr := &rec.Claims[i]
		cr.Text, cr.Quote, cr.Cue = c.Text, c.Quote, span(c.Cue)
		cr.Spans = make([][2]int, len(c.Spans))
		for j, sp := range c.Spans {
			cr.Spans[j] = [2]int{sp.Start, sp.End}
		}
		cr.Hops = make([]db.HopRecord, 1+len(c.Chain))
		hops, pos = append(hops, &cr.Hops[0]), append(pos, 0)
		citer := order[0].Name
		for j, h := range c.Chain {
			s := in.reg.Resolve(h.Name, h.Role, citer)
			cr.Hops[j+1] = db.HopRecord{WrittenAs: h.Name, Mention: span(h.Mention), Cue: span(h.Cue), Role: h.Role}
			hops, pos = append(hops, &cr.Hops[j+1]), append(pos, use(s, h.Name))
			citer = s.Name
		}
	}
	for i := 0; i < len(order); i++ {
		if aff := order[i].Affiliation; aff != "" {
			if s := in.reg.Lookup(aff); s != nil {
				use(s, "")
			}
		}
	}
	rec.Sources = make([]db.SourceRecord, len(order))
	for i, s := range order {
		sr := db.SourceRecord{ID: s.ID, Key: sources.Key(s.Name), Name: s.Name, Kind: string(s.Kind)}
		known := s.ID != 0
		if s.Affiliation != "" && !(known && in.affDone[s.ID]) {
			sr.AffiliationKey = sources.Key(s.Affiliation)
		}
		sr.KeyStored = known && in.stored[sr.Key]
		seen := map[string]bool{}
		for _, form := range append(append([]string(nil), s.Aliases...), surface[i]...) {
			k := sources.Key(form)
			if k == sr.Key || known && in.stored[k] || seen[k] {
				continue
			}
			seen[k] = true
			sr.Aliases = append(sr.Aliases, db.Alias{Key: k, Text: form})
		}
		sort.Slice(sr.Aliases, func(i, j int) bool { return sr.Aliases[i].Key < sr.Aliases[j].Key })
		rec.Sources[i] = sr
	}
	for i, h := range hops {
		h.SourceKey = rec.Sources[pos[i]].Key
	}
	rec.OutletKey = rec.Sources[0].Key
	return rec, order
}
