package db

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
)

// Every key added is reported as maybe there; few others are.
func TestKeyFilter(t *testing.T) {
	f := newKeyFilter(50000)
	for i := 0; i < 100000; i++ {
		if !f.add(fmt.Sprintf("source %d", i)) {
			t.Fatalf("full after %d keys", i)
		}
	}
	for i := 0; i < 100000; i++ {
		if !f.mayHave(fmt.Sprintf("source %d", i)) {
			t.Fatalf("key %d added but not found", i)
		}
	}
	fp := 0
	for i := 0; i < 100000; i++ {
		if f.mayHave(fmt.Sprintf("other %d", i)) {
			fp++
		}
	}
	if fp > 1000 {
		t.Errorf("%d false positives in 100,000", fp)
	}
}

// The filter is built at a connection's second batch and dropped as soon
// as another connection (here another DB handle, as another process would
// be) commits: a source that one stores is then found by the other, not
// made again (which would break the unique key).
func TestKeyFilterYieldsToOtherWriters(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "shared.db")
	d1, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer d1.Close()
	d2, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer d2.Close()
	for i := 1; i <= 2; i++ {
		if _, err := d1.AddArticles(ctx, []ArticleRecord{sampleArticle(fmt.Sprintf("https://example.org/%d", i), fmt.Sprint(i))}); err != nil {
			t.Fatal(err)
		}
	}
	if d1.wconn.filter == nil {
		t.Fatal("no key filter after two batches")
	}
	zed := func(url string) ArticleRecord {
		a := sampleArticle(url, url)
		a.Sources = append(a.Sources, SourceRecord{Key: "zed", Name: "Zed", Kind: "person", Aliases: []Alias{{Key: "zeta", Text: "Zeta"}}})
		a.Claims[1].Hops = append(a.Claims[1].Hops, HopRecord{SourceKey: "zed"})
		return a
	}
	out2, err := d2.AddArticles(ctx, []ArticleRecord{zed("https://example.org/other")})
	if err != nil {
		t.Fatal(err)
	}
	b := zed("https://example.org/3")
	b.Sources[3].Key, b.Sources[3].Aliases = "zeta", nil // another record naming it
	b.Claims[1].Hops[1].SourceKey = "zeta"
	out1, err := d1.AddArticles(ctx, []ArticleRecord{b})
	if err != nil {
		t.Fatalf("after another connection stored the source: %v", err)
	}
	if got, want := out1[0].SourceIDs["zeta"], out2[0].SourceIDs["zed"]; got != want {
		t.Errorf("zeta resolved to source %d, want %d (stored by the other connection)", got, want)
	}
	if d1.wconn.filter != nil {
		t.Error("the filter survived another connection's commit")
	}
}
