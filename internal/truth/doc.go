// Package truth is truth discovery: from many sources giving conflicting
// values for the same items, with copying between sources, decide which value
// is true and how accurate each source is.
//
// Solve implements Accu with AccuSim and Depen copy detection (Dong,
// Berti-Equille & Srivastava, "Integrating conflicting data: the role of
// source dependence", VLDB 2009), after TruthFinder (Yin, Han & Yu, TKDE
// 2008): values are canonicalised so that spellings of one value group
// together, then value probabilities, source accuracies and the
// probability that two sources copy each other are re-estimated in turn
// until stable. Results are deterministic.
//
// ReadCSV, ReadBook and ReadBookGold parse truth-discovery data sets from
// an io.Reader; Accuracy scores a Result against a gold standard. For the
// Book data an answer is right when its set of normalised author last
// names equals the gold's (SameAuthors, ParseAuthors).
//
// It is pure: no I/O beyond the readers it is given, no SQL.
package truth
