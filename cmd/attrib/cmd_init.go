package main

import (
	"fmt"

	"github.com/attrib/attrib/internal/db"
	"github.com/urfave/cli/v2"
)

func initCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "init",
		Usage: "create the database, or migrate it to this version's schema",
		Action: func(c *cli.Context) error {
			return withDB(c, func(d *db.DB) error {
				fmt.Fprintf(e.stdout, "database %s is ready\n", d.Path())
				return nil
			})
		},
	}
}
