package main

import (
	"fmt"

	"github.com/attrib/attrib/internal/db"
	"github.com/urfave/cli/v2"
)

func auditCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "audit",
		Usage: "findings about reporting chains: single-origin amplification, circular reporting, quote drift, anonymous-only, unattributed, broken chains",
		Flags: []cli.Flag{jsonFlag, &cli.StringFlag{Name: "kind", Usage: "only findings of `KIND`"}},
		Action: func(c *cli.Context) error {
			return withDB(c, func(d *db.DB) error {
				all, err := d.Findings(c.Context)
				if err != nil {
					return err
				}
				fs := all[:0:0]
				for _, f := range all {
					if k := c.String("kind"); k == "" || f.Kind == k {
						fs = append(fs, f)
					}
				}
				if c.Bool("json") {
					return writeJSON(e.stdout, fs)
				}
				if len(fs) == 0 {
					fmt.Fprintln(e.stdout, "no findings")
					return nil
				}
				t := newTable(e.stdout, "KIND", "PROPOSITION", "CLAIMS", "MESSAGE")
				for _, f := range fs {
					prop := "-"
					if f.PropositionID != nil {
						prop = fmt.Sprint(*f.PropositionID)
					}
					t.row(f.Kind, prop, idList(f.ClaimIDs, 6), f.Message)
				}
				return t.flush()
			})
		},
	}
}

func idList(ids []int64, max int) string {
	s := ""
	for i, id := range ids {
		if i == max {
			return s + fmt.Sprintf(",… (%d)", len(ids))
		}
		if i > 0 {
			s += ","
		}
		s += fmt.Sprint(id)
	}
	return s
}
