package db

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/attrib/attrib/internal/scoring"
)

// saveMatching stores what the matcher decided (scoring.Result.Groups and
// Edges) next to the claims, writing only what differs from the input it
// was given: the match group of claims whose group changed (new claims, and
// stored groups a new claim joined) and the edges that are new or gone.
func saveMatching(ctx context.Context, tx *sql.Tx, in scoring.Input, res scoring.Result) error {
	st, err := tx.PrepareContext(ctx, `UPDATE claims SET match_group = ? WHERE id = ?`)
	if err != nil {
		return fmt.Errorf("prepare match group: %w", err)
	}
	defer st.Close()
	for _, c := range in.Claims {
		if g, ok := res.Groups[c.ID]; ok && g != c.Group {
			if _, err := st.ExecContext(ctx, g, c.ID); err != nil {
				return fmt.Errorf("match group of claim %d: %w", c.ID, err)
			}
		}
	}
	type pair struct{ a, b int64 }
	old := make(map[pair]scoring.Edge, len(in.Edges))
	for _, e := range in.Edges {
		old[pair{e.A, e.B}] = e
	}
	if len(in.Edges) == 0 {
		// A full run: whatever is stored is replaced.
		if _, err := tx.ExecContext(ctx, `DELETE FROM claim_edges`); err != nil {
			return fmt.Errorf("clear claim edges: %w", err)
		}
	}
	put, err := tx.PrepareContext(ctx, `INSERT OR REPLACE INTO claim_edges (a, b, kind, sim) VALUES (?, ?, ?, ?)`)
	if err != nil {
		return fmt.Errorf("prepare claim edge: %w", err)
	}
	defer put.Close()
	for _, e := range res.Edges {
		k := pair{e.A, e.B}
		if o, ok := old[k]; ok && o == e {
			delete(old, k)
			continue
		}
		delete(old, k)
		if _, err := put.ExecContext(ctx, e.A, e.B, e.Kind, e.Sim); err != nil {
			return fmt.Errorf("claim edge %d-%d: %w", e.A, e.B, err)
		}
	}
	for k := range old {
		if _, err := tx.ExecContext(ctx, `DELETE FROM claim_edges WHERE a = ? AND b = ?`, k.a, k.b); err != nil {
			return fmt.Errorf("drop claim edge %d-%d: %w", k.a, k.b, err)
		}
	}
	return nil
}
