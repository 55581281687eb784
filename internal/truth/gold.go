package truth

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// GoldKey is the key of a gold answer for one property of one object, as
// ReadCSVGold writes it and Accuracy looks it up (before falling back to the
// object alone, which is how ReadBookGold keys its answers).
func GoldKey(object, property string) string { return object + "\t" + property }

// ReadCSVGold reads gold answers as CSV records ObjectID,PropertyID,Value
// (a header whose first field is "ObjectID" is skipped), keyed by GoldKey.
// Errors name the line.
func ReadCSVGold(r io.Reader) (map[string]string, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	gold := map[string]string{}
	for first := true; ; first = false {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return gold, nil
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, fmt.Errorf("truth: gold csv line %d: %w", pe.Line, pe.Err)
			}
			return nil, fmt.Errorf("truth: gold csv: %w", err)
		}
		line, _ := cr.FieldPos(0)
		if first && len(rec) > 0 && strings.EqualFold(strings.TrimSpace(strings.TrimPrefix(rec[0], "\ufeff")), "ObjectID") {
			continue
		}
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		if len(rec) != 3 {
			return nil, fmt.Errorf("truth: gold csv line %d: want 3 fields (ObjectID,PropertyID,Value), got %d", line, len(rec))
		}
		gold[GoldKey(strings.TrimSpace(rec[0]), strings.TrimSpace(rec[1]))] = strings.TrimSpace(rec[2])
	}
}

// SameValue is the equality of CSV answers: equal after DefaultNormalize
// (numbers rounded to two decimals, text folded).
func SameValue(a, b string) bool {
	norm := DefaultNormalize(2)
	ka, oka := norm("", a)
	kb, okb := norm("", b)
	return oka && okb && ka == kb
}
