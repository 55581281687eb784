package db

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/attrib/attrib/internal/scoring"
)

// newArticle is an article added since the last scoring.
type newArticle struct {
	id, outlet int64
}

// updateDupState signs the articles after `after` (the new ones: no other
// article text is read), stores their LSH band keys, and merges them into
// the stored near-duplicate clusters exactly as dupClusters would. It
// returns the new articles and the stored articles whose cluster changed
// (their claims must be rescored).
func updateDupState(ctx context.Context, tx *sql.Tx, after int64) ([]newArticle, []int64, error) {
	var fresh []scoring.Article
	var arts []newArticle
	if err := eachRowArgs(ctx, tx, `SELECT id, outlet_id, text FROM articles WHERE id > ? ORDER BY id`, []any{after}, func(r *sql.Rows) error {
		var a scoring.Article
		if err := r.Scan(&a.ID, &a.Outlet, &a.Text); err != nil {
			return err
		}
		a.Sig = scoring.Signature(a.Text)
		a.Text = ""
		fresh = append(fresh, a)
		arts = append(arts, newArticle{a.ID, a.Outlet})
		return nil
	}); err != nil {
		return nil, nil, fmt.Errorf("read new articles: %w", err)
	}
	if len(fresh) == 0 {
		return nil, nil, nil
	}
	head, err := tx.PrepareContext(ctx, `SELECT b.article_id, s.signature FROM article_bands b JOIN article_signatures s ON s.article_id = b.article_id
		WHERE b.band = ? AND b.key = ? AND b.article_id <= ? ORDER BY b.article_id LIMIT ?`)
	if err != nil {
		return nil, nil, fmt.Errorf("prepare bucket: %w", err)
	}
	defer head.Close()
	pairs, err := scoring.NewDupPairs(fresh, func(band int, key int64) ([]scoring.Article, error) {
		rows, err := head.QueryContext(ctx, band, key, after, scoring.DupBucketHead)
		if err != nil {
			return nil, fmt.Errorf("read bucket: %w", err)
		}
		defer rows.Close()
		var out []scoring.Article
		for rows.Next() {
			var a scoring.Article
			var blob []byte
			if err := rows.Scan(&a.ID, &blob); err != nil {
				return nil, fmt.Errorf("read bucket: %w", err)
			}
			a.Sig = decodeSig(blob)
			out = append(out, a)
		}
		return out, rows.Err()
	})
	if err != nil {
		return nil, nil, err
	}
	sigSt, err := tx.PrepareContext(ctx, `INSERT OR REPLACE INTO article_signatures (article_id, signature) VALUES (?, ?)`)
	if err != nil {
		return nil, nil, fmt.Errorf("prepare signature: %w", err)
	}
	defer sigSt.Close()
	for _, a := range fresh {
		if _, err := sigSt.ExecContext(ctx, a.ID, encodeSig(a.Sig)); err != nil {
			return nil, nil, fmt.Errorf("signature of article %d: %w", a.ID, err)
		}
	}
	if err := saveBands(ctx, tx, fresh); err != nil {
		return nil, nil, err
	}
	touched, err := mergeClusters(ctx, tx, pairs, after)
	return arts, touched, err
}

// mergeClusters unites the stored clusters along the new near-duplicate
// pairs, writes the changed clusters, and returns their stored members.
func mergeClusters(ctx context.Context, tx *sql.Tx, pairs [][2]int64, after int64) ([]int64, error) {
	if len(pairs) == 0 {
		return nil, nil
	}
	parent := map[int64]int64{}
	var find func(x int64) int64
	find = func(x int64) int64 {
		p, ok := parent[x]
		if !ok || p == x {
			parent[x] = x
			return x
		}
		r := find(p)
		parent[x] = r
		return r
	}
	union := func(a, b int64) {
		ra, rb := find(a), find(b)
		if ra != rb {
			parent[max(ra, rb)] = min(ra, rb)
		}
	}
	done := map[int64]bool{}
	for _, p := range pairs {
		union(p[0], p[1])
		if p[0] > after || done[p[0]] {
			continue
		}
		done[p[0]] = true
		members, err := int64s(ctx, tx, `SELECT article_id FROM article_clusters WHERE cluster_id =
			(SELECT cluster_id FROM article_clusters WHERE article_id = ?)`, p[0])
		if err != nil {
			return nil, fmt.Errorf("read cluster: %w", err)
		}
		for _, m := range members {
			done[m] = true
			union(p[0], m)
		}
	}
	st, err := tx.PrepareContext(ctx, `INSERT OR REPLACE INTO article_clusters (article_id, cluster_id) VALUES (?, ?)`)
	if err != nil {
		return nil, fmt.Errorf("prepare cluster: %w", err)
	}
	defer st.Close()
	var touched []int64
	for a := range parent {
		// Roots are the smallest member (union keeps the smaller root).
		if _, err := st.ExecContext(ctx, a, find(a)); err != nil {
			return nil, fmt.Errorf("cluster of article %d: %w", a, err)
		}
		if a <= after {
			touched = append(touched, a)
		}
	}
	return touched, nil
}
