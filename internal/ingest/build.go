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
	return loadRegistry(ctx, d, nil)
}

// loadRegistry is LoadRegistry calling stored (when not nil) with the key
// of every stored alias.
func loadRegistry(ctx context.Context, d *db.DB, stored func(key string)) (*sources.Registry, error) {
	known, err := d.KnownSources(ctx)
	if err != nil {
		return nil, err
	}
	reg := sources.NewRegistry()
	for _, k := range known {
		reg.Add(sources.Source{ID: k.ID, Name: k.Name, Kind: sources.Kind(k.Kind), Aliases: k.Aliases, Affiliation: k.Affiliation})
		if stored != nil {
			for _, a := range k.Aliases {
				stored(sources.Key(a))
			}
		}
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
	order   []*sources.Source       // in order of first use
	index   map[*sources.Source]int // position in order
	surface [][]string              // forms written in the article, by position
}

// use adds s (written as surface, "" for none) and returns its position.
func (b *recordBuilder) use(s *sources.Source, surface string) int {
	i, ok := b.index[s]
	if !ok {
		i = len(b.order)
		b.index[s] = i
		b.order = append(b.order, s)
		b.surface = append(b.surface, nil)
	}
	if surface != "" {
		forms := b.surface[i]
		for _, f := range forms {
			if f == surface {
				return i
			}
		}
		b.surface[i] = append(forms, surface)
	}
	return i
}

// key is sources.Key with a cache: the same few thousand names and aliases
// come back in every article.
func (in *Ingester) key(name string) string {
	k, ok := in.keys[name]
	if !ok {
		// Copies: name may be a substring of an article's text, which
		// the cache (and the stored set, which keeps the key) must not
		// hold on to.
		k = strings.Clone(sources.Key(name))
		if len(in.keys) >= maxKeyCache {
			clear(in.keys) // bounded memory on endless input
		}
		in.keys[strings.Clone(name)] = k
	}
	return k
}

// maxKeyCache bounds the key cache (names, not articles, so it rarely fills).
const maxKeyCache = 1 << 16

// build resolves every hop of every claim through the registry and returns
// the record to store, with the registry's sources in the order of
// rec.Sources. It runs on one goroutine, which also stores the records.
func (in *Ingester) build(a input.Article, claims []extract.Claim) (db.ArticleRecord, []*sources.Source) {
	b := &recordBuilder{index: make(map[*sources.Source]int, 8)}
	b.use(in.reg.ResolveOutlet(OutletName(a)), "")
	from := a.Path
	if a.Line > 0 {
		from += ":" + strconv.Itoa(a.Line)
	}
	rec := db.ArticleRecord{
		URL: a.URL, Title: a.Title, Published: a.Published, Language: a.Language, Text: a.Text,
		From: from, Claims: make([]db.ClaimRecord, len(claims)),
	}
	// Hops are noted by source position and given their keys at the end:
	// a later claim of the same article may rename a source ("Cameron"
	// becomes "David Cameron"), and every hop must carry the final key.
	nhops := len(claims)
	for i := range claims {
		nhops += len(claims[i].Chain)
	}
	hops := make([]db.HopRecord, nhops)
	pos := make([]int, nhops)
	n := 0
	for i := range claims {
		c := &claims[i]
		cr := &rec.Claims[i]
		cr.Text, cr.Quote, cr.Cue = c.Text, c.Quote, textSpan(c.Cue)
		cr.Spans = make([][2]int, len(c.Spans))
		for j, sp := range c.Spans {
			cr.Spans[j] = [2]int{sp.Start, sp.End}
		}
		cr.Hops = hops[n : n+1+len(c.Chain) : n+1+len(c.Chain)]
		pos[n] = 0 // the outlet
		n++
		citer := b.order[0].Name
		for _, h := range c.Chain {
			s := in.reg.Resolve(h.Name, h.Role, citer)
			pos[n] = b.use(s, h.Name)
			hops[n] = db.HopRecord{WrittenAs: h.Name, Mention: textSpan(h.Mention), Cue: textSpan(h.Cue), Role: h.Role}
			n++
			citer = s.Name
		}
	}
	// Affiliations name sources too; bring them into the record.
	for i := 0; i < len(b.order); i++ {
		if aff := b.order[i].Affiliation; aff != "" {
			if s := in.reg.Lookup(aff); s != nil {
				b.use(s, "")
			}
		}
	}
	rec.Sources = make([]db.SourceRecord, len(b.order))
	for i, s := range b.order {
		rec.Sources[i] = in.sourceRecord(s, b.surface[i])
	}
	for i := range hops {
		hops[i].SourceKey = rec.Sources[pos[i]].Key
	}
	rec.OutletKey = rec.Sources[0].Key
	return rec, b.order
}

// sourceRecord is s as the store needs it. A source stored before (ID set)
// carries only the aliases the store does not have yet, so that a source
// named in every article does not rewrite its aliases every time; a new
// one carries all of them, since the store finds an existing row by them.
func (in *Ingester) sourceRecord(s *sources.Source, surface []string) db.SourceRecord {
	sr := db.SourceRecord{ID: s.ID, Key: in.key(s.Name), Name: s.Name, Kind: string(s.Kind)}
	known := s.ID != 0
	if s.Affiliation != "" && !(known && in.affDone[s.ID]) {
		sr.AffiliationKey = in.key(s.Affiliation)
	}
	sr.KeyStored = known && in.stored[sr.Key]
	// Every alias, not only this article's forms: a source renamed since
	// it was stored is still found by its older names.
	var seen map[string]bool
	add := func(form string) {
		k := in.key(form)
		if k == sr.Key || known && in.stored[k] {
			return
		}
		if seen != nil {
			if seen[k] {
				return
			}
			seen[k] = true
		} else {
			for _, a := range sr.Aliases {
				if a.Key == k {
					return
				}
			}
			if len(sr.Aliases) >= 16 { // a long list: look up by map from here on
				seen = make(map[string]bool, 2*len(sr.Aliases))
				for _, a := range sr.Aliases {
					seen[a.Key] = true
				}
				seen[k] = true
			}
		}
		sr.Aliases = append(sr.Aliases, db.Alias{Key: k, Text: form})
	}
	for _, form := range s.Aliases {
		add(form)
	}
	for _, form := range surface {
		add(form)
	}
	sort.Slice(sr.Aliases, func(i, j int) bool { return sr.Aliases[i].Key < sr.Aliases[j].Key })
	return sr
}

func textSpan(m *extract.Mention) *db.TextSpan {
	if m == nil {
		return nil
	}
	return &db.TextSpan{Text: m.Text, Start: m.Span.Start, End: m.Span.End}
}
