package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/attrib/attrib/internal/db"
	"github.com/attrib/attrib/internal/scoring"
	"github.com/urfave/cli/v2"
)

var noteFlag = &cli.StringFlag{Name: "note", Usage: "why (kept with the correction and its time)"}

// correctionFunc turns a correction's positional arguments into a
// db.Correction and the message that confirms it once recorded.
type correctionFunc func(c *cli.Context, d *db.DB, args []string) (db.Correction, func(db.CorrectResult) string, error)

// correction wraps a fact-checker's correction: it parses the positional
// arguments, records the correction and rescores in one transaction
// (db.Correct: only what the correction touches when the store's scoring
// state allows, in full otherwise), so the grades reflect it at once.
func correction(e *env, name, usage, argsUsage string, nargs int, fn correctionFunc) *cli.Command {
	return &cli.Command{
		Name: name, Usage: usage, ArgsUsage: argsUsage, Flags: []cli.Flag{noteFlag},
		Action: func(c *cli.Context) error {
			args, err := positional(c)
			if err != nil {
				return err
			}
			if len(args) != nargs {
				return usagef("%s needs %s", c.Command.FullName(), argsUsage)
			}
			return withDB(c, func(d *db.DB) error {
				corr, msg, err := fn(c, d, args)
				if err != nil {
					return err
				}
				corr.Note = c.String("note")
				t0 := time.Now()
				res, err := d.Correct(c.Context, corr, scoring.Score)
				if err != nil {
					return err
				}
				fmt.Fprintln(e.stdout, msg(res))
				st := res.Stats
				how := "incrementally"
				if !st.Incremental {
					how = "in full (" + st.Fallback + ")"
				}
				fmt.Fprintf(e.stdout, "scored %d claim(s) into %d proposition(s) %s; updated %d proposition(s), %d claim(s), %d source(s) in %.1fs\n",
					st.ClaimsLoaded, st.Propositions, how, len(res.Delta.Propositions)+len(res.Delta.Removed), len(res.Delta.Claims),
					len(res.Delta.Sources), time.Since(t0).Seconds())
				return nil
			})
		},
	}
}

// fixed is a message that does not depend on the result.
func fixed(s string) func(db.CorrectResult) string { return func(db.CorrectResult) string { return s } }

func linkCommands(e *env) []*cli.Command {
	link := func(linked bool) correctionFunc {
		return func(c *cli.Context, d *db.DB, args []string) (db.Correction, func(db.CorrectResult) string, error) {
			a, err := parseID(args[0], "claim")
			if err != nil {
				return db.Correction{}, nil, err
			}
			b, err := parseID(args[1], "claim")
			if err != nil {
				return db.Correction{}, nil, err
			}
			if linked {
				return db.Correction{Op: db.CorrectLink, A: a, B: b}, fixed(fmt.Sprintf("claims %d and %d are now one proposition", a, b)), nil
			}
			return db.Correction{Op: db.CorrectUnlink, A: a, B: b}, fixed(fmt.Sprintf("claims %d and %d will never be put in one proposition", a, b)), nil
		}
	}
	return []*cli.Command{
		correction(e, "link", "say that two claims assert the same thing (wins over the matcher)", "CLAIM CLAIM", 2, link(true)),
		correction(e, "unlink", "say that two claims do not assert the same thing (wins over the matcher)", "CLAIM CLAIM", 2, link(false)),
		correction(e, "verdict", "record a fact-checker's verdict on a claim: true, false or misleading", "CLAIM VERDICT", 2,
			func(c *cli.Context, d *db.DB, args []string) (db.Correction, func(db.CorrectResult) string, error) {
				id, err := parseID(args[0], "claim")
				if err != nil {
					return db.Correction{}, nil, err
				}
				v := strings.ToLower(args[1])
				return db.Correction{Op: db.CorrectVerdict, A: id, Value: v}, fixed(fmt.Sprintf("claim %d: verdict %s recorded", id, v)), nil
			}),
	}
}

func sourceCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "source",
		Usage: "a fact-checker's corrections to sources: rate, merge, split",
		Subcommands: []*cli.Command{
			correction(e, "rate", "set a source's reliability A-F (overrides the learned grade)", "NAME GRADE", 2,
				func(c *cli.Context, d *db.DB, args []string) (db.Correction, func(db.CorrectResult) string, error) {
					s, err := findSource(c, d, args[0])
					if err != nil {
						return db.Correction{}, nil, err
					}
					g := strings.ToUpper(args[1])
					return db.Correction{Op: db.CorrectRate, Source: s.Name, Value: g}, fixed(fmt.Sprintf("%s rated %s", s.Name, g)), nil
				}),
			correction(e, "merge", "make two sources one: B's names, claims and articles move to A", "A B", 2,
				func(c *cli.Context, d *db.DB, args []string) (db.Correction, func(db.CorrectResult) string, error) {
					into, err := findSource(c, d, args[0])
					if err != nil {
						return db.Correction{}, nil, err
					}
					from, err := findSource(c, d, args[1])
					if err != nil {
						return db.Correction{}, nil, err
					}
					return db.Correction{Op: db.CorrectMerge, Source: into.Name, From: from.Name},
						fixed(fmt.Sprintf("%s merged into %s", from.Name, into.Name)), nil
				}),
			correction(e, "split", "take an alias out of its source into a source of its own, with the chain hops written that way", "ALIAS", 1,
				func(c *cli.Context, d *db.DB, args []string) (db.Correction, func(db.CorrectResult) string, error) {
					return db.Correction{Op: db.CorrectSplit, Source: args[0]}, func(r db.CorrectResult) string {
						return fmt.Sprintf("%s is now source %d", args[0], r.NewSource)
					}, nil
				}),
		},
	}
}
