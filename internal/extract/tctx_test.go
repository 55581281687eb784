package extract

import (
	"math/rand"
	"slices"
	"testing"
)

// TestInitWithPrep: the token facts built from prepareWith's quotes and
// candidates and the rule cues of ruleRolesInto are those init computes
// by its own scan.
func TestInitWithPrep(t *testing.T) {
	md := DefaultModel()
	if md == nil {
		t.Skip("no model")
	}
	rnd := rand.New(rand.NewSource(5))
	texts := []string{"", `"`, `He said "a "b" c" d. "E," she said, "f.`}
	for i := 0; i < 200; i++ {
		texts = append(texts, randText(rnd, rnd.Intn(120))+` "He said it," the agency reported, according to "x`+randText(rnd, 20))
	}
	texts = append(texts, newsTexts(t, 300)...)
	for ti, text := range texts {
		x, paras := (&prepBuf{}).prepareWith(text, Options{}, md)
		claims := x.rules(paras)
		rule, cues := x.ruleRolesInto(nil, nil, claims)
		slow := newTctx(x.m, paras, rule)
		var fast tctx
		fast.initWith(x.m, paras, rule, &x.pre, cues)
		if !slices.Equal(fast.cidx, slow.cidx) {
			t.Fatalf("text %d: cidx %v, want %v", ti, fast.cidx, slow.cidx)
		}
		if !slices.Equal(fast.inQ, slow.inQ) {
			t.Fatalf("text %d: inQ differs", ti)
		}
		for i := range x.m.toks {
			if s := fast.sentOf(i); s < 0 || int(s) >= len(fast.sents) || fast.sents[s].a > i || i >= fast.sents[s].b {
				t.Fatalf("text %d: token %d in sentence %d", ti, i, s)
			}
		}
	}
}
