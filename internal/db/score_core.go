package db

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"

	"github.com/attrib/attrib/internal/scoring"
)

// closeCore loads the claims of every core proposition and follows the
// stored edges of those claims to the propositions at their other end,
// until the core is closed.
func (r *incr) closeCore() error {
	ctx, tx := r.ctx, r.tx
	if r.loaded == nil {
		r.loaded = map[int64]bool{}
		r.edges = map[[2]int64]scoring.Edge{}
	}
	for {
		var frontier []int64
		for p := range r.props {
			if !r.loaded[p] {
				frontier = append(frontier, p)
				r.loaded[p] = true
			}
		}
		if len(frontier) == 0 {
			return nil
		}
		slices.Sort(frontier)
		if _, err := loadClaims(ctx, tx, r.claims, `c.proposition_id IN (SELECT value FROM json_each(?))`, idList(frontier)); err != nil {
			return err
		}
		in := map[int64]bool{}
		for _, p := range frontier {
			in[p] = true
		}
		var ids []int64
		for id, c := range r.claims {
			if in[c.prop] && id <= r.meta.claimsThrough {
				ids = append(ids, id)
			}
		}
		es, err := loadEdges(ctx, tx, ids)
		if err != nil {
			return err
		}
		var unknown []int64
		for _, e := range es {
			r.edges[[2]int64{e.A, e.B}] = e
			for _, id := range []int64{e.A, e.B} {
				if c := r.claims[id]; c != nil {
					r.props[c.prop] = true
				} else {
					unknown = append(unknown, id)
				}
			}
		}
		if len(unknown) > 0 {
			ps, err := int64s(ctx, tx, `SELECT proposition_id FROM claims WHERE id IN (SELECT value FROM json_each(?))`, idList(unknown))
			if err != nil {
				return fmt.Errorf("propositions of edge ends: %w", err)
			}
			for _, p := range ps {
				r.props[p] = true
			}
		}
	}
}

// group is a core claim's raw match group after matching.
func (r *incr) group(c *storedClaim) int64 {
	if c.group == 0 {
		return r.match.Groups[c.ID]
	}
	if g, ok := r.match.Remap[c.group]; ok {
		return g
	}
	return c.group
}

// core lists the claims scored: the new ones and those of core propositions.
func (r *incr) core() []*storedClaim {
	var out []*storedClaim
	for id, c := range r.claims {
		if id > r.meta.claimsThrough || r.props[c.prop] {
			out = append(out, c)
		}
	}
	slices.SortFunc(out, func(a, b *storedClaim) int { return cmp.Compare(a.ID, b.ID) })
	return out
}

// input builds the scoring input of the closed core (steps 3 and 4).
func (r *incr) input() (scoring.Input, error) {
	ctx, tx := r.ctx, r.tx
	if err := r.closeCore(); err != nil {
		return scoring.Input{}, err
	}
	in := scoring.Input{Links: r.corr.Links, Verdicts: r.corr.Verdicts}
	cs := r.core()
	ids := map[int64]bool{}
	arts := map[int64]bool{}
	var srcIDs []int64
	for _, c := range cs {
		cl := c.Claim
		cl.Group = r.group(c)
		in.Claims = append(in.Claims, cl)
		ids[c.ID] = true
		if !arts[c.ArticleID] {
			arts[c.ArticleID] = true
			in.Articles = append(in.Articles, scoring.Article{ID: c.ArticleID, Outlet: c.Outlet, Published: c.Published})
		}
		srcIDs = append(srcIDs, c.Outlet)
		srcIDs = append(srcIDs, c.Chain...)
	}
	for _, e := range r.edges {
		if ids[e.A] && ids[e.B] {
			in.Edges = append(in.Edges, e)
		}
	}
	in.Edges = append(in.Edges, r.match.Edges...)
	if !r.newSrcRead {
		ns, err := int64s(ctx, tx, `SELECT id FROM sources WHERE id > ?`, r.meta.sourcesThrough)
		if err != nil {
			return in, fmt.Errorf("new sources: %w", err)
		}
		r.newSources, r.newSrcRead = ns, true
	}
	srcIDs = append(srcIDs, r.newSources...)
	srcIDs = append(srcIDs, r.extraSrc...)
	props := setIDs(r.props)
	old, err := loadContribs(ctx, tx, props)
	if err != nil {
		return in, err
	}
	for s := range old {
		srcIDs = append(srcIDs, s)
	}
	if err := loadSources(ctx, tx, r.srcs, srcIDs); err != nil {
		return in, err
	}
	var affs []int64
	for _, s := range r.srcs {
		if s.Affiliation != 0 {
			affs = append(affs, s.Affiliation)
		}
		if s.scoredAffil != 0 {
			affs = append(affs, s.scoredAffil)
		}
	}
	if err := loadSources(ctx, tx, r.srcs, affs); err != nil {
		return in, err
	}
	// The stored claims of the core were counted with the sources as they
	// were scored; Score counts them again as they are now.
	var was []scoring.Source
	var stored []scoring.Claim
	for id, s := range r.srcs {
		if id <= r.meta.sourcesThrough && !s.tallied {
			return in, errFallback("a scored source has no track record row")
		}
		in.Sources = append(in.Sources, s.Source)
		w := s.Source
		w.Kind, w.Affiliation = s.scoredKind, s.scoredAffil
		was = append(was, w)
	}
	for _, c := range cs {
		if c.ID <= r.meta.claimsThrough {
			stored = append(stored, c.Claim)
		}
	}
	counted := scoring.OriginCounts(stored, was)
	part := &scoring.Partial{Base: make(map[int64]scoring.Tally, len(r.srcs))}
	for id, s := range r.srcs {
		b := s.tally.Sub(old[id])
		b.Claims -= counted[id]
		part.Base[id] = b
	}
	for id := range counted {
		if r.srcs[id] == nil {
			return in, errFallback("an origin of a stored claim is not a source")
		}
	}
	slices.SortFunc(in.Sources, func(a, b scoring.Source) int { return cmp.Compare(a.ID, b.ID) })
	if r.outlets == nil {
		if r.outlets, err = int64s(ctx, tx, `SELECT DISTINCT outlet_id FROM articles`); err != nil {
			return in, fmt.Errorf("outlets: %w", err)
		}
	}
	part.Outlets = r.outlets
	err = eachRowArgs(ctx, tx, `SELECT DISTINCT c2.article_id, c2.cluster_id, a.outlet_id FROM article_clusters c1
		JOIN article_clusters c2 ON c2.cluster_id = c1.cluster_id JOIN articles a ON a.id = c2.article_id
		WHERE c1.article_id IN (SELECT value FROM json_each(?))`, []any{idList(setIDs(arts))}, func(rw *sql.Rows) error {
		var m scoring.DupMember
		err := rw.Scan(&m.Article, &m.Cluster, &m.Outlet)
		part.Dup = append(part.Dup, m)
		return err
	})
	if err != nil {
		return in, fmt.Errorf("near-duplicate clusters: %w", err)
	}
	in.Partial = part
	return in, nil
}

// ring finds the propositions outside the core that weigh a source whose
// track record the core moved with another letter than before (step 4).
func (r *incr) ring(res scoring.Result) ([]int64, error) {
	ctx, tx := r.ctx, r.tx
	more := map[int64]bool{}
	for id, s := range r.srcs {
		t0, t1 := s.tally, res.Tallies[id]
		if (t0.Succ == t1.Succ && t0.Fail == t1.Fail) || rated(s.Rating) {
			continue
		}
		own := map[int64]bool{}
		err := eachRowArgs(ctx, tx, `SELECT proposition_id, succ, fail FROM proposition_contribs WHERE source_id = ?`, []any{id}, func(rw *sql.Rows) error {
			var p int64
			var c scoring.Tally
			if err := rw.Scan(&p, &c.Succ, &c.Fail); err != nil {
				return err
			}
			own[p] = true
			if !r.props[p] && scoring.LetterChanges(t0, t1, c) {
				more[p] = true
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("contributions of source %d: %w", id, err)
		}
		if !scoring.LetterChanges(t0, t1, scoring.Tally{}) {
			continue
		}
		ps, err := r.weighing(id)
		if err != nil {
			return nil, err
		}
		for _, p := range ps {
			if !own[p] && !r.props[p] {
				more[p] = true
			}
		}
	}
	return setIDs(more), nil
}

// weighing lists the stored propositions whose grades use the letter of
// source id: those with a claim whose origin is id or one of its
// affiliates (a spokesperson speaks for their institution), and those
// contradicting one of them.
func (r *incr) weighing(id int64) ([]int64, error) {
	ctx, tx := r.ctx, r.tx
	origins, err := int64s(ctx, tx, `SELECT id FROM sources WHERE affiliation_id = ? AND kind NOT IN ('anonymous', 'outlet', 'agency')`, id)
	if err != nil {
		return nil, fmt.Errorf("affiliates of source %d: %w", id, err)
	}
	origins = append(origins, id)
	of := originClaims("SELECT value FROM json_each(?1)")
	ps, err := int64s(ctx, tx, `SELECT DISTINCT proposition_id FROM claims WHERE id IN (`+of+`) AND id <= ?2
		UNION SELECT k.proposition_id FROM contradictions k WHERE k.contradicts_id IN (SELECT DISTINCT proposition_id FROM claims
		WHERE id IN (`+of+`) AND id <= ?2)`, idList(origins), r.meta.claimsThrough)
	if err != nil {
		return nil, fmt.Errorf("propositions weighing source %d: %w", id, err)
	}
	return ps, nil
}

func rated(l string) bool { return len(l) == 1 && l[0] >= 'A' && l[0] <= 'F' }

// save writes the matching, the changed rows and the new state (step 5).
func (r *incr) save(in scoring.Input, res scoring.Result) (scoring.Delta, error) {
	ctx, tx := r.ctx, r.tx
	st, err := tx.PrepareContext(ctx, `UPDATE claims SET match_group = ? WHERE id = ?`)
	if err != nil {
		return scoring.Delta{}, fmt.Errorf("prepare match group: %w", err)
	}
	defer st.Close()
	for _, c := range r.core() {
		if g := r.group(c); g != c.group {
			if _, err := st.ExecContext(ctx, g, c.ID); err != nil {
				return scoring.Delta{}, fmt.Errorf("match group of claim %d: %w", c.ID, err)
			}
		}
	}
	es := r.match.Edges
	if err := bulkWrite(ctx, tx, "INSERT OR REPLACE", "claim_edges", "a, b, kind, sim", 4, len(es), func(i int, d []any) {
		d[0], d[1], d[2], d[3] = es[i].A, es[i].B, es[i].Kind, es[i].Sim
	}); err != nil {
		return scoring.Delta{}, err
	}
	var keys [][2]int64
	for id, ks := range r.match.Keys {
		for _, k := range ks {
			keys = append(keys, [2]int64{k, id})
		}
	}
	if err := bulkWrite(ctx, tx, "INSERT OR IGNORE", "claim_block_keys", "key, claim_id", 2, len(keys), func(i int, d []any) {
		d[0], d[1] = keys[i][0], keys[i][1]
	}); err != nil {
		return scoring.Delta{}, err
	}
	if err := trimWindows(ctx, tx, keys); err != nil {
		return scoring.Delta{}, err
	}
	old := scoring.Fingerprints{Claims: map[int64]int64{}, Props: map[int64]int64{}, Sources: map[int64]int64{}, Findings: map[int64]int64{}}
	props := setIDs(r.props)
	if err := eachRowArgs(ctx, tx, `SELECT id, score_hash, findings_hash FROM propositions WHERE id IN (SELECT value FROM json_each(?))`,
		[]any{idList(props)}, func(rw *sql.Rows) error {
			var id int64
			var h, f sql.NullInt64
			err := rw.Scan(&id, &h, &f)
			old.Props[id] = h.Int64
			if f.Valid {
				old.Findings[id] = f.Int64
			}
			return err
		}); err != nil {
		return scoring.Delta{}, fmt.Errorf("stored digests: %w", err)
	}
	for _, c := range r.core() {
		if c.hashed {
			old.Claims[c.ID] = c.scoreHash
		}
	}
	for id, s := range r.srcs {
		if s.hashed {
			old.Sources[id] = s.scoreHash
		}
	}
	delta := scoring.DiffFingerprints(old, res)
	if err := applyDelta(ctx, tx, delta, false); err != nil {
		return delta, fmt.Errorf("save grades: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM proposition_contribs WHERE proposition_id IN (SELECT value FROM json_each(?))`, idList(props)); err != nil {
		return delta, fmt.Errorf("clear contributions: %w", err)
	}
	if err := saveContribs(ctx, tx, res.Contribs); err != nil {
		return delta, err
	}
	if err := saveTallies(ctx, tx, in.Sources, res.Tallies); err != nil {
		return delta, err
	}
	m := r.meta
	for _, id := range r.newIDs {
		m.claimsThrough = max(m.claimsThrough, id)
	}
	m.articlesCount += int64(len(r.arts))
	for _, a := range r.arts {
		m.articlesThrough = max(m.articlesThrough, a.id)
	}
	for _, id := range r.newSources {
		m.sourcesThrough = max(m.sourcesThrough, id)
	}
	return delta, writeMeta(ctx, tx, m)
}

// trimWindows keeps the last MaxWindow claims of each key just written, as
// a full run stores them: older ones are never compared again.
func trimWindows(ctx context.Context, tx *sql.Tx, keys [][2]int64) error {
	st, err := tx.PrepareContext(ctx, `DELETE FROM claim_block_keys WHERE key = ?1 AND claim_id <
		(SELECT claim_id FROM claim_block_keys WHERE key = ?1 ORDER BY claim_id DESC LIMIT 1 OFFSET ?2)`)
	if err != nil {
		return fmt.Errorf("prepare block key trim: %w", err)
	}
	defer st.Close()
	done := map[int64]bool{}
	for _, k := range keys {
		if done[k[0]] {
			continue
		}
		done[k[0]] = true
		if _, err := st.ExecContext(ctx, k[0], scoring.MaxWindow-1); err != nil {
			return fmt.Errorf("trim block key: %w", err)
		}
	}
	return nil
}
