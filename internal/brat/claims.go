package brat

import "github.com/attrib/attrib/internal/extract"

// FromClaims turns the extractor's claims into PolNeAR-style relations.
//
// PolNeAR annotates only the outermost attribution (Newell, Margolin &
// Ruths, LREC 2018), so a claim becomes one relation: source = the first
// hop's mention (nil when it has none), cue = the claim's cue, content = the
// claim's fragments. Claims without a cue (the outlet's own statements) are
// not relations. A later hop with its own cue ("X, citing Y, said") becomes
// one more relation, as PolNeAR writes it: source = the previous hop's
// mention, cue = the hop's cue, content = the hop's mention.
//
// Claims that share one cue (a quotation continued in the next sentences
// or paragraphs without a cue of its own) are one relation whose content
// holds all their fragments, as PolNeAR annotates a continued quotation.
func FromClaims(claims []extract.Claim) []Relation {
	var out []Relation
	byCue := map[extract.Span]int{}
	for _, c := range claims {
		if c.Cue == nil {
			continue
		}
		if k, ok := byCue[c.Cue.Span]; ok {
			out[k].Content = append(out[k].Content, c.Spans...)
			continue
		}
		byCue[c.Cue.Span] = len(out)
		r := Relation{
			Cue:     []extract.Span{c.Cue.Span},
			Content: append([]extract.Span(nil), c.Spans...),
		}
		if len(c.Chain) > 0 && c.Chain[0].Mention != nil {
			r.Source = []extract.Span{c.Chain[0].Mention.Span}
		}
		out = append(out, r)
		for i := 1; i < len(c.Chain); i++ {
			h, prev := c.Chain[i], c.Chain[i-1]
			if h.Cue == nil || h.Mention == nil {
				continue
			}
			sub := Relation{
				Cue:     []extract.Span{h.Cue.Span},
				Content: []extract.Span{h.Mention.Span},
			}
			if prev.Mention != nil {
				sub.Source = []extract.Span{prev.Mention.Span}
			}
			out = append(out, sub)
		}
	}
	return out
}
