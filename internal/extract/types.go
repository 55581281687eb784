package extract

// Span is a half-open range [Start, End) of Unicode code points in the text.
type Span struct{ Start, End int }

// Mention is a stretch of text that names something, with where it stands.
type Mention struct {
	Text string
	Span Span
}

// Hop is one source in a claim's chain after the publishing outlet.
type Hop struct {
	// Name is the fullest name extraction found for the source: for a
	// pronoun or a description ("He", "the South Korean leader") it is the
	// name of the antecedent; for "Babel sources" it is that phrase.
	Name string
	// Role is a title or description the text gives the source
	// ("South Korean President", "head of the GUR"), or "".
	Role string
	// Mention is where this claim's sentence names the hop; nil when the hop
	// is carried over from elsewhere (an agency credit covering a paragraph).
	Mention *Mention
	// Cue is the word that introduces this hop when it has its own, as
	// "citing" does in "X, citing Y, wrote"; nil otherwise.
	Cue *Mention
}

// Claim is one statement in the text with the chain it is attributed to.
type Claim struct {
	// Text is the content; for a discontinuous content the fragments are
	// joined with a single space.
	Text string
	// Spans are the content's fragments in text order; at least one.
	Spans []Span
	// Quote is true for a direct quotation.
	Quote bool
	// Cue is the reporting cue ("said", "according to"); nil when the claim
	// is the outlet's own, unattributed statement.
	Cue *Mention
	// Chain lists the sources from the one the outlet cites first to the
	// origin (last). Empty for an unattributed statement of the outlet.
	Chain []Hop
}

// Start is the first code point of the content.
func (c Claim) Start() int { return c.Spans[0].Start }

// End is one past the last code point of the content.
func (c Claim) End() int { return c.Spans[len(c.Spans)-1].End }

// Options tune one extraction.
type Options struct {
	// Outlet is the publishing outlet's name; it lets "Babel sources" or
	// "our correspondent" be recognised as the outlet's own sources.
	Outlet string
	// RulesOnly skips the learned tagger: faster, lower recall.
	RulesOnly bool
	// Model is the learned tagger to use; nil means the embedded one.
	Model *Model
}
