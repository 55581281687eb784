package truth

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Claim is one source's value for one property of one object.
type Claim struct {
	Object, Property, Value, Source string
}

// Dataset is a set of claims, in input order.
type Dataset struct {
	Claims []Claim
}

// BookProperty is the property name ReadBook gives every claim.
const BookProperty = "authors"

// ReadCSV reads claims as CSV records
// ObjectID,PropertyID,PropertyValue,SourceID[,TimeStamp]. A first record
// whose first field is "ObjectID" (any case) is a header and skipped. The
// timestamp is accepted and ignored. Errors name the line.
func ReadCSV(r io.Reader) (*Dataset, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	ds := &Dataset{}
	first := true
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, fmt.Errorf("truth: csv line %d: %w", pe.Line, pe.Err)
			}
			return nil, fmt.Errorf("truth: csv: %w", err)
		}
		line, _ := cr.FieldPos(0)
		if first {
			first = false
			if len(rec) > 0 && strings.EqualFold(strings.TrimSpace(strings.TrimPrefix(rec[0], "\ufeff")), "ObjectID") {
				continue
			}
		}
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		if len(rec) != 4 && len(rec) != 5 {
			return nil, fmt.Errorf("truth: csv line %d: want 4 or 5 fields (ObjectID,PropertyID,PropertyValue,SourceID[,TimeStamp]), got %d", line, len(rec))
		}
		c := Claim{
			Object:   strings.TrimSpace(rec[0]),
			Property: strings.TrimSpace(rec[1]),
			Value:    strings.TrimSpace(rec[2]),
			Source:   strings.TrimSpace(rec[3]),
		}
		if c.Object == "" || c.Source == "" {
			return nil, fmt.Errorf("truth: csv line %d: empty ObjectID or SourceID", line)
		}
		ds.Claims = append(ds.Claims, c)
	}
	return ds, nil
}

// ReadBook reads the Book data set (Yin, Han & Yu 2007): tab-separated
// lines "source \t isbn \t title \t authors", no header. Object is the
// ISBN-13 (ISBN-10 keys are converted, so one book has one key), Property is BookProperty, Value the raw author string (which
// may be empty or "Not Available"; Solve treats those as no claim). Blank
// lines are skipped; errors name the line.
func ReadBook(r io.Reader) (*Dataset, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	ds := &Dataset{}
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" {
			continue
		}
		f := strings.Split(text, "\t")
		if len(f) < 3 {
			return nil, fmt.Errorf("truth: book line %d: want source, isbn, title, authors separated by tabs, got %d fields", line, len(f))
		}
		c := Claim{
			Source:   strings.TrimSpace(f[0]),
			Object:   ISBN13(strings.TrimSpace(f[1])),
			Property: BookProperty,
		}
		if len(f) >= 4 {
			c.Value = strings.TrimSpace(strings.Join(f[3:], " "))
		}
		if c.Source == "" || c.Object == "" {
			return nil, fmt.Errorf("truth: book line %d: empty source or isbn", line)
		}
		ds.Claims = append(ds.Claims, c)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("truth: book line %d: %w", line+1, err)
	}
	return ds, nil
}

// ReadBookGold reads a Book gold or silver standard: records
// "isbn \t author list" (gold: "last, first m.;  last, first;  "; silver:
// "first last; first last"), blank lines between records. It returns
// ISBN-13 (see ISBN13) -> author string as written. Records whose key is
// not an ISBN (the silver file has two keyed "F") are skipped; an ISBN
// given twice is an error naming the line.
func ReadBookGold(r io.Reader) (map[string]string, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	gold := make(map[string]string)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" {
			continue
		}
		isbn, authors, ok := strings.Cut(text, "\t")
		isbn = strings.TrimSpace(isbn)
		if !ok || isbn == "" {
			return nil, fmt.Errorf("truth: gold line %d: want isbn, tab, author list", line)
		}
		if !isISBN(isbn) {
			continue
		}
		isbn = ISBN13(isbn)
		if _, dup := gold[isbn]; dup {
			return nil, fmt.Errorf("truth: gold line %d: isbn %s given twice", line, isbn)
		}
		gold[isbn] = strings.TrimSpace(authors)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("truth: gold line %d: %w", line+1, err)
	}
	return gold, nil
}

// ISBN13 returns the ISBN-13 form of an ISBN-10 (hyphens and spaces
// removed, prefix 978, check digit recomputed); an ISBN-13 loses its
// hyphens; anything else is returned unchanged.
func ISBN13(s string) string {
	d := strings.Map(func(r rune) rune {
		if r == '-' || r == ' ' {
			return -1
		}
		if r == 'x' {
			return 'X'
		}
		return r
	}, s)
	if !isISBN(d) {
		return s
	}
	if len(d) == 13 {
		return d
	}
	b := []byte("978" + d[:9])
	sum := 0
	for i, c := range b {
		w := 1
		if i%2 == 1 {
			w = 3
		}
		sum += int(c-'0') * w
	}
	return string(append(b, byte('0'+(10-sum%10)%10)))
}

// isISBN reports whether s (hyphens allowed) has the shape of an ISBN-10
// or ISBN-13.
func isISBN(s string) bool {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			n++
		case (c == 'X' || c == 'x') && n == 9 && i == len(s)-1:
			n++
		case c == '-' || c == ' ':
		default:
			return false
		}
	}
	return n == 10 || n == 13
}
