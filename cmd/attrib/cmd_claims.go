package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/attrib/attrib/internal/db"
	"github.com/urfave/cli/v2"
)

func claimsCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "claims",
		Usage: "list claims with their chains and grades",
		Flags: []cli.Flag{
			&cli.Int64Flag{Name: "article", Usage: "only claims of article `ID`"},
			&cli.StringFlag{Name: "source", Usage: "only claims whose chain names source `NAME` (any alias)"},
			jsonFlag,
		},
		Action: func(c *cli.Context) error {
			if args, err := positional(c); err != nil {
				return err
			} else if len(args) > 0 {
				return usagef("claims takes no arguments (got %q); use --article or --source", args[0])
			}
			return withDB(c, func(d *db.DB) error {
				f := db.ClaimFilter{ArticleID: c.Int64("article")}
				if name := c.String("source"); name != "" {
					s, err := findSource(c, d, name)
					if err != nil {
						return err
					}
					f.SourceID = s.ID
				}
				if f.ArticleID != 0 {
					if _, err := d.Article(c.Context, f.ArticleID); err != nil {
						return err
					}
				}
				cs, err := d.Claims(c.Context, f)
				if err != nil {
					return err
				}
				if c.Bool("json") {
					if cs == nil {
						cs = []db.Claim{}
					}
					return writeJSON(e.stdout, cs)
				}
				return printClaims(e.stdout, cs)
			})
		},
	}
}

// chainText is a chain as "Babel -> Yonhap -> Yoon Seok-yeol".
func chainText(ch []db.ChainHop) string {
	names := make([]string, len(ch))
	for i, h := range ch {
		names[i] = h.Source
	}
	return strings.Join(names, " -> ")
}

// gradeText is "3 (0.41)", or "-" before scoring.
func gradeText(c db.Claim) string {
	if c.Grade == "" {
		return "-"
	}
	return fmt.Sprintf("%s (%.2f)", c.Grade, c.Score)
}

func printClaims(w io.Writer, cs []db.Claim) error {
	t := newTable(w, "ID", "ART", "GRADE", "ORIGINS", "CHAIN", "CUE", "CLAIM")
	for _, c := range cs {
		cue := "-"
		if c.Cue != nil {
			cue = c.Cue.Text
		}
		text := c.Text
		if c.Quote {
			text = "“" + text + "”"
		}
		t.row(c.ID, c.ArticleID, gradeText(c), c.IndependentOrigins, chainText(c.Chain), cue, clip(text, 90))
	}
	return t.flush()
}
