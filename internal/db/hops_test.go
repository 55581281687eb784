package db

import (
	"context"
	"strings"
	"testing"
)

// TestChainStartsAtOutlet: a chain's first hop must be the article's
// outlet, whether it names the outlet by its own key or by another key of
// the article that is the same stored source; any other first hop fails
// the batch, which stores nothing.
func TestChainStartsAtOutlet(t *testing.T) {
	ctx := context.Background()
	d := MustOpen(t)
	defer d.Close()
	// synthArticle's chains start with the outlet's own key (the
	// builder's way).
	if _, err := d.AddArticles(ctx, []ArticleRecord{synthArticle(1, 50)}); err != nil {
		t.Fatalf("outlet's own key: %v", err)
	}
	// Another key of the article that is the same stored source.
	again := synthArticle(2, 50)
	again.OutletKey = "outlet 1" // stored by the first article
	again.Sources[0] = SourceRecord{Key: "outlet 1", Name: "outlet 1", Kind: "outlet",
		Aliases: []Alias{{Key: "the outlet one", Text: "The Outlet One"}}}
	again.Sources = append(again.Sources, SourceRecord{Key: "the outlet one", Name: "The Outlet One", Kind: "outlet"})
	for c := range again.Claims {
		again.Claims[c].Hops[0].SourceKey = "outlet 1"
	}
	again.Claims[0].Hops[0].SourceKey = "the outlet one"
	if _, err := d.AddArticles(ctx, []ArticleRecord{again}); err != nil {
		t.Fatalf("another key of the outlet: %v", err)
	}
	// A person first: refused, and nothing of the batch stored.
	bad, good := synthArticle(3, 50), synthArticle(4, 50)
	bad.Claims[0].Hops[0].SourceKey = bad.Sources[1].Key
	_, err := d.AddArticles(ctx, []ArticleRecord{good, bad})
	if err == nil || !strings.Contains(err.Error(), "not the article's outlet") {
		t.Fatalf("a person as hop 0: err = %v", err)
	}
	var n int
	if err := d.sql.QueryRowContext(ctx, "SELECT count(*) FROM articles").Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 2 {
		t.Fatalf("%d articles stored, want the first two only", n)
	}
}
