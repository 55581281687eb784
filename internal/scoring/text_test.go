package scoring

import (
	"reflect"
	"slices"
	"testing"
)

func TestAnalyse(t *testing.T) {
	cases := []struct {
		text, cue string
		nums      []float64
		years     []int
		neg, fut  bool
		hedge     bool
	}{
		{text: "North Korea has already sent 3,000 of its troops to Russia", nums: []float64{3000}},
		{text: "12 thousand soldiers will be sent to Russia", nums: []float64{12000}, fut: true},
		{text: "twelve thousand troops are expected", nums: []float64{12000}, fut: true},
		{text: "approximately a thousand of its soldiers", nums: []float64{1000}},
		{text: "1.5 million shells", nums: []float64{1.5e6}},
		{text: "as early as April 2023", years: []int{2023}},
		{text: "on October 8-13", nums: []float64{8, 13}},
		{text: "Seoul does not supply lethal weapons", neg: true},
		{text: "Seoul doesn’t supply lethal weapons", neg: true},
		{text: "troops were sent", cue: "denied", neg: true},
		{text: "he dismissed the reports as fake", neg: true},
		{text: "they were given fake passports"},
		{text: "it is not true that no troops were sent"}, // double negation
		{text: "he may consider transferring weapons", fut: true, hedge: true},
	}
	for _, c := range cases {
		f := analyse(c.text, c.cue)
		if !reflect.DeepEqual(f.nums, c.nums) && (len(f.nums) > 0 || len(c.nums) > 0) {
			t.Errorf("%q: nums %v, want %v", c.text, f.nums, c.nums)
		}
		if !reflect.DeepEqual(f.years, c.years) && (len(f.years) > 0 || len(c.years) > 0) {
			t.Errorf("%q: years %v, want %v", c.text, f.years, c.years)
		}
		if f.neg != c.neg || f.future != c.fut || f.hedge != c.hedge {
			t.Errorf("%q: neg %v future %v hedge %v, want %v %v %v", c.text, f.neg, f.future, f.hedge, c.neg, c.fut, c.hedge)
		}
	}
	a := analyse("South Korea's weapons were transferred", "")
	b := analyse("south korean weapon transfers", "")
	if !reflect.DeepEqual(a.toks[2:], []string{"weapon", "transfer"}) || b.toks[2] != "weapon" || b.toks[3] != "transfer" {
		t.Errorf("stemming: %v / %v", a.toks, b.toks)
	}
}

func FuzzAnalyse(f *testing.F) {
	f.Add("North Korea sent 3,000 troops, Yonhap reports.", "said")
	f.Add("1.2.3 ,,, 'n't ’s -- 9,99", "denied")
	f.Fuzz(func(t *testing.T, text, cue string) {
		analyse(text, cue)
		signature(text)
	})
}

func TestStripDateline(t *testing.T) {
	for in, want := range map[string]string{
		"KHARKIV, March 2 (Reuters) - A drone strike hit": "A drone strike hit",
		"SEOUL, Oct. 24 (Yonhap) -- The agency said":      "The agency said",
		"WASHINGTON – Officials said":                     "Officials said",
		"NATO said - the alliance will meet":              "NATO said - the alliance will meet",
		"The army - not the police - was sent":            "The army - not the police - was sent",
		"Troops moved":                                    "Troops moved",
	} {
		if got := stripDateline(in); got != want {
			t.Errorf("stripDateline(%q) = %q, want %q", in, got, want)
		}
	}
	a, b := analyse("KHARKIV, March 2 - 200,000 homes lost power", ""), analyse("200,000 homes lost power", "")
	if !slices.Equal(a.nums, b.nums) {
		t.Errorf("the dateline's day counts as a number: %v vs %v", a.nums, b.nums)
	}
}
