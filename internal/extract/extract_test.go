package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// want describes the claim whose content is text.
type want struct {
	text     string
	quote    bool
	cue      string   // "" = nil cue
	chain    []string // hop names
	mentions []string // hop mention texts, "" = nil; nil = unchecked
	roles    []string // nil = unchecked
	spans    int      // 0 = unchecked
}

func chainNames(c Claim) []string {
	out := []string{}
	for _, h := range c.Chain {
		out = append(out, h.Name)
	}
	return out
}

func check(t *testing.T, text string, cs []Claim, ws []want) {
	t.Helper()
	checkSpans(t, text, cs)
	for _, w := range ws {
		var c *Claim
		for i := range cs {
			if cs[i].Text == w.text {
				c = &cs[i]
				break
			}
		}
		if c == nil {
			var got []string
			for _, c := range cs {
				got = append(got, describe(c))
			}
			t.Errorf("no claim %q in\n%s", w.text, strings.Join(got, "\n"))
			continue
		}
		if c.Quote != w.quote {
			t.Errorf("%q: quote = %v, want %v", w.text, c.Quote, w.quote)
		}
		cue := ""
		if c.Cue != nil {
			cue = c.Cue.Text
		}
		if cue != w.cue {
			t.Errorf("%q: cue = %q, want %q", w.text, cue, w.cue)
		}
		if d := cmp.Diff(w.chain, chainNames(*c)); d != "" {
			t.Errorf("%q: chain (-want +got):\n%s", w.text, d)
		}
		if w.mentions != nil {
			var got []string
			for _, h := range c.Chain {
				if h.Mention == nil {
					got = append(got, "")
				} else {
					got = append(got, h.Mention.Text)
				}
			}
			if d := cmp.Diff(w.mentions, got); d != "" {
				t.Errorf("%q: mentions (-want +got):\n%s", w.text, d)
			}
		}
		if w.roles != nil {
			var got []string
			for _, h := range c.Chain {
				got = append(got, h.Role)
			}
			if d := cmp.Diff(w.roles, got); d != "" {
				t.Errorf("%q: roles (-want +got):\n%s", w.text, d)
			}
		}
		if w.spans > 0 && len(c.Spans) != w.spans {
			t.Errorf("%q: %d spans, want %d", w.text, len(c.Spans), w.spans)
		}
	}
}

// Invented sentences, one or more per pattern.
func TestPatterns(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		{"said that", "The mayor of Lisbon, Ana Costa, said that the bridge will reopen in May.",
			[]want{{text: "the bridge will reopen in May", cue: "said", chain: []string{"Ana Costa"}, roles: []string{"mayor of Lisbon"}}}},
		{"said without that", "Finance Minister Lars Berg said the budget would be balanced by 2027.",
			[]want{{text: "the budget would be balanced by 2027", cue: "said", chain: []string{"Lars Berg"}, roles: []string{"Finance Minister"}}}},
		{"Y, X said", "The harvest was the worst in a decade, farmers in the region said.",
			[]want{{text: "The harvest was the worst in a decade", cue: "said", chain: []string{"farmers in the region"}}}},
		{"quote, X said", "“We will not give up,” Maria Lopez said.",
			[]want{{text: "We will not give up", quote: true, cue: "said", chain: []string{"Maria Lopez"}}}},
		{"inverted", "\"The vote is final,\" said Peter Hall, a spokesman for the commission.",
			[]want{{text: "The vote is final", quote: true, cue: "said", chain: []string{"Peter Hall"}, roles: []string{"spokesman for the commission"}}}},
		{"said colon", "The minister said: \"Prices will fall next year.\"",
			[]want{{text: "Prices will fall next year.", quote: true, cue: "said", chain: []string{"The minister"}}}},
		{"according to first", "According to the city council, the new line will cost 40 million euros.",
			[]want{{text: "the new line will cost 40 million euros", cue: "According to", chain: []string{"the city council"}}}},
		{"according to last", "The factory will close in March, according to two people familiar with the plans.",
			[]want{{text: "The factory will close in March", cue: "according to", chain: []string{"two people familiar with the plans"}}}},
		{"citing", "The Daily Planet, citing an unnamed official, reported that the talks had collapsed.",
			[]want{{text: "the talks had collapsed", cue: "reported", chain: []string{"The Daily Planet", "an unnamed official"},
				mentions: []string{"The Daily Planet", "an unnamed official"}}}},
		{"citing after", "The talks had collapsed, the Herald reported, citing diplomats.",
			[]want{{text: "The talks had collapsed", cue: "reported", chain: []string{"the Herald", "diplomats"}}}},
		{"told", "Ingrid Olsen told the newspaper that she had never met the buyer.",
			[]want{{text: "she had never met the buyer", cue: "told", chain: []string{"Ingrid Olsen"}}}},
		{"spoke about", "Tomas Novak spoke about the need to rebuild the dam.",
			[]want{{text: "the need to rebuild the dam", cue: "spoke about", chain: []string{"Tomas Novak"}}}},
		{"headline says", "Novak says dam will be rebuilt\n\nThe dam broke in April.",
			[]want{{text: "dam will be rebuilt", cue: "says", chain: []string{"Novak"}},
				{text: "The dam broke in April", chain: []string{}}}},
		{"headline colon", "Novak: dam will be rebuilt\n\nThe dam broke in April.",
			[]want{{text: "dam will be rebuilt", cue: ":", chain: []string{"Novak"}}}},
		{"interrupted quote", "\"The river rose fast,\" Elena Marsh said. \"Nobody expected it.\"",
			[]want{{text: "The river rose fast Nobody expected it.", quote: true, cue: "said", chain: []string{"Elena Marsh"}, spans: 2}}},
		{"interrupted same sentence", "\"The river rose fast,\" Elena Marsh said, \"and nobody expected it.\"",
			[]want{{text: "The river rose fast and nobody expected it.", quote: true, cue: "said", chain: []string{"Elena Marsh"}, spans: 2}}},
		{"pronoun", "Chancellor Paul Weber arrived on Monday. He said the border would stay open.",
			[]want{{text: "the border would stay open", cue: "said", chain: []string{"He"}}}},
		{"pronoun after named source", "Chancellor Paul Weber said the talks went well. He added that the border would stay open.",
			[]want{{text: "the border would stay open", cue: "added", chain: []string{"Paul Weber"}, mentions: []string{"He"}, roles: []string{"Chancellor"}}}},
		{"surname", "Senator Ruth Alder said the bill was dead. Alder stressed that she would vote against it.",
			[]want{{text: "she would vote against it", cue: "stressed", chain: []string{"Ruth Alder"}, mentions: []string{"Alder"}}}},
		{"description", "Brazilian President Joao Lima said exports grew. The Brazilian leader warned that tariffs would hurt farmers.",
			[]want{{text: "tariffs would hurt farmers", cue: "warned", chain: []string{"Joao Lima"}, mentions: []string{"The Brazilian leader"}}}},
		{"description agency", "The Federal Statistics Agency reported that inflation fell. The agency noted that food prices rose.",
			[]want{{text: "food prices rose", cue: "noted", chain: []string{"The Federal Statistics Agency"}}}},
		{"continuation", "Chief Engineer Dana Roy said repairs would take weeks. But she named one condition: \"the weather must hold.\"",
			[]want{{text: "the weather must hold.", quote: true, cue: ":", chain: []string{"Dana Roy"}, mentions: []string{"she"}}}},
		{"anonymous", "Officials familiar with the matter said the deal was signed in secret.",
			[]want{{text: "the deal was signed in secret", cue: "said", chain: []string{"Officials familiar with the matter"}}}},
		{"outlet sources", "Planet sources said that the convoy left at dawn.",
			[]want{{text: "the convoy left at dawn", cue: "said", chain: []string{"Planet sources"}}}},
		{"and X said", "Prices rose sharply in June, and analysts said that the trend would continue.",
			[]want{{text: "Prices rose sharply in June", chain: []string{}},
				{text: "the trend would continue", cue: "said", chain: []string{"analysts"}}}},
		{"agency credit", "Minister Omar Haddad said the port would reopen. The first ships are due on Friday, Reuters reports.",
			[]want{{text: "the port would reopen", cue: "said", chain: []string{"Reuters", "Omar Haddad"}, mentions: []string{"", "Minister Omar Haddad"}},
				{text: "The first ships are due on Friday", cue: "reports", chain: []string{"Reuters"}, mentions: []string{"Reuters"}}}},
		{"agency word", "The storm killed four people, Kestrel news agency reported.",
			[]want{{text: "The storm killed four people", cue: "reported", chain: []string{"Kestrel"}}}},
		{"wire dateline", "OSLO (Reuters) - Norway raised its interest rate on Thursday. The krone rose.",
			[]want{{text: "Norway raised its interest rate on Thursday", cue: "", chain: []string{"Reuters"}},
				{text: "The krone rose", chain: []string{"Reuters"}}}},
		{"unattributed and boilerplate", "Floods hit the valley\n\nThe river burst its banks on Sunday.\nFollow us on Twitter for updates.\nCopyright 2024 Planet Media.",
			[]want{{text: "The river burst its banks on Sunday", chain: []string{}}}},
		{"abbreviations", "Mr. Smith moved to the U.S. in 2001. He earned $3.5 million in Jan. 2020, Dr. Li said.",
			[]want{{text: "Mr. Smith moved to the U.S. in 2001", chain: []string{}},
				{text: "He earned $3.5 million in Jan. 2020", cue: "said", chain: []string{"Li"}}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cs := Extract(tc.text, Options{Outlet: "Planet"})
			check(t, tc.text, cs, tc.want)
		})
	}
}

func TestNoClaims(t *testing.T) {
	for _, text := range []string{
		"", "\n\n", "Read more", "Click here to subscribe.", "Photo: Reuters",
		"Sign up for our newsletter.", "Politics and the economy",
	} {
		if cs := Extract(text, Options{}); len(cs) != 0 {
			t.Errorf("%q gave %d claims, want none: %v", text, len(cs), cs)
		}
	}
}

// TestSeedRows checks the worked-example rows of DESIGN.md by content prefix.
func TestSeedRows(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("..", "..", "testdata", "seed", "babel-2024-korea-weapons-ukraine.txt"))
	if err != nil {
		t.Skipf("seed article not found: %v", err)
	}
	cs := Extract(string(raw), Options{Outlet: "Babel"})
	rows := []struct {
		prefix string
		chain  []string
	}{
		{"he may consider transferring weapons", []string{"Yonhap", "Yoon Seok-yeol"}},
		{"If North Korea sends special forces", []string{"Yonhap", "Yoon Seok-yeol"}},
		{"now Seoul does not supply", []string{"Yonhap", "Yoon Seok-yeol"}},
		{"Korea could transfer lethal weapons", []string{"Yun Seok Yeol"}},
		{"North Korea has already sent 3,000", []string{"National Intelligence Service"}},
		{"12 thousand soldiers", []string{"South Korean intelligence"}},
		{"they are being trained", []string{"Babel sources"}},
		{"the strategic partnership agreement", []string{"The Wall Street Journal", "a former Russian spy"}},
		{"the DPRK will be able to send", []string{"The Wall Street Journal", "a former Russian spy", "the agreement"}},
		{"in exchange for soldiers", []string{"Kyrylo Budanov"}},
		{"South Korea has a rich fleet", []string{}},
		{"they could transfer lethal weapons", []string{"South Korea"}},
	}
	for _, r := range rows {
		found := false
		for _, c := range cs {
			if strings.HasPrefix(c.Text, r.prefix) {
				found = true
				if d := cmp.Diff(r.chain, chainNames(c)); d != "" {
					t.Errorf("%q: chain (-want +got):\n%s", r.prefix, d)
				}
			}
		}
		if !found {
			t.Errorf("no claim starting %q", r.prefix)
		}
	}
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"\"A,\" he said. \"B.\"", "According to X, Y.", "X, citing Y, wrote that Z.",
		"(AP) -- Q. R, Reuters reports.", "“", "a\n\n\"", "U.S. e.g. 3.5 Mr.", "X: \"", ", said",
		"Yoon said: “", "The head of the GUR, Kyrylo Budanov, says that",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		cs := Extract(s, Options{})
		n := len([]rune(s))
		prev := 0
		for _, c := range cs {
			if len(c.Spans) == 0 {
				t.Fatal("claim without span")
			}
			if c.Start() < prev {
				t.Fatalf("claims out of order")
			}
			prev = c.Start()
			last := 0
			for _, sp := range c.Spans {
				if sp.Start < last || sp.Start > sp.End || sp.End > n {
					t.Fatalf("bad span %v in %d code points", sp, n)
				}
				last = sp.End
			}
			ms := []*Mention{c.Cue}
			for _, h := range c.Chain {
				ms = append(ms, h.Mention, h.Cue)
			}
			for _, m := range ms {
				if m != nil && (m.Span.Start < 0 || m.Span.Start > m.Span.End || m.Span.End > n) {
					t.Fatalf("bad mention span %v", m.Span)
				}
			}
		}
	})
}
