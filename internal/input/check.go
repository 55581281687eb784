package input

import (
	"bytes"
	"unicode/utf8"
)

// binarySample is how many leading bytes are inspected for control
// characters and the density of invalid UTF-8.
const binarySample = 64 << 10

// checkText vets raw article bytes before they become text. It returns the
// 1-based line of the problem (0 when it concerns the whole input) and an
// error in plain words, or (0, nil) when b is usable UTF-8 text. what names
// the input in messages ("file", "text").
func checkText(b []byte, what string) (int, error) {
	if len(bytes.TrimSpace(b)) == 0 {
		if len(b) == 0 {
			return 0, newErr(ErrEmpty, "%s is empty", what)
		}
		return 0, newErr(ErrEmpty, "%s is empty (only whitespace)", what)
	}
	if bytes.HasPrefix(b, []byte{0xFF, 0xFE}) || bytes.HasPrefix(b, []byte{0xFE, 0xFF}) {
		return 0, newErr(ErrInvalidUTF8, "%s is UTF-16 text, not UTF-8: convert it to UTF-8", what)
	}
	if i := bytes.IndexByte(b, 0); i >= 0 {
		return 0, newErr(ErrBinary, "%s looks binary, not text (NUL byte at byte %d)", what, i+1)
	}
	if !utf8.Valid(b) {
		off := firstInvalid(b)
		if controlHeavy(b) {
			return 0, newErr(ErrBinary, "%s looks binary, not text (control characters and invalid UTF-8)", what)
		}
		line, col := lineCol(b, off)
		return line, newErr(ErrInvalidUTF8,
			"invalid UTF-8 at byte column %d (byte 0x%02X): the %s is not UTF-8 (Latin-1 or Windows-1252?); convert it to UTF-8",
			col, b[off], what)
	}
	if controlHeavy(b) {
		return 0, newErr(ErrBinary, "%s looks binary, not text (mostly control characters)", what)
	}
	return 0, nil
}

// firstInvalid returns the byte offset of the first invalid UTF-8 sequence
// in b, or -1 when b is valid.
func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}

// lineCol converts a byte offset into a 1-based line and byte column.
func lineCol(b []byte, off int) (line, col int) {
	line = bytes.Count(b[:off], []byte{'\n'}) + 1
	start := bytes.LastIndexByte(b[:off], '\n') + 1
	return line, off - start + 1
}

// controlHeavy reports whether more than a tenth of the sampled bytes are
// control characters other than tab, newline, carriage return, vertical
// tab and form feed.
func controlHeavy(b []byte) bool {
	if len(b) > binarySample {
		b = b[:binarySample]
	}
	n := 0
	for _, c := range b {
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\v' && c != '\f') || c == 0x7F {
			n++
		}
	}
	return n*10 > len(b)
}
