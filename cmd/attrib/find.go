package main

import (
	"errors"
	"fmt"

	"github.com/attrib/attrib/internal/db"
	"github.com/attrib/attrib/internal/ingest"
	"github.com/attrib/attrib/internal/sources"
	"github.com/urfave/cli/v2"
)

// findSource finds a stored source by any name a person might type: a stored
// alias first, else by the registry's own rules (acronyms, spelling
// variants, "South Korean intelligence"), so that `show source NIS` finds
// the National Intelligence Service the same way ingest would.
func findSource(c *cli.Context, d *db.DB, name string) (db.Source, error) {
	s, err := d.SourceByKey(c.Context, sources.Key(name))
	if !errors.Is(err, db.ErrNotFound) {
		return s, err
	}
	reg, err := ingest.LoadRegistry(c.Context, d)
	if err != nil {
		return s, err
	}
	if r := reg.Resolve(name, "", ""); r != nil && r.ID != 0 {
		return d.SourceByID(c.Context, r.ID)
	}
	return s, fmt.Errorf("source %q: %w (see `attrib sources`)", name, db.ErrNotFound)
}
