// Package extract finds attributed claims in news text: sentences, reporting
// cues, source/cue/content spans, direct and indirect quotes and the chain of
// sources each claim is attributed to.
//
// Two components work together. Hand-written rules (attrib.go, subject.go,
// bounds.go, credit.go) find the common patterns and build chains: agency credits,
// "citing" hops, coreference of pronouns and descriptions. A learned tagger
// (model.go, features.go, tagger.go, rels.go, viterbi.go) then finds the
// attributions the rules missed, in the manner of Citron (Newell et al.
// 2018): a greedy averaged perceptron (Collins 2002) marks cue tokens, run
// only on cue candidates (a learned word list plus the cue lexicon; the
// rules' own cues are taken as they are), and a structured perceptron
// decoded with Viterbi marks source and content spans (BIO) in the
// sentences holding a cue the rules did not find.
// Features are hashed; the weights are int16 at run time, packed three to a
// machine word so that one feature's tag weights share a cache line and are
// summed at once; the rows of the low-cardinality features (distances,
// shape, quote and rule flags) are pre-summed per combination of values
// (ctxtab.go), so a token loads a few rows instead of one per feature;
// the role pass computes a region's features, cue context and weights in
// one loop per region (rolepass.go), summing the nearest cues' rows once
// per run of tokens that share them. A rule claim always stands;
// a tagger relation is added where it overlaps no rule cue or content. The
// weights (model.bin.gz, embedded) were trained on PolNeAR train (Newell,
// Margolin & Ruths, LREC 2018) by ./train, with cues in attrib's convention
// (the reporting word, without PolNeAR's leading auxiliaries: see
// CueAuxiliary); Options.RulesOnly skips the tagger (faster, lower recall).
//
// Working arrays are pooled between texts (sync.Pool), and the claims of
// one text share a few allocations (arena.go), so that bulk extraction
// makes little garbage; Extract is safe for concurrent use.
//
// It is pure: no I/O, no SQL. All offsets are Unicode code points into the
// text exactly as given (the convention of brat and W3C Web Annotation).
package extract
