package truth

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// copierData: four honest sources, each right except for three mistakes
// of its own, and three copiers that repeat one sloppy original, wrong on
// the first ten items with the same false values. On items 0-5 only two
// honest sources answer, so the copiers outvote them there.
func copierData() *Dataset {
	ds := &Dataset{}
	add := func(obj, val, src string) {
		ds.Claims = append(ds.Claims, Claim{Object: obj, Property: "p", Value: val, Source: src})
	}
	for i := 0; i < 40; i++ {
		obj := fmt.Sprintf("o%02d", i)
		for h := 0; h < 4; h++ {
			if i < 6 && h >= 2 {
				continue
			}
			v := "true" + obj
			if i >= 10 && i%10 == h+6 { // independent, distinct mistakes
				v = fmt.Sprintf("err-%d-%s", h, obj)
			}
			add(obj, v, fmt.Sprintf("honest%d", h))
		}
		cv := "true" + obj
		if i < 10 {
			cv = "copied-false" + obj
		}
		for c := 0; c < 3; c++ {
			add(obj, cv, fmt.Sprintf("copier%d", c))
		}
	}
	return ds
}

func TestCopiersDiscounted(t *testing.T) {
	ds := copierData()
	wrong := func(res Result) int {
		n := 0
		for _, it := range res.Items {
			if !strings.HasPrefix(it.Value, "true") {
				n++
			}
		}
		return n
	}
	if w := wrong(Solve(ds, Options{Vote: true})); w != 6 {
		t.Fatalf("vote: %d wrong, want the 6 outvoted items", w)
	}
	t.Logf("accu without copy detection: %d wrong", wrong(Solve(ds, Options{NoCopy: true})))
	res := Solve(ds, Options{})
	if w := wrong(res); w != 0 {
		t.Errorf("with copy detection: %d items wrong, want 0", w)
	}
	var copier, honest SourceScore
	for _, s := range res.Sources {
		switch s.Name {
		case "copier0":
			copier = s
		case "honest0":
			honest = s
		}
	}
	if len(copier.Copies) == 0 {
		t.Errorf("copier0 has no copy suspects: %+v", copier)
	}
	for _, c := range honest.Copies {
		if strings.HasPrefix(c.Source, "honest") {
			t.Errorf("honest sources flagged as copying each other: %+v", honest.Copies)
		}
	}
	if honest.Accuracy <= copier.Accuracy {
		t.Errorf("accuracy honest %.3f <= copier %.3f", honest.Accuracy, copier.Accuracy)
	}
}

func TestSimilarValuesSupportEachOther(t *testing.T) {
	ds := &Dataset{}
	add := func(val, src string) {
		ds.Claims = append(ds.Claims, Claim{Object: "x", Property: "height", Value: val, Source: src})
	}
	// Four sources near 100, two agreeing exactly on 250.
	add("100", "a")
	add("101", "b")
	add("99.6", "c")
	add("100.4", "d")
	add("250", "e")
	add("250.0", "f")
	if got := Solve(ds, Options{NoSimilarity: true, NoCopy: true}).Items[0].Value; got != "250" && got != "250.0" {
		t.Fatalf("without similarity got %q, want 250", got)
	}
	got := Solve(ds, Options{NoCopy: true}).Items[0]
	if !strings.HasPrefix(got.Value, "1") && !strings.HasPrefix(got.Value, "99") {
		t.Errorf("with similarity got %q, want a value near 100", got.Value)
	}
}

func TestSubsetListSupportsFullList(t *testing.T) {
	ds := &Dataset{}
	add := func(val, src string) {
		ds.Claims = append(ds.Claims, Claim{Object: "b", Property: "authors", Value: val, Source: src})
	}
	add("Han, Jiawei; Kamber, Micheline", "s1")
	add("Jiawei Han, Micheline Kamber", "s2")
	add("Han, Jiawei", "s3")
	add("HAN", "s4")
	add("Kamber", "s5")
	it := Solve(ds, Options{NoCopy: true}).Items[0]
	if !SameAuthors(it.Value, "han; kamber") {
		t.Errorf("got %q, want the full list", it.Value)
	}
	if it.Support != 2 {
		t.Errorf("support %d, want 2", it.Support)
	}
}

func TestSolveDeterministic(t *testing.T) {
	ds := copierData()
	rev := &Dataset{Claims: make([]Claim, len(ds.Claims))}
	for i, c := range ds.Claims {
		rev.Claims[len(ds.Claims)-1-i] = c
	}
	a, b := Solve(ds, Options{}), Solve(rev, Options{})
	if !reflect.DeepEqual(a, b) {
		t.Errorf("result depends on claim order")
	}
	if a.Iterations < 2 {
		t.Errorf("iterations %d", a.Iterations)
	}
}

func TestSolveEmpty(t *testing.T) {
	if res := Solve(nil, Options{}); len(res.Items) != 0 {
		t.Errorf("nil dataset: %+v", res)
	}
	ds := &Dataset{Claims: []Claim{{Object: "o", Property: "authors", Value: "Not Available", Source: "s"}}}
	if res := Solve(ds, Options{}); len(res.Items) != 0 {
		t.Errorf("no-claim values produced items: %+v", res.Items)
	}
}

func TestAccuracy(t *testing.T) {
	res := Result{Items: []Item{{Object: "a", Value: "Knuth, Donald"}, {Object: "b", Value: "x"}}}
	gold := map[string]string{"a": "knuth, donald e.;", "b": "y", "c": "z"}
	c, n := Accuracy(res, gold, SameAuthors)
	if c != 1 || n != 3 {
		t.Errorf("Accuracy = %d/%d, want 1/3", c, n)
	}
}
