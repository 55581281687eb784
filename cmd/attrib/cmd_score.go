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
// the new claims are compared with the store (the stored match groups and
// edges stand for the rest), no old article text is read, and only the rows
// whose grade, proposition or finding changed are written (see
// db.RescoreChanged), so adding one article rewrites what it touched.
func scoreChanged(c *cli.Context, e *env, d *db.DB, verbose bool) error {
	t0 := time.Now()
	in, res, delta, err := d.RescoreChanged(c.Context, scoring.Score)
	if err != nil {
		return fmt.Errorf("scoring: %w", err)
	}
	if verbose {
		fmt.Fprintf(e.stdout, "scored %d claim(s) into %d proposition(s); updated %d proposition(s), %d claim(s), %d source(s) in %.1fs\n",
			len(in.Claims), len(res.Propositions), len(delta.Propositions)+len(delta.Removed), len(delta.Claims), len(delta.Sources), time.Since(t0).Seconds())
	}
	return nil
}
