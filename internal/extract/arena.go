package extract

// arena hands out the small slices and mentions that one extraction's
// claims hold, carved from shared chunks: one allocation serves many
// claims. Every piece is capped at its length, so appending to it copies
// instead of writing into a neighbour's piece; the chunks belong to the
// returned claims and are never reused.
type arena struct {
	spans []Span
	ments []Mention
	hops  []Hop
}

const arenaChunk = 64

// newSpans returns n zero spans.
func (a *arena) newSpans(n int) []Span {
	if len(a.spans)+n > cap(a.spans) {
		a.spans = make([]Span, 0, max(arenaChunk, n))
	}
	k := len(a.spans)
	a.spans = a.spans[:k+n]
	return a.spans[k : k+n : k+n]
}

// newHops returns n zero hops.
func (a *arena) newHops(n int) []Hop {
	if len(a.hops)+n > cap(a.hops) {
		a.hops = make([]Hop, 0, max(arenaChunk/2, n))
	}
	k := len(a.hops)
	a.hops = a.hops[:k+n]
	return a.hops[k : k+n : k+n]
}

// newMention returns a fresh mention holding m.
func (a *arena) newMention(m Mention) *Mention {
	if len(a.ments) == cap(a.ments) {
		a.ments = make([]Mention, 0, arenaChunk)
	}
	a.ments = append(a.ments, m)
	return &a.ments[len(a.ments)-1]
}
