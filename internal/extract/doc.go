// Package extract finds attributed claims in news text: sentences, reporting
// cues, source/cue/content spans, direct and indirect quotes and the chain of
// sources each claim is attributed to.
//
// It is pure: no I/O, no SQL. All offsets are Unicode code points into the
// text exactly as given (the convention of brat and W3C Web Annotation).
package extract
