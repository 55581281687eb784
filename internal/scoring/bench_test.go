package scoring

import (
	"flag"
	"math/rand"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
)

var bench1M = flag.Bool("scoring.1m", false, "also run BenchmarkScore with 1,000,000 claims (about 1-2 GB)")

// genInput is a synthetic news corpus of n claims, deterministic for a seed:
//
//   - n/4 underlying statements; each has 7 content words drawn from a
//     50,000-word vocabulary with a Zipf(1.1) distribution (so common words
//     are very common, as in news), one rare topic word, a number in 30% of
//     statements and one fixed origin among 5,000 sources (20% anonymous);
//   - each claim picks a statement with a Zipf distribution too (a few
//     stories are echoed thousands of times, most once or twice), drops one
//     of its words, adds stop words and a reporting verb, and is published
//     by one of 500 outlets, half of the time through one of 20 wire
//     agencies; 5% carry a denial cue and 5% change the number;
//   - claims are grouped four to an article; an article's text is its
//     claims' texts, and 5% of articles are uncredited copies of another.
func genInput(n int, seed int64) Input {
	rng := rand.New(rand.NewSource(seed))
	const (
		vocab    = 50000
		outlets  = 500
		agencies = 20
		origins  = 5000
	)
	words := make([]string, vocab)
	for i := range words {
		words[i] = "w" + strconv.FormatInt(int64(i), 36)
	}
	zw := rand.NewZipf(rng, 1.1, 1, vocab-1)
	type stmt struct {
		toks   []string
		num    int
		origin int64
	}
	ns := n/4 + 1
	stmts := make([]stmt, ns)
	for i := range stmts {
		st := stmt{origin: int64(1000 + rng.Intn(origins))}
		for k := 0; k < 7; k++ {
			st.toks = append(st.toks, words[zw.Uint64()])
		}
		st.toks = append(st.toks, "t"+strconv.Itoa(i)) // the rare topic word
		if rng.Float64() < 0.3 {
			st.num = 1 + rng.Intn(20000)
		}
		stmts[i] = st
	}
	var in Input
	for i := 0; i < agencies; i++ {
		in.Sources = append(in.Sources, Source{ID: int64(1 + i), Name: "Agency " + strconv.Itoa(i), Kind: "agency"})
	}
	for i := 0; i < outlets; i++ {
		in.Sources = append(in.Sources, Source{ID: int64(100 + i), Name: "Outlet " + strconv.Itoa(i), Kind: "outlet"})
	}
	for i := 0; i < origins; i++ {
		k := "government"
		if i%5 == 0 {
			k = "anonymous"
		}
		in.Sources = append(in.Sources, Source{ID: int64(1000 + i), Name: "Origin " + strconv.Itoa(i), Kind: k})
	}
	zs := rand.NewZipf(rng, 1.2, 4, uint64(ns-1))
	var sb strings.Builder
	var art Article
	flush := func() {
		if art.ID != 0 {
			art.Text = sb.String()
			in.Articles = append(in.Articles, art)
		}
		sb.Reset()
	}
	for i := 0; i < n; i++ {
		if i%4 == 0 {
			flush()
			art = Article{ID: int64(i/4 + 1), Outlet: int64(100 + rng.Intn(outlets)), Published: "2024-10-24"}
			if len(in.Articles) > 0 && rng.Float64() < 0.05 {
				src := in.Articles[rng.Intn(len(in.Articles))]
				sb.WriteString(src.Text)
			}
		}
		st := stmts[zs.Uint64()]
		drop := rng.Intn(len(st.toks) - 1)
		var tb strings.Builder
		tb.WriteString("the officials said ")
		for k, w := range st.toks {
			if k != drop {
				tb.WriteString(w)
				tb.WriteByte(' ')
			}
		}
		if st.num > 0 {
			num := st.num
			if rng.Float64() < 0.05 {
				num += 1 + rng.Intn(100)
			}
			tb.WriteString(strconv.Itoa(num))
		}
		c := Claim{ID: int64(i + 1), ArticleID: art.ID, Outlet: art.Outlet, Text: tb.String(), Published: art.Published}
		if rng.Float64() < 0.5 {
			c.Chain = append(c.Chain, int64(1+rng.Intn(agencies)))
		}
		c.Chain = append(c.Chain, st.origin)
		if rng.Float64() < 0.05 {
			c.Cue = "denied"
		}
		in.Claims = append(in.Claims, c)
		sb.WriteString(c.Text)
		sb.WriteString(". ")
	}
	flush()
	return in
}

func BenchmarkScore(b *testing.B) {
	sizes := []int{10000, 100000}
	if *bench1M {
		sizes = append(sizes, 1000000)
	}
	for _, n := range sizes {
		in := genInput(n, 1)
		b.Run(strconv.Itoa(n/1000)+"k", func(b *testing.B) {
			b.ReportAllocs()
			var props int
			for i := 0; i < b.N; i++ {
				props = len(Score(in).Propositions)
			}
			b.ReportMetric(float64(props), "props")
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "claims/s")
		})
	}
}

// TestScoreScales checks near-linear time: 40,000 claims may take at most
// ten times as long as 10,000 (linear is four times). The best of three runs
// is used, as the machine may be shared.
func TestScoreScales(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("timing test")
	}
	best := func(in Input) time.Duration {
		var d time.Duration
		for i := 0; i < 3; i++ {
			runtime.GC()
			t0 := time.Now()
			Score(in)
			if e := time.Since(t0); i == 0 || e < d {
				d = e
			}
		}
		return d
	}
	d1, d2 := best(genInput(10000, 2)), best(genInput(40000, 2))
	if d2 > 10*d1+50*time.Millisecond {
		t.Errorf("10k claims %v, 40k claims %v: worse than near-linear", d1, d2)
	}
}
