package db

import (
	"database/sql/driver"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// How an article's claims are written. Rounds 1 and 2 of issue 5 measured
// three ways on real news (40 claims, 16 hops after the outlet an article):
// a statement per row through a *sql.Tx (slowest: database/sql starts a
// goroutine per query in a transaction), all rows of an article as one JSON
// array through INSERT ... SELECT FROM json_each(?) (SQLite re-parses each
// row's JSON once per column), and a statement per row on the writer's own
// connection, outside database/sql's transactions (fastest, kept: about 20%
// faster than JSON on 4,000 articles). Claim ids are handed out by the
// writer (the transaction holds the write lock), so hops need no rowid
// round trip.

// claimBuf holds buffers of one transaction, reused across articles.
type claimBuf struct {
	spans  []byte // a claim's spans as JSON
	ids    []int64
	claims []driver.NamedValue // an article's claim rows, claimInsertCols a row
	hops   []driver.NamedValue // and its hop rows, hopInsertCols a row
	// new sources and aliases of a batch, and affiliations to set on
	// stored sources: {source, affiliation} (sources_write.go)
	sources, aliases []driver.NamedValue
	affil            [][2]int64
}

// reset empties the buffers for the next batch, keeping their memory but
// not the values of this one (which would keep its texts alive).
func (b *claimBuf) reset() {
	for _, q := range []*[]driver.NamedValue{&b.claims, &b.hops, &b.sources, &b.aliases} {
		clear(*q)
		*q = (*q)[:0]
	}
	b.affil = b.affil[:0]
}

// Rows go in several to a statement: one INSERT with k rows of values for
// each k in rowsPerInsert, prepared once, the largest that fits first. On
// real news (about 40 claims and 20 hops an article) this is a few
// statements an article instead of 60, and the per-statement work (bind
// reset, step, cgo calls, result) is paid that many times less.
var rowsPerInsert = []int{32, 8, 2, 1}

const (
	claimInsertCols = `id, article_id, seq, text, content_start, content_end, spans, quote, cue_text, cue_start, cue_end, origin_id`
	hopInsertCols   = `claim_id, position, source_id, written_as, mention_text, mention_start, mention_end, role, cue_text, cue_start, cue_end`
)

// multiInsert is an INSERT of k rows of n values into table (cols).
//
// OR FAIL: a statement that may fail half-way through its rows would
// otherwise keep a statement journal (a copy of every page it changes, so
// that it can undo itself alone: a malloc and a 4 KB copy a page). The
// writer never needs that: any failure rolls back the whole transaction.
func multiInsert(table, cols string, n, k int) string {
	row := "(" + strings.Repeat("?,", n-1) + "?)"
	return "INSERT OR FAIL INTO " + table + " (" + cols + ") VALUES " + strings.Repeat(row+",", k-1) + row
}

func init() {
	for _, k := range rowsPerInsert {
		writerSQL["claim"+strconv.Itoa(k)] = multiInsert("claims", claimInsertCols, 12, k)
		writerSQL["hop"+strconv.Itoa(k)] = multiInsert("chain_hops", hopInsertCols, 11, k)
	}
}

// claims queues the claims of article articleID, published by source
// outlet (key outletKey), with their chains, and writes the full
// statements they make (flushClaims writes the rest). Position 0 of a chain must be the outlet
// and is not stored: articles.outlet_id implies it (see schema.sql), which
// saves a row per claim, most of the hop rows on real news.
func (w *writer) claims(articleID, outlet int64, outletKey string, cs []ClaimRecord) error {
	if len(cs) == 0 {
		return nil
	}
	if w.nextClaim == 0 {
		n, err := w.stmt["maxClaim"].queryInt(w.ctx)
		if err != nil {
			return fmt.Errorf("next claim id: %w", err)
		}
		w.nextClaim = n + 1
	}
	for seq := range cs {
		ids, err := w.hopIDs(&cs[seq], outlet, outletKey)
		if err != nil {
			return fmt.Errorf("claim %d: %w", seq, err)
		}
		w.claimRows(w.nextClaim+int64(seq), articleID, seq, &cs[seq], ids)
	}
	w.nextClaim += int64(len(cs))
	return w.flushFull()
}

// flushClaims writes the queued claims of the batch, then their chains.
func (w *writer) flushClaims() error {
	if err := w.insertRows("claim", w.buf.claims, 12); err != nil {
		return fmt.Errorf("claims: %w", err)
	}
	if err := w.insertRows("hop", w.buf.hops, 11); err != nil {
		return fmt.Errorf("chain hops: %w", err)
	}
	return nil
}

// claimRows appends the row of claim claimID and the rows of its chain
// after the outlet to the article's buffers.
func (w *writer) claimRows(claimID, articleID int64, seq int, c *ClaimRecord, ids []int64) {
	j := append(w.buf.spans[:0], '[') // spans, stored as JSON text: [[s,e],...]
	for i, sp := range c.Spans {
		if i > 0 {
			j = append(j, ',')
		}
		j = append(j, '[')
		j = strconv.AppendInt(j, int64(sp[0]), 10)
		j = append(j, ',')
		j = strconv.AppendInt(j, int64(sp[1]), 10)
		j = append(j, ']')
	}
	w.buf.spans = append(j, ']')
	ct, cs, ce := spanArgs(c.Cue)
	w.buf.claims = appendValues(w.buf.claims, claimID, articleID, int64(seq), c.Text,
		int64(c.Spans[0][0]), int64(c.Spans[len(c.Spans)-1][1]), string(w.buf.spans), c.Quote,
		ct, cs, ce, ids[len(ids)-1])
	for pos := 1; pos < len(c.Hops); pos++ { // position 0, the outlet, is implied
		h := &c.Hops[pos]
		mt, ms, me := spanArgs(h.Mention)
		ht, hs, he := spanArgs(h.Cue)
		w.buf.hops = appendValues(w.buf.hops, claimID, int64(pos), ids[pos], nullText(h.WrittenAs),
			mt, ms, me, nullText(h.Role), ht, hs, he)
	}
}

// appendValues appends vals to a row buffer (ordinals are set when the
// rows are written).
func appendValues(buf []driver.NamedValue, vals ...driver.Value) []driver.NamedValue {
	for _, v := range vals {
		buf = append(buf, driver.NamedValue{Value: v})
	}
	return buf
}

// insertRows writes rows (cols values each) with the statements name+k of
// rowsPerInsert, the largest first.
func (w *writer) insertRows(name string, rows []driver.NamedValue, cols int) error {
	for _, k := range rowsPerInsert {
		var err error
		if rows, err = w.insertFull(name, rows, cols, k); err != nil {
			return err
		}
	}
	return nil
}

// insertFull writes as many statements of k rows as rows holds and
// returns the rest.
func (w *writer) insertFull(name string, rows []driver.NamedValue, cols, k int) ([]driver.NamedValue, error) {
	st := w.stmt[name+strconv.Itoa(k)]
	for n := k * cols; len(rows) >= n; rows = rows[n:] {
		args := rows[:n]
		for i := range args {
			args[i].Ordinal = i + 1
		}
		if err := st.insert(w.ctx, args); err != nil {
			return rows, err
		}
	}
	return rows, nil
}

// flushFull writes the full statements that the queued claims and hops
// make, and keeps the rest queued: the queues stay small (a whole batch's
// rows, a few megabytes of interface values, cost more to grow and to walk
// than to write) while every statement but the last few is a full one.
func (w *writer) flushFull() error {
	k := rowsPerInsert[0]
	for _, q := range []struct {
		name, what string
		buf        *[]driver.NamedValue
		cols       int
	}{{"claim", "claims", &w.buf.claims, 12}, {"hop", "chain hops", &w.buf.hops, 11}} {
		if len(*q.buf) < 4*k*q.cols {
			continue
		}
		rest, err := w.insertFull(q.name, *q.buf, q.cols, k)
		if err != nil {
			return fmt.Errorf("%s: %w", q.what, err)
		}
		*q.buf = append((*q.buf)[:0], rest...)
	}
	return nil
}

func spanArgs(s *TextSpan) (driver.Value, driver.Value, driver.Value) {
	if s == nil {
		return nil, nil, nil
	}
	return s.Text, int64(s.Start), int64(s.End)
}

// hopIDs checks c (a content span, a chain that starts at the outlet) and
// returns the stored source of each of its hops, in a slice reused until the
// next call. Hop 0 written with the outlet's own key (as the builder
// writes it: two thirds of all hops) needs no lookup.
func (w *writer) hopIDs(c *ClaimRecord, outlet int64, outletKey string) ([]int64, error) {
	if len(c.Hops) == 0 || len(c.Spans) == 0 {
		return nil, errors.New("claim without chain or content span")
	}
	ids := w.buf.ids[:0]
	for i, h := range c.Hops {
		if i == 0 && h.SourceKey == outletKey {
			ids = append(ids, outlet)
			continue
		}
		id, ok := w.ids[h.SourceKey]
		if !ok {
			return nil, fmt.Errorf("hop %d names source key %q that the article does not list", i, h.SourceKey)
		}
		if i == 0 && id != outlet {
			return nil, fmt.Errorf("hop 0 is source key %q, not the article's outlet", h.SourceKey)
		}
		ids = append(ids, id)
	}
	w.buf.ids = ids
	return ids, nil
}
