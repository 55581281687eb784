package scoring

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// TestECBPlusMatchingPrecision runs the matcher on real news sentences from
// ECB+ (Cybulska & Vossen 2014; read in place, never copied). Each sentence
// of each article becomes an unattributed claim; a proposition that joins
// sentences from two articles is right when both articles report the same
// gold event (cluster_id) and wrong when they report the paired, similar
// event of the same topic (the hard negative) or another topic.
func TestECBPlusMatchingPrecision(t *testing.T) {
	f, err := os.Open("../../../shared/data/ecbplus/docs.jsonl")
	if err != nil {
		t.Skip("ECB+ data not available:", err)
	}
	defer f.Close()
	var in Input
	cluster := map[int64]string{} // article id -> gold event
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var id int64
	for art := int64(1); sc.Scan(); art++ {
		var d struct {
			Doc       string `json:"doc"`
			ClusterID string `json:"cluster_id"`
			Text      string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		cluster[art] = d.ClusterID
		in.Articles = append(in.Articles, Article{ID: art, Outlet: 1000 + art, Text: d.Text})
		for _, line := range strings.Split(d.Text, "\n") {
			for _, s := range strings.SplitAfter(line, ". ") {
				if len(strings.Fields(s)) < 6 {
					continue
				}
				id++
				in.Claims = append(in.Claims, Claim{ID: id, ArticleID: art, Outlet: 1000 + art, Text: s})
			}
		}
	}
	r := Score(in)
	byID := make(map[int64]*Claim, len(in.Claims))
	for i := range in.Claims {
		byID[in.Claims[i].ID] = &in.Claims[i]
	}
	var good, bad, props int
	for _, p := range r.Propositions {
		arts := map[int64]bool{}
		for _, c := range p.ClaimIDs {
			arts[byID[c].ArticleID] = true
		}
		if len(arts) < 2 {
			continue
		}
		props++
		var list []int64
		for a := range arts {
			list = append(list, a)
		}
		for i := range list {
			for j := i + 1; j < len(list); j++ {
				if cluster[list[i]] == cluster[list[j]] {
					good++
				} else {
					bad++
				}
			}
		}
	}
	prec := float64(good) / float64(max(good+bad, 1))
	t.Logf("ECB+: %d claims, %d cross-article propositions, article pairs: %d same event, %d different (precision %.3f)",
		len(in.Claims), props, good, bad, prec)
	if good+bad > 0 && prec < 0.8 {
		t.Errorf("cross-article matching precision %.3f < 0.8", prec)
	}
}
