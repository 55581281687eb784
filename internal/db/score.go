package db

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/attrib/attrib/internal/scoring"
)

// Rescore recomputes every machine-written grade: it loads everything the
// scoring engine needs (every claim with its chain as source ids, every
// source, every article's copy-detection signature, recomputed here from
// the texts, the fact-checker's links and verdicts), calls score, and replaces the stored propositions,
// grades and findings with its result. Loading and saving share one write
// transaction, so a concurrent ingest cannot slip in between and be
// overwritten by a stale result. It also rewrites the incremental scoring
// state (score_state.go) that RescoreChanged reads.
func (d *DB) Rescore(ctx context.Context, score func(scoring.Input) scoring.Result) (scoring.Input, scoring.Result, error) {
	var in scoring.Input
	var res scoring.Result
	err := d.tx(ctx, func(tx *sql.Tx) error {
		if err := signArticles(ctx, tx, true); err != nil {
			return err
		}
		if err := loadInput(ctx, tx, &in, false); err != nil {
			return err
		}
		in.WantKeys = true
		res = score(in)
		if err := saveMatching(ctx, tx, in, res); err != nil {
			return err
		}
		if err := saveScores(ctx, tx, res); err != nil {
			return err
		}
		return saveFullState(ctx, tx, in, res)
	})
	return in, res, err
}

// eachRow runs query in tx and calls scan for every row.
func eachRow(ctx context.Context, tx *sql.Tx, query string, scan func(*sql.Rows) error) error {
	rows, err := tx.QueryContext(ctx, query)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// loadInput reads what scoring needs. With stored set, the claims' match
// groups and the matcher's edges are given back too, so that only new
// claims are compared (see scoring's matchstate.go); without it everything
// is matched afresh.
func loadInput(ctx context.Context, tx *sql.Tx, in *scoring.Input, stored bool) error {
	idx := map[int64]int{}
	if err := eachRow(ctx, tx, `SELECT c.id, c.article_id, a.outlet_id, c.text, c.quote, coalesce(a.published, ''),
		coalesce(c.cue_text, ''), coalesce(c.match_group, 0) FROM claims c JOIN articles a ON a.id = c.article_id ORDER BY c.id`, func(r *sql.Rows) error {
		var c scoring.Claim
		err := r.Scan(&c.ID, &c.ArticleID, &c.Outlet, &c.Text, &c.Quote, &c.Published, &c.Cue, &c.Group)
		if !stored {
			c.Group = 0
		}
		idx[c.ID] = len(in.Claims)
		in.Claims = append(in.Claims, c)
		return err
	}); err != nil {
		return fmt.Errorf("load claims: %w", err)
	}
	if err := eachRow(ctx, tx, `SELECT claim_id, source_id FROM chain_hops WHERE position > 0 ORDER BY claim_id, position`, func(r *sql.Rows) error {
		var cid, sid int64
		err := r.Scan(&cid, &sid)
		if i, ok := idx[cid]; ok {
			in.Claims[i].Chain = append(in.Claims[i].Chain, sid)
		}
		return err
	}); err != nil {
		return fmt.Errorf("load chains: %w", err)
	}
	if err := eachRow(ctx, tx, `SELECT s.id, s.name, s.kind, coalesce(s.affiliation_id, 0),
		coalesce((SELECT rating FROM source_ratings r WHERE r.source_id = s.id ORDER BY r.id DESC LIMIT 1), '')
		FROM sources s ORDER BY s.id`, func(r *sql.Rows) error {
		var s scoring.Source
		err := r.Scan(&s.ID, &s.Name, &s.Kind, &s.Affiliation, &s.Rating)
		in.Sources = append(in.Sources, s)
		return err
	}); err != nil {
		return fmt.Errorf("load sources: %w", err)
	}
	if err := loadArticles(ctx, tx, in); err != nil {
		return fmt.Errorf("load articles: %w", err)
	}
	if stored {
		if err := eachRow(ctx, tx, `SELECT a, b, kind, sim FROM claim_edges`, func(r *sql.Rows) error {
			var e scoring.Edge
			err := r.Scan(&e.A, &e.B, &e.Kind, &e.Sim)
			in.Edges = append(in.Edges, e)
			return err
		}); err != nil {
			return fmt.Errorf("load claim edges: %w", err)
		}
	}
	return loadCorrections(ctx, tx, in)
}

// saveScores replaces every machine-written grade, proposition and finding
// with res. The fact-checker's tables are not touched.
func saveScores(ctx context.Context, tx *sql.Tx, res scoring.Result) error {
	for _, q := range []string{
		`UPDATE claims SET proposition_id = NULL, stance = NULL, grade = NULL, score = NULL, independent_origins = NULL,
				supporting_articles = NULL, contradicting_articles = NULL, fidelity = NULL, explanation = NULL, score_hash = NULL`,
		`UPDATE sources SET score_hash = NULL`,
		`DELETE FROM findings`, `DELETE FROM contradictions`, `DELETE FROM proposition_origins`, `DELETE FROM propositions`,
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	// Against an empty store every row is new: the full rewrite and the
	// incremental update write through the same code.
	return applyDelta(ctx, tx, scoring.DiffFingerprints(scoring.Fingerprints{}, res), true)
}

func prepareAll(ctx context.Context, tx *sql.Tx, qs map[string]string) (map[string]*sql.Stmt, error) {
	st := map[string]*sql.Stmt{}
	for name, q := range qs {
		s, err := tx.PrepareContext(ctx, q)
		if err != nil {
			closeAll(st)
			return nil, fmt.Errorf("prepare %s: %w", name, err)
		}
		st[name] = s
	}
	return st, nil
}

func closeAll(st map[string]*sql.Stmt) {
	for _, s := range st {
		s.Close()
	}
}
