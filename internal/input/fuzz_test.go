package input

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzJSONL feeds arbitrary bytes to the JSONL reader: it must not panic,
// must finish quickly, and every article it yields must be valid UTF-8.
func FuzzJSONL(f *testing.F) {
	f.Add([]byte(`{"text":"a","title":"t","published":"Oct 24, 2024"}` + "\n" + `{"text":1}`))
	f.Add([]byte("{\"text\":\"caf\xe9\"}\n\n{"))
	f.Add([]byte(`{"text":"x","lang":"en","id":3,"topic":{"a":[]}}` + "\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := &Reader{Stdin: strings.NewReader(string(data)), MaxBytes: 1 << 10}
		start := time.Now()
		s := &session{r: r, max: 1 << 10, report: func(Problem) {}, yield: func(a Article) error {
			if !utf8.ValidString(a.Text) || a.Line < 1 || strings.TrimSpace(a.Text) == "" {
				t.Errorf("bad article %+v", a)
			}
			return nil
		}}
		if err := s.jsonlStream("fuzz.jsonl", strings.NewReader(string(data))); err != nil {
			t.Fatal(err)
		}
		if d := time.Since(start); d > time.Second {
			t.Errorf("took %v on %d bytes", d, len(data))
		}
	})
}

// FuzzHTML feeds arbitrary bytes to the HTML extractor: no panic, bounded
// time, and text without leading or trailing space.
func FuzzHTML(f *testing.F) {
	f.Add([]byte(`<html lang="en"><head><title>T | S</title><meta property="og:site_name" content="S"></head><body><article><p>a<br>b</p></article></body></html>`))
	f.Add([]byte(`<div role=main><script>x</script><p>&amp;&nbsp;</div></p></span><br></br>`))
	f.Add([]byte(`<svg><title>i</title></svg><main><h1>h</h1><template><p>t</template></main>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		start := time.Now()
		doc := extractHTML(data)
		text := doc.text()
		if strings.TrimSpace(text) != text {
			t.Errorf("untrimmed text %q", text)
		}
		if len(text) > len(data)+len(data)/2+8 {
			t.Errorf("text of %d bytes from %d bytes of HTML", len(text), len(data))
		}
		if d := time.Since(start); d > time.Second {
			t.Errorf("took %v on %d bytes", d, len(data))
		}
	})
}
