package ingest

import (
	"context"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"github.com/attrib/attrib/internal/db"
	"github.com/attrib/attrib/internal/extract"
	"github.com/attrib/attrib/internal/input"
	"github.com/attrib/attrib/internal/sources"
)

// UnknownOutlet names the publisher of an article that says neither its
// outlet nor its URL.
const UnknownOutlet = "Unknown outlet"

// LoadRegistry seeds a registry with every source the store knows, so that
// a new article's "Yun Seok Yeol" finds the "Yoon Seok-yeol" of an old one.
func LoadRegistry(ctx context.Context, d *db.DB) (*sources.Registry, error) {
	known, err := d.KnownSources(ctx)
	if err != nil {
		return nil, err
	}
	reg := sources.NewRegistry()
	for _, k := range known {
		reg.Add(sources.Source{ID: k.ID, Name: k.Name, Kind: sources.Kind(k.Kind), Aliases: k.Aliases, Affiliation: k.Affiliation})
	}
	return reg, nil
}

// OutletName is the outlet an article is credited to: as given, else the
// host of its URL, else UnknownOutlet.
func OutletName(a input.Article) string {
	if s := strings.TrimSpace(a.Outlet); s != "" {
		return s
	}
	if u, err := url.Parse(a.URL); err == nil && u.Hostname() != "" {
		return strings.TrimPrefix(u.Hostname(), "www.")
	}
	return UnknownOutlet
}

// recordBuilder collects the sources one article touches.
type recordBuilder struct {
	reg     *sources.Registry
	order   []*sources.Source
	surface map[*sources.Source]map[string]bool
}

func (b *recordBuilder) use(s *sources.Source, surface string) string {
	forms, ok := b.surface[s]
	if !ok {
		forms = map[string]bool{}
		b.surface[s] = forms
		b.order = append(b.order, s)
	}
	if surface != "" {
		forms[surface] = true
	}
	return sources.Key(s.Name)
}

// build resolves every hop of every claim through the registry and returns
// the record to store, with the registry's sources in the order of
// rec.Sources. It runs on one goroutine, which also stores the records.
func (in *Ingester) build(a input.Article, claims []extract.Claim) (db.ArticleRecord, []*sources.Source) {
	b := &recordBuilder{reg: in.reg, surface: map[*sources.Source]map[string]bool{}}
	outletKey := b.use(in.reg.ResolveOutlet(OutletName(a)), "")
	from := a.Path
	if a.Line > 0 {
		from += ":" + strconv.Itoa(a.Line)
	}
	rec := db.ArticleRecord{
		URL: a.URL, Title: a.Title, Published: a.Published, Language: a.Language, Text: a.Text,
		OutletKey: outletKey, From: from, Claims: make([]db.ClaimRecord, 0, len(claims)),
	}
	for _, c := range claims {
		cr := db.ClaimRecord{Text: c.Text, Quote: c.Quote, Cue: textSpan(c.Cue), Hops: []db.HopRecord{{SourceKey: outletKey}}}
		for _, sp := range c.Spans {
			cr.Spans = append(cr.Spans, [2]int{sp.Start, sp.End})
		}
		citer := b.order[0].Name // the outlet
		for _, h := range c.Chain {
			s := in.reg.Resolve(h.Name, h.Role, citer)
			key := b.use(s, h.Name)
			cr.Hops = append(cr.Hops, db.HopRecord{SourceKey: key, WrittenAs: h.Name, Mention: textSpan(h.Mention), Cue: textSpan(h.Cue), Role: h.Role})
			citer = s.Name
		}
		rec.Claims = append(rec.Claims, cr)
	}
	// Affiliations name sources too; bring them into the record.
	for i := 0; i < len(b.order); i++ {
		if aff := b.order[i].Affiliation; aff != "" {
			if s := in.reg.Lookup(aff); s != nil {
				b.use(s, "")
			}
		}
	}
	for _, s := range b.order {
		sr := db.SourceRecord{ID: s.ID, Key: sources.Key(s.Name), Name: s.Name, Kind: string(s.Kind)}
		if s.Affiliation != "" {
			sr.AffiliationKey = sources.Key(s.Affiliation)
		}
		// Every alias, not only this article's forms: a source renamed
		// since it was stored is still found by its older names.
		seen := map[string]bool{sr.Key: true}
		for _, form := range s.Aliases {
			if k := sources.Key(form); !seen[k] {
				seen[k] = true
				sr.Aliases = append(sr.Aliases, db.Alias{Key: k, Text: form})
			}
		}
		for form := range b.surface[s] {
			if k := sources.Key(form); !seen[k] {
				seen[k] = true
				sr.Aliases = append(sr.Aliases, db.Alias{Key: k, Text: form})
			}
		}
		sort.Slice(sr.Aliases, func(i, j int) bool { return sr.Aliases[i].Key < sr.Aliases[j].Key })
		rec.Sources = append(rec.Sources, sr)
	}
	return rec, b.order
}

func textSpan(m *extract.Mention) *db.TextSpan {
	if m == nil {
		return nil
	}
	return &db.TextSpan{Text: m.Text, Start: m.Span.Start, End: m.Span.End}
}
