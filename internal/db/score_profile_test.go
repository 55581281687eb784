package db

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/attrib/attrib/internal/scoring"
)

// TestRescoreChangedTiming times the phases of RescoreChanged on the store
// named by ATTRIB_SCORE_DB (a scratch copy: it is written); skipped unless set.
func TestRescoreChangedTiming(t *testing.T) {
	path := os.Getenv("ATTRIB_SCORE_DB")
	if path == "" {
		t.Skip("set ATTRIB_SCORE_DB to a scratch store to time incremental scoring")
	}
	ctx := context.Background()
	d, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	var tScore time.Duration
	t0 := time.Now()
	st, delta, err := d.RescoreChanged(ctx, func(in scoring.Input) scoring.Result {
		t1 := time.Now()
		t.Logf("load %v", t1.Sub(t0))
		r := scoring.Score(in)
		tScore = time.Since(t1)
		return r
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("score %v, total %v, %d claims changed; %+v", tScore, time.Since(t0), len(delta.Claims), st)
}
