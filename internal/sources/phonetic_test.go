package sources

import "testing"

func TestSkeletonFolds(t *testing.T) {
	same := [][]string{
		{"yoon", "yun"},
		{"seok", "suk"},
		{"yeol", "yul"},
		{"zelensky", "zelenskyy", "zelenskiy", "zelenskij", "zelenskyi", "zelenski"},
		{"volodymyr", "volodimir", "wolodymyr"},
		{"aleksei", "alexei", "alexey", "aleksey"},
		{"dmitry", "dmitriy", "dmitri", "dmitrii"},
		{"yuri", "yury", "yuriy", "iurii"},
		{"khodorkovsky", "hodorkovsky"},
		{"kyrylo", "kirilo"},
		{"budanov", "budanow"},
	}
	for _, g := range same {
		want := skeleton(g[0])
		for _, w := range g[1:] {
			if got := skeleton(w); got != want {
				t.Errorf("skeleton(%q)=%q, skeleton(%q)=%q: want equal", g[0], want, w, got)
			}
		}
	}
	differ := [][2]string{
		{"vladimir", "volodymyr"},
		{"jong", "yo"},
		{"jong", "jung"}, // o/u are not folded in general
		{"kim", "kin"},
	}
	for _, d := range differ {
		if skeleton(d[0]) == skeleton(d[1]) {
			t.Errorf("skeleton(%q) == skeleton(%q) = %q, want different", d[0], d[1], skeleton(d[0]))
		}
	}
}
