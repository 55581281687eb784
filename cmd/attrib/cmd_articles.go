package main

import (
	"github.com/attrib/attrib/internal/db"
	"github.com/urfave/cli/v2"
)

func articlesCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "articles",
		Usage: "list articles with outlet, url, title, date and claim counts",
		Flags: []cli.Flag{jsonFlag},
		Action: func(c *cli.Context) error {
			return withDB(c, func(d *db.DB) error {
				as, err := d.Articles(c.Context)
				if err != nil {
					return err
				}
				if c.Bool("json") {
					if as == nil {
						as = []db.Article{}
					}
					return writeJSON(e.stdout, as)
				}
				t := newTable(e.stdout, "ID", "OUTLET", "PUBLISHED", "CLAIMS", "NAMED", "ANON", "UNATTR", "TITLE")
				for _, a := range as {
					t.row(a.ID, a.Outlet, a.Published, a.Claims, a.Named, a.Anonymous, a.Unattributed, clip(a.Title, 60))
				}
				return t.flush()
			})
		},
	}
}
