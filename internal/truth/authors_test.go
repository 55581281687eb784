package truth

import (
	"strings"
	"testing"
)

func TestParseAuthors(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Knuth, Donald E.", "knuth"},
		{"Donald Ervin Knuth", "knuth"},
		{"KNUTH DONALD E", "knuth"},
		{"Knuth", "knuth"},
		{"Not Available", ""},
		{"", ""},
		{"Johnson, Michael K., Troan, Erik W.", "johnson troan"},
		{"Russell, Stuart J.; Norvig, Peter", "russell norvig"},
		{"Jesper M. Johansson, Steve Riley", "johansson riley"},
		{"Bernstein, Philip A./ Newcomer, Eric", "bernstein newcomer"},
		{"Aho &amp; Lam", "aho lam"},
		{"Kernighan and Ritchie", "kernighan ritchie"},
		{"HOFMEISTER, CHRISTINE NORD, ROBERT SONI, DILIP", "hofmeister nord soni"},
		{"By (author) Calvert, Kenneth L. By (author) Donahoo, Michael J.", "calvert donahoo"},
		{"Curland, Matthew J. (Author) Storage, Bill (Joint Author) Curland, Matt (Author)", "curland storage"},
		{"Date, C. J. (Author)", "date"},
		{"Reddy, J.N.", "reddy"},
		{"Stevens, W.Richard", "stevens"},
		{"Nick Rozanski, E&oacute;in Woods", "rozanski woods"},
		{"O'Leary, Timothy J.; o'leary, linda i.;  ", "oleary"},
		{"Conry-Murray, Andrew", "conrymurray"},
		{"Prosise- Chris/ Mandia- Kevin", "prosise mandia"},
		{"Chatterjee, SandeepWebber, James", "chatterjee webber"},
		{"Sparck Jones, Karen", "jones"},
		{"Karen Sparck Jones", "jones"},
		{"jones, karen sparck", "jones"},
		{"Clercq, Jan De", "clercq"},
		{"De Clercq, Jan", "clercq"},
		{"Müller, Jürgen", "muller"},
		{"Donald E. Knuth John Fuller", "knuth fuller"},
		{"Reddy J N, Smith J", "reddy smith"},
		{"Deitel &amp; Associates; Deitel, P. J.", "deitel"},
		{"Yuasa, Taiichi; Hagiya, Masami; Weyhauch, Richard (Translator)", "yuasa hagiya"},
		{"YUASA, TAIICHI HAGIYA, MASAMI (EDITORS) WEYHRAUCH, RICHARD (TRANSLATOR", "yuasa hagiya"},
		{"Beer, Ferdinand P.; Johnston, Jr. E. Russell; etc.", "beer johnston"},
		{"Sparck Jones, K. I.", "jones"},
	}
	for _, c := range cases {
		got := strings.Join(ParseAuthors(c.in), " ")
		if got != c.want {
			t.Errorf("ParseAuthors(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestSameAuthors(t *testing.T) {
	same := [][2]string{
		{"Knuth, Donald E.", "Donald Ervin Knuth"},
		{"han, jiawei ;  kamber, micheline ;  ", "Micheline Kamber, Jiawei Han"},
		{"Not Available", ""},
	}
	for _, p := range same {
		if !SameAuthors(p[0], p[1]) {
			t.Errorf("SameAuthors(%q, %q) = false", p[0], p[1])
		}
	}
	differ := [][2]string{
		{"Knuth", "Knuth, Donald E.; Fuller, John"},
		{"Han, Jiawei", ""},
	}
	for _, p := range differ {
		if SameAuthors(p[0], p[1]) {
			t.Errorf("SameAuthors(%q, %q) = true", p[0], p[1])
		}
	}
}

func TestAuthorSupport(t *testing.T) {
	sup := DefaultSimilarity("authors", "jones|smith", "smith")
	if sup != 0.5 {
		t.Errorf("subset support = %v, want 0.5", sup)
	}
	if got := DefaultSimilarity("authors", "smith", "jones|smith"); got != 0 {
		t.Errorf("superset support = %v, want 0", got)
	}
	if got := DefaultSimilarity("authors", "jones|kuri", "kuri|smith"); got != 1.0/3 {
		t.Errorf("overlap support = %v, want 1/3", got)
	}
}

func BenchmarkParseAuthors(b *testing.B) {
	in := "Curland, Matthew J. (Author) Storage, Bill (Joint Author) Curland, Matt (Author)"
	b.SetBytes(int64(len(in)))
	for i := 0; i < b.N; i++ {
		ParseAuthors(in)
	}
}
