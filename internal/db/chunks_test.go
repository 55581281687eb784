package db

import (
	"context"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// chunkArticles are a batch whose later articles depend on the earlier
// ones: the same sources named anew, a new alias, duplicates by text and
// by URL.
func chunkArticles() []ArticleRecord {
	a := sampleArticle("https://example.org/1", "one")
	b := sampleArticle("https://example.org/2", "two")
	b.Sources[1].Aliases = append(b.Sources[1].Aliases, Alias{Key: "the agency", Text: "the Agency"})
	b.Sources = append(b.Sources, SourceRecord{Key: "john roe", Name: "John Roe", Kind: "person", AffiliationKey: "agency"})
	b.Claims[1].Hops = append(b.Claims[1].Hops, HopRecord{SourceKey: "john roe"})
	dupText := sampleArticle("https://example.org/3", "one")
	dupURL := sampleArticle("https://example.org/2", "other")
	c := sampleArticle("", "three")
	return []ArticleRecord{a, b, dupText, dupURL, c}
}

// dumpRows is every row ingest writes, in order.
func dumpRows(t *testing.T, d *DB) []string {
	t.Helper()
	var out []string
	for _, q := range []string{
		`SELECT id || '|' || name || '|' || key || '|' || kind || '|' || ifnull(affiliation_id, '') FROM sources ORDER BY id`,
		`SELECT rowid || '|' || key || '|' || alias || '|' || source_id FROM aliases ORDER BY rowid`,
		`SELECT id || '|' || outlet_id || '|' || ifnull(url, '') || '|' || text FROM articles ORDER BY id`,
		`SELECT id || '|' || article_id || '|' || seq || '|' || text || '|' || spans || '|' || origin_id FROM claims ORDER BY id`,
		`SELECT claim_id || '|' || position || '|' || source_id FROM chain_hops ORDER BY claim_id, position`,
	} {
		r, err := d.sql.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		for r.Next() {
			var s string
			if err := r.Scan(&s); err != nil {
				t.Fatal(err)
			}
			out = append(out, s)
		}
		r.Close()
	}
	return out
}

// A transaction fed in chunks stores the same rows, with the same
// outcomes, as the whole batch at once: each chunk sees what the earlier
// ones wrote.
func TestChunksStoreWhatTheBatchStores(t *testing.T) {
	ctx := context.Background()
	whole := MustOpen(t)
	wantOut, err := whole.AddArticles(ctx, chunkArticles())
	if err != nil {
		t.Fatal(err)
	}
	d := MustOpen(t)
	arts := chunkArticles()
	chunks := [][]ArticleRecord{arts[:1], {}, arts[1:3], arts[3:]}
	gotOut, err := d.AddArticleChunks(ctx, func() ([]ArticleRecord, error) {
		if len(chunks) == 0 {
			return nil, nil
		}
		c := chunks[0]
		chunks = chunks[1:]
		return c, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(wantOut, gotOut); diff != "" {
		t.Errorf("outcomes (-whole +chunks):\n%s", diff)
	}
	if diff := cmp.Diff(dumpRows(t, whole), dumpRows(t, d)); diff != "" {
		t.Errorf("rows (-whole +chunks):\n%s", diff)
	}
}

// When the supplier of chunks fails half-way, the chunks already written
// are rolled back with the rest: a transaction is all or nothing.
func TestFailedChunkRollsBackTheTransaction(t *testing.T) {
	ctx := context.Background()
	d := MustOpen(t)
	arts := chunkArticles()
	calls := 0
	_, err := d.AddArticleChunks(ctx, func() ([]ArticleRecord, error) {
		if calls++; calls == 1 {
			return arts[:2], nil
		}
		return nil, errors.New("input broke")
	})
	if err == nil {
		t.Fatal("want the supplier's error")
	}
	if n, _ := d.Count(ctx); n.Articles != 0 || n.Sources != 0 || n.Claims != 0 {
		t.Errorf("a failed transaction left rows behind: %+v", n)
	}
	// The connection is usable again.
	if _, err := d.AddArticles(ctx, arts); err != nil {
		t.Fatal(err)
	}
}
