// Package extract finds attributed claims in news text: sentences, reporting
// cues, source/cue/content spans, direct and indirect quotes and the chain of
// sources each claim is attributed to.
//
// Two components work together. Hand-written rules (attrib.go, subject.go,
// credit.go) find the common patterns and build chains: agency credits,
// "citing" hops, coreference of pronouns and descriptions. A learned tagger
// (model.go, features.go, tagger.go) then finds the attributions the rules
// missed: two greedy averaged perceptrons over hashed features, one marking
// cue tokens, one marking source and content tokens around those cues, in
// the manner of Citron (Newell et al. 2018). A rule claim is kept where both
// agree. The weights (model.bin.gz, embedded) were trained on PolNeAR train
// (Newell, Margolin & Ruths, LREC 2018) by ./train; Options.RulesOnly skips
// the tagger (about ten times faster, lower recall).
//
// It is pure: no I/O, no SQL. All offsets are Unicode code points into the
// text exactly as given (the convention of brat and W3C Web Annotation).
package extract
