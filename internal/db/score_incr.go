package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"

	"github.com/attrib/attrib/internal/scoring"
)

// Incremental scoring that reads only what new articles touch. A full
// result is a function of each proposition's closed neighbourhood (its
// claims and those joined to them by denial and conflict edges) plus three
// store-wide things the scoring state keeps (schema.sql): which outlets
// have articles, the near-duplicate clusters, and every source's track
// record with each proposition's part in it. So ingest's scoring:
//
//  1. signs the new articles and merges them into the stored clusters by
//     LSH band key (updateDupState);
//  2. matches the new claims against the stored claims a full run would
//     compare them with: per block key, the last 32 (scoring.MatchNew);
//  3. takes as the core the new claims, the propositions they joined or
//     have edges to, those of articles whose cluster changed and those
//     whose chain ends at an outlet that has its first article now, closes
//     it under edges, and scores it with the stored track records minus
//     the core's old contributions (scoring.Partial);
//  4. where a source's record moved so that the letter some proposition
//     weighs it with changes (leave-one-out), adds those propositions and
//     scores again (judging never depends on letters, so this ends);
//  5. writes the rows whose digests changed and the new state.
//
// Anything it cannot vouch for (no state, a correction since the last
// scoring, a source whose kind or affiliation changed, claims missing)
// sends it back to the full path. A fact-checker's correction takes the
// same path from a core it names (score_correct.go).

// ScoreStats says how ingest's scoring ran and how much it read.
type ScoreStats struct {
	// Incremental is false when everything was scored; Fallback says why.
	Incremental bool
	Fallback    string
	// NewClaims were scored for the first time; ClaimsLoaded,
	// PropositionsLoaded and SourcesLoaded count what was read and scored
	// (the whole store on the full path); Rounds counts scoring passes.
	NewClaims, ClaimsLoaded, PropositionsLoaded, SourcesLoaded, Rounds int
	// Propositions is the number of propositions in the scored part.
	Propositions int
}

// errFallback carries why the incremental path gave up.
type errFallback string

func (e errFallback) Error() string { return string(e) }

// maxRounds bounds the reliability ring; it ends in two passes.
const maxRounds = 4

// incr is one incremental run.
type incr struct {
	ctx    context.Context
	tx     *sql.Tx
	meta   scoreMeta
	claims map[int64]*storedClaim
	srcs   map[int64]*storedSource
	props  map[int64]bool // old proposition ids in the core
	newIDs []int64
	match  scoring.MatchResult
	arts   []newArticle
	stats  ScoreStats
	corr   scoring.Input // links and verdicts
	// filled while closing the core (score_core.go)
	loaded     map[int64]bool // propositions whose claims are loaded
	edges      map[[2]int64]scoring.Edge
	newSources []int64
	newSrcRead bool
	outlets    []int64
	affChanged []int64 // sources whose affiliation changed since the last scoring
	extraSrc   []int64 // sources scored whatever the core (a rated source)
}

// rescoreIncremental is ingest's scoring when the state allows it; an
// errFallback error means nothing but derived state was written and the
// full path must run.
func rescoreIncremental(ctx context.Context, tx *sql.Tx, score func(scoring.Input) scoring.Result) (ScoreStats, scoring.Delta, error) {
	r := &incr{ctx: ctx, tx: tx, claims: map[int64]*storedClaim{}, srcs: map[int64]*storedSource{}, props: map[int64]bool{}}
	if err := r.check(); err != nil {
		return r.stats, scoring.Delta{}, err
	}
	seeds, err := r.seeds()
	if err != nil {
		return r.stats, scoring.Delta{}, err
	}
	for id := range seeds {
		r.props[id] = true
	}
	in, res, err := r.scoreRing(score)
	if err != nil {
		return r.stats, scoring.Delta{}, err
	}
	delta, err := r.save(in, res)
	return r.stats, delta, err
}

// scoreRing scores the core, adds the propositions whose origins' letters
// moved and scores again until nothing moves (the reliability ring; it
// ends in two passes, maxRounds bounds it), and fills the stats.
func (r *incr) scoreRing(score func(scoring.Input) scoring.Result) (scoring.Input, scoring.Result, error) {
	var res scoring.Result
	var in scoring.Input
	for {
		r.stats.Rounds++
		if r.stats.Rounds > maxRounds {
			return in, res, errFallback("the reliability ring did not settle")
		}
		var err error
		if in, err = r.input(); err != nil {
			return in, res, err
		}
		res = score(in)
		more, err := r.ring(res)
		if err != nil {
			return in, res, err
		}
		if len(more) == 0 {
			break
		}
		for _, p := range more {
			r.props[p] = true
		}
	}
	r.stats.Incremental = true
	r.stats.ClaimsLoaded, r.stats.PropositionsLoaded, r.stats.SourcesLoaded = len(r.claims), len(r.props), len(r.srcs)
	r.stats.Propositions = len(res.Propositions)
	return in, res, nil
}

// check reads the state and refuses a store it does not fit.
func (r *incr) check() error {
	ok, err := hasStateTables(r.ctx, r.tx)
	if err != nil {
		return err
	}
	if !ok {
		return errFallback("the store has no incremental scoring state tables")
	}
	m, ok, err := readMeta(r.ctx, r.tx)
	if err != nil {
		return err
	}
	if !ok {
		return errFallback("no scoring state yet: a first scoring, a store ingested with --no-score, or one made before version 2")
	}
	r.meta = m
	// Claims come and go with their articles (ids ascend with ingest); a
	// store whose claims were edited by hand is repaired by `attrib score`.
	var n int64
	if err := r.tx.QueryRowContext(r.ctx, `SELECT count(*) FROM articles WHERE id <= ?`, m.articlesThrough).Scan(&n); err != nil {
		return fmt.Errorf("count articles: %w", err)
	}
	if n != m.articlesCount {
		return errFallback("articles were removed since the last scoring")
	}
	c, err := correctionsDigest(r.ctx, r.tx)
	if err != nil {
		return err
	}
	if c != m.corrections {
		return errFallback("a fact-checker's correction since the last scoring")
	}
	// One pass over the sources: a kind changed (not by ingest) sends it
	// to the full path; an affiliation ingest gave (a spokesperson's
	// institution) has the claims through that source rescored (seeds).
	err = eachRow(r.ctx, r.tx, `SELECT s.id, s.kind <> t.kind FROM sources s JOIN source_tallies t ON t.source_id = s.id
		WHERE s.kind <> t.kind OR s.affiliation_id IS NOT t.affiliation_id`, func(rw *sql.Rows) error {
		var id int64
		var kind bool
		if err := rw.Scan(&id, &kind); err != nil {
			return err
		}
		if kind {
			return errFallback("a source's kind changed since the last scoring")
		}
		r.affChanged = append(r.affChanged, id)
		return nil
	})
	var fb errFallback
	if errors.As(err, &fb) {
		return fb
	}
	if err != nil {
		return fmt.Errorf("compare sources: %w", err)
	}
	return nil
}

// seeds finds the core: the new claims and the old propositions they
// touch (steps 1-3).
func (r *incr) seeds() (map[int64]bool, error) {
	ctx, tx := r.ctx, r.tx
	arts, touched, err := updateDupState(ctx, tx, r.meta.articlesThrough)
	if err != nil {
		return nil, err
	}
	r.arts = arts
	if r.newIDs, err = loadClaims(ctx, tx, r.claims, `c.id > ?`, r.meta.claimsThrough); err != nil {
		return nil, err
	}
	r.stats.NewClaims = len(r.newIDs)
	seeds := map[int64]bool{}
	addProps := func(q string, args ...any) error {
		ps, err := int64s(ctx, tx, q, args...)
		for _, p := range ps {
			seeds[p] = true
		}
		return err
	}
	if len(touched) > 0 {
		if err := addProps(`SELECT DISTINCT proposition_id FROM claims WHERE article_id IN (SELECT value FROM json_each(?)) AND id <= ?`,
			idList(touched), r.meta.claimsThrough); err != nil {
			return nil, fmt.Errorf("claims of changed clusters: %w", err)
		}
	}
	for _, a := range arts {
		var before bool
		if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM articles WHERE outlet_id = ? AND id <= ?)`,
			a.outlet, r.meta.articlesThrough).Scan(&before); err != nil {
			return nil, fmt.Errorf("outlet of article %d: %w", a.id, err)
		}
		if !before { // chains that ended at this outlet are no longer broken
			if err := addProps(`SELECT DISTINCT proposition_id FROM claims WHERE id IN (`+originClaims("?1")+`) AND id <= ?2`,
				a.outlet, r.meta.claimsThrough); err != nil {
				return nil, fmt.Errorf("claims citing a new outlet: %w", err)
			}
		}
	}
	for _, x := range r.affChanged {
		if err := addProps(`SELECT DISTINCT proposition_id FROM claims WHERE id IN (`+originClaims("?1")+`) AND id <= ?2
			UNION SELECT c.proposition_id FROM chain_hops h JOIN claims c ON c.id = h.claim_id WHERE h.source_id = ?1 AND h.claim_id <= ?2`,
			x, r.meta.claimsThrough); err != nil {
			return nil, fmt.Errorf("claims through source %d: %w", x, err)
		}
	}
	if err := r.matchNew(seeds); err != nil {
		return nil, err
	}
	return seeds, nil
}

// matchNew runs step 2 and adds the propositions the new claims joined or
// have an edge to.
func (r *incr) matchNew(seeds map[int64]bool) error {
	ctx, tx := r.ctx, r.tx
	mi := scoring.MatchInput{Windows: map[int64][]int64{}}
	if err := loadCorrections(ctx, tx, &r.corr); err != nil {
		return err
	}
	mi.Links = r.corr.Links
	want := map[int64]bool{}
	for _, l := range r.corr.Links {
		want[l.A], want[l.B] = true, true
	}
	win, err := tx.PrepareContext(ctx, `SELECT claim_id FROM claim_block_keys WHERE key = ? AND claim_id <= ? ORDER BY claim_id DESC LIMIT ?`)
	if err != nil {
		return fmt.Errorf("prepare block keys: %w", err)
	}
	defer win.Close()
	for _, id := range r.newIDs {
		c := r.claims[id]
		if c.group != 0 || c.ArticleID <= r.meta.articlesThrough {
			return errFallback("a claim after the last scored one is already matched or in an old article")
		}
		for _, k := range scoring.BlockKeys(c.Claim) {
			if _, ok := mi.Windows[k]; ok {
				continue
			}
			rows, err := win.QueryContext(ctx, k, r.meta.claimsThrough, scoring.MaxWindow)
			if err != nil {
				return fmt.Errorf("read block key: %w", err)
			}
			var ids []int64
			for rows.Next() {
				var cid int64
				if err := rows.Scan(&cid); err != nil {
					rows.Close()
					return fmt.Errorf("read block key: %w", err)
				}
				ids = append(ids, cid)
				want[cid] = true
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return fmt.Errorf("read block key: %w", err)
			}
			slices.Reverse(ids)
			mi.Windows[k] = ids
		}
	}
	var old []int64
	for id := range want {
		if id <= r.meta.claimsThrough {
			old = append(old, id)
		}
	}
	if _, err := loadClaims(ctx, tx, r.claims, `c.id IN (SELECT value FROM json_each(?))`, idList(old)); err != nil {
		return err
	}
	for _, id := range old {
		c := r.claims[id]
		if c == nil {
			continue // a link to a claim that no longer exists
		}
		if c.group == 0 || c.prop == 0 {
			return errFallback("a scored claim has no match group or proposition")
		}
		cl := c.Claim
		cl.Group = c.group
		mi.Claims = append(mi.Claims, cl)
	}
	for _, id := range r.newIDs {
		mi.Claims = append(mi.Claims, r.claims[id].Claim)
	}
	r.match, err = scoring.MatchNew(mi)
	if errors.Is(err, scoring.ErrInconsistent) {
		return errFallback(err.Error())
	}
	if err != nil {
		return err
	}
	joined := map[int64]bool{}
	for _, id := range r.newIDs {
		joined[r.match.Groups[id]] = true
	}
	for _, id := range old {
		if c := r.claims[id]; c != nil && joined[r.match.Groups[id]] {
			seeds[c.prop] = true
		}
	}
	for _, e := range r.match.Edges {
		for _, id := range []int64{e.A, e.B} {
			if c := r.claims[id]; c != nil && c.prop != 0 {
				seeds[c.prop] = true
			}
		}
	}
	return nil
}
