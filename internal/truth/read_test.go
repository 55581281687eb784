package truth

import (
	"strings"
	"testing"
)

func TestReadCSV(t *testing.T) {
	in := "ObjectID,PropertyID,PropertyValue,SourceID,TimeStamp\n" +
		"f1,departure,7:10 PM,aa,2011-12-01\n" +
		"f1,departure,\"7:15 PM\",ua\n"
	ds, err := ReadCSV(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []Claim{{"f1", "departure", "7:10 PM", "aa"}, {"f1", "departure", "7:15 PM", "ua"}}
	if len(ds.Claims) != 2 || ds.Claims[0] != want[0] || ds.Claims[1] != want[1] {
		t.Errorf("claims = %+v", ds.Claims)
	}
	// No header.
	ds, err = ReadCSV(strings.NewReader("o,p,v,s\n"))
	if err != nil || len(ds.Claims) != 1 {
		t.Errorf("headerless: %v %+v", err, ds)
	}
}

func TestReadCSVErrorsNameLine(t *testing.T) {
	cases := []struct{ in, line string }{
		{"o,p,v,s\no,p,v\n", "line 2"},
		{"o,p,v,s\no,p,v,s\no,p,\"v,s\n", "line 3"},
		{"o,p,v,s,t,extra\n", "line 1"},
		{"o,p,v,\n", "line 1"},
	}
	for _, c := range cases {
		_, err := ReadCSV(strings.NewReader(c.in))
		if err == nil || !strings.Contains(err.Error(), c.line) {
			t.Errorf("ReadCSV(%q) error = %v, want %s", c.in, err, c.line)
		}
	}
}

func TestReadBook(t *testing.T) {
	in := "A1Books\t0201853949\tArt\tKnuth, Donald E.\r\n" +
		"eCampus.com\t978-0201853940\tArt\tNot Available\r\n\r\n" +
		"x\t0201853949\tArt\r\n"
	ds, err := ReadBook(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(ds.Claims) != 3 {
		t.Fatalf("claims = %+v", ds.Claims)
	}
	for _, c := range ds.Claims {
		if c.Object != "9780201853940" || c.Property != BookProperty {
			t.Errorf("claim %+v: want ISBN-13 9780201853940", c)
		}
	}
	if _, err := ReadBook(strings.NewReader("ok\t1\tt\ta\nbroken line\n")); err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("error = %v, want line 2", err)
	}
}

func TestReadBookGold(t *testing.T) {
	in := "9780073516677\to'leary, timothy j.;  o'leary, linda i.;  \n\n" +
		"155860846X\tmakofske, david ;  almeroth, kevin ;  \n\nF\tron goldman\n"
	g, err := ReadBookGold(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(g) != 2 || !SameAuthors(g["9781558608467"], "Kevin Almeroth, David Makofske") {
		t.Errorf("gold = %q", g)
	}
	if _, err := ReadBookGold(strings.NewReader("0201853949\ta\n\n978-0201853940\tb\n")); err == nil || !strings.Contains(err.Error(), "line 3") {
		t.Errorf("duplicate ISBN: error = %v, want line 3", err)
	}
}

func TestISBN13(t *testing.T) {
	for in, want := range map[string]string{
		"0201853949": "9780201853940", "155860846X": "9781558608467",
		"978-0-201-85394-0": "9780201853940", "F": "F",
	} {
		if got := ISBN13(in); got != want {
			t.Errorf("ISBN13(%q) = %q, want %q", in, got, want)
		}
	}
}
