package input

import (
	"errors"
	"fmt"
	"strconv"
)

// Sentinel errors classify every Problem; test them with errors.Is.
var (
	// ErrSkipped marks a notice rather than a failure: a file inside a
	// folder was skipped because its extension is not one input reads.
	ErrSkipped = errors.New("skipped")
	// ErrUnsupported means a file named explicitly has an unknown extension.
	ErrUnsupported = errors.New("unsupported file type")
	// ErrNotFound means a path does not exist.
	ErrNotFound = errors.New("not found")
	// ErrUnreadable means a file or folder exists but cannot be read.
	ErrUnreadable = errors.New("unreadable")
	// ErrEmpty means a file or article text is empty or only whitespace.
	ErrEmpty = errors.New("empty")
	// ErrBinary means the input looks like binary data, not text.
	ErrBinary = errors.New("looks binary")
	// ErrInvalidUTF8 means the input is not valid UTF-8.
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	// ErrTooLarge means an article, line or file is over the size limit.
	ErrTooLarge = errors.New("too large")
	// ErrMalformed means a JSONL line is not a well-formed JSON object or
	// has a field of the wrong type.
	ErrMalformed = errors.New("malformed")
	// ErrNoText means a JSONL record has no "text" field.
	ErrNoText = errors.New("no text")
	// ErrCorrupt means a compressed stream is damaged.
	ErrCorrupt = errors.New("corrupt")
)

// Problem is one bad input: a file, folder or JSONL line that could not be
// read as an article. Its Error reads "path:line: message", without ":line"
// when Line is 0.
type Problem struct {
	Path string // the file or folder, StdinPath for standard input
	Line int    // 1-based line of the problem, 0 when it concerns the whole file
	Err  error  // what is wrong; errors.Is matches the sentinels above
}

// Error formats the problem as "path:line: message".
func (p Problem) Error() string {
	msg := "<nil>"
	if p.Err != nil {
		msg = p.Err.Error()
	}
	if p.Line > 0 {
		return p.Path + ":" + strconv.Itoa(p.Line) + ": " + msg
	}
	return p.Path + ": " + msg
}

// Unwrap returns the underlying error.
func (p Problem) Unwrap() error { return p.Err }

// kindError is a plain-words message that unwraps to a sentinel (and
// optionally to a cause, such as an *os.PathError).
type kindError struct {
	kind  error
	cause error
	msg   string
}

func (e *kindError) Error() string { return e.msg }

func (e *kindError) Unwrap() []error {
	if e.cause != nil {
		return []error{e.kind, e.cause}
	}
	return []error{e.kind}
}

// newErr builds a kindError with a formatted message.
func newErr(kind error, format string, args ...any) error {
	return &kindError{kind: kind, msg: fmt.Sprintf(format, args...)}
}

// wrapErr builds a kindError that also unwraps to cause.
func wrapErr(kind, cause error, format string, args ...any) error {
	return &kindError{kind: kind, cause: cause, msg: fmt.Sprintf(format, args...)}
}

// humanSize formats a byte count in decimal units: "30.0 MB", "512.0 kB",
// "17 bytes".
func humanSize(n int64) string {
	switch {
	case n >= 1e9:
		return fmt.Sprintf("%.1f GB", float64(n)/1e9)
	case n >= 1e6:
		return fmt.Sprintf("%.1f MB", float64(n)/1e6)
	case n >= 1e3:
		return fmt.Sprintf("%.1f kB", float64(n)/1e3)
	case n == 1:
		return "1 byte"
	}
	return strconv.FormatInt(n, 10) + " bytes"
}

// limitSize formats a limit in binary units when it is a whole number of
// them: "16 MiB", "64 KiB", else "1000 bytes".
func limitSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return strconv.FormatInt(n>>20, 10) + " MiB"
	case n >= 1<<10 && n%(1<<10) == 0:
		return strconv.FormatInt(n>>10, 10) + " KiB"
	}
	return humanSize(n)
}

// tooLarge reports an article over the limit.
func tooLarge(what string, size, limit int64) error {
	return newErr(ErrTooLarge, "%s is %s, over the %s limit", what, humanSize(size), limitSize(limit))
}
