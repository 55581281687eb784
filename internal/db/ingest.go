package db

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
)

// TextSpan is a piece of article text with its code-point offsets.
type TextSpan struct {
	Text       string
	Start, End int
}

// Alias is one surface form of a source and its normalised key.
type Alias struct{ Key, Text string }

// SourceRecord is a source as the ingest stores it. Sources are matched by
// the keys of their aliases, so an alias already in the store wins over a
// new source of the same name.
type SourceRecord struct {
	// ID is the stored row when the caller knows it (0 when not): it keeps
	// a source found even after its canonical name, and so its key, changed.
	ID              int64
	Key, Name, Kind string
	Aliases         []Alias
	AffiliationKey  string // key of the source this one speaks for, or ""
}

// HopRecord is one position of a chain; position 0 is the outlet.
type HopRecord struct {
	SourceKey string
	WrittenAs string // the name as extraction found it, before resolution
	Mention   *TextSpan
	Cue       *TextSpan
	Role      string
}

// ClaimRecord is one claim to store.
type ClaimRecord struct {
	Text  string
	Spans [][2]int
	Quote bool
	Cue   *TextSpan
	Hops  []HopRecord // at least the outlet
}

// ArticleRecord is one article with everything extracted from it.
type ArticleRecord struct {
	URL, Title, Published, Language, Text string
	OutletKey                             string
	From                                  string // file[:line], for messages and provenance
	Sources                               []SourceRecord
	Claims                                []ClaimRecord
}

// Hash is the content hash that makes ingest idempotent.
func Hash(text string) string {
	h := sha256.Sum256([]byte(text))
	return hex.EncodeToString(h[:])
}

// Outcome says what happened to one article of a batch.
type Outcome struct {
	ID        int64
	Duplicate bool             // the same URL or text was already stored
	SourceIDs map[string]int64 // stored row of each SourceRecord, by key
}

// AddArticles stores a batch of articles in one transaction: all of them or,
// on error, none. An article whose URL or text is already stored is skipped
// and reported as a duplicate, so running the same ingest twice (or after a
// crash) stores every article exactly once.
func (d *DB) AddArticles(ctx context.Context, batch []ArticleRecord) ([]Outcome, error) {
	out := make([]Outcome, len(batch))
	err := d.tx(ctx, func(tx *sql.Tx) error {
		w, err := newWriter(ctx, tx, d.now())
		if err != nil {
			return err
		}
		defer w.close()
		for i := range batch {
			o, err := w.article(&batch[i])
			if err != nil {
				return fmt.Errorf("%s: %w", batch[i].From, err)
			}
			out[i] = o
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// writer holds the prepared statements of one ingest transaction and a cache
// of source keys already resolved in it.
type writer struct {
	ctx  context.Context
	now  string
	ids  map[string]int64
	stmt map[string]*sql.Stmt
	tx   *sql.Tx
}

var writerSQL = map[string]string{
	// Two indexed searches: an OR across the two columns would scan the
	// whole table (texts included) once per article, quadratic in the store.
	"dup":      `SELECT id FROM articles WHERE content_hash = ?1 UNION ALL SELECT id FROM articles WHERE url = ?2 AND url IS NOT NULL AND url <> '' LIMIT 1`,
	"article":  `INSERT INTO articles (outlet_id, url, title, published, language, content_hash, text, ingested_from, ingested_at) VALUES (?,?,?,?,?,?,?,?,?)`,
	"alias":    `SELECT source_id FROM aliases WHERE key = ?`,
	"source":   `INSERT INTO sources (name, key, kind, created_at) VALUES (?,?,?,?) ON CONFLICT (key) DO NOTHING`,
	"sourceID": `SELECT id FROM sources WHERE key = ?`,
	"addAlias": `INSERT INTO aliases (key, alias, source_id) VALUES (?,?,?) ON CONFLICT (key) DO NOTHING`,
	"affil":    `UPDATE sources SET affiliation_id = ? WHERE id = ? AND affiliation_id IS NULL AND id <> ?`,
	"claim":    `INSERT INTO claims (article_id, seq, text, content_start, content_end, spans, quote, cue_text, cue_start, cue_end, origin_id) VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
	"hop":      `INSERT INTO chain_hops (claim_id, position, source_id, written_as, mention_text, mention_start, mention_end, role, cue_text, cue_start, cue_end) VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
}

func newWriter(ctx context.Context, tx *sql.Tx, now string) (*writer, error) {
	st, err := prepareAll(ctx, tx, writerSQL)
	if err != nil {
		return nil, err
	}
	return &writer{ctx: ctx, now: now, ids: map[string]int64{}, stmt: st, tx: tx}, nil
}

func (w *writer) close() { closeAll(w.stmt) }

func (w *writer) article(a *ArticleRecord) (Outcome, error) {
	hash := Hash(a.Text)
	var id int64
	err := w.stmt["dup"].QueryRowContext(w.ctx, hash, a.URL).Scan(&id)
	if err == nil {
		return Outcome{ID: id, Duplicate: true}, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return Outcome{}, err
	}
	ids := make(map[string]int64, len(a.Sources))
	for i := range a.Sources {
		id, err := w.source(&a.Sources[i])
		if err != nil {
			return Outcome{}, err
		}
		ids[a.Sources[i].Key] = id
	}
	for i := range a.Sources {
		s := &a.Sources[i]
		if s.AffiliationKey == "" {
			continue
		}
		sid, aid := w.ids[s.Key], w.ids[s.AffiliationKey]
		if aid == 0 {
			continue
		}
		if _, err := w.stmt["affil"].ExecContext(w.ctx, aid, sid, aid); err != nil {
			return Outcome{}, err
		}
	}
	outlet, ok := w.ids[a.OutletKey]
	if !ok {
		return Outcome{}, fmt.Errorf("outlet %q is not among the article's sources", a.OutletKey)
	}
	res, err := w.stmt["article"].ExecContext(w.ctx, outlet, nullString(a.URL), a.Title, nullString(a.Published),
		nullString(a.Language), hash, a.Text, nullString(a.From), w.now)
	if err != nil {
		return Outcome{}, err
	}
	if id, err = res.LastInsertId(); err != nil {
		return Outcome{}, err
	}
	for seq := range a.Claims {
		if err := w.claim(id, seq, &a.Claims[seq]); err != nil {
			return Outcome{}, fmt.Errorf("claim %d: %w", seq, err)
		}
	}
	return Outcome{ID: id, SourceIDs: ids}, nil
}

// source finds or creates the stored source for s and records its aliases.
func (w *writer) source(s *SourceRecord) (int64, error) {
	if id, ok := w.ids[s.Key]; ok {
		return id, nil
	}
	id := s.ID
	var err error
	if id == 0 {
		err = w.stmt["alias"].QueryRowContext(w.ctx, s.Key).Scan(&id)
	}
	for _, a := range s.Aliases {
		if err == nil || !errors.Is(err, sql.ErrNoRows) {
			break
		}
		err = w.stmt["alias"].QueryRowContext(w.ctx, a.Key).Scan(&id)
	}
	switch {
	case errors.Is(err, sql.ErrNoRows):
		if _, err := w.stmt["source"].ExecContext(w.ctx, s.Name, s.Key, s.Kind, w.now); err != nil {
			return 0, fmt.Errorf("source %q: %w", s.Name, err)
		}
		if err := w.stmt["sourceID"].QueryRowContext(w.ctx, s.Key).Scan(&id); err != nil {
			return 0, fmt.Errorf("source %q: %w", s.Name, err)
		}
	case err != nil:
		return 0, err
	}
	aliases := append([]Alias{{Key: s.Key, Text: s.Name}}, s.Aliases...)
	for _, a := range aliases {
		if _, err := w.stmt["addAlias"].ExecContext(w.ctx, a.Key, a.Text, id); err != nil {
			return 0, fmt.Errorf("alias %q: %w", a.Text, err)
		}
	}
	w.ids[s.Key] = id
	return id, nil
}

func (w *writer) claim(articleID int64, seq int, c *ClaimRecord) error {
	if len(c.Hops) == 0 || len(c.Spans) == 0 {
		return errors.New("claim without chain or content span")
	}
	ids := make([]int64, len(c.Hops))
	for i, h := range c.Hops {
		id, ok := w.ids[h.SourceKey]
		if !ok {
			return fmt.Errorf("hop %d names source key %q that the article does not list", i, h.SourceKey)
		}
		ids[i] = id
	}
	spans, err := json.Marshal(c.Spans)
	if err != nil {
		return err
	}
	cueText, cueStart, cueEnd := spanArgs(c.Cue)
	res, err := w.stmt["claim"].ExecContext(w.ctx, articleID, seq, c.Text, c.Spans[0][0], c.Spans[len(c.Spans)-1][1],
		string(spans), c.Quote, cueText, cueStart, cueEnd, ids[len(ids)-1])
	if err != nil {
		return err
	}
	claimID, err := res.LastInsertId()
	if err != nil {
		return err
	}
	for pos, h := range c.Hops {
		mt, ms, me := spanArgs(h.Mention)
		ct, cs, ce := spanArgs(h.Cue)
		if _, err := w.stmt["hop"].ExecContext(w.ctx, claimID, pos, ids[pos], nullString(h.WrittenAs), mt, ms, me, nullString(h.Role), ct, cs, ce); err != nil {
			return err
		}
	}
	return nil
}

func spanArgs(s *TextSpan) (any, any, any) {
	if s == nil {
		return nil, nil, nil
	}
	return s.Text, s.Start, s.End
}
