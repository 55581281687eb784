package input

import (
	"bytes"
	"strings"

	"golang.org/x/net/html/charset"
)

// html yields the article in an HTML file.
func (s *session) html(p string, raw []byte) error {
	raw = decodeCharset(raw)
	if line, err := checkText(raw, "file"); err != nil {
		s.problem(p, line, err)
		return nil
	}
	doc := extractHTML(raw)
	text := doc.text()
	if strings.TrimSpace(text) == "" {
		s.problem(p, 0, newErr(ErrEmpty, "no article text found in the HTML"))
		return nil
	}
	if int64(len(text)) > s.max {
		s.problem(p, 0, tooLarge("article", int64(len(text)), s.max))
		return nil
	}
	d := s.r.Defaults
	a := Article{
		Path:      p,
		URL:       first(d.URL, doc.url, doc.ogURL),
		Outlet:    first(d.Outlet, doc.outlet),
		Published: NormalizeDate(first(d.Published, doc.published, doc.timeDate)),
		Title:     first(d.Title, stripSite(doc.title, doc.outlet), doc.ogTitle, doc.h1),
		Language:  doc.lang,
		Text:      text,
	}
	return s.emit(a)
}

// first returns the first non-empty string.
func first(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// stripSite drops a trailing " | Site" or " - Site" naming the outlet.
func stripSite(title, site string) string {
	if site == "" || len(title) <= len(site) {
		return title
	}
	head := title[:len(title)-len(site)]
	if !strings.EqualFold(title[len(head):], site) {
		return title
	}
	for _, sep := range []string{" | ", " - ", " – ", " — ", " :: ", " · "} {
		if strings.HasSuffix(head, sep) {
			return strings.TrimSpace(head[:len(head)-len(sep)])
		}
	}
	return title
}

// decodeCharset transcodes raw to UTF-8 when it has a byte-order mark or
// declares a legacy charset in a <meta> tag; otherwise it returns raw, whose
// UTF-8 is then checked, never guessed.
func decodeCharset(raw []byte) []byte {
	e, name, certain := charset.DetermineEncoding(raw, "")
	if e == nil || name == "utf-8" {
		return raw
	}
	head := raw
	if len(head) > 1024 {
		head = head[:1024]
	}
	if !certain && !bytes.Contains(bytes.ToLower(head), []byte("charset")) {
		return raw // a guess, not a declaration
	}
	out, err := e.NewDecoder().Bytes(raw)
	if err != nil {
		return raw
	}
	return out
}
