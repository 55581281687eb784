package main

import (
	"bufio"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/attrib/attrib/internal/db"
	"github.com/attrib/attrib/internal/ingest"
	"github.com/attrib/attrib/internal/input"
	"github.com/schollz/progressbar/v3"
	"github.com/urfave/cli/v2"
	"golang.org/x/term"
)

func ingestCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "ingest",
		Usage:     "read articles (.txt, .html, .jsonl, .jsonl.gz, folders, - for stdin), extract claims and chains, update grades",
		ArgsUsage: "PATH...",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "outlet", Usage: "publishing outlet `NAME` (for .txt/.html; JSONL lines carry their own)"},
			&cli.StringFlag{Name: "url", Usage: "article `URL`"},
			&cli.StringFlag{Name: "published", Usage: "publication `DATE` (YYYY-MM-DD)"},
			&cli.StringFlag{Name: "title", Usage: "article `TITLE` (default: first line, or the HTML title)"},
			&cli.IntFlag{Name: "max-bytes", Value: input.DefaultMaxBytes, Usage: "largest article text accepted, in `BYTES`"},
			&cli.IntFlag{Name: "batch", Value: ingest.DefaultBatchSize, Usage: "articles per transaction (`N`): fewer hold other writers up for less time, more write less"},
			&cli.BoolFlag{Name: "no-score", Usage: "do not recompute grades afterwards (run `attrib score` later)"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print only problems and the summary"},
		},
		Action: func(c *cli.Context) error {
			paths, err := positional(c)
			if err != nil {
				return err
			}
			if len(paths) == 0 {
				return usagef("ingest needs at least one PATH (a file, a folder, or - for stdin)")
			}
			return withDB(c, func(d *db.DB) error { return runIngest(c, e, d, paths) })
		},
	}
}

func runIngest(c *cli.Context, e *env, d *db.DB, paths []string) error {
	r := &input.Reader{
		Stdin:    e.stdin,
		MaxBytes: c.Int("max-bytes"),
		Defaults: input.Meta{URL: c.String("url"), Outlet: c.String("outlet"), Published: c.String("published"), Title: c.String("title")},
	}
	if c.Int("batch") < 1 {
		return usagef("--batch must be at least 1, not %d", c.Int("batch"))
	}
	settleGC := tuneGC() // see gc.go
	defer settleGC()
	ing, err := ingest.New(c.Context, d, ingest.Options{BatchSize: c.Int("batch")})
	if err != nil {
		return err
	}
	var mu sync.Mutex // report runs on the reading goroutine, done on this one
	var badInputs, notices int
	reasons := map[string]int{} // failures by kind, for the summary
	bar := newProgress(e.stderr, paths)
	report := func(p input.Problem) {
		mu.Lock()
		defer mu.Unlock()
		bar.clear()
		if errors.Is(p.Err, input.ErrSkipped) {
			notices++
			fmt.Fprintf(e.stderr, "attrib: note: %v\n", p)
			return
		}
		badInputs++
		reasons[failureKind(p.Err)]++
		bar.add()
		fmt.Fprintf(e.stderr, "attrib: %v\n", p)
	}
	done := func(res ingest.Result) {
		mu.Lock()
		defer mu.Unlock()
		bar.add()
		if res.Err != nil {
			reasons["not stored"]++
		}
		if res.Err != nil || !c.Bool("quiet") {
			bar.clear()
		}
		where := res.Article.Path
		if res.Article.Line > 0 {
			where = fmt.Sprintf("%s:%d", where, res.Article.Line)
		}
		switch {
		case res.Err != nil:
			fmt.Fprintf(e.stderr, "attrib: %s: %v\n", where, res.Err)
		case c.Bool("quiet"):
		case res.Duplicate:
			fmt.Fprintf(e.stdout, "%s: already stored as article %d, skipped\n", where, res.ID)
		default:
			fmt.Fprintf(e.stdout, "%s: article %d, %d claims\n", where, res.ID, res.Claims)
		}
	}
	read := func(yield func(input.Article) error) error {
		return r.Read(paths, yield, report)
	}
	st, err := ing.Run(c.Context, read, done)
	settleGC()
	mu.Lock()
	bar.finish()
	mu.Unlock()
	fmt.Fprintf(e.stdout, "ingested %d article(s) with %d claim(s); %d already stored; %d failed%s\n",
		st.Added, st.Claims, st.Duplicates, st.Failed+badInputs, reasonList(reasons))
	if err != nil {
		return err
	}
	if st.Added > 0 && !c.Bool("no-score") {
		if err := scoreChanged(c, e, d, !c.Bool("quiet")); err != nil {
			return err
		}
	}
	if failed := st.Failed + badInputs; failed > 0 {
		return partialError{fmt.Sprintf("%d input(s) failed (see above); the others were stored", failed)}
	}
	return nil
}

// failureKind names the kind of a bad input for the summary line.
func failureKind(err error) string {
	for _, k := range []struct {
		err  error
		name string
	}{
		{input.ErrInvalidUTF8, "invalid UTF-8"}, {input.ErrMalformed, "malformed JSON"},
		{input.ErrNoText, "no text"}, {input.ErrEmpty, "empty"}, {input.ErrTooLarge, "too large"},
		{input.ErrBinary, "binary"}, {input.ErrCorrupt, "corrupt"}, {input.ErrNotFound, "not found"},
		{input.ErrUnreadable, "unreadable"}, {input.ErrUnsupported, "unsupported type"},
	} {
		if errors.Is(err, k.err) {
			return k.name
		}
	}
	return "other"
}

// reasonList is ": 2 invalid UTF-8, 1 malformed JSON", most frequent first,
// or "" when nothing failed.
func reasonList(reasons map[string]int) string {
	if len(reasons) == 0 {
		return ""
	}
	kinds := make([]string, 0, len(reasons))
	for k := range reasons {
		kinds = append(kinds, k)
	}
	sort.Slice(kinds, func(i, j int) bool {
		if reasons[kinds[i]] != reasons[kinds[j]] {
			return reasons[kinds[i]] > reasons[kinds[j]]
		}
		return kinds[i] < kinds[j]
	})
	parts := make([]string, len(kinds))
	for i, k := range kinds {
		parts[i] = fmt.Sprintf("%d %s", reasons[k], k)
	}
	return ": " + strings.Join(parts, ", ")
}

// progress is a progress bar of articles on stderr when stderr is a
// terminal, and does nothing otherwise. Its methods are called under the
// ingest's mutex.
type progress struct {
	bar *progressbar.ProgressBar // nil when quiet
}

// newProgress starts a bar on w if w is a terminal (not merely a character
// device: /dev/null is one, and a bar drawn there cost a second pass over
// the input to count it). The total is unknown at first; for JSONL files a
// background count of their lines sets it, for the ETA.
func newProgress(w io.Writer, paths []string) *progress {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return &progress{}
	}
	bar := progressbar.NewOptions64(-1,
		progressbar.OptionSetWriter(f),
		progressbar.OptionSetDescription("ingesting"),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("articles"),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
	)
	go func() {
		if n, ok := countArticles(paths); ok {
			bar.ChangeMax64(n)
		}
	}()
	return &progress{bar: bar}
}

func (p *progress) add() {
	if p.bar != nil {
		_ = p.bar.Add(1) // drawing errors do not matter
	}
}

// clear takes the bar off the line so that a message can be printed; it
// is drawn again on the next add.
func (p *progress) clear() {
	if p.bar != nil {
		_ = p.bar.Clear()
	}
}

func (p *progress) finish() {
	if p.bar != nil {
		_ = p.bar.Finish()
	}
}

// countArticles counts the articles in paths when they are all files
// (a JSONL line is an article, any other file one), reading compressed
// files through gzip; false for folders, stdin or any error.
func countArticles(paths []string) (int64, bool) {
	var n int64
	for _, p := range paths {
		if p == "-" {
			return 0, false
		}
		fi, err := os.Stat(p)
		if err != nil || fi.IsDir() {
			return 0, false
		}
		lower := strings.ToLower(p)
		if !strings.HasSuffix(lower, ".jsonl") && !strings.HasSuffix(lower, ".jsonl.gz") {
			n++
			continue
		}
		lines, err := countLines(p, strings.HasSuffix(lower, ".gz"))
		if err != nil {
			return 0, false
		}
		n += lines
	}
	return n, true
}

// countLines counts the non-empty lines of a file.
func countLines(path string, gz bool) (int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	var r io.Reader = f
	if gz {
		zr, err := gzip.NewReader(bufio.NewReaderSize(f, 64<<10))
		if err != nil {
			return 0, err
		}
		defer zr.Close()
		r = zr
	}
	var n int64
	buf := make([]byte, 256<<10)
	last := byte('\n')
	for {
		k, err := r.Read(buf)
		for _, b := range buf[:k] {
			if b == '\n' && last != '\n' {
				n++
			}
			last = b
		}
		if err == io.EOF {
			if last != '\n' {
				n++
			}
			return n, nil
		}
		if err != nil {
			return n, err
		}
	}
}
