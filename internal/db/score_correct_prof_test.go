package db

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/attrib/attrib/internal/scoring"
)

// TestRematchProfile times the parts of a link's re-matching on the store
// named by ATTRIB_REMATCH_DB (skipped without it):
// ATTRIB_REMATCH_DB=/tmp/x.db go test ./internal/db -run RematchProfile -v -cpuprofile /tmp/rm.prof
func TestRematchProfile(t *testing.T) {
	path := os.Getenv("ATTRIB_REMATCH_DB")
	if path == "" {
		t.Skip("ATTRIB_REMATCH_DB not set")
	}
	ctx := context.Background()
	d, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	t0 := time.Now()
	var claims []scoring.Claim
	rows, err := d.sql.QueryContext(ctx, `SELECT id, text, coalesce(cue_text, '') FROM claims ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var c scoring.Claim
		if err := rows.Scan(&c.ID, &c.Text, &c.Cue); err != nil {
			t.Fatal(err)
		}
		claims = append(claims, c)
	}
	rows.Close()
	t1 := time.Now()
	var links []scoring.Link
	g, e := scoring.Rematch(claims, links)
	t.Logf("%d claims: load %.1fs, rematch %.1fs (%d groups, %d edges)", len(claims), t1.Sub(t0).Seconds(), time.Since(t1).Seconds(), len(g), len(e))
}
