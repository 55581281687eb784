package extract

import "testing"

// TestContentBounds checks the boundary rules of bounds.go on made-up
// sentences, with rules only (the tagger is not involved).
func TestContentBounds(t *testing.T) {
	cases := []struct {
		name, text string
		ws         []want
	}{
		{"scene before a quotation", "In an interview with a local radio station, Jane Doe said, \"We will win the vote.\"",
			[]want{{text: "We will win the vote.", quote: true, cue: "said", chain: []string{"Jane Doe"}}}},
		{"time complement after the cue", "The Daily Planet reported on Monday, the mayor will resign in June.",
			[]want{{text: "the mayor will resign in June", cue: "reported", chain: []string{"The Daily Planet"}}}},
		{"quotation after a complement", "Smith told the Gazette, \"The plan is dead.\"",
			[]want{{text: "The plan is dead.", quote: true, cue: "told", chain: []string{"Smith"}}}},
		{"participle after the content", "Jones said the bridge was unsafe, leaving residents to find another route.",
			[]want{{text: "the bridge was unsafe", cue: "said", chain: []string{"Jones"}}}},
		{"coordinated reporting verb", "Brown said the tax would pass but added, \"The vote will be close.\"",
			[]want{
				{text: "the tax would pass", cue: "said", chain: []string{"Brown"}},
				{text: "The vote will be close.", quote: true, cue: "added", chain: []string{"Brown"}},
			}},
		{"coordinated predicate", "The governor said the budget was balanced, but downplayed the deficit.",
			[]want{{text: "the budget was balanced", cue: "said", chain: []string{"The governor"}}}},
		{"abbreviation keeps its period", "Officials said the award went to Martin Luther King Jr.",
			[]want{{text: "the award went to Martin Luther King Jr.", cue: "said", chain: []string{"Officials"}}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			check(t, tc.text, Extract(tc.text, Options{RulesOnly: true}), tc.ws)
		})
	}
}
