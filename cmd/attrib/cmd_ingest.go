package main

import (
	"errors"
	"fmt"
	"sync"

	"github.com/attrib/attrib/internal/db"
	"github.com/attrib/attrib/internal/ingest"
	"github.com/attrib/attrib/internal/input"
	"github.com/urfave/cli/v2"
)

func ingestCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "ingest",
		Usage:     "read articles (.txt, .html, .jsonl, .jsonl.gz, folders, - for stdin), extract claims and chains, update grades",
		ArgsUsage: "PATH...",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "outlet", Usage: "publishing outlet `NAME` (for .txt/.html; JSONL lines carry their own)"},
			&cli.StringFlag{Name: "url", Usage: "article `URL`"},
			&cli.StringFlag{Name: "published", Usage: "publication `DATE` (YYYY-MM-DD)"},
			&cli.StringFlag{Name: "title", Usage: "article `TITLE` (default: first line, or the HTML title)"},
			&cli.IntFlag{Name: "max-bytes", Value: input.DefaultMaxBytes, Usage: "largest article text accepted, in `BYTES`"},
			&cli.BoolFlag{Name: "no-score", Usage: "do not recompute grades afterwards (run `attrib score` later)"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print only problems and the summary"},
		},
		Action: func(c *cli.Context) error {
			paths, err := positional(c)
			if err != nil {
				return err
			}
			if len(paths) == 0 {
				return usagef("ingest needs at least one PATH (a file, a folder, or - for stdin)")
			}
			return withDB(c, func(d *db.DB) error { return runIngest(c, e, d, paths) })
		},
	}
}

func runIngest(c *cli.Context, e *env, d *db.DB, paths []string) error {
	r := &input.Reader{
		Stdin:    e.stdin,
		MaxBytes: c.Int("max-bytes"),
		Defaults: input.Meta{URL: c.String("url"), Outlet: c.String("outlet"), Published: c.String("published"), Title: c.String("title")},
	}
	ing, err := ingest.New(c.Context, d, ingest.Options{})
	if err != nil {
		return err
	}
	var mu sync.Mutex // report runs on the reading goroutine, done on this one
	var badInputs, notices int
	report := func(p input.Problem) {
		mu.Lock()
		defer mu.Unlock()
		if errors.Is(p.Err, input.ErrSkipped) {
			notices++
			fmt.Fprintf(e.stderr, "attrib: note: %v\n", p)
			return
		}
		badInputs++
		fmt.Fprintf(e.stderr, "attrib: %v\n", p)
	}
	done := func(res ingest.Result) {
		mu.Lock()
		defer mu.Unlock()
		where := res.Article.Path
		if res.Article.Line > 0 {
			where = fmt.Sprintf("%s:%d", where, res.Article.Line)
		}
		switch {
		case res.Err != nil:
			fmt.Fprintf(e.stderr, "attrib: %s: %v\n", where, res.Err)
		case c.Bool("quiet"):
		case res.Duplicate:
			fmt.Fprintf(e.stdout, "%s: already stored as article %d, skipped\n", where, res.ID)
		default:
			fmt.Fprintf(e.stdout, "%s: article %d, %d claims\n", where, res.ID, res.Claims)
		}
	}
	read := func(yield func(input.Article) error) error {
		return r.Read(paths, yield, report)
	}
	st, err := ing.Run(c.Context, read, done)
	fmt.Fprintf(e.stdout, "ingested %d article(s) with %d claim(s); %d already stored; %d failed\n",
		st.Added, st.Claims, st.Duplicates, st.Failed+badInputs)
	if err != nil {
		return err
	}
	if st.Added > 0 && !c.Bool("no-score") {
		if err := scoreAll(c, e, d, !c.Bool("quiet")); err != nil {
			return err
		}
	}
	if failed := st.Failed + badInputs; failed > 0 {
		return partialError{fmt.Sprintf("%d input(s) failed (see above); the others were stored", failed)}
	}
	return nil
}
