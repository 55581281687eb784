package input

import (
	"strings"
	"time"
)

// dateLayouts are the publication date forms NormalizeDate understands,
// tried in order.
var dateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05",
	"2006-01-02",
	"2006/01/02",
	"Jan 2, 2006",
	"Jan. 2, 2006",
	"January 2, 2006",
	"Jan 2 2006",
	"January 2 2006",
	"Monday, January 2, 2006",
	"Mon, Jan 2, 2006",
	"2 January 2006",
	"2 Jan 2006",
	"2 Jan. 2006",
	"Monday, 2 January 2006",
	"Monday 2 January 2006",
	time.RFC1123Z,
	time.RFC1123,
	time.RFC850,
	time.RFC822Z,
	time.RFC822,
	time.UnixDate,
	time.ANSIC,
}

// NormalizeDate returns s as YYYY-MM-DD when it is a date in a form
// NormalizeDate knows (RFC 3339, "2024-10-24", "Oct 24, 2024",
// "24 October 2024", RFC 1123 and similar, and numeric "M/D/YY" or "D/M/YYYY"
// only when the order is unambiguous: one part over 12, or both equal), taking the calendar date as
// written (no time-zone conversion). Otherwise it returns s trimmed of
// surrounding space, unchanged, so that nothing is lost.
func NormalizeDate(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return s
	}
	if d, ok := slashDate(s); ok {
		return d
	}
	c := cleanDate(s)
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, c); err == nil {
			return t.Format("2006-01-02")
		}
	}
	return s
}

// cleanDate removes the variations time.Parse does not accept: ordinal
// suffixes ("24th"), "Sept" for "Sep", and runs of spaces.
func cleanDate(s string) string {
	if len(s) > 64 {
		return s
	}
	f := strings.Fields(s)
	for i, w := range f {
		core := strings.TrimRight(w, ",")
		tail := w[len(core):]
		if n := len(core); n >= 3 && n <= 4 && isDigit(core[0]) && isDigit(core[n-3]) {
			switch strings.ToLower(core[n-2:]) {
			case "st", "nd", "rd", "th":
				core = core[:n-2]
			}
		}
		if lc := strings.ToLower(core); strings.HasPrefix(lc, "sept") && (len(lc) == 4 || lc == "sept.") {
			core = core[:3] + core[4:]
		}
		f[i] = core + tail
	}
	return strings.Join(f, " ")
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// slashDate reads a numeric date "a/b/y" (y of two or four digits) when it
// is unambiguous: US month-first and day-first orders agree or only one of
// them is a valid date. Two-digit years pivot like time.Parse: 69 and
// above are 19xx.
func slashDate(s string) (string, bool) {
	parts := strings.Split(s, "/")
	if len(parts) != 3 {
		return "", false
	}
	var n [3]int
	for i, p := range parts {
		if len(p) == 0 || len(p) > 4 {
			return "", false
		}
		for j := 0; j < len(p); j++ {
			if !isDigit(p[j]) {
				return "", false
			}
			n[i] = n[i]*10 + int(p[j]-'0')
		}
	}
	if len(parts[0]) > 2 || len(parts[1]) > 2 || (len(parts[2]) != 2 && len(parts[2]) != 4) {
		return "", false
	}
	y := n[2]
	if len(parts[2]) == 2 {
		y += 2000
		if n[2] >= 69 {
			y -= 100
		}
	}
	month, day := n[0], n[1]
	switch {
	case n[0] == n[1]:
	case n[0] > 12 && n[1] <= 12:
		month, day = n[1], n[0]
	case n[1] > 12 && n[0] <= 12:
	default:
		return "", false
	}
	t := time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	if month < 1 || month > 12 || t.Day() != day {
		return "", false
	}
	return t.Format("2006-01-02"), true
}
