package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/attrib/attrib/internal/scoring"
)

// Loaders of the incremental path (score_incr.go): each reads rows by id
// through an index, never the whole table.

// storedClaim is a claim as the incremental path loads it.
type storedClaim struct {
	scoring.Claim
	prop      int64 // stored proposition id, 0 = none
	group     int64 // stored match group, 0 = none
	scoreHash int64
	hashed    bool
}

// idList is ids as a JSON array, for `IN (SELECT value FROM json_each(?))`.
func idList(ids []int64) string {
	b, _ := json.Marshal(ids) // []int64 always marshals
	return string(b)
}

func setIDs(set map[int64]bool) []int64 {
	ids := make([]int64, 0, len(set))
	for id := range set {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

const scoreClaimCols = `c.id, c.article_id, a.outlet_id, c.text, c.quote, coalesce(a.published, ''), coalesce(c.cue_text, ''),
	coalesce(c.match_group, 0), coalesce(c.proposition_id, 0), c.score_hash`

// loadClaims reads the claims that where selects (a condition on c, with
// args), with their chains, into out (keyed by id); claims already in out
// are skipped. It returns the ids it added, ascending.
func loadClaims(ctx context.Context, tx *sql.Tx, out map[int64]*storedClaim, where string, args ...any) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, `SELECT `+scoreClaimCols+` FROM claims c JOIN articles a ON a.id = c.article_id WHERE `+where+` ORDER BY c.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("load claims: %w", err)
	}
	defer rows.Close()
	var added []int64
	for rows.Next() {
		var c storedClaim
		var h sql.NullInt64
		if err := rows.Scan(&c.ID, &c.ArticleID, &c.Outlet, &c.Text, &c.Quote, &c.Published, &c.Cue, &c.group, &c.prop, &h); err != nil {
			return nil, fmt.Errorf("load claims: %w", err)
		}
		if _, ok := out[c.ID]; ok {
			continue
		}
		c.scoreHash, c.hashed = h.Int64, h.Valid
		out[c.ID] = &c
		added = append(added, c.ID)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("load claims: %w", err)
	}
	if len(added) == 0 {
		return nil, nil
	}
	if err := eachRowArgs(ctx, tx, `SELECT claim_id, source_id FROM chain_hops WHERE claim_id IN (SELECT value FROM json_each(?))
		ORDER BY claim_id, position`, []any{idList(added)}, func(r *sql.Rows) error {
		var cid, sid int64
		if err := r.Scan(&cid, &sid); err != nil {
			return err
		}
		if c := out[cid]; c != nil {
			c.Chain = append(c.Chain, sid)
		}
		return nil
	}); err != nil {
		return nil, fmt.Errorf("load chains: %w", err)
	}
	return added, nil
}

// eachRowArgs is eachRow with query arguments.
func eachRowArgs(ctx context.Context, tx *sql.Tx, query string, args []any, scan func(*sql.Rows) error) error {
	rows, err := tx.QueryContext(ctx, query, args...)
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

// int64s runs a query returning one integer column.
func int64s(ctx context.Context, tx *sql.Tx, query string, args ...any) ([]int64, error) {
	var out []int64
	err := eachRowArgs(ctx, tx, query, args, func(r *sql.Rows) error {
		var v sql.NullInt64
		err := r.Scan(&v)
		if v.Valid {
			out = append(out, v.Int64)
		}
		return err
	})
	return out, err
}

// storedSource is a source with its stored grade digest and track record.
type storedSource struct {
	scoring.Source
	scoreHash     int64
	hashed        bool
	tally         scoring.Tally
	tallied       bool // has a source_tallies row
	scoredKind    string
	scoredAffil   int64
	scoredAffilOK bool
}

// loadSources reads the sources of ids not yet in out, with their latest
// rating and stored track record.
func loadSources(ctx context.Context, tx *sql.Tx, out map[int64]*storedSource, ids []int64) error {
	var want []int64
	for _, id := range ids {
		if _, ok := out[id]; !ok {
			want = append(want, id)
		}
	}
	if len(want) == 0 {
		return nil
	}
	err := eachRowArgs(ctx, tx, `SELECT s.id, s.name, s.kind, coalesce(s.affiliation_id, 0),
		coalesce((SELECT rating FROM source_ratings r WHERE r.source_id = s.id ORDER BY r.id DESC LIMIT 1), ''), s.score_hash,
		t.source_id IS NOT NULL, coalesce(t.kind, ''), t.affiliation_id, coalesce(t.claims, 0), coalesce(t.corroborated, 0),
		coalesce(t.contradicted, 0), coalesce(t.verdicts, 0), coalesce(t.succ, 0), coalesce(t.fail, 0)
		FROM sources s LEFT JOIN source_tallies t ON t.source_id = s.id WHERE s.id IN (SELECT value FROM json_each(?))`,
		[]any{idList(want)}, func(r *sql.Rows) error {
			var s storedSource
			var h, aff sql.NullInt64
			t := &s.tally
			if err := r.Scan(&s.ID, &s.Name, &s.Kind, &s.Affiliation, &s.Rating, &h, &s.tallied, &s.scoredKind, &aff,
				&t.Claims, &t.Corroborated, &t.Contradicted, &t.Verdicts, &t.Succ, &t.Fail); err != nil {
				return err
			}
			s.scoreHash, s.hashed = h.Int64, h.Valid
			s.scoredAffil, s.scoredAffilOK = aff.Int64, aff.Valid
			out[s.ID] = &s
			return nil
		})
	if err != nil {
		return fmt.Errorf("load sources: %w", err)
	}
	return nil
}

// loadContribs reads the stored contributions of props, summed per source.
func loadContribs(ctx context.Context, tx *sql.Tx, props []int64) (map[int64]scoring.Tally, error) {
	sum := make(map[int64]scoring.Tally)
	err := eachRowArgs(ctx, tx, `SELECT source_id, corroborated, contradicted, verdicts, succ, fail FROM proposition_contribs
		WHERE proposition_id IN (SELECT value FROM json_each(?))`, []any{idList(props)}, func(r *sql.Rows) error {
		var s int64
		var t scoring.Tally
		if err := r.Scan(&s, &t.Corroborated, &t.Contradicted, &t.Verdicts, &t.Succ, &t.Fail); err != nil {
			return err
		}
		sum[s] = sum[s].Add(t)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load contributions: %w", err)
	}
	return sum, nil
}

// loadEdges reads the stored edges touching claims.
func loadEdges(ctx context.Context, tx *sql.Tx, claims []int64) ([]scoring.Edge, error) {
	var out []scoring.Edge
	list := idList(claims)
	err := eachRowArgs(ctx, tx, `SELECT a, b, kind, sim FROM claim_edges WHERE a IN (SELECT value FROM json_each(?1))
		UNION SELECT a, b, kind, sim FROM claim_edges WHERE b IN (SELECT value FROM json_each(?1))`, []any{list}, func(r *sql.Rows) error {
		var e scoring.Edge
		err := r.Scan(&e.A, &e.B, &e.Kind, &e.Sim)
		out = append(out, e)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("load edges: %w", err)
	}
	return out, nil
}

// loadCorrections reads every link and every claim's verdict in force
// (the fact-checker's tables are small).
func loadCorrections(ctx context.Context, tx *sql.Tx, in *scoring.Input) error {
	if err := eachRow(ctx, tx, `SELECT a, b, linked FROM claim_links ORDER BY created_at, rowid`, func(r *sql.Rows) error {
		var l scoring.Link
		err := r.Scan(&l.A, &l.B, &l.Linked)
		in.Links = append(in.Links, l)
		return err
	}); err != nil {
		return fmt.Errorf("load links: %w", err)
	}
	if err := eachRow(ctx, tx, `SELECT claim_id, verdict FROM verdicts v WHERE id = (SELECT max(id) FROM verdicts WHERE claim_id = v.claim_id) ORDER BY claim_id`, func(r *sql.Rows) error {
		var v scoring.Verdict
		err := r.Scan(&v.ClaimID, &v.Verdict)
		in.Verdicts = append(in.Verdicts, v)
		return err
	}); err != nil {
		return fmt.Errorf("load verdicts: %w", err)
	}
	return nil
}
