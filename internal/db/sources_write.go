package db

import (
	"database/sql"
	"database/sql/driver"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"unicode/utf8"
)

// How ingest writes sources. The sources of all the articles of a batch are
// resolved first, against what the store held when the transaction began
// (prefetch reads it in three queries instead of one or more queries per
// source), and the new sources and their aliases are queued, then written
// with full multi-row INSERTs (rowsPerInsert rows a statement), the source
// ids handed out by the writer like claim ids. A statement per row cost
// about twice as much per row (a probe of 14,000 inserts into the 10k
// store's sources: 21.6 us a row one at a time, 10.0 us 32 at a time; the
// rest was the IN-list checks that schema version 2 replaced), and
// resolving and flushing article by article had most statements carry a
// row or two. An id can be handed out before its row exists because every
// lookup has run first, in the transaction that holds the write lock, so a
// new source's key cannot be taken.

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

// sources resolves the sources of article a, queuing the new ones, their
// aliases and affiliations, and returns the stored row of each by key.
func (w *writer) sources(a *ArticleRecord) (map[string]int64, error) {
	ids := make(map[string]int64, len(a.Sources))
	for i := range a.Sources {
		id, err := w.source(&a.Sources[i])
		if err != nil {
			return nil, err
		}
		ids[a.Sources[i].Key] = id
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
		w.buf.affil = append(w.buf.affil, [2]int64{sid, aid})
	}
	return ids, nil
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
		w.queueAlias(Alias{Key: s.Key, Text: s.Name}, id)
	}
	for _, a := range s.Aliases {
		w.queueAlias(a, id)
	}
	w.ids[s.Key] = id
	return id, nil
}

// prefetch reads, with one query each, what the store holds for the
// sources the new articles of the batch name: which of the ids the caller
// remembers are still stored, and for the sources it does not know, the
// sources their alias keys and source keys name. Lookups that miss it (a
// remembered source merged away) ask the store one by one; either way
// they see the store as the transaction found it, because no source is
// written until all are resolved.
func (w *writer) prefetch(batch []ArticleRecord, fresh []int) error {
	var keys []string // the keys to ask the store about
	var ids []int64
	add := func(k string) {
		// A key that is not valid UTF-8 would not come back from JSON
		// unchanged; it is left to a lookup of its own.
		if _, ok := w.alias[k]; ok || !utf8.ValidString(k) {
			return
		}
		w.alias[k], w.key[k] = 0, 0 // none, unless the store says otherwise
		// A key the filter has not seen is not stored.
		if f := w.conn.filter; f == nil || f.mayHave(k) {
			keys = append(keys, k)
		}
	}
	for _, i := range fresh {
		for j := range batch[i].Sources {
			s := &batch[i].Sources[j]
			if s.ID != 0 { // found by its id unless merged away
				ids = append(ids, s.ID)
				continue
			}
			add(s.Key)
			for _, a := range s.Aliases {
				add(a.Key)
			}
		}
	}
	for _, id := range ids {
		w.id[id] = false
	}
	for _, q := range []struct {
		stmt string
		arg  any
		n    int
		set  func(k, v driver.Value)
	}{
		{"findAll", keys, len(keys), func(k, v driver.Value) { w.alias[asString(k)] = v.(int64) }},
		{"sourceKeyAll", keys, len(keys), func(k, v driver.Value) { w.key[asString(k)] = v.(int64) }},
		{"sourceIDAll", ids, len(ids), func(k, _ driver.Value) { w.id[k.(int64)] = true }},
	} {
		if q.n == 0 {
			continue
		}
		j, err := json.Marshal(q.arg)
		if err != nil {
			return err
		}
		if err := w.stmt[q.stmt].queryPairs(w.ctx, string(j), q.set); err != nil {
			return fmt.Errorf("sources: %w", err)
		}
	}
	return nil
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
	ok, known := w.id[id]
	if !known {
		_, err := w.stmt["sourceID"].queryInt(w.ctx, id)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return 0, err
		}
		ok = err == nil
		w.id[id] = ok
	}
	if !ok {
		return 0, nil
	}
	return id, nil
}

// find returns the source that the first stored of s's key and aliases
// names, else the source whose own key is s.Key, else 0. Aliases queued in
// this transaction count as stored: an earlier record of the batch may
// have introduced the form.
func (w *writer) find(s *SourceRecord) (int64, error) {
	id, err := w.aliasSource(s.Key)
	for i := 0; i < len(s.Aliases) && id == 0 && err == nil; i++ {
		id, err = w.aliasSource(s.Aliases[i].Key)
	}
	if id == 0 && err == nil { // the key is taken, but not as an alias
		id, err = w.stored(w.key, "sourceKey", s.Key)
	}
	return id, err
}

// aliasSource is the source alias key names in the store or, failing that,
// among the aliases queued in this transaction; else 0. The store wins: a
// queued alias whose key is stored already will not be written (ON
// CONFLICT DO NOTHING).
func (w *writer) aliasSource(key string) (int64, error) {
	id, err := w.stored(w.alias, "find", key)
	if id == 0 && err == nil {
		id = w.aliased[key]
	}
	return id, err
}

// stored is the source id that statement stmt finds for key in the store,
// 0 for none, remembered in m.
func (w *writer) stored(m map[string]int64, stmt, key string) (int64, error) {
	if id, ok := m[key]; ok {
		return id, nil
	}
	id, err := w.stmt[stmt].queryInt(w.ctx, key)
	if errors.Is(err, sql.ErrNoRows) {
		id, err = 0, nil
	}
	if err == nil {
		m[key] = id
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
	w.conn.stored(s.Key)
	w.ids[s.Key] = id
	return nil
}

// queueAlias queues one surface form of source id, once per transaction.
func (w *writer) queueAlias(a Alias, id int64) {
	if _, ok := w.aliased[a.Key]; ok {
		return
	}
	w.buf.aliases = appendValues(w.buf.aliases, a.Key, a.Text, id)
	w.conn.stored(a.Key)
	w.aliased[a.Key] = id
}

// flushSources writes the queued sources, then their aliases, then the
// affiliations found for sources already stored.
func (w *writer) flushSources() error {
	if err := w.insertRows("source", w.buf.sources, 6); err != nil {
		return fmt.Errorf("sources: %w", err)
	}
	if err := w.insertRows("alias", w.buf.aliases, 3); err != nil {
		return fmt.Errorf("aliases: %w", err)
	}
	for _, a := range w.buf.affil {
		if _, err := w.stmt["affil"].exec(w.ctx, a[1], a[0], a[1]); err != nil {
			return fmt.Errorf("affiliation: %w", err)
		}
	}
	return nil
}

// asString is a TEXT value as the driver gives it.
func asString(v driver.Value) string {
	if b, ok := v.([]byte); ok {
		return string(b)
	}
	s, _ := v.(string)
	return s
}
