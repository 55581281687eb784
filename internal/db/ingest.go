package db

import (
	"context"
	"crypto/sha256"
	"database/sql"
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
	out := make([]Outcome, len(batch))
	// The transaction and its statements run without the cancellation of
	// ctx, which is checked between articles instead: for a context that
	// can be cancelled, database/sql and the driver start a goroutine per
	// statement to watch it, and that handoff cost more than the statement.
	bg := context.WithoutCancel(ctx)
	err := d.writeTx(bg, writerSQL, func(st map[string]*rawStmt) error {
		w := &writer{ctx: bg, now: d.now(), ids: map[string]int64{}, aliased: map[string]int64{},
			affil: map[int64]bool{}, stmt: st}
		for i := range batch {
			if err := ctx.Err(); err != nil {
				return err
			}
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
	ctx     context.Context
	now     string
	ids     map[string]int64
	aliased map[string]int64 // alias keys written or queued in this transaction, and their source
	affil   map[int64]bool   // sources whose affiliation was set in it
	stmt    map[string]*rawStmt
	// nextClaim is the id the next claim gets (0 until read): the
	// transaction holds the write lock, so ids can be handed out here and
	// a claim's hops written without asking for its rowid.
	nextClaim int64
	// nextSource likewise for new sources (0 until read).
	nextSource int64
	buf        claimBuf
}

var writerSQL = map[string]string{
	// Two indexed searches: an OR across the two columns would scan the
	// whole table (texts included) once per article, quadratic in the store.
	"dup":     `SELECT id FROM articles WHERE content_hash = ?1 UNION ALL SELECT id FROM articles WHERE url = ?2 AND url IS NOT NULL AND url <> '' LIMIT 1`,
	"article": `INSERT INTO articles (outlet_id, url, title, published, language, content_hash, text, ingested_from, ingested_at) VALUES (?,?,?,?,?,?,?,?,?)`,
	// find and sourceKey: the source an alias key, or failing that a
	// source's own key, names.
	"find":      `SELECT source_id FROM aliases WHERE key = ?`,
	"sourceKey": `SELECT id FROM sources WHERE key = ?`,
	"sourceID":  `SELECT id FROM sources WHERE id = ?`,
	"maxSource": `SELECT coalesce(max(id), 0) FROM sources`,
	"affil":     `UPDATE sources SET affiliation_id = ? WHERE id = ? AND affiliation_id IS NULL AND id <> ?`,
	"maxClaim":  `SELECT coalesce(max(id), 0) FROM claims`,
}

func (w *writer) article(a *ArticleRecord) (Outcome, error) {
	hash := Hash(a.Text)
	id, err := w.stmt["dup"].queryInt(w.ctx, hash, a.URL)
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
	if err := w.flushSources(); err != nil {
		return Outcome{}, err
	}
	for i := range a.Sources {
		s := &a.Sources[i]
		if s.AffiliationKey == "" {
			continue
		}
		sid, aid := w.ids[s.Key], w.ids[s.AffiliationKey]
		if aid == 0 || w.affil[sid] {
			continue
		}
		w.affil[sid] = true
		if _, err := w.stmt["affil"].exec(w.ctx, aid, sid, aid); err != nil {
			return Outcome{}, err
		}
	}
	outlet, ok := w.ids[a.OutletKey]
	if !ok {
		return Outcome{}, fmt.Errorf("outlet %q is not among the article's sources", a.OutletKey)
	}
	res, err := w.stmt["article"].exec(w.ctx, outlet, nullText(a.URL), a.Title, nullText(a.Published),
		nullText(a.Language), hash, a.Text, nullText(a.From), w.now)
	if err != nil {
		return Outcome{}, err
	}
	if id, err = res.LastInsertId(); err != nil {
		return Outcome{}, err
	}
	if err := w.claims(id, outlet, a.Claims); err != nil {
		return Outcome{}, err
	}
	return Outcome{ID: id, SourceIDs: ids}, nil
}
