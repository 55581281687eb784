package scoring

import (
	"os"
	"strings"
	"testing"
)

// TestSeedArticle scores the claims of the project's seed article (Babel,
// October 2024) as the extractor should find them, plus a second outlet
// that re-reports one of them through Babel.
func TestSeedArticle(t *testing.T) {
	raw, err := os.ReadFile("../../testdata/seed/babel-2024-korea-weapons-ukraine.txt")
	if err != nil {
		t.Skip("seed article not available:", err)
	}
	text := string(raw)
	const (
		babel = 100 + iota
		kyiv
		yonhap
		yoon
		seoul
		nis
		babelSources
		wsj
		spy
		budanov
		gur
	)
	in := Input{Sources: []Source{
		{ID: babel, Name: "Babel", Kind: "outlet"},
		{ID: kyiv, Name: "Second Outlet", Kind: "outlet"},
		{ID: yonhap, Name: "Yonhap", Kind: "agency"},
		{ID: yoon, Name: "Yoon Seok-yeol", Kind: "person", Affiliation: seoul},
		{ID: seoul, Name: "Office of the President of South Korea", Kind: "government"},
		{ID: nis, Name: "National Intelligence Service", Kind: "intelligence"},
		{ID: babelSources, Name: "Babel's sources", Kind: "anonymous", Affiliation: babel},
		{ID: wsj, Name: "The Wall Street Journal", Kind: "outlet"},
		{ID: spy, Name: "a former Russian spy", Kind: "anonymous", Affiliation: wsj},
		{ID: budanov, Name: "Kyrylo Budanov", Kind: "person", Affiliation: gur},
		{ID: gur, Name: "GUR", Kind: "intelligence"},
	}}
	add := func(id, art, outlet int64, content string, chain ...int64) {
		if art == 1 && !strings.Contains(text, content) {
			t.Fatalf("%q is not in the seed article", content)
		}
		in.Claims = append(in.Claims, Claim{ID: id, ArticleID: art, Outlet: outlet, Chain: chain, Text: content, Published: "2024-10-24"})
	}
	add(1, 1, babel, "he may consider transferring weapons to Ukraine depending on the level of military cooperation between Russia and North Korea", yonhap, yoon)
	add(2, 1, babel, "now Seoul does not supply lethal weapons to Ukraine", yonhap, yoon)
	add(3, 1, babel, "North Korea has already sent 3,000 of its troops to Russia", nis)
	add(4, 1, babel, "12 thousand soldiers will be sent to Russia", nis)
	add(5, 1, babel, "they are being trained in such cities as Khabarovsk, Ussuriysk, Blagoveshchensk, and Vladivostok", babelSources)
	add(6, 1, babel, "the strategic partnership agreement between Russia and North Korea, which Vladimir Putin and Kim Jong-un signed in June, contains a secret clause", wsj, spy)
	add(7, 1, babel, "in exchange for soldiers, North Korea receives money and nuclear technology from Russia", budanov)
	add(8, 1, babel, "South Korea has a rich fleet of tanks, armored vehicles and artillery of its own production, as well as large reserves of ammunition")
	add(9, 2, kyiv, "North Korea has sent 3,000 troops to Russia", babel, nis)
	add(10, 2, kyiv, "South Korea may transfer weapons to Ukraine depending on military cooperation between Russia and North Korea", babel, yonhap, yoon)
	in.Articles = []Article{{ID: 1, Outlet: babel, Text: text}, {ID: 2, Outlet: kyiv}}
	r := Score(in)

	p3, p4 := propOf(t, r, 3), propOf(t, r, 4)
	if p3.ID == p4.ID || len(p3.Contradicts)+len(p4.Contradicts) != 0 {
		t.Errorf("3,000 sent and 12 thousand to be sent: %+v %+v", p3, p4)
	}
	if propOf(t, r, 9).ID != p3.ID || p3.IndependentOrigins != 1 || p3.Grade != "3" {
		t.Errorf("the re-report through Babel adds no origin: %+v", p3)
	}
	if propOf(t, r, 10).ID != propOf(t, r, 1).ID {
		t.Errorf("Yoon's statement via Babel was not matched")
	}
	if o := propOf(t, r, 1).Origins; len(o) != 1 || o[0] != seoul {
		t.Errorf("Yoon speaks for his office: origins %v", o)
	}
	for id, want := range map[int64]string{5: "4", 6: "4", 7: "3", 8: "4", 2: "3"} {
		if g := r.Claims[id].Grade; g != want {
			t.Errorf("claim %d grade %s, want %s: %s", id, g, want, propOf(t, r, id).Explanation)
		}
	}
	kinds := map[string]int{}
	for _, f := range r.Findings {
		kinds[f.Kind]++
	}
	if kinds[FindAnonymousOnly] != 2 || kinds[FindUnattributed] != 1 {
		t.Errorf("findings %v", kinds)
	}
	if !strings.Contains(propOf(t, r, 6).Explanation, "a former Russian spy") {
		t.Errorf("explanation: %s", propOf(t, r, 6).Explanation)
	}
}
