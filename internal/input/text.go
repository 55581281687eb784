package input

import (
	"bufio"
	"bytes"
	"io"
	"strings"
)

// stdin reads "-", sniffing its format from the first non-space byte.
func (s *session) stdin() error {
	if s.r.Stdin == nil {
		s.problem(StdinPath, 0, newErr(ErrUnreadable, "no standard input"))
		return nil
	}
	br := bufio.NewReaderSize(s.r.Stdin, 64<<10)
	var lead []byte // leading whitespace and the first other byte
	first, found := byte(0), false
	for int64(len(lead)) <= s.max {
		c, err := br.ReadByte()
		if err == io.EOF {
			break
		}
		if err != nil {
			s.problem(StdinPath, 0, wrapErr(ErrUnreadable, err, "cannot read: %v", err))
			return nil
		}
		lead = append(lead, c)
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' {
			first, found = c, true
			break
		}
	}
	if !found && int64(len(lead)) <= s.max { // only whitespace, then EOF
		_, err := checkText(lead, "input")
		s.problem(StdinPath, 0, err)
		return nil
	}
	in := io.MultiReader(bytes.NewReader(lead), br)
	if first == '{' {
		return s.jsonlStream(StdinPath, in)
	}
	isHTML := first == '<'
	limit := s.rawLimit(isHTML)
	data, n, err := readLimited(in, limit)
	if err != nil {
		s.problem(StdinPath, 0, wrapErr(ErrUnreadable, err, "cannot read: %v", err))
		return nil
	}
	if n > limit {
		what := "article"
		if isHTML {
			what = "HTML input"
		}
		s.problem(StdinPath, 0, tooLarge(what, n, limit))
		return nil
	}
	if isHTML {
		return s.html(StdinPath, data)
	}
	return s.text(StdinPath, data)
}

// text yields a plain-text article: the bytes exactly as given.
func (s *session) text(p string, data []byte) error {
	if line, err := checkText(data, "file"); err != nil {
		s.problem(p, line, err)
		return nil
	}
	d := s.r.Defaults
	a := Article{
		Path:      p,
		URL:       d.URL,
		Outlet:    d.Outlet,
		Published: NormalizeDate(d.Published),
		Title:     d.Title,
		Text:      string(data),
	}
	if a.Title == "" {
		a.Title = firstLine(data)
	}
	return s.emit(a)
}

// maxTitle bounds a title taken from text, in bytes.
const maxTitle = 300

// firstLine returns the first non-blank line of data, trimmed and cut to
// about maxTitle bytes at a word boundary.
func firstLine(data []byte) string {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	for len(data) > 0 {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		if t := bytes.TrimSpace(line); len(t) > 0 {
			return shorten(string(t), maxTitle)
		}
	}
	return ""
}

// shorten cuts s to at most max bytes at a space, adding "…".
func shorten(s string, max int) string {
	if len(s) <= max {
		return s
	}
	cut := strings.LastIndexByte(s[:max], ' ')
	if cut < max/2 {
		cut = max
		for cut > 0 && s[cut]&0xC0 == 0x80 { // do not split a UTF-8 sequence
			cut--
		}
	}
	return strings.TrimSpace(s[:cut]) + "…"
}

// gzipErr describes a damaged gzip stream.
func gzipErr(err error, line int) error {
	return wrapErr(ErrCorrupt, err, "gzip data is corrupt after line %d (%v); later articles in this file are lost", line, err)
}
