package truth

import (
	"os"
	"path/filepath"
	"testing"
)

const bookDir = "../../../shared/data/truth/book"

func loadBook(t *testing.T) (*Dataset, map[string]string, map[string]string) {
	t.Helper()
	f, err := os.Open(filepath.Join(bookDir, "book.txt"))
	if os.IsNotExist(err) {
		t.Skip("book data absent:", bookDir)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ds, err := ReadBook(f)
	if err != nil {
		t.Fatal(err)
	}
	read := func(name string) map[string]string {
		g, err := os.Open(filepath.Join(bookDir, name))
		if err != nil {
			t.Fatal(err)
		}
		defer g.Close()
		m, err := ReadBookGold(g)
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	return ds, read("book_golden.txt"), read("book_silver.txt")
}

// TestBookGold measures accuracy on the 100 gold books of the Book data
// set (Dong et al. 2009 report vote .71, TruthFinder .83, Accu .87,
// AccuSim .89). An answer is right when its set of normalised author last
// names equals the gold's (SameAuthors).
func TestBookGold(t *testing.T) {
	ds, gold, silver := loadBook(t)
	if len(gold) != 100 {
		t.Fatalf("gold books = %d, want 100", len(gold))
	}
	runs := []struct {
		name string
		opt  Options
	}{
		{"vote", Options{Vote: true}},
		{"accu", Options{NoCopy: true, NoSimilarity: true}},
		{"accusim", Options{NoCopy: true}},
		{"depen+accu", Options{NoSimilarity: true}},
		{"full", Options{}},
	}
	acc := map[string]float64{}
	for _, r := range runs {
		res := Solve(ds, r.opt)
		c, n := Accuracy(res, gold, SameAuthors)
		sc, sn := Accuracy(res, silver, SameAuthors)
		acc[r.name] = float64(c) / float64(n)
		t.Logf("%-11s gold %d/%d = %.2f   silver %d/%d = %.3f   iterations %d",
			r.name, c, n, acc[r.name], sc, sn, float64(sc)/float64(sn), res.Iterations)
	}
	if acc["full"] < 0.90 {
		t.Errorf("full accuracy %.2f < 0.90", acc["full"])
	}
	if acc["full"] <= acc["vote"] {
		t.Errorf("full %.2f not above vote %.2f", acc["full"], acc["vote"])
	}
}
