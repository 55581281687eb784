package input

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"encoding/json"
	"errors"
	"io"
	"os"
	"strings"
	"unicode/utf8"
	"unsafe"
)

// record is one JSONL line. Fields are decoded as any so that a field of the
// wrong type is reported in plain words instead of failing the decode.
type record struct {
	ID        any `json:"id"`
	URL       any `json:"url"`
	Outlet    any `json:"outlet"`
	Published any `json:"published"`
	Title     any `json:"title"`
	Language  any `json:"language"`
	Lang      any `json:"lang"`
	Text      any `json:"text"`
	// "topic" and unknown fields are ignored.
}

// lineLimit is the longest JSONL line accepted: the text limit, room for
// JSON escapes (\uXXXX takes six bytes for up to three of UTF-8), and
// 1 MiB for the other fields.
func (s *session) lineLimit() int64 { return 3*s.max + 1<<20 }

// jsonl reads a .jsonl file.
func (s *session) jsonl(p string, f *os.File) error {
	return s.jsonlStream(p, f)
}

// jsonlGzip reads a .jsonl.gz file, yielding the articles before any
// corruption in the stream.
func (s *session) jsonlGzip(p string, f *os.File) error {
	zr, err := gzip.NewReader(bufio.NewReaderSize(f, 64<<10))
	if err != nil {
		if errors.Is(err, io.EOF) {
			s.problem(p, 0, newErr(ErrEmpty, "file is empty"))
		} else {
			s.problem(p, 0, wrapErr(ErrCorrupt, err, "not a gzip file or corrupt gzip header (%v)", err))
		}
		return nil
	}
	defer zr.Close()
	return s.jsonlStream(p, zr)
}

// lineReader reads lines of at most limit bytes, skipping over longer ones.
type lineReader struct {
	br    *bufio.Reader
	limit int64
	buf   []byte
}

// next returns the next line without its "\n" (and "\r"), its full size
// and whether it was longer than the limit (then line is nil). err is
// io.EOF after the last line, or the read error.
func (lr *lineReader) next() (line []byte, size int64, tooLong bool, err error) {
	lr.buf = lr.buf[:0]
	if cap(lr.buf) > 4<<20 { // do not keep a huge buffer after a huge line
		lr.buf = nil
	}
	for {
		chunk, e := lr.br.ReadSlice('\n')
		size += int64(len(chunk))
		if !tooLong {
			if size > lr.limit+1 {
				tooLong, lr.buf = true, lr.buf[:0]
			} else {
				lr.buf = append(lr.buf, chunk...)
			}
		}
		if e == bufio.ErrBufferFull {
			continue
		}
		if e != nil && (e != io.EOF || size == 0) {
			return nil, size, tooLong, e
		}
		if tooLong {
			return nil, size, true, nil
		}
		line = bytes.TrimSuffix(lr.buf, []byte{'\n'})
		line = bytes.TrimSuffix(line, []byte{'\r'})
		return line, size, false, nil
	}
}

// jsonlStream reads JSONL from in, one line at a time.
func (s *session) jsonlStream(p string, in io.Reader) error {
	lr := &lineReader{br: bufio.NewReaderSize(in, 64<<10), limit: s.lineLimit()}
	n, good, bad := 0, 0, 0
	for {
		line, size, tooLong, err := lr.next()
		if err != nil {
			if err != io.EOF {
				if errors.Is(err, gzip.ErrChecksum) || errors.Is(err, gzip.ErrHeader) ||
					errors.Is(err, io.ErrUnexpectedEOF) || isFlateErr(err) {
					s.problem(p, 0, gzipErr(err, n))
				} else {
					s.problem(p, 0, wrapErr(ErrUnreadable, err, "cannot read after line %d: %v", n, unwrapPath(err)))
				}
				return nil
			}
			break
		}
		n++
		if tooLong {
			bad++
			s.problem(p, n, newErr(ErrTooLarge, "line is %s, over the %s limit for one article line",
				humanSize(size), limitSize(lr.limit)))
			continue
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		a, perr := s.parseLine(line)
		if perr != nil {
			bad++
			s.problem(p, n, perr)
			continue
		}
		a.Path, a.Line = p, n
		good++
		if err := s.emit(a); err != nil {
			return err
		}
	}
	if good == 0 && bad == 0 {
		s.problem(p, 0, newErr(ErrEmpty, "file is empty (no JSON lines)"))
	}
	return nil
}

// isFlateErr reports whether err comes from a damaged deflate stream.
func isFlateErr(err error) bool {
	var ce flate.CorruptInputError
	var ie flate.InternalError
	return errors.As(err, &ce) || errors.As(err, &ie)
}

// parseLine decodes and vets one JSONL line.
func (s *session) parseLine(line []byte) (Article, error) {
	if !utf8.Valid(line) {
		off := firstInvalid(line)
		return Article{}, newErr(ErrInvalidUTF8,
			"invalid UTF-8 at byte column %d (byte 0x%02X): the line is not UTF-8; convert the file to UTF-8",
			off+1, line[off])
	}
	t := bytes.TrimLeft(line, " \t\r\uFEFF")
	if len(t) == 0 || t[0] != '{' {
		return Article{}, newErr(ErrMalformed, "line is not a JSON object (it should start with '{')")
	}
	var rec record
	if err := json.Unmarshal(line, &rec); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return Article{}, wrapErr(ErrMalformed, err, "malformed JSON at byte column %d: %v", se.Offset, err)
		}
		return Article{}, wrapErr(ErrMalformed, err, "malformed JSON: %v", err)
	}
	if rec.Text == nil {
		return Article{}, newErr(ErrNoText, "no \"text\" field")
	}
	text, ok := rec.Text.(string)
	if !ok {
		return Article{}, newErr(ErrMalformed, "field \"text\" is %s, not a string", jsonKind(rec.Text))
	}
	if int64(len(text)) > s.max {
		return Article{}, tooLarge("article", int64(len(text)), s.max)
	}
	if _, err := checkText(readOnlyBytes(text), "text"); err != nil {
		return Article{}, err
	}
	if strings.ContainsRune(text, utf8.RuneError) {
		if col := loneSurrogate(line); col > 0 {
			return Article{}, newErr(ErrInvalidUTF8,
				"invalid \\u escape at byte column %d: a lone UTF-16 surrogate is not a character", col)
		}
	}
	d := s.r.Defaults
	a := Article{Text: text}
	fields := []struct {
		name string
		v    any
		dst  *string
		def  string
	}{
		{"url", rec.URL, &a.URL, d.URL},
		{"outlet", rec.Outlet, &a.Outlet, d.Outlet},
		{"published", rec.Published, &a.Published, d.Published},
		{"title", rec.Title, &a.Title, d.Title},
		{"language", rec.Language, &a.Language, ""},
		{"lang", rec.Lang, &a.Language, ""},
	}
	for _, f := range fields {
		switch v := f.v.(type) {
		case nil:
		case string:
			if *f.dst == "" {
				*f.dst = v
			}
		default:
			return Article{}, newErr(ErrMalformed, "field %q is %s, not a string", f.name, jsonKind(v))
		}
		if *f.dst == "" {
			*f.dst = f.def
		}
	}
	a.Published = NormalizeDate(a.Published)
	return a, nil
}

// jsonKind names the JSON type of a decoded value.
func jsonKind(v any) string {
	switch v.(type) {
	case float64:
		return "a number"
	case bool:
		return "true or false"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	case nil:
		return "null"
	}
	return "a string"
}

// readOnlyBytes views s as bytes without copying; the result must not be
// modified.
func readOnlyBytes(s string) []byte {
	return unsafe.Slice(unsafe.StringData(s), len(s))
}

// loneSurrogate returns the 1-based byte column of the first \uD800-\uDFFF
// escape in a JSON line that is not part of a surrogate pair, or 0.
// encoding/json silently turns such escapes into U+FFFD.
func loneSurrogate(line []byte) int {
	high := -1 // column of an unpaired high surrogate
	for i := 0; i < len(line); i++ {
		if line[i] != '\\' || i+1 >= len(line) {
			continue
		}
		if line[i+1] != 'u' || i+6 > len(line) {
			if high >= 0 {
				return high
			}
			i++ // skip the escaped character
			continue
		}
		v := 0
		for _, c := range line[i+2 : i+6] {
			v <<= 4
			switch {
			case c >= '0' && c <= '9':
				v |= int(c - '0')
			case c >= 'a' && c <= 'f':
				v |= int(c-'a') + 10
			case c >= 'A' && c <= 'F':
				v |= int(c-'A') + 10
			}
		}
		switch {
		case v >= 0xD800 && v < 0xDC00:
			if high >= 0 {
				return high
			}
			high = i + 1
		case v >= 0xDC00 && v < 0xE000:
			if high < 0 {
				return i + 1
			}
			if high+6 != i+1 {
				return high
			}
			high = -1
		default:
			if high >= 0 {
				return high
			}
		}
		i += 5
	}
	if high >= 0 {
		return high
	}
	return 0
}
