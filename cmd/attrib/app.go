package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime/debug"

	"github.com/attrib/attrib/internal/db"
	"github.com/urfave/cli/v2"
)

// Exit codes, mapped in one place.
const (
	exitOK      = 0
	exitFailed  = 1 // the command failed, or some inputs did
	exitUsage   = 2 // the command line was wrong
	exitMissing = 3 // a named article, claim or source does not exist
)

// env is what every command is given: its streams and the global flags.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	unknownCommand string // set when the command line names no command attrib has
}

// usageError marks a mistake on the command line.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// partialError reports that some inputs failed after the others were done;
// the details were printed as they happened.
type partialError struct{ msg string }

func (e partialError) Error() string { return e.msg }

// run builds the CLI and runs it; it never panics and returns the exit code.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "attrib: internal error: %v\nPlease report this with the command you ran.\n%s", r, debug.Stack())
			code = exitFailed
		}
	}()
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr}
	err := newApp(e).RunContext(ctx, args)
	if err == nil && e.unknownCommand != "" {
		err = usagef("no command %q", e.unknownCommand)
	}
	if err == nil {
		return exitOK
	}
	var ue usageError
	var pe partialError
	switch {
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "attrib: %v\nTry: attrib help\n", err)
		return exitUsage
	case errors.As(err, &pe):
		fmt.Fprintf(stderr, "attrib: %v\n", err)
		return exitFailed
	case errors.Is(err, db.ErrInvalid):
		fmt.Fprintf(stderr, "attrib: %v\n", err)
		return exitUsage
	case errors.Is(err, db.ErrNotFound):
		fmt.Fprintf(stderr, "attrib: %v\n", err)
		return exitMissing
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(stderr, "attrib: interrupted; what was committed before is kept")
		return exitFailed
	}
	fmt.Fprintf(stderr, "attrib: %v\n", err)
	return exitFailed
}

func newApp(e *env) *cli.App {
	app := &cli.App{
		Name:  "attrib",
		Usage: "trace where news claims come from and grade them by independent origins",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "db", Value: "attrib.db", EnvVars: []string{"ATTRIB_DB"}, Usage: "database `FILE`"},
		},
		Commands: append([]*cli.Command{
			initCommand(e), ingestCommand(e), articlesCommand(e), claimsCommand(e), sourcesCommand(e),
			showCommand(e), scoreCommand(e), reportCommand(e), auditCommand(e), exportCommand(e),
			sourceCommand(e), evalCommand(e),
		}, linkCommands(e)...),
		Reader:          e.stdin,
		Writer:          e.stdout,
		ErrWriter:       e.stderr,
		ExitErrHandler:  func(*cli.Context, error) {},
		OnUsageError:    func(_ *cli.Context, err error, _ bool) error { return usageError{err.Error()} },
		CommandNotFound: func(_ *cli.Context, name string) { e.unknownCommand = name },
	}
	usageErrors(app.Commands)
	return app
}

// openDB opens the database named by --db.
func openDB(c *cli.Context) (*db.DB, error) {
	return db.Open(c.Context, c.String("db"))
}

// withDB opens the database, runs fn and closes it.
func withDB(c *cli.Context, fn func(*db.DB) error) error {
	d, err := openDB(c)
	if err != nil {
		return err
	}
	defer d.Close()
	return fn(d)
}
