package db

import (
	"errors"
	"fmt"
	"strconv"
	"unicode/utf8"
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
	keys  []byte // a JSON array of source keys
	spans []byte // a claim's spans as JSON
	ids   []int64
}

// claims writes the claims of article articleID, published by source
// outlet, with their chains. Position 0 of a chain must be the outlet and is
// not stored: articles.outlet_id implies it (see schema.sql), which saves a
// row per claim, most of the hop rows on real news.
func (w *writer) claims(articleID, outlet int64, cs []ClaimRecord) error {
	if len(cs) == 0 {
		return nil
	}
	if w.nextClaim == 0 {
		if err := w.stmt["maxClaim"].QueryRowContext(w.ctx).Scan(&w.nextClaim); err != nil {
			return fmt.Errorf("next claim id: %w", err)
		}
		w.nextClaim++
	}
	for seq := range cs {
		ids, err := w.hopIDs(&cs[seq], outlet)
		if err != nil {
			return fmt.Errorf("claim %d: %w", seq, err)
		}
		if err := w.claim(w.nextClaim, articleID, seq, &cs[seq], ids); err != nil {
			return fmt.Errorf("claim %d: %w", seq, err)
		}
		w.nextClaim++
	}
	return nil
}

// claim writes one claim with id claimID and its chain after the outlet.
func (w *writer) claim(claimID, articleID int64, seq int, c *ClaimRecord, ids []int64) error {
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
	cueText, cueStart, cueEnd := spanArgs(c.Cue)
	if _, err := w.stmt["claim"].ExecContext(w.ctx, claimID, articleID, seq, c.Text, c.Spans[0][0], c.Spans[len(c.Spans)-1][1],
		string(w.buf.spans), c.Quote, cueText, cueStart, cueEnd, ids[len(ids)-1]); err != nil {
		return err
	}
	for pos := 1; pos < len(c.Hops); pos++ { // position 0, the outlet, is implied
		h := &c.Hops[pos]
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

// hopIDs checks c (a content span, a chain that starts at the outlet) and
// returns the stored source of each of its hops, in a slice reused until the
// next call.
func (w *writer) hopIDs(c *ClaimRecord, outlet int64) ([]int64, error) {
	if len(c.Hops) == 0 || len(c.Spans) == 0 {
		return nil, errors.New("claim without chain or content span")
	}
	ids := w.buf.ids[:0]
	for i, h := range c.Hops {
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

const hexDigits = "0123456789abcdef"

// appendString appends s as a JSON string (for the source lookup by keys).
// It reports false (and ok stays false) when s holds a NUL byte or invalid
// UTF-8, which SQLite's JSON functions would not give back byte for byte.
func appendString(j []byte, s string, ok bool) ([]byte, bool) {
	if !utf8.ValidString(s) {
		ok = false
	}
	j = append(j, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' {
			continue
		}
		j = append(j, s[start:i]...)
		start = i + 1
		switch c {
		case '"', '\\':
			j = append(j, '\\', c)
		case '\n':
			j = append(j, '\\', 'n')
		case '\r':
			j = append(j, '\\', 'r')
		case '\t':
			j = append(j, '\\', 't')
		case 0:
			ok = false
			j = append(j, `\u0000`...)
		default:
			j = append(j, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
		}
	}
	j = append(j, s[start:]...)
	return append(j, '"'), ok
}
