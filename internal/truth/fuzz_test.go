package truth

import (
	"strings"
	"testing"
)

// FuzzReaders feeds arbitrary bytes to every reader of user-given
// truth-discovery files and to the author parser: none may panic, and a
// dataset read without error is solvable.
func FuzzReaders(f *testing.F) {
	f.Add("ObjectID,PropertyID,PropertyValue,SourceID\no1,p,1,s1\no1,p,2,s2\n")
	f.Add("shop\t0201633612\tDesign Patterns\tGamma, Erich; Helm, Richard\n")
	f.Add("0201633612\t\"Gamma, Erich;  Helm, Richard;  \"\n\n")
	f.Add("\"unterminated,quote\n")
	f.Fuzz(func(t *testing.T, s string) {
		for _, read := range []func(string) (*Dataset, error){
			func(s string) (*Dataset, error) { return ReadCSV(strings.NewReader(s)) },
			func(s string) (*Dataset, error) { return ReadBook(strings.NewReader(s)) },
		} {
			if ds, err := read(s); err == nil && len(ds.Claims) < 1000 {
				Solve(ds, Options{})
			}
		}
		ReadBookGold(strings.NewReader(s))
		ReadCSVGold(strings.NewReader(s))
		ParseAuthors(s)
		SameAuthors(s, s)
	})
}
