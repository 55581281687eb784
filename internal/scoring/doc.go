// Package scoring groups claims into propositions, decides which origins are
// independent, and grades sources (reliability A-F) and propositions
// (credibility 1-6) with explanations a fact-checker can quote.
//
// Score is the one entry point. Its steps:
//
//   - Matching (text.go, match.go, group.go): content is normalised (case,
//     punctuation, stop words, a light stemmer, "12 thousand" = 12000,
//     "3,000" = 3000; a leading dateline is dropped) into token sets with
//     fixed weights (weights.go: word length and a list of common news
//     words, never corpus statistics, so a pair decision depends on the two
//     claims alone); contents of fewer than three content words are not
//     matched. Candidate pairs come from an inverted index over each claim's
//     most selective tokens, in one fixed token order, with prefix and
//     positional filtering (Chaudhuri et al. 2006; Bayardo et al. 2007; Xiao
//     et al. 2008), never all pairs; claims are taken in id order and each
//     token's probe looks back only at its most recent earlier claims, so a
//     new claim's candidates do not depend on later ones. Similar pairs are joined with union-find when
//     numbers, years, capitalised names, tense and negation agree; opposite
//     polarity makes a denial (stance "contradicts"); a different number for
//     the same statement makes conflicting propositions (Contradicts).
//     Fact-checker links and unlinks win.
//   - Independence (origins.go, dedup.go): a claim's origin is its chain's
//     last source (a spokesperson resolves to their institution); claims
//     that share any source beyond their own outlet, re-report an outlet of
//     the proposition, or sit in near-duplicate articles (MinHash, Broder
//     1997; a copy depends on every outlet of its cluster) are dependent;
//     independent origins are the connected components.
//   - Reliability (reliability.go): a Beta(2,2) track record per origin from
//     propositions corroborated or contradicted by independent origins and
//     from fact-checker verdicts; a source's rating overrides. A proposition
//     is weighed with its origins' record without its own evidence.
//   - Credibility (grade.go): the Admiralty / STANAG 2511 digit, a score in
//     [0,1] for ranking, explanations (explain.go), fidelity of attribution
//     and findings about reporting chains (findings.go).
//
// Diff (diff.go) compares a stored result with a new one, and
// DiffFingerprints (fingerprint.go) does the same against 64-bit digests a
// store keeps next to its rows, so that an incremental update writes only
// the rows that changed and leaves the same store as a full rewrite.
// Signature gives the per-article copy-detection signature a store keeps
// (Article.Sig), so article texts need not be reloaded.
//
// Incremental scoring (incremental.go, partial.go): MatchNew matches new
// claims against only the stored claims a full run would compare them with
// (each block key's last 32, BlockKeys), NewDupPairs finds a new article's
// near duplicates from the heads of its LSH buckets (BandKeys), and Score
// with Input.Partial scores a closed part of a store (whole propositions,
// closed under denial and conflict edges) given the store-wide context: the
// outlets in the store, the clusters, and every source's track record
// without that part's evidence (Tally, Result.Contribs). LetterChanges says
// which other propositions a moved track record regrades. Together they
// give, for the part, the rows a full run gives.
//
// It is pure: no I/O, no SQL.
package scoring
