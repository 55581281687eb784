package truth

import (
	"fmt"
	"testing"
)

// syntheticDataset has n claims: 10 providers per item out of 2,000
// sources, 80% right, errors spread over five false values, and every
// tenth source copying its neighbour. Deterministic (a linear
// congruential generator).
func syntheticDataset(n int) *Dataset {
	ds := &Dataset{Claims: make([]Claim, 0, n)}
	x := uint64(42)
	rnd := func(k int) int {
		x = x*6364136223846793005 + 1442695040888963407
		return int((x >> 33) % uint64(k))
	}
	srcNames := make([]string, 2000)
	for i := range srcNames {
		srcNames[i] = fmt.Sprintf("src%04d", i)
	}
	for obj := 0; len(ds.Claims) < n; obj++ {
		o := fmt.Sprintf("obj%07d", obj)
		truthV := fmt.Sprintf("%d", obj%1000)
		for k := 0; k < 10 && len(ds.Claims) < n; k++ {
			s := rnd(len(srcNames))
			v := truthV
			if rnd(10) < 2 {
				v = fmt.Sprintf("%d", 1000+rnd(5))
			}
			ds.Claims = append(ds.Claims, Claim{Object: o, Property: "p", Value: v, Source: srcNames[s]})
			if s%10 == 0 && s+1 < len(srcNames) && len(ds.Claims) < n {
				ds.Claims = append(ds.Claims, Claim{Object: o, Property: "p", Value: v, Source: srcNames[s+1]})
			}
		}
	}
	return ds
}

// TestSyntheticRecovery checks that Solve finds the planted truth on
// synthetic data where a fifth of the claims are wrong and copiers repeat
// their neighbours.
func TestSyntheticRecovery(t *testing.T) {
	ds := syntheticDataset(50_000)
	res := Solve(ds, Options{})
	right := 0
	for _, it := range res.Items {
		var obj int
		fmt.Sscanf(it.Object, "obj%d", &obj)
		if it.Value == fmt.Sprintf("%d", obj%1000) {
			right++
		}
	}
	if acc := float64(right) / float64(len(res.Items)); acc < 0.97 {
		t.Errorf("recovered %d of %d planted values (%.3f), want >= 0.97", right, len(res.Items), acc)
	}
}

// BenchmarkSolve measures Solve on synthetic data; the 1M case is the
// scale goal (run with -bench Solve/1000k -benchtime 1x).
func BenchmarkSolve(b *testing.B) {
	for _, n := range []int{100_000, 1_000_000} {
		ds := syntheticDataset(n)
		b.Run(fmt.Sprintf("%dk", n/1000), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				Solve(ds, Options{})
			}
		})
	}
}

func BenchmarkSolveBookSized(b *testing.B) {
	ds := syntheticDataset(34_000)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Solve(ds, Options{})
	}
}
