package db

import (
	"context"
	"maps"
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
	ctx := context.Background()
	d, path := storeWithOneArticle(t)
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

	d, err := Open(ctx, path)
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

// TestMigrateFromVersion2 opens a version-2 store (with the index on
// claims.origin_id and the source_summary that read it): the index goes,
// and source_summary counts every claim once, through the hops and the
// outlets.
func TestMigrateFromVersion2(t *testing.T) {
	ctx := context.Background()
	d, path := storeWithOneArticle(t)
	for _, q := range []string{
		`CREATE INDEX claims_origin ON claims (origin_id)`,
		`DROP VIEW source_summary`,
		`CREATE VIEW source_summary AS SELECT s.id, (SELECT count(*) FROM claims WHERE origin_id = s.id) AS origin_of FROM sources s`,
		`PRAGMA user_version = 2`,
	} {
		if _, err := d.sql.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	d.Close()

	d, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("open a version-2 store: %v", err)
	}
	defer d.Close()
	var n int
	if err := d.sql.QueryRow("SELECT count(*) FROM sqlite_schema WHERE name = 'claims_origin'").Scan(&n); err != nil || n != 0 {
		t.Errorf("claims_origin still there (%v)", err)
	}
	got := map[string]int{}
	rows, err := d.sql.Query(`SELECT name, origin_of FROM source_summary`)
	if err != nil {
		t.Fatalf("source_summary after the migration: %v", err)
	}
	defer rows.Close()
	for rows.Next() {
		var name string
		if err := rows.Scan(&name, &n); err != nil {
			t.Fatal(err)
		}
		got[name] = n
	}
	// The sample's claims: one ends at Jane Doe, one is the outlet's own.
	if want := map[string]int{"Outlet": 1, "Agency": 0, "Jane Doe": 1}; !maps.Equal(got, want) {
		t.Errorf("origin_of %v, want %v", got, want)
	}
}

// storeWithOneArticle makes a store of the current version holding one
// article, for a test to turn into an older one; it returns its path.
func storeWithOneArticle(t *testing.T) (*DB, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "old.db")
	d, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.AddArticles(context.Background(), []ArticleRecord{sampleArticle("https://example.org/1", "One sentence.")}); err != nil {
		t.Fatal(err)
	}
	return d, path
}
