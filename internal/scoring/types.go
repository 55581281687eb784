package scoring

// Claim is one attributed statement in one article, as the scorer sees it.
type Claim struct {
	ID, ArticleID int64
	// Outlet is the source id of the publishing outlet.
	Outlet int64
	// Chain lists the source ids after the outlet, origin last; empty means
	// the outlet's own, unattributed claim.
	Chain []int64
	// Text is the content.
	Text string
	// Quote is true for a direct quotation.
	Quote bool
	// Published is the article date, YYYY-MM-DD or "".
	Published string
	// Cue is the reporting cue ("said", "denied"); optional. A denial cue
	// makes the claim negate its content.
	Cue string
	// Group is the claim's raw match group from an earlier run
	// (Result.Groups), or 0 for a claim not matched yet; see matchstate.go.
	Group int64
}

// Source is anything a claim can be attributed to.
type Source struct {
	ID   int64
	Name string
	// Kind is one of the kinds of internal/sources (outlet, agency, person,
	// government, intelligence, organisation, document, anonymous).
	Kind string
	// Affiliation is the institution a spokesperson speaks for, or the
	// outlet of an anonymous source; 0 = none.
	Affiliation int64
	// Rating is a fact-checker's reliability rating A-F, or "".
	Rating string
}

// Article is one article's text, used only to find uncredited copies.
type Article struct {
	ID, Outlet int64
	Published  string
	// Text may be empty; then the article takes no part in copy detection.
	Text string
	// Sig is the article's copy-detection signature (Signature of its
	// text) when the caller stored it; when set, Text is not read.
	Sig []uint64
}

// Link is a fact-checker's decision that two claims are (Linked) or are not
// the same proposition. Links win over the matcher; for one pair the last
// link in Input.Links wins.
type Link struct {
	A, B   int64
	Linked bool
}

// Verdict is a fact-checker's verdict on one claim: true, false or misleading.
type Verdict struct {
	ClaimID int64
	Verdict string
}

// Input is everything Score needs.
type Input struct {
	Claims   []Claim
	Sources  []Source
	Articles []Article
	Links    []Link
	Verdicts []Verdict
	// Edges are the denial and conflict edges of an earlier run
	// (Result.Edges), given back with Claim.Group.
	Edges []Edge
	// Partial, when set, says the input is a closed part of a store and
	// gives the store-wide context (see partial.go); Articles then need no
	// signatures and Result.Sources covers only the input's Sources.
	Partial *Partial
	// WantKeys asks for Result.BlockKeys.
	WantKeys bool
}

// Result is the outcome of Score.
type Result struct {
	// Propositions are sorted by ID.
	Propositions []Proposition
	// Claims maps claim id to its score.
	Claims map[int64]ClaimScore
	// Sources maps source id to its reliability grade.
	Sources map[int64]SourceGrade
	// Findings are sorted by kind, proposition and claim ids.
	Findings []Finding
	// Groups maps every claim id to its raw match group and Edges lists
	// every denial and conflict edge: what a store keeps so that the next
	// run compares only new claims (Claim.Group, Input.Edges).
	Groups map[int64]int64
	Edges  []Edge
	// Tallies are the sources' track records (all of them, Base included),
	// Contribs each judged proposition's part in them, by proposition id.
	Tallies  map[int64]Tally
	Contribs map[int64][]Contrib
	// Clusters maps an article id to its near-duplicate cluster (articles
	// in no cluster are absent; empty with Input.Partial).
	Clusters map[int64]int64
	// BlockKeys are, with Input.WantKeys, each matchable claim's block keys
	// (BlockKeys).
	BlockKeys map[int64][]int64
}

// Proposition is a group of claims from one or more articles that assert the
// same thing, plus the claims that deny it.
type Proposition struct {
	// ID is the smallest claim id in the proposition, stable across runs.
	ID int64
	// ClaimIDs are all member claims, supporting and contradicting, sorted.
	ClaimIDs []int64
	// Origins are the representative origin source ids of the independent
	// groups of supporting claims, sorted.
	Origins []int64
	// IndependentOrigins is the number of independent supporting groups.
	IndependentOrigins    int
	SupportingArticles    int
	ContradictingArticles int
	// Contradicts lists the ids of propositions that give a different value
	// for the same quantity, sorted.
	Contradicts []int64
	// Grade is the information credibility "1".."6" (Admiralty, STANAG 2511).
	Grade string
	// Score in [0,1] ranks propositions; it is consistent with Grade.
	Score       float64
	Explanation string
}

// ClaimScore is one claim's place in the scoring.
type ClaimScore struct {
	PropositionID int64
	// Stance is "supports" or "contradicts" (a denial of the proposition).
	Stance string
	// Grade, Score and the counts are those of the proposition.
	Grade                 string
	Score                 float64
	IndependentOrigins    int
	SupportingArticles    int
	ContradictingArticles int
	// Fidelity says whether the origin really said it: "confirmed" (two or
	// more independent chains carry it), "single" (one chain), "drifted"
	// (this chain changed a hedge or a number), "unattributed" or "broken".
	Fidelity    string
	Explanation string
}

// SourceGrade is one source's reliability (Admiralty letter A-F).
type SourceGrade struct {
	Reliability string
	// Score is the Beta posterior mean (or the rating's value) in [0,1].
	Score float64
	// Claims counts claims whose origin is this source; Corroborated and
	// Contradicted count judged propositions.
	Claims, Corroborated, Contradicted int
	Explanation                        string
}

// Finding kinds.
const (
	FindSingleOrigin  = "single_origin_amplification"
	FindCircular      = "circular_reporting"
	FindQuoteDrift    = "quote_drift"
	FindAnonymousOnly = "anonymous_only"
	FindUnattributed  = "unattributed"
	FindBrokenChain   = "broken_chain"
	FindLinkConflict  = "link_conflict"
	stanceSupports    = "supports"
	stanceContradicts = "contradicts"
)

// Finding is a problem with a reporting chain that a fact-checker should see.
type Finding struct {
	Kind          string
	ClaimIDs      []int64
	PropositionID int64
	Message       string
}
