// Package brat reads brat standoff annotations of attribution (Source, Cue,
// Content) and scores predicted spans against them: exact and overlap
// precision, recall and F1.
//
// It is what `attrib eval brat DIR` runs. ParseAnn reads one .ann file in
// the conventions of PolNeAR (Newell, Margolin & Ruths, LREC 2018): offsets
// in Unicode code points, multi-fragment spans, surface text continued on
// following lines, Attribution / Attribution-no-source triggers, Discard
// spans. LoadDir reads a corpus in PolNeAR's layout or brat's own; FromClaims
// turns the extractor's claims into relations the way PolNeAR annotates them
// (outermost attribution only, "citing Y" as a sibling relation); Evaluate
// scores a predictor over the documents and returns a Report that prints as
// a table (Table) or marshals to JSON.
//
// PolNeARConvention maps attrib's spans (content without quotation marks
// or a leading "that") to PolNeAR's before scoring; `attrib eval brat`
// should apply it to FromClaims' output.
//
// LoadDir reads files; ParseAnn, FromClaims, PolNeARConvention and Evaluate
// do no I/O.
package brat
