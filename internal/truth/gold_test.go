package truth

import (
	"strings"
	"testing"
)

func TestCSVGoldAndAccuracy(t *testing.T) {
	ds, err := ReadCSV(strings.NewReader("ObjectID,PropertyID,PropertyValue,SourceID\n" +
		"o1,height,10,s1\no1,height,10.0,s2\no1,height,12,s3\no2,name,Alpha,s1\no2,name,alpha,s2\n"))
	if err != nil {
		t.Fatal(err)
	}
	gold, err := ReadCSVGold(strings.NewReader("ObjectID,PropertyID,Value\no1,height,10\no2,name,ALPHA\n"))
	if err != nil {
		t.Fatal(err)
	}
	ok, n := Accuracy(Solve(ds, Options{}), gold, SameValue)
	if ok != 2 || n != 2 {
		t.Errorf("accuracy %d/%d, want 2/2", ok, n)
	}
	if _, err := ReadCSVGold(strings.NewReader("o1,height\n")); err == nil || !strings.Contains(err.Error(), "line 1") {
		t.Errorf("want a line-numbered error, got %v", err)
	}
}
