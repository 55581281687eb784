package main

import (
	"fmt"
	"math/rand"
	"sort"
	"strings"

	"github.com/attrib/attrib/internal/brat"
	"github.com/attrib/attrib/internal/extract"
)

// analyze prints the content boundary errors on docs by category, with up
// to n random examples each (a research aid: -analyze N).
func analyze(docs []brat.Doc, md *extract.Model, n int) {
	type ex struct{ cat, src, s string }
	var all []ex
	cnt := map[string]int{}
	for _, d := range docs {
		rs := []rune(d.Text)
		claims := extract.Extract(d.Text, extract.Options{Model: md})
		rules := extract.Extract(d.Text, extract.Options{RulesOnly: true})
		ruleKeys := map[string]bool{}
		for _, r := range brat.PolNeARConvention(d.Text, brat.FromClaims(rules)) {
			ruleKeys[fmt.Sprint(r.Content)] = true
		}
		pred := brat.PolNeARConvention(d.Text, brat.FromClaims(claims))
		_ = claims
		for _, g := range d.Gold {
			if len(g.Content) == 0 {
				continue
			}
			best, bo := -1, 0
			for i, p := range pred {
				if o := ov(p.Content, g.Content); o > bo {
					best, bo = i, o
				}
			}
			if best < 0 {
				cnt["missed"]++
				continue
			}
			p := pred[best].Content
			if fmt.Sprint(p) == fmt.Sprint(g.Content) {
				cnt["exact"]++
				continue
			}
			who := "tagger"
			if ruleKeys[fmt.Sprint(p)] {
				who = "rule"
			}
			gs, ge := g.Content[0].Start, g.Content[len(g.Content)-1].End
			ps, pe := p[0].Start, p[len(p)-1].End
			var cat string
			switch {
			case len(p) != len(g.Content):
				cat = fmt.Sprintf("frags gold %d pred %d", len(g.Content), len(p))
			case ps < gs:
				cat = "start early"
			case ps > gs:
				cat = "start late"
			case pe > ge:
				cat = "end late"
			case pe < ge:
				cat = "end early"
			default:
				cat = "inner frag"
			}
			cnt[cat+" "+who]++
			ctx := func(a, b int) string {
				a, b = max(a, 0), min(b, len(rs))
				return strings.ReplaceAll(string(rs[a:b]), "\n", "¶")
			}
			mark := func(spans []extract.Span) string {
				var b strings.Builder
				for _, s := range spans {
					fmt.Fprintf(&b, "[%s] ", ctx(s.Start, s.End))
				}
				return b.String()
			}
			lo, hi := min(gs, ps), max(ge, pe)
			all = append(all, ex{cat, who, fmt.Sprintf("  ctx: %s\n  gold: %s\n  pred: %s", ctx(lo-40, hi+40), mark(g.Content), mark(p))})
		}
	}
	keys := make([]string, 0, len(cnt))
	for k := range cnt {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Printf("%-32s %d\n", k, cnt[k])
	}
	rnd := rand.New(rand.NewSource(1))
	rnd.Shuffle(len(all), func(i, j int) { all[i], all[j] = all[j], all[i] })
	shown := map[string]int{}
	for _, e := range all {
		if shown[e.cat] >= n {
			continue
		}
		shown[e.cat]++
		fmt.Printf("== %s (%s)\n%s\n", e.cat, e.src, e.s)
	}
}

func ov(a, b []extract.Span) int {
	n := 0
	for _, x := range a {
		for _, y := range b {
			if lo, hi := max(x.Start, y.Start), min(x.End, y.End); hi > lo {
				n += hi - lo
			}
		}
	}
	return n
}

// analyzeCues prints where the missed gold cues stand and their words.
func analyzeCues(docs []brat.Doc, md *extract.Model) {
	cnt := map[string]int{}
	words := map[string]int{}
	for _, d := range docs {
		rs := []rune(d.Text)
		pred := brat.PolNeARConvention(d.Text, brat.FromClaims(extract.Extract(d.Text, extract.Options{Model: md})))
		for _, g := range d.Gold {
			hit, where := false, "free"
			for _, p := range pred {
				if ov(p.Cue, g.Cue) > 0 {
					hit = true
				}
				if ov(p.Content, g.Cue) > 0 {
					where = "in pred content"
				}
				if ov(p.Source, g.Cue) > 0 && where == "free" {
					where = "in pred source"
				}
			}
			if hit {
				cnt["found"]++
				continue
			}
			cnt[where]++
			if where == "free" && len(g.Cue) > 0 {
				words[strings.ToLower(string(rs[g.Cue[0].Start:g.Cue[len(g.Cue)-1].End]))]++
			}
		}
	}
	fmt.Println(cnt)
	type kv struct {
		k string
		v int
	}
	var l []kv
	for k, v := range words {
		l = append(l, kv{k, v})
	}
	sort.Slice(l, func(i, j int) bool { return l[i].v > l[j].v || l[i].v == l[j].v && l[i].k < l[j].k })
	for i, e := range l {
		if i >= 60 {
			break
		}
		fmt.Printf("%q:%d ", e.k, e.v)
	}
	fmt.Println()
}
