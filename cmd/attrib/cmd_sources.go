package main

import (
	"strings"

	"github.com/attrib/attrib/internal/db"
	"github.com/urfave/cli/v2"
)

func sourcesCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "sources",
		Usage: "list sources with kind, aliases, reliability and counts",
		Flags: []cli.Flag{jsonFlag},
		Action: func(c *cli.Context) error {
			return withDB(c, func(d *db.DB) error {
				ss, err := d.Sources(c.Context)
				if err != nil {
					return err
				}
				if c.Bool("json") {
					if ss == nil {
						ss = []db.Source{}
					}
					return writeJSON(e.stdout, ss)
				}
				t := newTable(e.stdout, "ID", "NAME", "KIND", "REL", "CITED", "ORIGIN", "ARTICLES", "ALIASES")
				for _, s := range ss {
					t.row(s.ID, s.Name, s.Kind, s.Reliability, s.CitedIn, s.OriginOf, s.Articles, clip(strings.Join(s.Aliases, "; "), 70))
				}
				return t.flush()
			})
		},
	}
}
