package db

import (
	"context"
	"database/sql"
	"encoding/binary"
	"fmt"

	"github.com/attrib/attrib/internal/scoring"
)

// signArticles writes the copy-detection signature (scoring.Signature) of
// every article that has none yet, or of every article when all is true
// (`attrib score` recomputes derived data from the texts). Only the texts of
// those articles are read.
func signArticles(ctx context.Context, tx *sql.Tx, all bool) error {
	q := `SELECT id, text FROM articles WHERE id NOT IN (SELECT article_id FROM article_signatures) ORDER BY id`
	if all {
		if _, err := tx.ExecContext(ctx, `DELETE FROM article_signatures`); err != nil {
			return fmt.Errorf("clear signatures: %w", err)
		}
		q = `SELECT id, text FROM articles ORDER BY id`
	}
	type sig struct {
		id   int64
		blob []byte
	}
	var sigs []sig
	if err := eachRow(ctx, tx, q, func(r *sql.Rows) error {
		var id int64
		var text string
		if err := r.Scan(&id, &text); err != nil {
			return err
		}
		sigs = append(sigs, sig{id, encodeSig(scoring.Signature(text))})
		return nil
	}); err != nil {
		return fmt.Errorf("read article texts: %w", err)
	}
	if len(sigs) == 0 {
		return nil
	}
	st, err := tx.PrepareContext(ctx, `INSERT OR REPLACE INTO article_signatures (article_id, signature) VALUES (?, ?)`)
	if err != nil {
		return fmt.Errorf("prepare signature: %w", err)
	}
	defer st.Close()
	for _, s := range sigs {
		if _, err := st.ExecContext(ctx, s.id, s.blob); err != nil {
			return fmt.Errorf("signature of article %d: %w", s.id, err)
		}
	}
	return nil
}

// loadArticles reads every article's outlet, date and stored signature (no
// text).
func loadArticles(ctx context.Context, tx *sql.Tx, in *scoring.Input) error {
	return eachRow(ctx, tx, `SELECT a.id, a.outlet_id, coalesce(a.published, ''), coalesce(s.signature, x'')
		FROM articles a LEFT JOIN article_signatures s ON s.article_id = a.id ORDER BY a.id`, func(r *sql.Rows) error {
		var a scoring.Article
		var blob []byte
		if err := r.Scan(&a.ID, &a.Outlet, &a.Published, &blob); err != nil {
			return err
		}
		a.Sig = decodeSig(blob)
		in.Articles = append(in.Articles, a)
		return nil
	})
}

func encodeSig(sig []uint64) []byte {
	b := make([]byte, 8*len(sig))
	for i, v := range sig {
		binary.LittleEndian.PutUint64(b[8*i:], v)
	}
	return b
}

func decodeSig(b []byte) []uint64 {
	if len(b) == 0 || len(b)%8 != 0 {
		return nil
	}
	sig := make([]uint64, len(b)/8)
	for i := range sig {
		sig[i] = binary.LittleEndian.Uint64(b[8*i:])
	}
	return sig
}
