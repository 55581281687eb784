package truth

import (
	"fmt"
	"testing"
	"time"
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

// TestScale runs Solve on one million synthetic claims (skipped with
// -short) and fails above 60 seconds.
func TestScale(t *testing.T) {
	if testing.Short() {
		t.Skip("scale test")
	}
	ds := syntheticDataset(1_000_000)
	start := time.Now()
	res := Solve(ds, Options{})
	el := time.Since(start)
	t.Logf("Solve: %d claims, %d items, %d sources, %d iterations in %v", len(ds.Claims), len(res.Items), len(res.Sources), res.Iterations, el)
	if el > 60*time.Second {
		t.Errorf("too slow: %v", el)
	}
}

func BenchmarkSolveBookSized(b *testing.B) {
	ds := syntheticDataset(34_000)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Solve(ds, Options{})
	}
}
