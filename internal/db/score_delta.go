package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/attrib/attrib/internal/scoring"
)

// RescoreChanged is the incremental form of Rescore that ingest uses: the
// store ends exactly as after Rescore, but only the new claims, the
// propositions they touch and the propositions and sources whose grades
// move with them are read and written (score_incr.go). When the store's
// scoring state cannot vouch for that (see ScoreStats.Fallback) it scores
// the whole store with the stored matching given back (rescoreAllChanged)
// and rebuilds the state.
func (d *DB) RescoreChanged(ctx context.Context, score func(scoring.Input) scoring.Result) (ScoreStats, scoring.Delta, error) {
	var stats ScoreStats
	var delta scoring.Delta
	err := d.tx(ctx, func(tx *sql.Tx) error {
		var err error
		stats, delta, err = rescoreIncremental(ctx, tx, score)
		var fb errFallback
		if !errors.As(err, &fb) {
			return err
		}
		stats = ScoreStats{Fallback: string(fb), Rounds: 1}
		in, res, dl, err := rescoreAllChanged(ctx, tx, score)
		if err != nil {
			return err
		}
		delta = dl
		stats.ClaimsLoaded, stats.SourcesLoaded, stats.Propositions = len(in.Claims), len(in.Sources), len(res.Propositions)
		stats.PropositionsLoaded = len(res.Propositions)
		return nil
	})
	return stats, delta, err
}

// rescoreAllChanged signs only the articles that have no copy-detection
// signature yet, gives the stored match groups and edges back so that only
// the new claims are compared, scores the whole store, and writes only the
// rows whose digests (scoring.DiffFingerprints) differ, then the whole
// incremental scoring state.
func rescoreAllChanged(ctx context.Context, tx *sql.Tx, score func(scoring.Input) scoring.Result) (scoring.Input, scoring.Result, scoring.Delta, error) {
	var in scoring.Input
	if err := signArticles(ctx, tx, false); err != nil {
		return in, scoring.Result{}, scoring.Delta{}, err
	}
	if err := loadInput(ctx, tx, &in, true); err != nil {
		return in, scoring.Result{}, scoring.Delta{}, err
	}
	in.WantKeys = true
	res := score(in)
	if err := saveMatching(ctx, tx, in, res); err != nil {
		return in, res, scoring.Delta{}, err
	}
	old, err := loadFingerprints(ctx, tx)
	if err != nil {
		return in, res, scoring.Delta{}, fmt.Errorf("load stored digests: %w", err)
	}
	delta := scoring.DiffFingerprints(old, res)
	if err := applyDelta(ctx, tx, delta, false); err != nil {
		return in, res, delta, fmt.Errorf("save grades: %w", err)
	}
	return in, res, delta, saveFullState(ctx, tx, in, res)
}

// loadFingerprints reads the digests stored with the scored rows.
func loadFingerprints(ctx context.Context, tx *sql.Tx) (scoring.Fingerprints, error) {
	fp := scoring.Fingerprints{Claims: map[int64]int64{}, Props: map[int64]int64{}, Sources: map[int64]int64{}, Findings: map[int64]int64{}}
	if err := eachRow(ctx, tx, `SELECT id, score_hash, findings_hash FROM propositions`, func(r *sql.Rows) error {
		var id int64
		var h, f sql.NullInt64
		err := r.Scan(&id, &h, &f)
		fp.Props[id] = h.Int64 // NULL (never written by this version) reads as 0: rewritten
		if f.Valid {
			fp.Findings[id] = f.Int64
		}
		return err
	}); err != nil {
		return fp, fmt.Errorf("propositions: %w", err)
	}
	if err := eachRow(ctx, tx, `SELECT id, score_hash FROM claims WHERE score_hash IS NOT NULL`, func(r *sql.Rows) error {
		var id, h int64
		err := r.Scan(&id, &h)
		fp.Claims[id] = h
		return err
	}); err != nil {
		return fp, fmt.Errorf("claims: %w", err)
	}
	if err := eachRow(ctx, tx, `SELECT id, score_hash FROM sources WHERE score_hash IS NOT NULL`, func(r *sql.Rows) error {
		var id, h int64
		err := r.Scan(&id, &h)
		fp.Sources[id] = h
		return err
	}); err != nil {
		return fp, fmt.Errorf("sources: %w", err)
	}
	return fp, nil
}

var deltaSQL = map[string]string{
	"drop": `DELETE FROM propositions WHERE id = ?`,
	"prop": `INSERT INTO propositions (id, text, grade, score, independent_origins, supporting_articles, contradicting_articles, explanation, score_hash)
		VALUES (?1, (SELECT text FROM claims WHERE id = ?1), ?2, ?3, ?4, ?5, ?6, ?7, ?8)
		ON CONFLICT (id) DO UPDATE SET grade = excluded.grade, score = excluded.score, independent_origins = excluded.independent_origins,
		supporting_articles = excluded.supporting_articles, contradicting_articles = excluded.contradicting_articles,
		explanation = excluded.explanation, score_hash = excluded.score_hash`,
	"noOrigins": `DELETE FROM proposition_origins WHERE proposition_id = ?`,
	"noContra":  `DELETE FROM contradictions WHERE proposition_id = ?`,
	"origin":    `INSERT OR IGNORE INTO proposition_origins (proposition_id, source_id) VALUES (?, ?)`,
	"contra":    `INSERT OR IGNORE INTO contradictions (proposition_id, contradicts_id) VALUES (?, ?)`,
	"claim": `UPDATE claims SET proposition_id = ?, stance = ?, grade = ?, score = ?, independent_origins = ?,
		supporting_articles = ?, contradicting_articles = ?, fidelity = ?, explanation = ?, score_hash = ? WHERE id = ?`,
	"source":       `UPDATE sources SET reliability = ?, reliability_score = ?, reliability_note = ?, score_hash = ? WHERE id = ?`,
	"noFindings":   `DELETE FROM findings WHERE proposition_id = ?`,
	"noLoose":      `DELETE FROM findings WHERE proposition_id IS NULL`,
	"finding":      `INSERT INTO findings (kind, proposition_id, claim_ids, message) VALUES (?, ?, ?, ?)`,
	"findingsHash": `UPDATE propositions SET findings_hash = ? WHERE id = ?`,
}

// applyDelta writes the changed rows of d with their digests. Propositions
// come first (claims, contradictions and findings refer to them), removed
// ones are deleted (their origins, contradictions and findings go with
// them). fresh says the scored tables were just emptied, so there is
// nothing to delete first.
func applyDelta(ctx context.Context, tx *sql.Tx, d scoring.Delta, fresh bool) error {
	st, err := prepareAll(ctx, tx, deltaSQL)
	if err != nil {
		return err
	}
	defer closeAll(st)
	exec := func(name string, args ...any) error {
		_, err := st[name].ExecContext(ctx, args...)
		return err
	}
	for _, id := range d.Removed {
		if err := exec("drop", id); err != nil {
			return fmt.Errorf("drop proposition %d: %w", id, err)
		}
	}
	for i := range d.Propositions {
		p := &d.Propositions[i]
		if err := exec("prop", p.ID, p.Grade, p.Score, p.IndependentOrigins, p.SupportingArticles,
			p.ContradictingArticles, p.Explanation, scoring.PropFingerprint(p)); err != nil {
			return fmt.Errorf("proposition %d: %w", p.ID, err)
		}
	}
	for _, p := range d.Propositions {
		if !fresh {
			for _, q := range []string{"noOrigins", "noContra"} {
				if err := exec(q, p.ID); err != nil {
					return fmt.Errorf("proposition %d: %w", p.ID, err)
				}
			}
		}
		for _, o := range p.Origins {
			if err := exec("origin", p.ID, o); err != nil {
				return fmt.Errorf("proposition %d origin %d: %w", p.ID, o, err)
			}
		}
		for _, o := range p.Contradicts {
			if err := exec("contra", p.ID, o); err != nil {
				return fmt.Errorf("proposition %d contradicts %d: %w", p.ID, o, err)
			}
		}
	}
	for id, c := range d.Claims {
		if err := exec("claim", c.PropositionID, c.Stance, c.Grade, c.Score, c.IndependentOrigins,
			c.SupportingArticles, c.ContradictingArticles, nullString(c.Fidelity), nullString(c.Explanation),
			scoring.ClaimFingerprint(c), id); err != nil {
			return fmt.Errorf("claim %d: %w", id, err)
		}
	}
	for id, s := range d.Sources {
		if err := exec("source", s.Reliability, s.Score, s.Explanation, scoring.SourceFingerprint(s), id); err != nil {
			return fmt.Errorf("source %d: %w", id, err)
		}
	}
	return applyFindings(ctx, st, d, fresh)
}

// applyFindings replaces the findings of d.FindingProps and records each
// proposition's findings digest.
func applyFindings(ctx context.Context, st map[string]*sql.Stmt, d scoring.Delta, fresh bool) error {
	byProp := scoring.FindingsByProp(d.Findings)
	for _, p := range d.FindingProps {
		if p != 0 {
			if _, err := st["findingsHash"].ExecContext(ctx, scoring.FindingsFingerprint(byProp[p]), p); err != nil {
				return fmt.Errorf("findings digest of proposition %d: %w", p, err)
			}
		}
		if fresh {
			continue
		}
		q, args := "noFindings", []any{p}
		if p == 0 {
			q, args = "noLoose", nil
		}
		if _, err := st[q].ExecContext(ctx, args...); err != nil {
			return fmt.Errorf("findings of proposition %d: %w", p, err)
		}
	}
	for _, f := range d.Findings {
		ids, err := json.Marshal(f.ClaimIDs)
		if err != nil {
			return fmt.Errorf("finding claim ids: %w", err)
		}
		var prop any
		if f.PropositionID != 0 {
			prop = f.PropositionID
		}
		if _, err := st["finding"].ExecContext(ctx, f.Kind, prop, string(ids), f.Message); err != nil {
			return fmt.Errorf("finding: %w", err)
		}
	}
	return nil
}
