package db

import (
	"context"
	"database/sql"
	"fmt"
)

// Check looks for damage and broken invariants: SQLite's integrity_check,
// foreign keys that point at nothing (the ingest writer does not have
// SQLite check them row by row), and sources whose own key is an alias of
// another source (a name split into two sources). It returns one line per
// problem; none means the store is sound.
func (d *DB) Check(ctx context.Context) ([]string, error) {
	var out []string
	err := d.tx(ctx, func(tx *sql.Tx) error {
		if err := eachRow(ctx, tx, `PRAGMA integrity_check`, func(r *sql.Rows) error {
			var s string
			if err := r.Scan(&s); err != nil {
				return err
			}
			if s != "ok" {
				out = append(out, "integrity: "+s)
			}
			return nil
		}); err != nil {
			return fmt.Errorf("integrity_check: %w", err)
		}
		if err := eachRow(ctx, tx, `PRAGMA foreign_key_check`, func(r *sql.Rows) error {
			var table, parent string
			var rowid sql.NullInt64
			var fk int
			if err := r.Scan(&table, &rowid, &parent, &fk); err != nil {
				return err
			}
			out = append(out, fmt.Sprintf("foreign key: %s row %d points at a missing %s row", table, rowid.Int64, parent))
			return nil
		}); err != nil {
			return fmt.Errorf("foreign_key_check: %w", err)
		}
		return eachRow(ctx, tx, `SELECT s.id, s.key, a.source_id FROM sources s JOIN aliases a ON a.key = s.key
			WHERE a.source_id <> s.id ORDER BY s.id`, func(r *sql.Rows) error {
			var id, other int64
			var key string
			if err := r.Scan(&id, &key, &other); err != nil {
				return err
			}
			out = append(out, fmt.Sprintf("source %d: its key %q is an alias of source %d", id, key, other))
			return nil
		})
	})
	return out, err
}
