package db

import (
	"errors"
	"fmt"
	"strconv"
	"unicode/utf8"
)

// Writing an article's claims a row at a time costs two statements per
// claim and one per hop, each a round of argument conversion, cgo calls and
// a VDBE run: on real news (40 claims, 55 hops an article) that was most of
// the ingest. The bulk path passes all claims of an article as one JSON
// array to INSERT ... SELECT FROM json_each(?), and all hops as another, so
// an article costs a fixed handful of statements. Claim ids are handed out
// by the writer (the transaction holds the write lock), which is what lets
// the hops be written without reading back each claim's rowid.

// bulkBuf holds the JSON buffers of one transaction, reused across articles.
type bulkBuf struct {
	claims, hops []byte
	keys         []byte // a JSON array of source keys
	ids          []int64
}

// claims writes the claims of article articleID with their chains.
func (w *writer) claims(articleID int64, cs []ClaimRecord) error {
	if len(cs) == 0 {
		return nil
	}
	if w.nextClaim == 0 {
		if err := w.stmt["maxClaim"].QueryRowContext(w.ctx).Scan(&w.nextClaim); err != nil {
			return fmt.Errorf("next claim id: %w", err)
		}
		w.nextClaim++
	}
	b := &w.bulk
	b.claims = append(b.claims[:0], '[')
	b.hops = append(b.hops[:0], '[')
	first := w.nextClaim
	ok := true
	for seq := range cs {
		c := &cs[seq]
		ids, err := w.hopIDs(c)
		if err != nil {
			return fmt.Errorf("claim %d: %w", seq, err)
		}
		id := first + int64(seq)
		if ok {
			ok = b.addClaim(id, seq, c, ids)
		}
	}
	if !ok {
		// A NUL byte or invalid UTF-8 cannot travel through JSON unchanged:
		// write this article's claims a row at a time instead.
		for seq := range cs {
			ids, err := w.hopIDs(&cs[seq])
			if err != nil {
				return fmt.Errorf("claim %d: %w", seq, err)
			}
			if err := w.claim(first+int64(seq), articleID, seq, &cs[seq], ids); err != nil {
				return fmt.Errorf("claim %d: %w", seq, err)
			}
		}
		w.nextClaim += int64(len(cs))
		return nil
	}
	b.claims = append(b.claims, ']')
	b.hops = append(b.hops, ']')
	if _, err := w.stmt["claims"].ExecContext(w.ctx, articleID, string(b.claims)); err != nil {
		return fmt.Errorf("claims: %w", err)
	}
	if _, err := w.stmt["hops"].ExecContext(w.ctx, string(b.hops)); err != nil {
		return fmt.Errorf("chains: %w", err)
	}
	w.nextClaim += int64(len(cs))
	return nil
}

// hopIDs checks c and returns the stored source of each of its hops, in a
// slice reused until the next call.
func (w *writer) hopIDs(c *ClaimRecord) ([]int64, error) {
	if len(c.Hops) == 0 || len(c.Spans) == 0 {
		return nil, errors.New("claim without chain or content span")
	}
	ids := w.bulk.ids[:0]
	for i, h := range c.Hops {
		id, ok := w.ids[h.SourceKey]
		if !ok {
			return nil, fmt.Errorf("hop %d names source key %q that the article does not list", i, h.SourceKey)
		}
		ids = append(ids, id)
	}
	w.bulk.ids = ids
	return ids, nil
}

// addClaim appends the rows of one claim and its hops; false when a string
// cannot be carried (then the buffers are garbage).
func (b *bulkBuf) addClaim(id int64, seq int, c *ClaimRecord, ids []int64) bool {
	ok := true
	if len(b.claims) > 1 {
		b.claims = append(b.claims, ',')
	}
	j := append(b.claims, '[')
	j = strconv.AppendInt(j, id, 10)
	j = append(j, ',')
	j = strconv.AppendInt(j, int64(seq), 10)
	j = append(j, ',')
	j, ok = appendString(j, c.Text, ok)
	j = append(j, ',')
	j = strconv.AppendInt(j, int64(c.Spans[0][0]), 10)
	j = append(j, ',')
	j = strconv.AppendInt(j, int64(c.Spans[len(c.Spans)-1][1]), 10)
	j = append(j, ",\"["...) // spans, stored as JSON text: [[s,e],...]
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
	j = append(j, "]\","...)
	if c.Quote {
		j = append(j, '1')
	} else {
		j = append(j, '0')
	}
	j, ok = appendSpan(j, c.Cue, ok)
	j = append(j, ',')
	j = strconv.AppendInt(j, ids[len(ids)-1], 10)
	b.claims = append(j, ']')

	h := b.hops
	for pos := range c.Hops {
		hop := &c.Hops[pos]
		if len(h) > 1 {
			h = append(h, ',')
		}
		h = append(h, '[')
		h = strconv.AppendInt(h, id, 10)
		h = append(h, ',')
		h = strconv.AppendInt(h, int64(pos), 10)
		h = append(h, ',')
		h = strconv.AppendInt(h, ids[pos], 10)
		h = append(h, ',')
		h, ok = appendNullString(h, hop.WrittenAs, ok)
		h, ok = appendSpan(h, hop.Mention, ok)
		h = append(h, ',')
		h, ok = appendNullString(h, hop.Role, ok)
		h, ok = appendSpan(h, hop.Cue, ok)
		h = append(h, ']')
	}
	b.hops = h
	return ok
}

// appendSpan appends ",text,start,end" of s, or three nulls.
func appendSpan(j []byte, s *TextSpan, ok bool) ([]byte, bool) {
	if s == nil {
		return append(j, ",null,null,null"...), ok
	}
	j = append(j, ',')
	j, ok = appendString(j, s.Text, ok)
	j = append(j, ',')
	j = strconv.AppendInt(j, int64(s.Start), 10)
	j = append(j, ',')
	return strconv.AppendInt(j, int64(s.End), 10), ok
}

// appendNullString appends s as a JSON string, or null for "" (as
// nullString binds it).
func appendNullString(j []byte, s string, ok bool) ([]byte, bool) {
	if s == "" {
		return append(j, "null"...), ok
	}
	return appendString(j, s, ok)
}

const hexDigits = "0123456789abcdef"

// appendString appends s as a JSON string. It reports false (and ok
// stays false) when s holds a NUL byte or invalid UTF-8, which SQLite's
// JSON functions would not give back byte for byte.
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
