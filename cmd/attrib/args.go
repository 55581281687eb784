package main

import (
	"strings"

	"github.com/urfave/cli/v2"
)

// positional returns a command's positional arguments, first applying any
// flags written after them ("attrib show claim 12 --json", "attrib ingest
// a.txt --outlet Babel"): urfave/cli v2 stops parsing flags at the first
// positional argument. "--" ends flag parsing as usual.
func positional(c *cli.Context) ([]string, error) {
	var out []string
	args := c.Args().Slice()
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return append(out, args[i+1:]...), nil
		}
		if !strings.HasPrefix(a, "-") || a == "-" {
			out = append(out, a)
			continue
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		f := findFlag(c.Command.Flags, name)
		if f == nil {
			return nil, usagef("%s: flag provided but not defined: %s", c.Command.Name, a)
		}
		if _, isBool := f.(*cli.BoolFlag); isBool && !hasValue {
			value, hasValue = "true", true
		}
		if !hasValue {
			if i+1 >= len(args) {
				return nil, usagef("%s: flag %s needs a value", c.Command.Name, a)
			}
			i++
			value = args[i]
		}
		if err := c.Set(f.Names()[0], value); err != nil {
			return nil, usagef("%s: bad value %q for %s: %v", c.Command.Name, value, a, err)
		}
	}
	return out, nil
}

func findFlag(flags []cli.Flag, name string) cli.Flag {
	for _, f := range flags {
		for _, n := range f.Names() {
			if n == name {
				return f
			}
		}
	}
	return nil
}

// usageErrors makes every command report flag mistakes as usage errors.
func usageErrors(cmds []*cli.Command) {
	for _, c := range cmds {
		c.OnUsageError = func(_ *cli.Context, err error, _ bool) error { return usageError{err.Error()} }
		usageErrors(c.Subcommands)
	}
}
