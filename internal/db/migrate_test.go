package db

import (
	"context"
	"path/filepath"
	"regexp"
	"testing"

	attrib "github.com/attrib/attrib"
)

// TestMigrateFromVersion1 makes a version-1 store (today's store without
// what later versions added), puts an article in it, and opens it: the
// missing tables appear, the article stays, and the version is current.
func TestMigrateFromVersion1(t *testing.T) {
	if attrib.SchemaVersion < 2 {
		t.Skip("nothing to migrate")
	}
	path := filepath.Join(t.TempDir(), "old.db")
	ctx := context.Background()
	d, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.AddArticles(ctx, []ArticleRecord{sampleArticle("https://example.org/1", "One sentence.")}); err != nil {
		t.Fatal(err)
	}
	added := regexp.MustCompile(`CREATE (TABLE|INDEX|VIEW) (\w+)`).FindAllStringSubmatch(attrib.SchemaAfter(1), -1)
	if len(added) == 0 {
		t.Fatal("no statements after version 1")
	}
	for i := len(added) - 1; i >= 0; i-- {
		if _, err := d.sql.Exec("DROP " + added[i][1] + " " + added[i][2]); err != nil {
			t.Fatalf("drop %s: %v", added[i][2], err)
		}
	}
	if _, err := d.sql.Exec("PRAGMA user_version = 1"); err != nil {
		t.Fatal(err)
	}
	d.Close()

	d, err = Open(ctx, path)
	if err != nil {
		t.Fatalf("open a version-1 store: %v", err)
	}
	defer d.Close()
	var v, n int
	if err := d.sql.QueryRow("PRAGMA user_version").Scan(&v); err != nil || v != attrib.SchemaVersion {
		t.Fatalf("version %d (%v), want %d", v, err, attrib.SchemaVersion)
	}
	for _, a := range added {
		if err := d.sql.QueryRow("SELECT count(*) FROM sqlite_schema WHERE name = ?", a[2]).Scan(&n); err != nil || n != 1 {
			t.Errorf("%s %s missing after the migration (%v)", a[1], a[2], err)
		}
	}
	if err := d.sql.QueryRow("SELECT count(*) FROM articles").Scan(&n); err != nil || n != 1 {
		t.Fatalf("%d articles after the migration (%v), want 1", n, err)
	}
}
