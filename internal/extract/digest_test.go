package extract

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"sync"
	"testing"
)

// TestDigest writes the claims of every article of the news sample, one
// JSON line each, to the file in $EXTRACT_DIGEST: run it before and after a
// change that must not alter the output and compare the files.
func TestDigest(t *testing.T) {
	path := os.Getenv("EXTRACT_DIGEST")
	if path == "" {
		t.Skip("set EXTRACT_DIGEST=file to write the sample's claims")
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	for _, text := range newsTexts(t, 10000) {
		for _, opt := range []Options{{}, {RulesOnly: true}} {
			if err := enc.Encode(Extract(text, opt)); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
}

// TestConcurrentSame: extractions running at once (sharing the pools)
// give what they give one at a time.
func TestConcurrentSame(t *testing.T) {
	texts := newsTexts(t, 200)
	want := make([][]Claim, len(texts))
	for i, text := range texts {
		want[i] = Extract(text, Options{})
	}
	var wg sync.WaitGroup
	errs := make(chan string, len(texts))
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := w; i < len(texts); i += 4 {
				if got := Extract(texts[i], Options{}); !reflect.DeepEqual(got, want[i]) {
					errs <- fmt.Sprintf("text %d differs when run concurrently", i)
				}
			}
		}(w)
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
