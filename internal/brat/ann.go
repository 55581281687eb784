package brat

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/attrib/attrib/internal/extract"
)

// Relation is one attribution relation: who (Source) said what (Content),
// marked by which words (Cue). Each role is a set of fragments in text order;
// all offsets are Unicode code points.
type Relation struct {
	Source  []extract.Span // nil when the relation has no source
	Cue     []extract.Span
	Content []extract.Span // fragments in order
}

// entity is one text-bound annotation ("T" line) of a .ann file.
type entity struct {
	id      string
	typ     string
	spans   []extract.Span
	surface string // the text brat stored after the offsets
	line    int    // 1-based line where the entity starts
}

// annFile is everything parseAnn keeps from one .ann file.
type annFile struct {
	entities  []entity       // in file order
	relations []Relation     // one per "E" line, in file order
	relLines  []int          // line of each relation's "E" record
	discard   []extract.Span // fragments of Discard entities
}

// ParseAnn parses brat standoff text holding PolNeAR-style attribution
// events and returns one Relation per event ("E" line), in file order.
//
// Rules, from the PolNeAR README:
//   - A line that does not start with a record id (T, E, #, R, A, M, N or *
//     followed by digits and a tab) continues the surface text of the line
//     before it (surface text may hold literal newlines).
//   - Roles are Source, Cue and Content; further contents (Content2, ...)
//     are merged into Content. Other roles are ignored.
//   - An event with no Cue role takes its trigger's span as the cue (PolNeAR
//     triggers, Attribution and Attribution-no-source, always equal the cue).
//   - Discard and Discuss entities, notes (#) and other record kinds do not
//     make relations.
//
// Errors name the 1-based line number.
func ParseAnn(ann string) ([]Relation, error) {
	f, err := parseAnn(ann)
	if err != nil {
		return nil, err
	}
	return f.relations, nil
}

// record is one logical record: its first physical line plus continuations.
type record struct {
	text string
	line int
}

// isRecordStart reports whether line begins with a brat record id: one of
// T E # R A M N * followed by digits (none for *) and a tab.
func isRecordStart(line string) bool {
	if line == "" {
		return false
	}
	switch line[0] {
	case 'T', 'E', '#', 'R', 'A', 'M', 'N':
	case '*':
		return len(line) > 1 && line[1] == '\t'
	default:
		return false
	}
	i := 1
	for i < len(line) && line[i] >= '0' && line[i] <= '9' {
		i++
	}
	return i > 1 && i < len(line) && line[i] == '\t'
}

// splitRecords joins continuation lines onto the record they continue.
func splitRecords(ann string) ([]record, error) {
	var recs []record
	lineNo := 0
	for rest := ann; rest != ""; {
		var line string
		if i := strings.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i], rest[i+1:]
		} else {
			line, rest = rest, ""
		}
		lineNo++
		line = strings.TrimSuffix(line, "\r")
		if isRecordStart(line) {
			recs = append(recs, record{text: line, line: lineNo})
			continue
		}
		if len(recs) == 0 {
			if strings.TrimSpace(line) == "" {
				continue
			}
			return nil, fmt.Errorf("line %d: text before the first annotation: %q", lineNo, clip(line))
		}
		last := &recs[len(recs)-1]
		last.text += "\n" + line
	}
	return recs, nil
}

func parseAnn(ann string) (*annFile, error) {
	recs, err := splitRecords(ann)
	if err != nil {
		return nil, err
	}
	f := &annFile{}
	byID := make(map[string]int)
	type event struct {
		args [][2]string // role, entity id
		line int
	}
	var events []event
	for _, r := range recs {
		switch r.text[0] {
		case 'T':
			e, err := parseEntity(r)
			if err != nil {
				return nil, err
			}
			if _, dup := byID[e.id]; dup {
				return nil, fmt.Errorf("line %d: duplicate id %s", r.line, e.id)
			}
			byID[e.id] = len(f.entities)
			f.entities = append(f.entities, e)
			if e.typ == "Discard" {
				f.discard = append(f.discard, e.spans...)
			}
		case 'E':
			id, body, _ := strings.Cut(r.text, "\t")
			body = strings.TrimRight(body, " \t\n")
			if strings.Contains(body, "\n") {
				return nil, fmt.Errorf("line %d: event %s continues on the next line", r.line, id)
			}
			fields := strings.Fields(body)
			if len(fields) == 0 {
				return nil, fmt.Errorf("line %d: event %s has no trigger", r.line, id)
			}
			ev := event{line: r.line}
			for _, fld := range fields {
				role, ref, ok := strings.Cut(fld, ":")
				if !ok || role == "" || ref == "" {
					return nil, fmt.Errorf("line %d: event %s: argument %q is not Role:Id", r.line, id, fld)
				}
				ev.args = append(ev.args, [2]string{role, ref})
			}
			events = append(events, ev)
		default:
			// Notes (#), relations (R), attributes (A/M), normalisations (N)
			// and equivalences (*) carry nothing PolNeAR scores.
		}
	}
	for _, ev := range events {
		var rel Relation
		var trigger []extract.Span
		for i, a := range ev.args {
			k, ok := byID[a[1]]
			if !ok {
				return nil, fmt.Errorf("line %d: %s refers to unknown entity %s", ev.line, a[0], a[1])
			}
			spans := f.entities[k].spans
			if i == 0 {
				trigger = spans
				continue
			}
			switch baseRole(a[0]) {
			case "Source":
				rel.Source = append(rel.Source, spans...)
			case "Cue":
				rel.Cue = append(rel.Cue, spans...)
			case "Content":
				rel.Content = append(rel.Content, spans...)
			}
		}
		if rel.Cue == nil {
			rel.Cue = append([]extract.Span(nil), trigger...)
		}
		rel.Source = sortSpans(rel.Source)
		rel.Cue = sortSpans(rel.Cue)
		rel.Content = sortSpans(rel.Content)
		f.relations = append(f.relations, rel)
		f.relLines = append(f.relLines, ev.line)
	}
	return f, nil
}

// baseRole strips a numeric suffix: brat writes a role's second argument
// as Content2.
func baseRole(role string) string {
	return strings.TrimRight(role, "0123456789")
}

// sortSpans orders fragments by start (stable), returning nil for none.
func sortSpans(s []extract.Span) []extract.Span {
	if len(s) == 0 {
		return nil
	}
	sort.SliceStable(s, func(i, j int) bool { return s[i].Start < s[j].Start })
	return s
}

// parseEntity parses "T<n>\t<Type> <start> <end>[;<start> <end>...]\t<surface>".
func parseEntity(r record) (entity, error) {
	id, rest, ok := strings.Cut(r.text, "\t")
	if !ok {
		return entity{}, fmt.Errorf("line %d: entity has no tab", r.line)
	}
	head, surface, ok := strings.Cut(rest, "\t")
	if !ok {
		return entity{}, fmt.Errorf("line %d: entity %s has no tab before its text", r.line, id)
	}
	typ, offs, ok := strings.Cut(head, " ")
	if !ok || typ == "" {
		return entity{}, fmt.Errorf("line %d: entity %s: want \"Type start end\", got %q", r.line, id, clip(head))
	}
	e := entity{id: id, typ: typ, surface: surface, line: r.line}
	for _, frag := range strings.Split(offs, ";") {
		a, b, ok := strings.Cut(strings.TrimSpace(frag), " ")
		if !ok {
			return entity{}, fmt.Errorf("line %d: entity %s: fragment %q is not \"start end\"", r.line, id, clip(frag))
		}
		start, err1 := strconv.Atoi(a)
		end, err2 := strconv.Atoi(strings.TrimSpace(b))
		if err1 != nil || err2 != nil {
			return entity{}, fmt.Errorf("line %d: entity %s: fragment %q: offsets are not integers", r.line, id, clip(frag))
		}
		if start < 0 || end < start {
			return entity{}, fmt.Errorf("line %d: entity %s: bad fragment %d-%d", r.line, id, start, end)
		}
		e.spans = append(e.spans, extract.Span{Start: start, End: end})
	}
	return e, nil
}

// clip shortens s for an error message.
func clip(s string) string {
	const max = 60
	if r := []rune(s); len(r) > max {
		return string(r[:max]) + "…"
	}
	return s
}
