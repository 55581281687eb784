package db

import (
	"context"
	"os"
	"testing"
)

// The write connection leaves checkpoints to a goroutine; the log must
// still stay bounded over many batches (the writer restarts it at
// walLimit), and everything must be in the database file after Close.
func TestWriteAheadLogStaysBounded(t *testing.T) {
	old := walLimit
	walLimit = 1 << 20
	t.Cleanup(func() { walLimit = old })
	d := MustOpen(t)
	ctx := context.Background()
	var biggest int64
	n := 0
	for b := 0; b < 60; b++ {
		var arts []ArticleRecord
		for i := 0; i < 32; i++ {
			arts = append(arts, synthArticle(n, 500))
			n++
		}
		if _, err := d.AddArticles(ctx, arts); err != nil {
			t.Fatal(err)
		}
		if fi, err := os.Stat(d.Path() + "-wal"); err == nil {
			biggest = max(biggest, fi.Size())
		}
	}
	// 60 batches of about 0.6 MB of pages each: without restarts the log
	// would hold all of them (about 55 MB). It may pass the limit by a
	// batch or two before the writer sees it.
	if biggest > 4<<20 {
		t.Errorf("log grew to %d bytes with a limit of 1 MB", biggest)
	}
	path := d.Path()
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(path + "-wal"); err == nil && fi.Size() > 0 {
		t.Errorf("log of %d bytes left after Close", fi.Size())
	}
	d2, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer d2.Close()
	c, err := d2.Count(ctx)
	if err != nil || c.Articles != n {
		t.Fatalf("%d articles after reopening (%v), want %d", c.Articles, err, n)
	}
}
