package db

import (
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"strconv"
)

// How ingest writes sources. A new source and its aliases are queued while
// an article's sources are resolved and go in with one INSERT per table
// (rowsPerInsert rows a statement), the source ids handed out by the writer
// like claim ids. A statement per row cost about twice as much per row (a
// probe of 14,000 inserts into the 10k store's sources: 21.6 us a row one
// at a time, 10.0 us 32 at a time; the rest was the IN-list checks that
// schema version 2 replaced). An id can be
// handed out before its row exists because every lookup of the article
// (find, sourceKey) has run first, in the transaction that holds the write
// lock, so a new source's key cannot be taken.

const (
	sourceInsertCols = `id, name, key, kind, created_at, affiliation_id`
	aliasInsertCols  = `key, alias, source_id`
)

func init() {
	for _, k := range rowsPerInsert {
		writerSQL["source"+strconv.Itoa(k)] = multiInsert("sources", sourceInsertCols, 6, k)
		// An alias stored meanwhile by another process keeps its source.
		writerSQL["alias"+strconv.Itoa(k)] = multiInsert("aliases", aliasInsertCols, 3, k) + ` ON CONFLICT (key) DO NOTHING`
	}
}

// source finds or creates the stored source for s and queues its aliases
// (flushSources writes them).
func (w *writer) source(s *SourceRecord) (int64, error) {
	id, seen := w.ids[s.Key]
	if !seen {
		var err error
		if id, err = w.stillStored(s.ID); err == nil && id == 0 {
			id, err = w.find(s)
		}
		if err != nil {
			return 0, fmt.Errorf("source %q: %w", s.Name, err)
		}
	}
	if id == 0 {
		if err := w.newSource(s); err != nil {
			return 0, err
		}
		id = w.ids[s.Key]
	}
	// A source already seen in this transaction still gets this record's
	// aliases: a later article of the batch may name it in a new way, and
	// the caller counts every alias it sent as stored.
	if !s.KeyStored {
		w.alias(Alias{Key: s.Key, Text: s.Name}, id)
	}
	for _, a := range s.Aliases {
		w.alias(a, id)
	}
	w.ids[s.Key] = id
	return id, nil
}

// stillStored returns id when the source is stored, 0 when it is not (or
// id is 0). A source the caller remembers may have been merged away by
// another process since; the write connection does not check foreign keys
// (see writeConn.prepare), so an id from outside this transaction is looked
// up once in it.
func (w *writer) stillStored(id int64) (int64, error) {
	if id == 0 {
		return 0, nil
	}
	_, err := w.stmt["sourceID"].queryInt(w.ctx, id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return id, err
}

// find returns the source that the first stored of s's key and aliases
// names, else the source whose own key is s.Key, else 0. Aliases queued in
// this transaction but not yet written count as stored: an earlier record
// of the same article may have introduced the form.
func (w *writer) find(s *SourceRecord) (int64, error) {
	id, err := w.aliasSource(s.Key)
	for i := 0; i < len(s.Aliases) && errors.Is(err, sql.ErrNoRows); i++ {
		id, err = w.aliasSource(s.Aliases[i].Key)
	}
	if errors.Is(err, sql.ErrNoRows) { // the key is taken, but not as an alias
		id, err = w.stmt["sourceKey"].queryInt(w.ctx, s.Key)
	}
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return id, err
}

// aliasSource is the source alias key names in the store or, failing that,
// among the aliases queued in this transaction; else sql.ErrNoRows. The
// store wins: a queued alias whose key is stored already will not be
// written (ON CONFLICT DO NOTHING).
func (w *writer) aliasSource(key string) (int64, error) {
	id, err := w.stmt["find"].queryInt(w.ctx, key)
	if errors.Is(err, sql.ErrNoRows) {
		if q, ok := w.aliased[key]; ok {
			return q, nil
		}
	}
	return id, err
}

// newSource hands s a new id and queues its row; its affiliation goes in
// with it when already known.
func (w *writer) newSource(s *SourceRecord) error {
	if w.nextSource == 0 {
		n, err := w.stmt["maxSource"].queryInt(w.ctx)
		if err != nil {
			return fmt.Errorf("next source id: %w", err)
		}
		w.nextSource = n + 1
	}
	id := w.nextSource
	w.nextSource++
	var aff driver.Value
	if aid := w.ids[s.AffiliationKey]; s.AffiliationKey != "" && aid != 0 {
		aff = aid
		w.affil[id] = true
	}
	w.buf.sources = appendValues(w.buf.sources, id, s.Name, s.Key, s.Kind, w.now, aff)
	w.ids[s.Key] = id
	return nil
}

// alias queues one surface form of source id, once per transaction.
func (w *writer) alias(a Alias, id int64) {
	if _, ok := w.aliased[a.Key]; ok {
		return
	}
	w.buf.aliases = appendValues(w.buf.aliases, a.Key, a.Text, id)
	w.aliased[a.Key] = id
}

// flushSources writes the queued sources, then their aliases.
func (w *writer) flushSources() error {
	if err := w.insertRows("source", w.buf.sources, 6); err != nil {
		return fmt.Errorf("sources: %w", err)
	}
	if err := w.insertRows("alias", w.buf.aliases, 3); err != nil {
		return fmt.Errorf("aliases: %w", err)
	}
	w.buf.sources, w.buf.aliases = w.buf.sources[:0], w.buf.aliases[:0]
	return nil
}
