// Command attrib finds where the claims in news articles come from: each
// claim with its chain of sources, stored in one SQLite file and graded by how
// many independent origins back it. Run `attrib help` for the commands.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args, os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
