package main

import (
	"fmt"
	"strings"

	"github.com/attrib/attrib/internal/db"
	"github.com/urfave/cli/v2"
)

var noteFlag = &cli.StringFlag{Name: "note", Usage: "why (kept with the correction and its time)"}

// correction wraps a fact-checker's correction: it parses the positional
// arguments, applies fn and rescores, so the grades reflect it at once.
func correction(e *env, name, usage, argsUsage string, nargs int, fn func(c *cli.Context, d *db.DB, args []string) (string, error)) *cli.Command {
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
				msg, err := fn(c, d, args)
				if err != nil {
					return err
				}
				fmt.Fprintln(e.stdout, msg)
				return scoreAll(c, e, d, true)
			})
		},
	}
}

func linkCommands(e *env) []*cli.Command {
	link := func(linked bool) func(c *cli.Context, d *db.DB, args []string) (string, error) {
		return func(c *cli.Context, d *db.DB, args []string) (string, error) {
			a, err := parseID(args[0], "claim")
			if err != nil {
				return "", err
			}
			b, err := parseID(args[1], "claim")
			if err != nil {
				return "", err
			}
			if err := d.Link(c.Context, a, b, linked, c.String("note")); err != nil {
				return "", err
			}
			if linked {
				return fmt.Sprintf("claims %d and %d are now one proposition", a, b), nil
			}
			return fmt.Sprintf("claims %d and %d will never be put in one proposition", a, b), nil
		}
	}
	return []*cli.Command{
		correction(e, "link", "say that two claims assert the same thing (wins over the matcher)", "CLAIM CLAIM", 2, link(true)),
		correction(e, "unlink", "say that two claims do not assert the same thing (wins over the matcher)", "CLAIM CLAIM", 2, link(false)),
		correction(e, "verdict", "record a fact-checker's verdict on a claim: true, false or misleading", "CLAIM VERDICT", 2,
			func(c *cli.Context, d *db.DB, args []string) (string, error) {
				id, err := parseID(args[0], "claim")
				if err != nil {
					return "", err
				}
				v := strings.ToLower(args[1])
				if err := d.Verdict(c.Context, id, v, c.String("note")); err != nil {
					return "", err
				}
				return fmt.Sprintf("claim %d: verdict %s recorded", id, v), nil
			}),
	}
}

func sourceCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "source",
		Usage: "a fact-checker's corrections to sources: rate, merge, split",
		Subcommands: []*cli.Command{
			correction(e, "rate", "set a source's reliability A-F (overrides the learned grade)", "NAME GRADE", 2,
				func(c *cli.Context, d *db.DB, args []string) (string, error) {
					s, err := findSource(c, d, args[0])
					if err != nil {
						return "", err
					}
					g := strings.ToUpper(args[1])
					if err := d.RateSource(c.Context, s.Name, g, c.String("note")); err != nil {
						return "", err
					}
					return fmt.Sprintf("%s rated %s", s.Name, g), nil
				}),
			correction(e, "merge", "make two sources one: B's names, claims and articles move to A", "A B", 2,
				func(c *cli.Context, d *db.DB, args []string) (string, error) {
					into, err := findSource(c, d, args[0])
					if err != nil {
						return "", err
					}
					from, err := findSource(c, d, args[1])
					if err != nil {
						return "", err
					}
					if err := d.MergeSources(c.Context, into.Name, from.Name, c.String("note")); err != nil {
						return "", err
					}
					return fmt.Sprintf("%s merged into %s", from.Name, into.Name), nil
				}),
			correction(e, "split", "take an alias out of its source into a source of its own, with the chain hops written that way", "ALIAS", 1,
				func(c *cli.Context, d *db.DB, args []string) (string, error) {
					id, err := d.SplitSource(c.Context, args[0], c.String("note"))
					if err != nil {
						return "", err
					}
					return fmt.Sprintf("%s is now source %d", args[0], id), nil
				}),
		},
	}
}
