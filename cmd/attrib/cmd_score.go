package main

import (
	"fmt"
	"time"

	"github.com/attrib/attrib/internal/db"
	"github.com/attrib/attrib/internal/scoring"
	"github.com/urfave/cli/v2"
)

func scoreCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "score",
		Usage: "recompute all propositions, origins, grades and audit findings",
		Action: func(c *cli.Context) error {
			return withDB(c, func(d *db.DB) error { return scoreAll(c, e, d, true) })
		},
	}
}

// scoreAll recomputes every machine-written grade from the stored claims and
// the fact-checker's corrections.
func scoreAll(c *cli.Context, e *env, d *db.DB, verbose bool) error {
	t0 := time.Now()
	in, res, err := d.Rescore(c.Context, scoring.Score)
	if err != nil {
		return fmt.Errorf("scoring: %w", err)
	}
	if verbose {
		fmt.Fprintf(e.stdout, "scored %d claim(s) into %d proposition(s), graded %d source(s), %d audit finding(s) in %.1fs\n",
			len(in.Claims), len(res.Propositions), len(res.Sources), len(res.Findings), time.Since(t0).Seconds())
	}
	return nil
}

// scoreChanged is what ingest runs: the same result as scoreAll, but only
// the new claims, the propositions they touch and those whose origins'
// grades move are read and written (db.RescoreChanged); a store whose
// scoring state does not fit is scored whole instead.
func scoreChanged(c *cli.Context, e *env, d *db.DB, verbose bool) error {
	t0 := time.Now()
	st, delta, err := d.RescoreChanged(c.Context, scoring.Score)
	if err != nil {
		return fmt.Errorf("scoring: %w", err)
	}
	if verbose {
		how := "incrementally"
		if !st.Incremental {
			how = "in full (" + st.Fallback + ")"
		}
		fmt.Fprintf(e.stdout, "scored %d claim(s) into %d proposition(s) %s; updated %d proposition(s), %d claim(s), %d source(s) in %.1fs\n",
			st.ClaimsLoaded, st.Propositions, how, len(delta.Propositions)+len(delta.Removed), len(delta.Claims), len(delta.Sources), time.Since(t0).Seconds())
	}
	return nil
}
