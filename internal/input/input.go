package input

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// DefaultMaxBytes is the largest article text accepted when
// Reader.MaxBytes is 0.
const DefaultMaxBytes = 16 << 20

// StdinPath is the Path given to articles and problems read from "-".
const StdinPath = "<stdin>"

// Meta holds article metadata given on the command line. For JSONL the
// per-article values win over these; for .txt and .html these win over
// what the file says.
type Meta struct {
	URL, Outlet, Published, Title string
}

// Article is one article read from a file or standard input.
type Article struct {
	Path      string // the file it came from, StdinPath for standard input
	Line      int    // the JSONL line (1-based), 0 for other formats
	URL       string
	Outlet    string
	Published string // YYYY-MM-DD when parseable, else as given
	Title     string
	Language  string // as given (JSONL "language"/"lang", HTML <html lang>)
	Text      string // offsets into the article count code points of this
}

// Reader reads articles from paths. Its zero value reads with default
// limits and no standard input.
type Reader struct {
	Stdin    io.Reader // read for the path "-"
	Defaults Meta      // metadata from flags
	MaxBytes int       // largest article text accepted in bytes (0 = DefaultMaxBytes)
}

// errStop carries an error returned by yield out of the readers.
type errStop struct{ err error }

func (e errStop) Error() string { return e.err.Error() }

// Read calls yield for each good article in order and report for each bad
// one, and goes on after a bad one. Folders are read recursively in sorted
// order; hidden entries (names starting with ".") are skipped silently and
// files with other extensions are reported as notices wrapping ErrSkipped.
// The path "-" reads r.Stdin, sniffing the format: JSONL if the first
// non-space byte is '{', HTML if it is '<', else text. Read returns an
// error only if yield returned one, which stops it; that error is returned
// as is.
func (r *Reader) Read(paths []string, yield func(Article) error, report func(Problem)) error {
	if report == nil {
		report = func(Problem) {}
	}
	s := &session{r: r, yield: yield, report: report, max: int64(r.MaxBytes)}
	if s.max <= 0 {
		s.max = DefaultMaxBytes
	}
	for _, p := range paths {
		var err error
		if p == "-" {
			err = s.stdin()
		} else {
			err = s.path(p, true)
		}
		if err != nil {
			var stop errStop
			if errors.As(err, &stop) {
				return stop.err
			}
			return err
		}
	}
	return nil
}

// session is the state of one Read call.
type session struct {
	r      *Reader
	yield  func(Article) error
	report func(Problem)
	max    int64
}

// emit passes a to yield, converting its error into errStop.
func (s *session) emit(a Article) error {
	if err := s.yield(a); err != nil {
		return errStop{err}
	}
	return nil
}

// problem reports one bad input.
func (s *session) problem(path string, line int, err error) {
	s.report(Problem{Path: path, Line: line, Err: err})
}

// format is a kind of input file.
type format int

const (
	formatUnknown format = iota
	formatText
	formatHTML
	formatJSONL
	formatJSONLGzip
)

// formatOf classifies a file name by its extension, ignoring case.
func formatOf(name string) format {
	n := strings.ToLower(name)
	switch {
	case strings.HasSuffix(n, ".jsonl.gz"):
		return formatJSONLGzip
	case strings.HasSuffix(n, ".jsonl"):
		return formatJSONL
	case strings.HasSuffix(n, ".txt"):
		return formatText
	case strings.HasSuffix(n, ".html"), strings.HasSuffix(n, ".htm"):
		return formatHTML
	}
	return formatUnknown
}

// path reads a file or folder. explicit is true for paths the user named.
func (s *session) path(p string, explicit bool) error {
	info, err := os.Stat(p)
	if err != nil {
		s.problem(p, 0, statErr(err))
		return nil
	}
	if info.IsDir() {
		return s.dir(p)
	}
	f := formatOf(p)
	if f == formatUnknown {
		if explicit {
			s.problem(p, 0, newErr(ErrUnsupported,
				"unsupported file type %q: want .txt, .html, .htm, .jsonl or .jsonl.gz", filepath.Ext(p)))
		} else {
			s.problem(p, 0, newErr(ErrSkipped, "skipped: not .txt, .html, .htm, .jsonl or .jsonl.gz"))
		}
		return nil
	}
	if !info.Mode().IsRegular() && !explicit {
		s.problem(p, 0, newErr(ErrSkipped, "skipped: not a regular file"))
		return nil
	}
	file, err := os.Open(p)
	if err != nil {
		s.problem(p, 0, statErr(err))
		return nil
	}
	defer file.Close()
	switch f {
	case formatText, formatHTML:
		data, err := s.readAll(p, file, info)
		if err != nil {
			s.problem(p, 0, err)
			return nil
		}
		if f == formatText {
			return s.text(p, data)
		}
		return s.html(p, data)
	case formatJSONL:
		return s.jsonl(p, file)
	default:
		return s.jsonlGzip(p, file)
	}
}

// statErr turns an os error into a plain-words error.
func statErr(err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return wrapErr(ErrNotFound, err, "no such file or folder")
	case errors.Is(err, fs.ErrPermission):
		return wrapErr(ErrUnreadable, err, "cannot read: permission denied")
	}
	return wrapErr(ErrUnreadable, err, "cannot read: %v", unwrapPath(err))
}

// unwrapPath drops the path from an *fs.PathError, which the Problem
// already names.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// dir reads a folder recursively in sorted order. Symbolic links to
// folders are not followed, so link cycles cannot loop.
func (s *session) dir(p string) error {
	entries, err := os.ReadDir(p)
	if err != nil {
		s.problem(p, 0, wrapErr(ErrUnreadable, err, "cannot read folder: %v", unwrapPath(err)))
		if len(entries) == 0 {
			return nil
		}
	}
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		child := filepath.Join(p, name)
		if e.IsDir() {
			if err := s.dir(child); err != nil {
				return err
			}
			continue
		}
		if e.Type()&fs.ModeSymlink != 0 {
			if info, err := os.Stat(child); err == nil && info.IsDir() {
				s.problem(child, 0, newErr(ErrSkipped, "skipped: link to a folder"))
				continue
			}
		}
		if err := s.path(child, false); err != nil {
			return err
		}
	}
	return nil
}

// rawLimit is the largest raw file read whole: text must fit MaxBytes,
// HTML may carry four times its text in markup.
func (s *session) rawLimit(html bool) int64 {
	if html {
		return 4 * s.max
	}
	return s.max
}

// readAll reads a .txt or .html file whole, refusing one over the limit
// before reading it.
func (s *session) readAll(p string, f *os.File, info fs.FileInfo) ([]byte, error) {
	isHTML := formatOf(p) == formatHTML
	limit := s.rawLimit(isHTML)
	what := "article"
	if isHTML {
		what = "HTML file"
	}
	if info.Mode().IsRegular() && info.Size() > limit {
		return nil, tooLarge(what, info.Size(), limit)
	}
	data, n, err := readLimited(f, limit)
	if err != nil {
		return nil, wrapErr(ErrUnreadable, err, "cannot read: %v", unwrapPath(err))
	}
	if n > limit {
		return nil, tooLarge(what, n, limit)
	}
	return data, nil
}

// readLimited reads r up to limit bytes. When r holds more it discards the
// rest, counting it, and returns the total size with nil data.
func readLimited(r io.Reader, limit int64) ([]byte, int64, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, int64(len(data)), err
	}
	if int64(len(data)) <= limit {
		return data, int64(len(data)), nil
	}
	rest, err := io.Copy(io.Discard, r)
	return nil, int64(len(data)) + rest, err
}
