package brat

import (
	"math"
	"time"
	"unicode/utf8"

	"github.com/attrib/attrib/internal/extract"
)

// Score is one precision/recall/F1 measurement. Precision, Recall and F1
// are percentages rounded to one decimal; a ratio whose denominator is zero
// is 0 (the counts tell the case apart).
type Score struct {
	TP        int     `json:"tp"`
	FP        int     `json:"fp"`
	FN        int     `json:"fn"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// RoleScore holds the exact and overlap scores of one role.
type RoleScore struct {
	Gold      int   `json:"gold"`      // distinct gold items
	Predicted int   `json:"predicted"` // distinct predicted items
	Exact     Score `json:"exact"`
	Overlap   Score `json:"overlap"`
}

// Report is the result of Evaluate: micro-averaged over all documents.
type Report struct {
	Docs  int   `json:"docs"`
	Chars int   `json:"chars"` // code points of text
	Bytes int64 `json:"bytes"` // UTF-8 bytes of text

	Source   RoleScore `json:"source"`
	Cue      RoleScore `json:"cue"`
	Content  RoleScore `json:"content"`
	Relation RoleScore `json:"relation"`

	// DroppedInDiscard counts predicted relations ignored because their
	// cue lies inside a span the annotator marked Discard.
	DroppedInDiscard int `json:"dropped_in_discard"`

	// PerDoc lists relation counts per document, in input order, to find
	// the articles where extraction fails.
	PerDoc []DocResult `json:"per_doc"`

	PredictSeconds float64 `json:"predict_seconds"` // time inside predict
	EvalSeconds    float64 `json:"eval_seconds"`    // time spent matching
	MBPerSecond    float64 `json:"mb_per_second"`   // text MB (10^6 bytes) per predict second
}

// DocResult is one document's relation-level outcome.
type DocResult struct {
	Name      string `json:"name"`
	Annotator string `json:"annotator,omitempty"`
	Gold      int    `json:"gold"`
	Predicted int    `json:"predicted"`
	Exact     int    `json:"exact"`   // relations matched exactly
	Overlap   int    `json:"overlap"` // relations matched by overlap
}

// counts accumulates one role's raw numbers.
type counts struct{ gold, pred, exact, overlap int }

// Evaluate runs predict on every document's text and scores the predictions
// against the gold relations, role by role (source, cue, content) and for
// whole relations.
//
// Within a document each role's items are distinct span sets (a source
// shared by two relations counts once) and identical relations count once.
// Exact: the normalised span sets are equal (for a relation: cue, content
// and source equal, or both sources absent). Overlap: at least one shared
// code point (for a relation: in every role present on both sides, and both
// sides agree on whether a source exists); each gold item is matched at
// most once, greedily by largest overlap. A nil predict predicts nothing.
// Evaluate calls predict once per document, one after another and in order,
// so the throughput is per core.
func Evaluate(docs []Doc, predict func(text string) []Relation) Report {
	var rep Report
	var c [4]counts // source, cue, content, relation
	var predDur, evalDur time.Duration
	for i := range docs {
		d := &docs[i]
		rep.Docs++
		rep.Bytes += int64(len(d.Text))
		rep.Chars += utf8.RuneCountInString(d.Text)
		var pred []Relation
		if predict != nil {
			t0 := time.Now()
			pred = predict(d.Text)
			predDur += time.Since(t0)
		}
		t1 := time.Now()
		discard := normalize(d.Discard)
		kept := pred[:0:0]
		for _, r := range pred {
			if len(discard) > 0 && inside(normalize(r.Cue), discard) {
				rep.DroppedInDiscard++
				continue
			}
			kept = append(kept, r)
		}
		before := c[3]
		scoreDoc(&c, kept, d.Gold)
		rep.PerDoc = append(rep.PerDoc, DocResult{
			Name: d.Name, Annotator: d.Annotator,
			Gold: c[3].gold - before.gold, Predicted: c[3].pred - before.pred,
			Exact: c[3].exact - before.exact, Overlap: c[3].overlap - before.overlap,
		})
		evalDur += time.Since(t1)
	}
	rep.Source = c[0].role()
	rep.Cue = c[1].role()
	rep.Content = c[2].role()
	rep.Relation = c[3].role()
	rep.PredictSeconds = predDur.Seconds()
	rep.EvalSeconds = evalDur.Seconds()
	if rep.PredictSeconds > 0 {
		rep.MBPerSecond = round1(float64(rep.Bytes) / 1e6 / rep.PredictSeconds)
	}
	return rep
}

// inside reports whether the non-empty set s lies wholly within area.
func inside(s, area spanSet) bool {
	if len(s) == 0 {
		return false
	}
	n := 0
	for _, f := range s {
		n += f.End - f.Start
	}
	return overlap(s, area) == n
}

// scoreDoc adds one document's matches to c.
func scoreDoc(c *[4]counts, pred, gold []Relation) {
	pi, gi := roleItems(pred), roleItems(gold)
	for k := 0; k < 3; k++ {
		p, g := dedupe(pi[k]), dedupe(gi[k])
		c[k].add(len(p), len(g), matchExact(p, g), matchOverlap(p, g, roleScore))
	}
	p, g := dedupe(relItems(pred)), dedupe(relItems(gold))
	c[3].add(len(p), len(g), matchExact(p, g), matchOverlap(p, g, relationScore))
}

func (c *counts) add(pred, gold, exact, overlap int) {
	c.pred += pred
	c.gold += gold
	c.exact += exact
	c.overlap += overlap
}

// roleItems splits relations into source, cue and content items, leaving
// out empty roles.
func roleItems(rels []Relation) [3][]item {
	var out [3][]item
	for _, r := range rels {
		for k, spans := range [3][]extract.Span{r.Source, r.Cue, r.Content} {
			if s := normalize(spans); len(s) > 0 {
				out[k] = append(out[k], newItem(s))
			}
		}
	}
	return out
}

// relItems makes one item per relation, leaving out relations without any
// fragment.
func relItems(rels []Relation) []item {
	out := make([]item, 0, len(rels))
	for _, r := range rels {
		if it := newItem(normalize(r.Source), normalize(r.Cue), normalize(r.Content)); !it.empty {
			out = append(out, it)
		}
	}
	return out
}

func (c counts) role() RoleScore {
	return RoleScore{
		Gold:      c.gold,
		Predicted: c.pred,
		Exact:     score(c.exact, c.pred, c.gold),
		Overlap:   score(c.overlap, c.pred, c.gold),
	}
}

func score(tp, pred, gold int) Score {
	s := Score{TP: tp, FP: pred - tp, FN: gold - tp}
	var p, r, f float64
	if pred > 0 {
		p = float64(tp) / float64(pred)
	}
	if gold > 0 {
		r = float64(tp) / float64(gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	s.Precision, s.Recall, s.F1 = round1(100*p), round1(100*r), round1(100*f)
	return s
}

func round1(x float64) float64 { return math.Round(x*10) / 10 }
