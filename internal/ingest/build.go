package ingest

import (
	"context"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"

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
				stored(reg.Key(a))
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
	order []*sources.Source       // in order of first use
	index map[*sources.Source]int // position in order, once order is long
	uses  []surfaceUse            // forms written in the article, in order
	sc    *scratch                // temporaries
}

// scratch holds build's temporaries, reused from article to article.
type scratch struct {
	order []*sources.Source
	uses  []surfaceUse
	pos   []int
	start []int
	slab  []string
	surf  [][]string
	alias []db.Alias // every source's aliases, before they are copied out
	ends  []int      // end of each source's aliases in alias
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// maxScratch is the longest slice kept for the next article: one huge
// article does not pin its temporaries for the rest of the run.
const maxScratch = 1 << 14

// release empties sc and returns it to the pool.
func (sc *scratch) release() {
	clear(sc.order)
	clear(sc.uses)
	clear(sc.slab)
	clear(sc.surf)
	clear(sc.alias)
	if cap(sc.order) > maxScratch || cap(sc.alias) > maxScratch || cap(sc.ends) > maxScratch || cap(sc.uses) > maxScratch || cap(sc.pos) > maxScratch || cap(sc.slab) > maxScratch || cap(sc.surf) > maxScratch {
		return
	}
	scratchPool.Put(sc)
}

// grow returns s resized to n, reusing its memory when it can.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// surfaceUse is one form written for the source at position pos.
type surfaceUse struct {
	pos  int
	form string
}

// indexFrom is the number of sources from which use looks sources up in a
// map: below it, a scan of a few pointers is cheaper than a map.
const indexFrom = 16

// use adds s (written as surface, "" for none) and returns its position.
func (b *recordBuilder) use(s *sources.Source, surface string) int {
	i := -1
	if b.index != nil {
		if j, ok := b.index[s]; ok {
			i = j
		}
	} else {
		for j, o := range b.order {
			if o == s {
				i = j
				break
			}
		}
	}
	if i < 0 {
		i = len(b.order)
		b.order = append(b.order, s)
		switch {
		case b.index != nil:
			b.index[s] = i
		case len(b.order) > indexFrom:
			b.index = make(map[*sources.Source]int, 2*len(b.order))
			for j, o := range b.order {
				b.index[o] = j
			}
		}
	}
	if surface != "" {
		b.uses = append(b.uses, surfaceUse{i, surface})
	}
	return i
}

// surfaces returns, by position, the distinct forms written for each
// source in the order first written, all in one backing slice.
// The result lives in b's scratch.
func (b *recordBuilder) surfaces() [][]string {
	sc := b.sc
	sc.surf = grow(sc.surf, len(b.order))
	out := sc.surf
	clear(out)
	if len(b.uses) == 0 {
		return out
	}
	// a stable counting sort of the uses by position
	sc.start = grow(sc.start, len(b.order)+1)
	start := sc.start
	clear(start)
	for _, u := range b.uses {
		start[u.pos+1]++
	}
	for i := 1; i < len(start); i++ {
		start[i] += start[i-1]
	}
	sc.slab = grow(sc.slab, len(b.uses))
	slab := sc.slab
	next := start[:len(b.order):len(b.order)]
	for _, u := range b.uses {
		slab[next[u.pos]] = u.form
		next[u.pos]++
	}
	// next[i] is now the end of group i, and start[i] (i < len) was
	// overwritten by it: groups run from the previous group's end
	lo := 0
	for i := range b.order {
		hi := next[i]
		group := slab[lo:lo]
		for _, f := range slab[lo:hi] {
			if !slices.Contains(group, f) {
				group = append(group, f)
			}
		}
		if len(group) > 0 {
			out[i] = group[:len(group):len(group)]
		}
		lo = hi
	}
	return out
}

// key is sources.Key, memoised by the registry: the same few thousand
// names and aliases come back in every article, and the registry has
// usually just keyed them.
func (in *Ingester) key(name string) string {
	return in.reg.Key(name)
}

// build resolves every hop of every claim through the registry and returns
// the record to store, with the registry's sources in the order of
// rec.Sources. It runs on one goroutine, which also stores the records.
func (in *Ingester) build(a input.Article, claims []extract.Claim) (db.ArticleRecord, []*sources.Source) {
	// Hops are noted by source position and given their keys at the end:
	// a later claim of the same article may rename a source ("Cameron"
	// becomes "David Cameron"), and every hop must carry the final key.
	// Hops, content spans and text spans of all claims are cut from one
	// slice each.
	nhops, nspans, ntext := len(claims), 0, 0
	for i := range claims {
		c := &claims[i]
		nhops += len(c.Chain)
		nspans += len(c.Spans)
		if c.Cue != nil {
			ntext++
		}
		for j := range c.Chain {
			if c.Chain[j].Mention != nil {
				ntext++
			}
			if c.Chain[j].Cue != nil {
				ntext++
			}
		}
	}
	sc := scratchPool.Get().(*scratch)
	defer sc.release()
	b := &recordBuilder{order: sc.order[:0], uses: sc.uses[:0], sc: sc}
	defer func() { sc.order, sc.uses = b.order, b.uses }() // keep grown slices
	b.use(in.reg.ResolveOutlet(OutletName(a)), "")
	from := a.Path
	if a.Line > 0 {
		from += ":" + strconv.Itoa(a.Line)
	}
	rec := db.ArticleRecord{
		URL: a.URL, Title: a.Title, Published: a.Published, Language: a.Language, Text: a.Text,
		From: from, Claims: make([]db.ClaimRecord, len(claims)),
	}
	hops := make([]db.HopRecord, nhops)
	sc.pos = grow(sc.pos, nhops)
	pos := sc.pos
	spans := make([][2]int, nspans)
	texts := make([]db.TextSpan, 0, ntext)
	textSpan := func(m *extract.Mention) *db.TextSpan {
		if m == nil {
			return nil
		}
		texts = append(texts, db.TextSpan{Text: m.Text, Start: m.Span.Start, End: m.Span.End})
		return &texts[len(texts)-1] // never reallocated: ntext is exact
	}
	n := 0
	for i := range claims {
		c := &claims[i]
		cr := &rec.Claims[i]
		cr.Text, cr.Quote, cr.Cue = c.Text, c.Quote, textSpan(c.Cue)
		cr.Spans, spans = spans[:len(c.Spans):len(c.Spans)], spans[len(c.Spans):]
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
	// Many sources share one (anonymous sources their outlet's), and
	// lookups change nothing: the last one is reused.
	var lastAff string
	var lastSrc *sources.Source
	for i := 0; i < len(b.order); i++ {
		aff := b.order[i].Affiliation
		if aff == "" {
			continue
		}
		if aff != lastAff || lastSrc == nil {
			lastAff, lastSrc = aff, in.reg.Lookup(aff)
		}
		if lastSrc != nil {
			b.use(lastSrc, "")
		}
	}
	surface := b.surfaces()
	rec.Sources = make([]db.SourceRecord, len(b.order))
	sc.alias, sc.ends = sc.alias[:0], sc.ends[:0]
	for i, s := range b.order {
		rec.Sources[i], sc.alias = in.sourceRecord(s, surface[i], sc.alias)
		sc.ends = append(sc.ends, len(sc.alias))
	}
	// the aliases of all sources in one exact allocation
	if len(sc.alias) > 0 {
		all := slices.Clone(sc.alias)
		lo := 0
		for i, hi := range sc.ends {
			if hi > lo {
				rec.Sources[i].Aliases = all[lo:hi:hi]
			}
			lo = hi
		}
	}
	for i := range hops {
		hops[i].SourceKey = rec.Sources[pos[i]].Key
	}
	rec.OutletKey = rec.Sources[0].Key
	return rec, slices.Clone(b.order) // b.order is scratch
}

// sourceRecord is s as the store needs it. A source stored before (ID set)
// carries only the aliases the store does not have yet, so that a source
// named in every article does not rewrite its aliases every time; a new
// one carries all of them, since the store finds an existing row by them.
// The aliases are appended to buf, sorted by key, and the record's
// Aliases left nil: build copies them out of buf for all sources at once.
func (in *Ingester) sourceRecord(s *sources.Source, surface []string, buf []db.Alias) (db.SourceRecord, []db.Alias) {
	nameKey, keys, affKey := in.reg.RecordKeys(s)
	sr := db.SourceRecord{ID: s.ID, Key: nameKey, Name: s.Name, Kind: string(s.Kind)}
	known := s.ID != 0
	if s.Affiliation != "" && !(known && in.affDone[s.ID]) {
		sr.AffiliationKey = affKey
	}
	sr.KeyStored = known && in.stored[sr.Key]
	// Every alias, not only this article's forms: a source renamed since
	// it was stored is still found by its older names.
	var seen map[string]bool
	lo := len(buf)
	add := func(form, k string) {
		if k == sr.Key || known && in.stored[k] {
			return
		}
		if seen != nil {
			if seen[k] {
				return
			}
			seen[k] = true
		} else {
			for _, a := range buf[lo:] {
				if a.Key == k {
					return
				}
			}
			if len(buf)-lo >= 16 { // a long list: look up by map from here on
				seen = make(map[string]bool, 2*(len(buf)-lo))
				for _, a := range buf[lo:] {
					seen[a.Key] = true
				}
				seen[k] = true
			}
		}
		buf = append(buf, db.Alias{Key: k, Text: form})
	}
	for i, form := range s.Aliases {
		if i < len(keys) {
			add(form, keys[i])
		} else {
			add(form, in.key(form))
		}
	}
	for _, form := range surface {
		add(form, surfaceKey(in, s, sr.Key, keys, form))
	}
	// alias keys are distinct, so any sort gives this order
	slices.SortFunc(buf[lo:], func(x, y db.Alias) int { return strings.Compare(x.Key, y.Key) })
	return sr, buf
}

// maxKeyScan is the number of aliases up to which surfaceKey looks for a
// form among them before it asks the registry.
const maxKeyScan = 16

// surfaceKey is Key(form) for a form written for s: the key of s's name
// (nameKey) or of one of its aliases (keys, as AliasKeys) when form is one
// of them, as it mostly is, else the registry's.
func surfaceKey(in *Ingester, s *sources.Source, nameKey string, keys []string, form string) string {
	if form == s.Name {
		return nameKey
	}
	if len(s.Aliases) <= maxKeyScan {
		for i, a := range s.Aliases {
			if a == form && i < len(keys) {
				return keys[i]
			}
		}
	}
	return in.key(form)
}
