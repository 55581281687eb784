// Package scoring groups claims into propositions, decides which origins are
// independent, and grades sources (reliability A-F) and propositions
// (credibility 1-6) with explanations a fact-checker can quote.
//
// It is pure: no I/O, no SQL.
package scoring
