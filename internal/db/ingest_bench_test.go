package db

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// synthArticle is an article shaped like real news after extraction (40
// claims, a third of them attributed, a few sources with aliases), with
// sources drawn from a pool of nsrc so that the store grows realistically.
func synthArticle(i, nsrc int) ArticleRecord {
	text := strings.Repeat(fmt.Sprintf("Sentence %d of a news article, with words. ", i), 120)
	a := ArticleRecord{URL: fmt.Sprintf("https://example.org/%d", i), Title: "T", Text: text,
		OutletKey: fmt.Sprintf("outlet %d", i%50), From: "synth.jsonl"}
	a.Sources = append(a.Sources, SourceRecord{Key: a.OutletKey, Name: a.OutletKey, Kind: "outlet"})
	for k := 0; k < 6; k++ {
		n := (i*7 + k*131) % nsrc
		name := fmt.Sprintf("person %d", n)
		a.Sources = append(a.Sources, SourceRecord{Key: name, Name: name, Kind: "person",
			Aliases: []Alias{{Key: fmt.Sprintf("p%d", n), Text: fmt.Sprintf("P%d", n)}}})
	}
	for c := 0; c < 40; c++ {
		cr := ClaimRecord{Text: text[c*50 : c*50+80], Spans: [][2]int{{c * 50, c*50 + 80}}, Hops: []HopRecord{{SourceKey: a.OutletKey}}}
		if c%3 == 0 {
			s := a.Sources[1+c%6]
			cr.Cue = &TextSpan{Text: "said", Start: c*50 + 81, End: c*50 + 85}
			cr.Hops = append(cr.Hops, HopRecord{SourceKey: s.Key, WrittenAs: s.Name, Mention: &TextSpan{Text: s.Name, Start: c * 50, End: c*50 + 8}})
		}
		a.Claims = append(a.Claims, cr)
	}
	return a
}

// BenchmarkAddArticles writes synthetic articles in batches of 64 into one
// growing store: the SQL side of ingest without extraction.
func BenchmarkAddArticles(b *testing.B) {
	d := MustOpen(b)
	ctx := context.Background()
	const batch = 64
	arts := make([]ArticleRecord, 0, batch)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		arts = append(arts, synthArticle(i, 5000))
		if len(arts) == batch || i == b.N-1 {
			if _, err := d.AddArticles(ctx, arts); err != nil {
				b.Fatal(err)
			}
			arts = arts[:0]
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}
