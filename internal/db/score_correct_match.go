package db

import (
	"database/sql"
	"fmt"

	"github.com/attrib/attrib/internal/scoring"
)

// rematch re-runs the matching over every claim under the links now in
// force (r.corr), writes the match groups and edges that moved, and returns
// the core: the propositions of a and b and of every claim whose group or
// edges moved, or that shares an old or a new group with such a claim.
func (r *incr) rematch(a, b int64) ([]int64, error) {
	ctx, tx := r.ctx, r.tx
	type was struct{ group, prop int64 }
	old := map[int64]was{}
	var claims []scoring.Claim
	if err := eachRow(ctx, tx, `SELECT id, text, coalesce(cue_text, ''), coalesce(match_group, 0), coalesce(proposition_id, 0)
		FROM claims ORDER BY id`, func(rw *sql.Rows) error {
		var c scoring.Claim
		var w was
		if err := rw.Scan(&c.ID, &c.Text, &c.Cue, &w.group, &w.prop); err != nil {
			return err
		}
		claims = append(claims, c)
		old[c.ID] = w
		return nil
	}); err != nil {
		return nil, fmt.Errorf("load claims to match: %w", err)
	}
	groups, edges := scoring.Rematch(claims, r.corr.Links)
	claims = nil
	moved := map[int64]bool{} // claims whose group changed
	oldG, newG := map[int64]bool{}, map[int64]bool{}
	for id, w := range old {
		if w.group == 0 || w.prop == 0 {
			return nil, errFallback("a scored claim has no match group or proposition")
		}
		if g := groups[id]; g != w.group {
			moved[id] = true
			oldG[w.group], newG[g] = true, true
		}
	}
	core := map[int64]bool{old[a].prop: true, old[b].prop: true}
	for id, w := range old {
		if oldG[w.group] || newG[groups[id]] {
			core[w.prop] = true
		}
	}
	st, err := tx.PrepareContext(ctx, `UPDATE claims SET match_group = ? WHERE id = ?`)
	if err != nil {
		return nil, fmt.Errorf("prepare match group: %w", err)
	}
	defer st.Close()
	for id := range moved {
		if _, err := st.ExecContext(ctx, groups[id], id); err != nil {
			return nil, fmt.Errorf("match group of claim %d: %w", id, err)
		}
	}
	// The edges: those that appeared, went or changed move their ends.
	type pair struct{ a, b int64 }
	stored := map[pair]scoring.Edge{}
	if err := eachRow(ctx, tx, `SELECT a, b, kind, sim FROM claim_edges`, func(rw *sql.Rows) error {
		var e scoring.Edge
		err := rw.Scan(&e.A, &e.B, &e.Kind, &e.Sim)
		stored[pair{e.A, e.B}] = e
		return err
	}); err != nil {
		return nil, fmt.Errorf("load claim edges: %w", err)
	}
	touch := func(ids ...int64) {
		for _, id := range ids {
			if w, ok := old[id]; ok {
				core[w.prop] = true
			}
		}
	}
	var put []scoring.Edge
	for _, e := range edges {
		k := pair{e.A, e.B}
		if s, ok := stored[k]; ok && s == e {
			delete(stored, k)
			continue
		}
		delete(stored, k)
		put = append(put, e)
		touch(e.A, e.B)
	}
	if err := bulkWrite(ctx, tx, "INSERT OR REPLACE", "claim_edges", "a, b, kind, sim", 4, len(put), func(i int, d []any) {
		d[0], d[1], d[2], d[3] = put[i].A, put[i].B, put[i].Kind, put[i].Sim
	}); err != nil {
		return nil, err
	}
	for k := range stored {
		touch(k.a, k.b)
		if _, err := tx.ExecContext(ctx, `DELETE FROM claim_edges WHERE a = ? AND b = ?`, k.a, k.b); err != nil {
			return nil, fmt.Errorf("drop claim edge %d-%d: %w", k.a, k.b, err)
		}
	}
	delete(core, 0)
	return setIDs(core), nil
}
