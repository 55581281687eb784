package input

import (
	"strings"
	"testing"
	"time"
)

func TestHTMLText(t *testing.T) {
	tests := []struct {
		name, html, want string
	}{
		{"paragraphs", "<p>One  two\n three.</p><p>Four &amp; five&nbsp;six.</p>", "One two three.\n\nFour & five six."},
		{"br", "<p>line one<br>line two<br/><br>line three</p>", "line one\nline two\n\nline three"},
		{"dropped", `<body><nav>Home | News</nav><header>Site</header><script>var x = "<p>no</p>";</script>
			<style>p{}</style><p>Kept text.</p><aside>Related</aside><form><button>Go</button></form>
			<iframe src="x">frame</iframe><svg><title>icon</title><text>svg</text></svg><noscript>js off</noscript>
			<template><p>tmpl</p></template><footer>(c)</footer></body>`, "Kept text."},
		{"article preferred", `<div>Menu text that is long enough to matter in a page</div>
			<article><h1>Head</h1><p>Body one.</p><p>Body two.</p></article><div>Comments</div>`, "Head\n\nBody one.\n\nBody two."},
		{"longest article", `<article><p>Teaser.</p></article><article><p>The real story, which is longer.</p></article>`,
			"The real story, which is longer."},
		{"main", `<div>chrome</div><main><p>Main text.</p></main>`, "Main text."},
		{"role main", `<div>chrome</div><div role="main"><p>Role text.</p><div>more</div></div><div>tail</div>`, "Role text.\n\nmore"},
		{"tiny article ignored", `<article>x</article><div><p>` + strings.Repeat("Long body text. ", 10) + `</p></div>`,
			"x\n\n" + strings.TrimSpace(strings.Repeat("Long body text. ", 10))},
		{"inline", "<p>A <b>bold</b>, <a href='#'>linked</a> <i>word</i>.</p>", "A bold, linked word."},
		{"lists and tables", "<ul><li>one</li><li>two</li></ul><table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>",
			"one\n\ntwo\n\na b\n\nc"},
		{"unclosed", "<div><p>first<p>second<div>third", "first\n\nsecond\n\nthird"},
		{"stray end tags", "</div></p>text</span> more</article>", "text more"},
		{"quotes and entities", "<p>&ldquo;We will,&rdquo; he said &#8212; 3&#x2009;000 troops.</p>", "“We will,” he said — 3\u2009000 troops."},
		{"no tags", "just text", "just text"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := extractHTML([]byte(tc.html)).text()
			if got != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestHTMLMeta(t *testing.T) {
	page := `<!DOCTYPE html><html lang="uk"><head>
<title>Weapons for Ukraine | Example News</title>
<meta property="og:title" content="OG title">
<meta property="og:site_name" content="Example News">
<meta property="og:url" content="https://example.test/og">
<link rel="alternate canonical" href="https://example.test/canonical">
<meta property="article:published_time" content="2024-10-24T18:05:00+03:00">
</head><body><article><h1>Heading</h1><p>Text.</p><time datetime="2023-01-01">old</time></article></body></html>`
	dir := t.TempDir()
	p := write(t, dir, "a.html", []byte(page))
	arts, probs := collect(t, &Reader{}, p)
	if len(probs) != 0 || len(arts) != 1 {
		t.Fatalf("got %d articles, problems %v", len(arts), probs)
	}
	want := Article{Path: p, URL: "https://example.test/canonical", Outlet: "Example News",
		Published: "2024-10-24", Title: "Weapons for Ukraine", Language: "uk", Text: "Heading\n\nText.\n\nold"}
	if arts[0] != want {
		t.Errorf("got  %+v\nwant %+v", arts[0], want)
	}

	// Fallbacks: og:title, og:url, <time datetime>; flags win.
	page2 := `<html><head><meta property="og:title" content="OG &amp; title"><meta property="og:url" content="https://e.test/x"></head>
<body><h1>H1 title</h1><p>Body <time datetime="24 October 2024">then</time></p></body></html>`
	p2 := write(t, dir, "b.htm", []byte(page2))
	arts, _ = collect(t, &Reader{}, p2)
	if len(arts) != 1 || arts[0].Title != "OG & title" || arts[0].URL != "https://e.test/x" || arts[0].Published != "2024-10-24" {
		t.Errorf("fallbacks: %+v", arts)
	}
	arts, _ = collect(t, &Reader{Defaults: Meta{Title: "Flag", Outlet: "Flag outlet", URL: "u", Published: "2020-01-02"}}, p2)
	if len(arts) != 1 || arts[0].Title != "Flag" || arts[0].Outlet != "Flag outlet" || arts[0].URL != "u" || arts[0].Published != "2020-01-02" {
		t.Errorf("flags: %+v", arts)
	}
	p3 := write(t, dir, "c.html", []byte(`<body><header><h1>Only  h1</h1></header><p>Body.</p></body>`))
	arts, _ = collect(t, &Reader{}, p3)
	if len(arts) != 1 || arts[0].Title != "Only h1" || arts[0].Text != "Body." {
		t.Errorf("h1: %+v", arts)
	}
}

func TestHTMLCharset(t *testing.T) {
	page := []byte("<html><head><meta charset=\"windows-1252\"></head><body><p>caf\xe9 \x93quoted\x94</p></body></html>")
	p := write(t, t.TempDir(), "legacy.html", page)
	arts, probs := collect(t, &Reader{}, p)
	if len(probs) != 0 || len(arts) != 1 || arts[0].Text != "café “quoted”" {
		t.Errorf("got %+v %v", arts, probs)
	}
}

func TestHTMLDeepNesting(t *testing.T) {
	const depth = 100_000
	var b strings.Builder
	for range depth {
		b.WriteString("<div><span>")
	}
	b.WriteString("deep")
	for range depth {
		b.WriteString("</span></div>")
	}
	for range depth {
		b.WriteString("<b>") // never closed
	}
	b.WriteString("tail")
	for range depth {
		b.WriteString("</i>") // stray, never opened
	}
	start := time.Now()
	got := extractHTML([]byte(b.String())).text()
	if got != "deep\n\ntail" {
		t.Errorf("got %q", got)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %v", d)
	}
}
