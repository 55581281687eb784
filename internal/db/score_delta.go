package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/attrib/attrib/internal/scoring"
)

// RescoreChanged is the incremental form of Rescore that ingest uses: it
// scores the store exactly as Rescore does (so the result is the full
// result, not an approximation), compares it with the grades already
// stored (scoring.Diff) and writes only the rows that differ: the
// propositions a new article's claims joined or contradicted, the claims
// in them, the sources whose reliability moved and the findings of those
// propositions. Everything else is left as it is. `attrib score` (Rescore)
// rewrites every row and so repairs a store edited by hand.
func (d *DB) RescoreChanged(ctx context.Context, score func(scoring.Input) scoring.Result) (scoring.Input, scoring.Result, scoring.Delta, error) {
	var in scoring.Input
	var res scoring.Result
	var delta scoring.Delta
	err := d.tx(ctx, func(tx *sql.Tx) error {
		if err := loadInput(ctx, tx, &in); err != nil {
			return err
		}
		res = score(in)
		old, err := loadResult(ctx, tx)
		if err != nil {
			return fmt.Errorf("load stored grades: %w", err)
		}
		delta = scoring.Diff(old, res)
		if err := applyDelta(ctx, tx, delta); err != nil {
			return fmt.Errorf("save grades: %w", err)
		}
		return nil
	})
	return in, res, delta, err
}

// loadResult reads the stored machine grades back into a scoring.Result
// (proposition ClaimIDs are left empty: claims carry their proposition).
func loadResult(ctx context.Context, tx *sql.Tx) (scoring.Result, error) {
	res := scoring.Result{Claims: map[int64]scoring.ClaimScore{}, Sources: map[int64]scoring.SourceGrade{}}
	idx := map[int64]int{}
	if err := eachRow(ctx, tx, `SELECT id, grade, score, independent_origins, supporting_articles, contradicting_articles, explanation
		FROM propositions ORDER BY id`, func(r *sql.Rows) error {
		var p scoring.Proposition
		err := r.Scan(&p.ID, &p.Grade, &p.Score, &p.IndependentOrigins, &p.SupportingArticles, &p.ContradictingArticles, &p.Explanation)
		idx[p.ID] = len(res.Propositions)
		res.Propositions = append(res.Propositions, p)
		return err
	}); err != nil {
		return res, fmt.Errorf("propositions: %w", err)
	}
	if err := eachRow(ctx, tx, `SELECT proposition_id, source_id FROM proposition_origins ORDER BY proposition_id, source_id`, func(r *sql.Rows) error {
		var p, s int64
		err := r.Scan(&p, &s)
		if i, ok := idx[p]; ok {
			res.Propositions[i].Origins = append(res.Propositions[i].Origins, s)
		}
		return err
	}); err != nil {
		return res, fmt.Errorf("origins: %w", err)
	}
	if err := eachRow(ctx, tx, `SELECT proposition_id, contradicts_id FROM contradictions ORDER BY proposition_id, contradicts_id`, func(r *sql.Rows) error {
		var p, q int64
		err := r.Scan(&p, &q)
		if i, ok := idx[p]; ok {
			res.Propositions[i].Contradicts = append(res.Propositions[i].Contradicts, q)
		}
		return err
	}); err != nil {
		return res, fmt.Errorf("contradictions: %w", err)
	}
	if err := eachRow(ctx, tx, `SELECT id, proposition_id, coalesce(stance, ''), coalesce(grade, ''), coalesce(score, 0),
		coalesce(independent_origins, 0), coalesce(supporting_articles, 0), coalesce(contradicting_articles, 0),
		coalesce(fidelity, ''), coalesce(explanation, '') FROM claims WHERE proposition_id IS NOT NULL`, func(r *sql.Rows) error {
		var id int64
		var c scoring.ClaimScore
		err := r.Scan(&id, &c.PropositionID, &c.Stance, &c.Grade, &c.Score, &c.IndependentOrigins, &c.SupportingArticles,
			&c.ContradictingArticles, &c.Fidelity, &c.Explanation)
		res.Claims[id] = c
		return err
	}); err != nil {
		return res, fmt.Errorf("claims: %w", err)
	}
	if err := eachRow(ctx, tx, `SELECT id, reliability, reliability_score, coalesce(reliability_note, '') FROM sources
		WHERE reliability_score IS NOT NULL`, func(r *sql.Rows) error {
		var id int64
		var s scoring.SourceGrade
		err := r.Scan(&id, &s.Reliability, &s.Score, &s.Explanation)
		res.Sources[id] = s
		return err
	}); err != nil {
		return res, fmt.Errorf("sources: %w", err)
	}
	if err := eachRow(ctx, tx, `SELECT kind, coalesce(proposition_id, 0), claim_ids, message FROM findings ORDER BY id`, func(r *sql.Rows) error {
		var f scoring.Finding
		var ids string
		if err := r.Scan(&f.Kind, &f.PropositionID, &ids, &f.Message); err != nil {
			return err
		}
		res.Findings = append(res.Findings, f)
		return json.Unmarshal([]byte(ids), &res.Findings[len(res.Findings)-1].ClaimIDs)
	}); err != nil {
		return res, fmt.Errorf("findings: %w", err)
	}
	return res, nil
}

var deltaSQL = map[string]string{
	"drop": `DELETE FROM propositions WHERE id = ?`,
	"prop": `INSERT INTO propositions (id, text, grade, score, independent_origins, supporting_articles, contradicting_articles, explanation)
		VALUES (?1, (SELECT text FROM claims WHERE id = ?1), ?2, ?3, ?4, ?5, ?6, ?7)
		ON CONFLICT (id) DO UPDATE SET grade = excluded.grade, score = excluded.score, independent_origins = excluded.independent_origins,
		supporting_articles = excluded.supporting_articles, contradicting_articles = excluded.contradicting_articles, explanation = excluded.explanation`,
	"noOrigins": `DELETE FROM proposition_origins WHERE proposition_id = ?`,
	"noContra":  `DELETE FROM contradictions WHERE proposition_id = ?`,
	"origin":    `INSERT OR IGNORE INTO proposition_origins (proposition_id, source_id) VALUES (?, ?)`,
	"contra":    `INSERT OR IGNORE INTO contradictions (proposition_id, contradicts_id) VALUES (?, ?)`,
	"claim": `UPDATE claims SET proposition_id = ?, stance = ?, grade = ?, score = ?, independent_origins = ?,
		supporting_articles = ?, contradicting_articles = ?, fidelity = ?, explanation = ? WHERE id = ?`,
	"source":     `UPDATE sources SET reliability = ?, reliability_score = ?, reliability_note = ? WHERE id = ?`,
	"noFindings": `DELETE FROM findings WHERE proposition_id = ?`,
	"noLoose":    `DELETE FROM findings WHERE proposition_id IS NULL`,
	"finding":    `INSERT INTO findings (kind, proposition_id, claim_ids, message) VALUES (?, ?, ?, ?)`,
}

// applyDelta writes the changed rows of d. Propositions come first (claims,
// contradictions and findings refer to them), removed ones are deleted
// (their origins, contradictions and findings go with them).
func applyDelta(ctx context.Context, tx *sql.Tx, d scoring.Delta) error {
	st, err := prepareAll(ctx, tx, deltaSQL)
	if err != nil {
		return err
	}
	defer closeAll(st)
	for _, id := range d.Removed {
		if _, err := st["drop"].ExecContext(ctx, id); err != nil {
			return fmt.Errorf("drop proposition %d: %w", id, err)
		}
	}
	for _, p := range d.Propositions {
		if _, err := st["prop"].ExecContext(ctx, p.ID, p.Grade, p.Score, p.IndependentOrigins, p.SupportingArticles,
			p.ContradictingArticles, p.Explanation); err != nil {
			return fmt.Errorf("proposition %d: %w", p.ID, err)
		}
	}
	for _, p := range d.Propositions {
		for _, q := range []string{"noOrigins", "noContra"} {
			if _, err := st[q].ExecContext(ctx, p.ID); err != nil {
				return fmt.Errorf("proposition %d: %w", p.ID, err)
			}
		}
		for _, o := range p.Origins {
			if _, err := st["origin"].ExecContext(ctx, p.ID, o); err != nil {
				return fmt.Errorf("proposition %d origin %d: %w", p.ID, o, err)
			}
		}
		for _, o := range p.Contradicts {
			if _, err := st["contra"].ExecContext(ctx, p.ID, o); err != nil {
				return fmt.Errorf("proposition %d contradicts %d: %w", p.ID, o, err)
			}
		}
	}
	for id, c := range d.Claims {
		if _, err := st["claim"].ExecContext(ctx, c.PropositionID, c.Stance, c.Grade, c.Score, c.IndependentOrigins,
			c.SupportingArticles, c.ContradictingArticles, nullString(c.Fidelity), nullString(c.Explanation), id); err != nil {
			return fmt.Errorf("claim %d: %w", id, err)
		}
	}
	for id, s := range d.Sources {
		if _, err := st["source"].ExecContext(ctx, s.Reliability, s.Score, s.Explanation, id); err != nil {
			return fmt.Errorf("source %d: %w", id, err)
		}
	}
	for _, p := range d.FindingProps {
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
			return err
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
