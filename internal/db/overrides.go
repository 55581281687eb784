package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/attrib/attrib/internal/sources"
)

// ErrInvalid is returned (wrapped) when a correction makes no sense, such
// as linking a claim to itself or merging a source into itself.
var ErrInvalid = errors.New("invalid")

func (d *DB) claimExists(ctx context.Context, tx *sql.Tx, id int64) error {
	var n int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM claims WHERE id = ?", id).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return fmt.Errorf("claim %d: %w", id, ErrNotFound)
	}
	return nil
}

// Link records a fact-checker's decision that claims a and b are (linked)
// or are never (!linked) the same proposition. A later decision on the same
// pair replaces the earlier one.
func (d *DB) Link(ctx context.Context, a, b int64, linked bool, note string) error {
	return d.tx(ctx, func(tx *sql.Tx) error { return d.linkTx(ctx, tx, a, b, linked, note) })
}

func (d *DB) linkTx(ctx context.Context, tx *sql.Tx, a, b int64, linked bool, note string) error {
	if a == b {
		return fmt.Errorf("claim %d cannot be linked to itself: %w", a, ErrInvalid)
	}
	if a > b {
		a, b = b, a
	}
	for _, id := range []int64{a, b} {
		if err := d.claimExists(ctx, tx, id); err != nil {
			return err
		}
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO claim_links (a, b, linked, note, created_at) VALUES (?,?,?,?,?)
		ON CONFLICT (a, b) DO UPDATE SET linked = excluded.linked, note = excluded.note, created_at = excluded.created_at`,
		a, b, linked, note, d.now())
	return err
}

// Verdict records a fact-checker's verdict (true, false or misleading) on a claim.
func (d *DB) Verdict(ctx context.Context, claim int64, verdict, note string) error {
	return d.tx(ctx, func(tx *sql.Tx) error { return d.verdictTx(ctx, tx, claim, verdict, note) })
}

func (d *DB) verdictTx(ctx context.Context, tx *sql.Tx, claim int64, verdict, note string) error {
	switch verdict {
	case "true", "false", "misleading":
	default:
		return fmt.Errorf("verdict must be true, false or misleading, not %q: %w", verdict, ErrInvalid)
	}
	if err := d.claimExists(ctx, tx, claim); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO verdicts (claim_id, verdict, note, created_at) VALUES (?,?,?,?)`, claim, verdict, note, d.now())
	return err
}

// sourceID finds a source by any of its names.
func sourceID(ctx context.Context, tx *sql.Tx, name string) (int64, string, error) {
	var id int64
	var canonical string
	err := tx.QueryRowContext(ctx, `SELECT s.id, s.name FROM aliases a JOIN sources s ON s.id = a.source_id WHERE a.key = ?`,
		sources.Key(name)).Scan(&id, &canonical)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, "", fmt.Errorf("source %q: %w", name, ErrNotFound)
	}
	return id, canonical, err
}

// RateSource records a fact-checker's reliability rating (A-F) for a source;
// it overrides the learned grade.
func (d *DB) RateSource(ctx context.Context, name, rating, note string) error {
	return d.tx(ctx, func(tx *sql.Tx) error {
		_, err := d.rateTx(ctx, tx, name, rating, note)
		return err
	})
}

// rateTx records the rating and returns the rated source's id.
func (d *DB) rateTx(ctx context.Context, tx *sql.Tx, name, rating, note string) (int64, error) {
	switch rating {
	case "A", "B", "C", "D", "E", "F":
	default:
		return 0, fmt.Errorf("rating must be a letter A-F, not %q: %w", rating, ErrInvalid)
	}
	id, _, err := sourceID(ctx, tx, name)
	if err != nil {
		return 0, err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO source_ratings (source_id, rating, note, created_at) VALUES (?,?,?,?)`, id, rating, note, d.now())
	return id, err
}

// MergeSources makes from one source with into: every alias, chain hop,
// claim origin, article, affiliation and rating of from moves to into, and
// from is deleted. The merge is logged in source_merges.
func (d *DB) MergeSources(ctx context.Context, into, from, note string) error {
	return d.tx(ctx, func(tx *sql.Tx) error { return d.mergeTx(ctx, tx, into, from, note) })
}

func (d *DB) mergeTx(ctx context.Context, tx *sql.Tx, into, from, note string) error {
	{
		intoID, intoName, err := sourceID(ctx, tx, into)
		if err != nil {
			return err
		}
		fromID, fromName, err := sourceID(ctx, tx, from)
		if err != nil {
			return err
		}
		if intoID == fromID {
			return fmt.Errorf("%q and %q are already one source (%s): %w", into, from, intoName, ErrInvalid)
		}
		for _, q := range []string{
			// Origins first: they are found through the hops and
			// articles of from (origins.go).
			`UPDATE claims SET origin_id = ?1 WHERE id IN (` + originClaims("?2") + `)`,
			`UPDATE aliases SET source_id = ?1 WHERE source_id = ?2`,
			`UPDATE chain_hops SET source_id = ?1 WHERE source_id = ?2`,
			`UPDATE articles SET outlet_id = ?1 WHERE outlet_id = ?2`,
			`UPDATE sources SET affiliation_id = ?1 WHERE affiliation_id = ?2 AND id <> ?1`,
			`UPDATE sources SET affiliation_id = NULL WHERE id = ?1 AND affiliation_id = ?2`,
			`UPDATE source_ratings SET source_id = ?1 WHERE source_id = ?2`,
			`DELETE FROM proposition_origins WHERE source_id = ?2`,
			`DELETE FROM sources WHERE id = ?2`,
		} {
			if _, err := tx.ExecContext(ctx, q, intoID, fromID); err != nil {
				return fmt.Errorf("merge: %w", err)
			}
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO source_merges (action, into_name, from_name, note, created_at) VALUES ('merge',?,?,?,?)`,
			intoName, fromName, note, d.now())
		return err
	}
}

// SplitSource takes the name alias out of the source it resolves to and
// makes it a source of its own (of the same kind): the alias and every chain
// hop written as that name move to it. It returns the new source's id.
func (d *DB) SplitSource(ctx context.Context, alias, note string) (int64, error) {
	var newID int64
	err := d.tx(ctx, func(tx *sql.Tx) error {
		var err error
		newID, err = d.splitTx(ctx, tx, alias, note)
		return err
	})
	return newID, err
}

func (d *DB) splitTx(ctx context.Context, tx *sql.Tx, alias, note string) (int64, error) {
	var newID int64
	err := func() error {
		oldID, oldName, err := sourceID(ctx, tx, alias)
		if err != nil {
			return err
		}
		key := sources.Key(alias)
		if key == sources.Key(oldName) {
			return fmt.Errorf("%q is the canonical name of its source; split off one of its other aliases: %w", alias, ErrInvalid)
		}
		var kind string
		if err := tx.QueryRowContext(ctx, `SELECT kind FROM sources WHERE id = ?`, oldID).Scan(&kind); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO sources (name, key, kind, created_at) VALUES (?,?,?,?)`, alias, key, kind, d.now())
		if err != nil {
			return fmt.Errorf("split: %w", err)
		}
		if newID, err = res.LastInsertId(); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE aliases SET source_id = ? WHERE key = ?`, newID, key); err != nil {
			return err
		}
		if err := moveHopsWrittenAs(ctx, tx, oldID, newID, key); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO source_merges (action, into_name, from_name, note, created_at) VALUES ('split',?,?,?,?)`,
			alias, oldName, note, d.now())
		return err
	}()
	return newID, err
}

// moveHopsWrittenAs moves the hops of source from that were written as a
// name with the given key to source to, and the origins of their claims.
func moveHopsWrittenAs(ctx context.Context, tx *sql.Tx, from, to int64, key string) error {
	type hop struct {
		claim int64
		pos   int
		last  bool
	}
	var moves []hop
	if err := eachRow(ctx, tx, fmt.Sprintf(`SELECT h.claim_id, h.position, coalesce(h.written_as, ''),
		h.position = (SELECT max(position) FROM chain_hops WHERE claim_id = h.claim_id)
		FROM chain_hops h WHERE h.source_id = %d`, from), func(r *sql.Rows) error {
		var h hop
		var written string
		if err := r.Scan(&h.claim, &h.pos, &written, &h.last); err != nil {
			return err
		}
		if sources.Key(written) == key {
			moves = append(moves, h)
		}
		return nil
	}); err != nil {
		return err
	}
	for _, h := range moves {
		if _, err := tx.ExecContext(ctx, `UPDATE chain_hops SET source_id = ? WHERE claim_id = ? AND position = ?`, to, h.claim, h.pos); err != nil {
			return err
		}
		if h.last {
			if _, err := tx.ExecContext(ctx, `UPDATE claims SET origin_id = ? WHERE id = ?`, to, h.claim); err != nil {
				return err
			}
		}
	}
	return nil
}
