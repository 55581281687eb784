package input

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// dropped elements never contribute article text.
var dropped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Nav: true, atom.Header: true, atom.Footer: true, atom.Aside: true,
	atom.Form: true, atom.Iframe: true, atom.Svg: true, atom.Button: true,
	atom.Select: true, atom.Textarea: true, atom.Object: true, atom.Canvas: true,
	atom.Math: true, atom.Dialog: true,
}

// blocks are elements whose start and end break paragraphs.
var blocks = map[atom.Atom]bool{
	atom.P: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Li: true, atom.Blockquote: true,
	atom.Div: true, atom.Tr: true, atom.Article: true, atom.Section: true,
	atom.Main: true, atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Dt: true,
	atom.Dd: true, atom.Table: true, atom.Figure: true, atom.Figcaption: true,
	atom.Pre: true, atom.Address: true, atom.Details: true, atom.Summary: true,
	atom.Hr: true, atom.Body: true, atom.Caption: true, atom.Center: true,
	atom.Fieldset: true, atom.Legend: true, atom.Hgroup: true,
}

// voids are elements that have no end tag and are never on the stack.
var voids = map[atom.Atom]bool{
	atom.Area: true, atom.Base: true, atom.Br: true, atom.Col: true,
	atom.Embed: true, atom.Hr: true, atom.Img: true, atom.Input: true,
	atom.Link: true, atom.Meta: true, atom.Source: true, atom.Track: true,
	atom.Wbr: true, atom.Param: true, atom.Keygen: true,
}

// Flags of an open element.
const (
	fDropped = 1 << iota
	fArticle
	fMain
	fH1
	fTitle
)

// open is one element on the stack of open elements.
type open struct {
	a     atom.Atom
	flags uint8
}

// region is a byte range of the extracted body text.
type region struct{ start, end int }

func (r region) len() int { return r.end - r.start }

// htmlDoc extracts text and metadata from HTML with the tokenizer alone: no
// tree, no recursion, so deep nesting costs a slice entry per level, and
// end tags are matched in amortised constant time.
type htmlDoc struct {
	out     []byte // body text
	pending int    // line breaks owed before the next text (0, 1 or 2)
	space   bool   // a space owed before the next text
	stack   []open
	counts  map[atom.Atom]int // open elements per tag
	skip    int               // open dropped elements

	articles, mains     int // open <article>, <main>/[role=main] elements
	artStart, mainStart int
	bestArt, bestMain   region

	title, ogTitle, h1, url, ogURL, published, timeDate, outlet, lang string
	h1Buf, titleBuf                                                   []byte
	h1Open                                                            int
}

// extractHTML runs the tokenizer over raw.
func extractHTML(raw []byte) *htmlDoc {
	d := &htmlDoc{counts: make(map[atom.Atom]int)}
	z := html.NewTokenizer(bytes.NewReader(raw))
	for {
		switch z.Next() {
		case html.ErrorToken:
			d.closeAll()
			return d
		case html.TextToken:
			d.textToken(z.Text())
		case html.StartTagToken:
			name, hasAttr := z.TagName()
			d.start(z, atom.Lookup(name), hasAttr, false)
		case html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			d.start(z, atom.Lookup(name), hasAttr, true)
		case html.EndTagToken:
			name, _ := z.TagName()
			d.end(atom.Lookup(name))
		}
	}
}

// start handles a start tag.
func (d *htmlDoc) start(z *html.Tokenizer, a atom.Atom, hasAttr, selfClosing bool) {
	var role, rel, href, prop, content, datetime, lang string
	for hasAttr {
		var k, v []byte
		k, v, hasAttr = z.TagAttr()
		switch string(k) {
		case "role":
			role = string(v)
		case "rel":
			rel = string(v)
		case "href":
			href = string(v)
		case "property", "name", "itemprop":
			if prop == "" {
				prop = strings.ToLower(string(v))
			}
		case "content":
			content = string(v)
		case "datetime":
			datetime = string(v)
		case "lang":
			lang = string(v)
		}
	}
	switch a {
	case atom.Html:
		if d.lang == "" {
			d.lang = strings.TrimSpace(lang)
		}
	case atom.Meta:
		d.meta(prop, strings.TrimSpace(content))
	case atom.Link:
		if d.url == "" && hasToken(rel, "canonical") {
			d.url = strings.TrimSpace(href)
		}
	case atom.Time:
		if d.timeDate == "" {
			d.timeDate = strings.TrimSpace(datetime)
		}
	case atom.Br:
		if d.pending < 2 && d.skip == 0 {
			d.pending++
		}
		return
	}
	if blocks[a] {
		d.pending = 2
	}
	if a == atom.Td || a == atom.Th {
		d.space = true // cells of a row are separated by a space
	}
	if voids[a] || selfClosing {
		return
	}
	o := open{a: a}
	if dropped[a] {
		o.flags |= fDropped
		d.skip++
	}
	if a == atom.Article {
		o.flags |= fArticle
		if d.articles == 0 {
			d.artStart = len(d.out)
		}
		d.articles++
	}
	if a == atom.Main || strings.EqualFold(strings.TrimSpace(role), "main") {
		o.flags |= fMain
		if d.mains == 0 {
			d.mainStart = len(d.out)
		}
		d.mains++
	}
	if a == atom.H1 && d.h1 == "" {
		o.flags |= fH1
		d.h1Open++
	}
	if a == atom.Title && d.title == "" && d.counts[atom.Svg] == 0 {
		o.flags |= fTitle
	}
	d.stack = append(d.stack, o)
	d.counts[a]++
}

// meta records metadata from a <meta> tag.
func (d *htmlDoc) meta(prop, content string) {
	if content == "" {
		return
	}
	set := func(dst *string) {
		if *dst == "" {
			*dst = content
		}
	}
	switch prop {
	case "og:title":
		set(&d.ogTitle)
	case "og:url":
		set(&d.ogURL)
	case "og:site_name":
		set(&d.outlet)
	case "article:published_time", "datepublished", "date", "pubdate", "dc.date.issued":
		set(&d.published)
	}
}

// hasToken reports whether the space-separated list s holds tok.
func hasToken(s, tok string) bool {
	for _, f := range strings.Fields(s) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}

// end handles an end tag: it closes the most recent open element of that
// tag and everything opened after it; a stray end tag is ignored.
func (d *htmlDoc) end(a atom.Atom) {
	if a == atom.Br { // "</br>" acts as <br> in browsers
		if d.pending < 2 && d.skip == 0 {
			d.pending++
		}
		return
	}
	if d.counts[a] == 0 {
		if blocks[a] {
			d.pending = 2
		}
		return
	}
	for len(d.stack) > 0 {
		o := d.pop()
		if o.a == a {
			break
		}
	}
}

// closeAll closes the elements still open at the end of the input.
func (d *htmlDoc) closeAll() {
	for len(d.stack) > 0 {
		d.pop()
	}
}

// pop closes the top element.
func (d *htmlDoc) pop() open {
	o := d.stack[len(d.stack)-1]
	d.stack = d.stack[:len(d.stack)-1]
	d.counts[o.a]--
	if blocks[o.a] {
		d.pending = 2
	}
	if o.flags&fDropped != 0 {
		d.skip--
	}
	if o.flags&fArticle != 0 {
		if d.articles--; d.articles == 0 {
			if r := (region{d.artStart, len(d.out)}); r.len() > d.bestArt.len() {
				d.bestArt = r
			}
		}
	}
	if o.flags&fMain != 0 {
		if d.mains--; d.mains == 0 {
			if r := (region{d.mainStart, len(d.out)}); r.len() > d.bestMain.len() {
				d.bestMain = r
			}
		}
	}
	if o.flags&fH1 != 0 {
		if d.h1Open--; d.h1Open == 0 {
			d.h1 = shorten(collapse(d.h1Buf), maxTitle)
			d.h1Buf = nil
		}
	}
	if o.flags&fTitle != 0 && d.title == "" {
		d.title = shorten(collapse(d.titleBuf), maxTitle)
		d.titleBuf = nil
	}
	return o
}

// textToken handles text: it collects titles and appends visible text with
// whitespace collapsed.
func (d *htmlDoc) textToken(t []byte) {
	if d.h1Open > 0 && len(d.h1Buf) < 4*maxTitle {
		d.h1Buf = append(append(d.h1Buf, ' '), t...)
	}
	if n := len(d.stack); n > 0 && d.stack[n-1].flags&fTitle != 0 {
		if len(d.titleBuf) < 4*maxTitle {
			d.titleBuf = append(d.titleBuf, t...)
		}
		return
	}
	if d.skip > 0 {
		return
	}
	for i := 0; i < len(t); i++ {
		c := t[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f':
			d.space = true
			continue
		case c == 0xC2 && i+1 < len(t) && t[i+1] == 0xA0: // no-break space
			d.space = true
			i++
			continue
		}
		if len(d.out) > 0 {
			switch {
			case d.pending > 0:
				d.out = append(d.out, "\n\n"[:d.pending]...)
			case d.space:
				d.out = append(d.out, ' ')
			}
		}
		d.pending, d.space = 0, false
		d.out = append(d.out, c)
	}
}

// collapse trims b and collapses its runs of whitespace into one space.
func collapse(b []byte) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(string(b), "\u00a0", " ")), " ")
}

// text returns the article text: the longest <article> when it holds a
// fair share of the page's text, else the longest <main> or [role=main],
// else the whole body.
func (d *htmlDoc) text() string {
	total := len(bytes.TrimSpace(d.out))
	for _, r := range []region{d.bestArt, d.bestMain} {
		t := bytes.TrimSpace(d.out[r.start:r.end])
		if len(t) > 0 && len(t)*5 >= total {
			return string(t)
		}
	}
	return string(bytes.TrimSpace(d.out))
}
