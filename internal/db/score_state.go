package db

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"github.com/attrib/attrib/internal/scoring"
)

// The incremental scoring state (schema.sql, "Incremental scoring state"):
// what a full scoring run leaves behind so that ingest's scoring can load
// only what a new article touches (score_incr.go).

// scoreMeta is the score_state table.
type scoreMeta struct {
	claimsThrough, articlesCount, articlesThrough, sourcesThrough, corrections int64
}

var metaKeys = []string{"claims_through", "articles_count", "articles_through", "sources_through", "corrections"}

func (m *scoreMeta) fields() []*int64 {
	return []*int64{&m.claimsThrough, &m.articlesCount, &m.articlesThrough, &m.sourcesThrough, &m.corrections}
}

// hasStateTables reports whether the store has the incremental scoring
// tables (a store made before them has not; it is scored in full).
func hasStateTables(ctx context.Context, tx *sql.Tx) (bool, error) {
	var n int
	err := tx.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN
		('score_state', 'claim_block_keys', 'article_bands', 'article_clusters', 'source_tallies', 'proposition_contribs')`).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("look for scoring state tables: %w", err)
	}
	return n == 6, nil
}

// readMeta reads score_state; ok is false when any key is missing.
func readMeta(ctx context.Context, tx *sql.Tx) (scoreMeta, bool, error) {
	var m scoreMeta
	vals := map[string]int64{}
	if err := eachRow(ctx, tx, `SELECT key, value FROM score_state`, func(r *sql.Rows) error {
		var k string
		var v int64
		err := r.Scan(&k, &v)
		vals[k] = v
		return err
	}); err != nil {
		return m, false, fmt.Errorf("read score state: %w", err)
	}
	for i, f := range m.fields() {
		v, ok := vals[metaKeys[i]]
		if !ok {
			return m, false, nil
		}
		*f = v
	}
	return m, true, nil
}

func writeMeta(ctx context.Context, tx *sql.Tx, m scoreMeta) error {
	for i, f := range m.fields() {
		if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO score_state (key, value) VALUES (?, ?)`, metaKeys[i], *f); err != nil {
			return fmt.Errorf("write score state: %w", err)
		}
	}
	return nil
}

// currentMeta describes the store as it is now (what a full run covers).
func currentMeta(ctx context.Context, tx *sql.Tx) (scoreMeta, error) {
	var m scoreMeta
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM claims`).Scan(&m.claimsThrough); err != nil {
		return m, fmt.Errorf("last claim: %w", err)
	}
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(id), 0), count(*) FROM articles`).Scan(&m.articlesThrough, &m.articlesCount); err != nil {
		return m, fmt.Errorf("count articles: %w", err)
	}
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM sources`).Scan(&m.sourcesThrough); err != nil {
		return m, fmt.Errorf("last source: %w", err)
	}
	var err error
	m.corrections, err = correctionsDigest(ctx, tx)
	return m, err
}

// correctionsDigest summarises the fact-checker's tables: any link,
// verdict, rating, merge or split since the last scoring changes it.
func correctionsDigest(ctx context.Context, tx *sql.Tx) (int64, error) {
	var b strings.Builder
	for _, q := range []string{
		`SELECT count(*) || '/' || coalesce(sum(linked), 0) || '/' || coalesce(max(created_at), '') || '/' || coalesce(sum(a * 31 + b), 0) FROM claim_links`,
		`SELECT count(*) || '/' || coalesce(max(id), 0) FROM verdicts`,
		`SELECT count(*) || '/' || coalesce(max(id), 0) FROM source_ratings`,
		`SELECT count(*) || '/' || coalesce(max(id), 0) FROM source_merges`,
	} {
		var s string
		if err := tx.QueryRowContext(ctx, q).Scan(&s); err != nil {
			return 0, fmt.Errorf("digest corrections: %w", err)
		}
		b.WriteString(s)
		b.WriteByte(';')
	}
	h := uint64(14695981039346656037)
	s := b.String()
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return int64(h), nil
}

// bulkInsert inserts n rows of ncols values (row fills one) into table,
// many rows a statement.
func bulkInsert(ctx context.Context, tx *sql.Tx, table, cols string, ncols, n int, row func(i int, dst []any)) error {
	return bulkWrite(ctx, tx, "INSERT", table, cols, ncols, n, row)
}

// insertRows is verb (INSERT, INSERT OR REPLACE) of k rows of n values.
func insertRows(verb, table, cols string, n, k int) string {
	row := "(" + strings.Repeat("?,", n-1) + "?)"
	return verb + " INTO " + table + " (" + cols + ") VALUES " + strings.Repeat(row+",", k-1) + row
}

func bulkWrite(ctx context.Context, tx *sql.Tx, verb, table, cols string, ncols, n int, row func(i int, dst []any)) error {
	const per = 64
	var big *sql.Stmt
	if n >= per {
		s, err := tx.PrepareContext(ctx, insertRows(verb, table, cols, ncols, per))
		if err != nil {
			return fmt.Errorf("prepare %s insert: %w", table, err)
		}
		defer s.Close()
		big = s
	}
	args := make([]any, per*ncols)
	i := 0
	for ; n-i >= per; i += per {
		for k := 0; k < per; k++ {
			row(i+k, args[k*ncols:(k+1)*ncols])
		}
		if _, err := big.ExecContext(ctx, args...); err != nil {
			return fmt.Errorf("insert into %s: %w", table, err)
		}
	}
	if i < n {
		k := n - i
		for j := 0; j < k; j++ {
			row(i+j, args[j*ncols:(j+1)*ncols])
		}
		if _, err := tx.ExecContext(ctx, insertRows(verb, table, cols, ncols, k), args[:k*ncols]...); err != nil {
			return fmt.Errorf("insert into %s: %w", table, err)
		}
	}
	return nil
}

// lastWindow keeps, of claim ids listed per key, the last MaxWindow by id:
// the only ones a later claim is compared with.
func lastWindows(keys map[int64][]int64) [][2]int64 {
	byKey := make(map[int64][]int64)
	for id, ks := range keys {
		for _, k := range ks {
			byKey[k] = append(byKey[k], id)
		}
	}
	var rows [][2]int64
	for k, ids := range byKey {
		slices.Sort(ids)
		if len(ids) > scoring.MaxWindow {
			ids = ids[len(ids)-scoring.MaxWindow:]
		}
		for _, id := range ids {
			rows = append(rows, [2]int64{k, id})
		}
	}
	slices.SortFunc(rows, func(a, b [2]int64) int {
		if c := cmp.Compare(a[0], b[0]); c != 0 {
			return c
		}
		return cmp.Compare(a[1], b[1])
	})
	return rows
}

// saveFullState rewrites the whole incremental scoring state from a full
// run (in was scored with WantKeys into res), when the store has the
// tables.
func saveFullState(ctx context.Context, tx *sql.Tx, in scoring.Input, res scoring.Result) error {
	ok, err := hasStateTables(ctx, tx)
	if err != nil || !ok {
		return err
	}
	for _, q := range []string{`DELETE FROM score_state`, `DELETE FROM claim_block_keys`, `DELETE FROM article_bands`,
		`DELETE FROM article_clusters`, `DELETE FROM source_tallies`, `DELETE FROM proposition_contribs`} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("clear scoring state: %w", err)
		}
	}
	keys := lastWindows(res.BlockKeys)
	if err := bulkInsert(ctx, tx, "claim_block_keys", "key, claim_id", 2, len(keys), func(i int, d []any) {
		d[0], d[1] = keys[i][0], keys[i][1]
	}); err != nil {
		return err
	}
	if err := saveBands(ctx, tx, in.Articles); err != nil {
		return err
	}
	cl := make([][2]int64, 0, len(res.Clusters))
	for a, c := range res.Clusters {
		cl = append(cl, [2]int64{a, c})
	}
	if err := bulkInsert(ctx, tx, "article_clusters", "article_id, cluster_id", 2, len(cl), func(i int, d []any) {
		d[0], d[1] = cl[i][0], cl[i][1]
	}); err != nil {
		return err
	}
	if err := saveTallies(ctx, tx, in.Sources, res.Tallies); err != nil {
		return err
	}
	if err := saveContribs(ctx, tx, res.Contribs); err != nil {
		return err
	}
	m, err := currentMeta(ctx, tx)
	if err != nil {
		return err
	}
	return writeMeta(ctx, tx, m)
}

// saveBands writes the LSH band keys of the articles' signatures.
func saveBands(ctx context.Context, tx *sql.Tx, arts []scoring.Article) error {
	var rows [][3]int64
	for _, a := range arts {
		for b, k := range scoring.BandKeys(a.Sig) {
			rows = append(rows, [3]int64{int64(b), k, a.ID})
		}
	}
	return bulkInsert(ctx, tx, "article_bands", "band, key, article_id", 3, len(rows), func(i int, d []any) {
		d[0], d[1], d[2] = rows[i][0], rows[i][1], rows[i][2]
	})
}

// saveTallies writes (replaces) the track record and the scored kind and
// affiliation of each source.
func saveTallies(ctx context.Context, tx *sql.Tx, srcs []scoring.Source, ts map[int64]scoring.Tally) error {
	return bulkInsertOrReplace(ctx, tx, "source_tallies",
		"source_id, kind, affiliation_id, claims, corroborated, contradicted, verdicts, succ, fail", 9, len(srcs), func(i int, d []any) {
			s := srcs[i]
			t := ts[s.ID]
			var aff any
			if s.Affiliation != 0 {
				aff = s.Affiliation
			}
			d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7], d[8] = s.ID, s.Kind, aff, t.Claims, t.Corroborated, t.Contradicted, t.Verdicts, t.Succ, t.Fail
		})
}

func bulkInsertOrReplace(ctx context.Context, tx *sql.Tx, table, cols string, ncols, n int, row func(i int, dst []any)) error {
	return bulkWrite(ctx, tx, "INSERT OR REPLACE", table, cols, ncols, n, row)
}

// saveContribs writes the propositions' contributions.
func saveContribs(ctx context.Context, tx *sql.Tx, cs map[int64][]scoring.Contrib) error {
	type row struct {
		prop int64
		c    scoring.Contrib
	}
	var rows []row
	for p, l := range cs {
		for _, c := range l {
			rows = append(rows, row{p, c})
		}
	}
	return bulkInsert(ctx, tx, "proposition_contribs", "proposition_id, source_id, corroborated, contradicted, verdicts, succ, fail", 7, len(rows), func(i int, d []any) {
		r := rows[i]
		d[0], d[1], d[2], d[3], d[4], d[5], d[6] = r.prop, r.c.Source, r.c.Corroborated, r.c.Contradicted, r.c.Verdicts, r.c.Succ, r.c.Fail
	})
}
