package db

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"database/sql/driver"
	"encoding/hex"
	"errors"
	"fmt"
	"unsafe"
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
	// KeyStored says the alias Key is already stored (then the writer does
	// not write it again); Aliases holds the forms to add.
	KeyStored      bool
	Aliases        []Alias
	AffiliationKey string // key of the source this one speaks for, or ""
}

// HopRecord is one position of a chain; position 0 is the article's outlet
// (OutletKey), which is checked but not stored as a row.
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

// Hash is the content hash that makes ingest idempotent. The text is
// hashed in place: converting it to a []byte copied every article once
// more on the writer's goroutine (sha256 only reads its input).
func Hash(text string) string {
	h := sha256.Sum256(unsafe.Slice(unsafe.StringData(text), len(text)))
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
	sent := false
	return d.AddArticleChunks(ctx, func() ([]ArticleRecord, error) {
		if sent {
			return nil, nil
		}
		sent = true
		return batch, nil
	})
}

// AddArticleChunks stores, in one transaction, the articles that next
// hands over a chunk at a time until it returns no chunk: all of them or,
// when next or a chunk fails, none. The outcomes are in the order of the
// articles. Each chunk is written as soon as it comes, so that a caller
// still preparing the later ones overlaps with the writing of the earlier
// ones; the rows are the same as storing all the chunks as one batch (the
// articles one after another), because every lookup sees what the earlier
// chunks wrote. next runs while the transaction holds the write lock.
func (d *DB) AddArticleChunks(ctx context.Context, next func() ([]ArticleRecord, error)) ([]Outcome, error) {
	var out []Outcome
	// The transaction and its statements run without the cancellation of
	// ctx, which is checked between articles instead: for a context that
	// can be cancelled, database/sql and the driver start a goroutine per
	// statement to watch it, and that handoff cost more than the statement.
	bg := context.WithoutCancel(ctx)
	err := d.writeTx(bg, writerSQL, func(st map[string]*rawStmt) error {
		w := &writer{ctx: bg, now: d.now(), stmt: st, txMaps: d.wconn.maps.ready(), buf: &d.wconn.buf, conn: &d.wconn}
		defer w.buf.reset()
		defer w.txMaps.reset()
		if _, err := d.wconn.keys(bg, st); err != nil {
			return fmt.Errorf("stored source keys: %w", err)
		}
		for {
			chunk, err := next()
			if err != nil || chunk == nil {
				return err
			}
			o := make([]Outcome, len(chunk))
			if err := w.batch(ctx, chunk, o); err != nil {
				return err
			}
			out = append(out, o...)
			w.buf.reset() // every row it queued is written
		}
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// writer holds the prepared statements of one ingest transaction and what
// it has resolved, queued and handed out in it.
type writer struct {
	ctx  context.Context
	now  string
	stmt map[string]*rawStmt
	txMaps
	// nextArticle, nextClaim and nextSource are the ids the next row of each
	// gets (0 until read): the transaction holds the write lock, so ids are
	// handed out here, and no row waits for the rowid of another.
	nextArticle, nextClaim, nextSource int64
	buf                                *claimBuf // the write connection's, reused
	conn                               *writeConn
}

// txMaps are what a writer resolves, queues and hands out in one
// transaction. They are kept on the write connection and cleared after
// each transaction, which keeps their room: made anew for every batch, they
// grew by rehashing all over again (about 1% of the ingest's CPU).
type txMaps struct {
	ids     map[string]int64 // source keys resolved in this transaction
	aliased map[string]int64 // alias keys queued in it, and their source
	affil   map[int64]bool   // sources whose affiliation was set in it
	// The articles stored in it, by content hash and URL (for duplicates
	// within the batch).
	hashes, urls map[string]int64
	// What the store held when the transaction began (see sources_write.go):
	// an alias key's source and a source key's source (0 = none), and which
	// remembered source ids still exist.
	alias, key map[string]int64
	id         map[int64]bool
}

// ready makes the maps on first use and returns them.
func (m *txMaps) ready() txMaps {
	if m.ids == nil {
		*m = txMaps{ids: map[string]int64{}, aliased: map[string]int64{}, affil: map[int64]bool{},
			hashes: map[string]int64{}, urls: map[string]int64{}, alias: map[string]int64{},
			key: map[string]int64{}, id: map[int64]bool{}}
	}
	return *m
}

// reset empties the maps, keeping their room but not the strings of the
// transaction.
func (m *txMaps) reset() {
	for _, s := range []map[string]int64{m.ids, m.aliased, m.hashes, m.urls, m.alias, m.key} {
		clear(s)
	}
	clear(m.affil)
	clear(m.id)
}

var writerSQL = map[string]string{
	// Two indexed searches: an OR across the two columns would scan the
	// whole table (texts included) once per article, quadratic in the store.
	"dup":        `SELECT id FROM articles WHERE content_hash = ?1 UNION ALL SELECT id FROM articles WHERE url = ?2 AND url IS NOT NULL AND url <> '' LIMIT 1`,
	"article":    `INSERT OR FAIL INTO articles (id, outlet_id, url, title, published, language, content_hash, text, ingested_from, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?)`,
	"maxArticle": `SELECT coalesce(max(id), 0) FROM articles`,
	// find and sourceKey: the source an alias key, or failing that a
	// source's own key, names; the "all" forms take a JSON array of keys.
	"find":         `SELECT source_id FROM aliases WHERE key = ?`,
	"findAll":      `SELECT key, source_id FROM aliases WHERE key IN (SELECT value FROM json_each(?))`,
	"sourceKey":    `SELECT id FROM sources WHERE key = ?`,
	"sourceKeyAll": `SELECT key, id FROM sources WHERE key IN (SELECT value FROM json_each(?))`,
	"sourceID":     `SELECT id FROM sources WHERE id = ?`,
	"sourceIDAll":  `SELECT id, id FROM sources WHERE id IN (SELECT value FROM json_each(?))`,
	"maxSource":    `SELECT coalesce(max(id), 0) FROM sources`,
	"affil":        `UPDATE sources SET affiliation_id = ? WHERE id = ? AND affiliation_id IS NULL AND id <> ?`,
	"maxClaim":     `SELECT coalesce(max(id), 0) FROM claims`,
	// The store's source keys, for the key filter (keyfilter.go).
	"dataVersion": `PRAGMA data_version`,
	"keyCount":    `SELECT (SELECT count(*) FROM aliases) + (SELECT count(*) FROM sources)`,
	"allKeys":     `SELECT key FROM aliases UNION ALL SELECT key FROM sources`,
}

// batch writes the articles of one transaction a kind of row at a time,
// so that each kind goes in with few, full multi-row statements rather
// than a few rows per article: first the duplicates are set aside and the
// new articles numbered, then every source they name is resolved (against
// the store as the transaction found it, read with a handful of queries)
// and the new sources, aliases and affiliations written, then the
// articles, then all their claims and chains. Ids, rows and outcomes are
// the same as storing the articles one after another.
func (w *writer) batch(ctx context.Context, batch []ArticleRecord, out []Outcome) error {
	fresh := make([]int, 0, len(batch))
	hashes := make([]string, len(batch))
	for i := range batch {
		if err := ctx.Err(); err != nil {
			return err
		}
		hashes[i] = Hash(batch[i].Text)
		o, err := w.dedup(&batch[i], hashes[i])
		if err != nil {
			return fmt.Errorf("%s: %w", batch[i].From, err)
		}
		out[i] = o
		if !o.Duplicate {
			fresh = append(fresh, i)
		}
	}
	if err := w.prefetch(batch, fresh); err != nil {
		return err
	}
	for _, i := range fresh {
		ids, err := w.sources(&batch[i])
		if err != nil {
			return fmt.Errorf("%s: %w", batch[i].From, err)
		}
		out[i].SourceIDs = ids
	}
	if err := w.flushSources(); err != nil {
		return err
	}
	for _, i := range fresh {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := w.article(&batch[i], out[i].ID, hashes[i]); err != nil {
			return fmt.Errorf("%s: %w", batch[i].From, err)
		}
	}
	return w.flushClaims()
}

// dedup reports a as a duplicate of a stored article, or of one earlier in
// the batch, with the same text or, failing that, the same URL; otherwise
// it hands a its id.
func (w *writer) dedup(a *ArticleRecord, hash string) (Outcome, error) {
	if id, ok := w.hashes[hash]; ok {
		return Outcome{ID: id, Duplicate: true}, nil
	}
	id, err := w.stmt["dup"].queryInt(w.ctx, hash, a.URL)
	if err == nil {
		return Outcome{ID: id, Duplicate: true}, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return Outcome{}, err
	}
	if id, ok := w.urls[a.URL]; ok && a.URL != "" {
		return Outcome{ID: id, Duplicate: true}, nil
	}
	if w.nextArticle == 0 {
		n, err := w.stmt["maxArticle"].queryInt(w.ctx)
		if err != nil {
			return Outcome{}, fmt.Errorf("next article id: %w", err)
		}
		w.nextArticle = n + 1
	}
	id = w.nextArticle
	w.nextArticle++
	w.hashes[hash] = id
	if a.URL != "" {
		w.urls[a.URL] = id
	}
	return Outcome{ID: id}, nil
}

// article writes the row of article id and queues its claims.
func (w *writer) article(a *ArticleRecord, id int64, hash string) error {
	outlet, ok := w.ids[a.OutletKey]
	if !ok {
		return fmt.Errorf("outlet %q is not among the article's sources", a.OutletKey)
	}
	err := w.stmt["article"].insert(w.ctx, w.stmt["article"].set([]driver.Value{id, outlet, nullText(a.URL), a.Title,
		nullText(a.Published), nullText(a.Language), hash, a.Text, nullText(a.From), w.now}))
	if err != nil {
		return err
	}
	return w.claims(id, outlet, a.OutletKey, a.Claims)
}
