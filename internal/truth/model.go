package truth

import "sort"

// Options tunes Solve. The zero value means the defaults given per field;
// the Dong, Berti-Equille & Srivastava (VLDB 2009) defaults are used where
// the paper gives one.
type Options struct {
	// Vote makes Solve a naive majority vote over canonical values (the
	// baseline): no accuracies, no similarity, no copy detection.
	Vote bool
	// NoCopy disables copy detection (Accu/AccuSim without Depen).
	NoCopy bool
	// NoSimilarity disables support between similar values (Accu
	// instead of AccuSim).
	NoSimilarity bool

	// PriorAccuracy is every source's accuracy before evidence. Default 0.8.
	PriorAccuracy float64
	// PriorWeight is how many claims' worth of evidence the prior counts
	// when a source's accuracy is estimated, so that a source seen on two
	// items does not jump to 0 or 1. Default 2.
	PriorWeight float64
	// FalseValues is n, the number of false values of an item in the
	// vote ln(n·A/(1-A)); items with more observed values use that count.
	// Default 10.
	FalseValues int
	// SimilarityWeight is ρ in C*(v) = C(v) + ρ·Σ sim(v,v')·C(v')
	// (AccuSim). Default 0.5.
	SimilarityWeight float64
	// CopyPrior is α, the prior probability that two sources are
	// dependent. Default 0.2.
	CopyPrior float64
	// CopyRate is c, the probability that a copier copies a given value.
	// Default 0.8.
	CopyRate float64
	// MaxIterations bounds the truth/accuracy/dependence rounds. Default 20.
	MaxIterations int
	// Tolerance stops iterating once no source accuracy moves more than
	// this. Default 1e-4.
	Tolerance float64
	// MaxPairSources caps, per item, how many providers are compared pair
	// by pair for copy detection (the most prolific sources are kept), so
	// that an item listed by thousands of sources stays linear. Default 64.
	MaxPairSources int
	// Digits is the number of decimal places numbers are rounded to by
	// the default normaliser. Default 2.
	Digits int
	// Normalize canonicalises raw values. Default DefaultNormalize(Digits).
	Normalize Normalizer
	// Similar scores canonical values. Default DefaultSimilarity.
	Similar Similarity
}

func (o Options) withDefaults() Options {
	def := func(v *float64, d float64) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&o.PriorAccuracy, 0.8)
	def(&o.PriorWeight, 2)
	def(&o.SimilarityWeight, 0.5)
	def(&o.CopyPrior, 0.2)
	def(&o.CopyRate, 0.8)
	def(&o.Tolerance, 1e-4)
	if o.PriorAccuracy >= 1 {
		o.PriorAccuracy = 0.99
	}
	if o.CopyPrior >= 1 {
		o.CopyPrior = 0.99
	}
	if o.CopyRate > 1 {
		o.CopyRate = 1
	}
	if o.FalseValues <= 0 {
		o.FalseValues = 10
	}
	if o.MaxIterations <= 0 {
		o.MaxIterations = 20
	}
	if o.MaxPairSources <= 1 {
		o.MaxPairSources = 64
	}
	if o.Digits <= 0 {
		o.Digits = 2
	}
	if o.Normalize == nil {
		o.Normalize = DefaultNormalize(o.Digits)
	}
	if o.Similar == nil {
		o.Similar = DefaultSimilarity
	}
	return o
}

// Item is the value Solve believes for one property of one object.
type Item struct {
	Object, Property string
	// Value is the most common raw spelling among the providers of the
	// chosen canonical value.
	Value string
	// Confidence is the probability of the chosen value in [0,1].
	Confidence float64
	// Support is the number of sources that gave the chosen value.
	Support int
}

// CopySuspect is a source that probably copies, or is copied by, another.
type CopySuspect struct {
	Source      string
	Probability float64
}

// SourceScore is what Solve learnt about one source.
type SourceScore struct {
	Name string
	// Accuracy is the estimated share of its values that are true.
	Accuracy float64
	// Claims is the number of items it gave a value for.
	Claims int
	// Copies lists up to five sources it is dependent with, probability
	// at least 0.5, most likely first.
	Copies []CopySuspect
}

// Result is the outcome of Solve: items sorted by object then property,
// sources by name.
type Result struct {
	Items      []Item
	Sources    []SourceScore
	Iterations int
}

// Accuracy counts the gold objects whose believed value equals the gold
// value under equal (nil: exact string equality). An object missing from
// res counts as wrong. For the Book data equal is SameAuthors: an answer is
// right when its set of normalised author last names equals the gold's.
func Accuracy(res Result, gold map[string]string, equal func(a, b string) bool) (correct, total int) {
	if equal == nil {
		equal = func(a, b string) bool { return a == b }
	}
	byObject := make(map[string]string, 2*len(res.Items))
	for _, it := range res.Items {
		byObject[GoldKey(it.Object, it.Property)] = it.Value
		if _, ok := byObject[it.Object]; !ok {
			byObject[it.Object] = it.Value
		}
	}
	keys := make([]string, 0, len(gold))
	for k := range gold {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		total++
		if v, ok := byObject[k]; ok && equal(v, gold[k]) {
			correct++
		}
	}
	return correct, total
}
