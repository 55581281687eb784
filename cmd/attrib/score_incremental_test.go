package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// TestIncrementalMatchesFullOnNews ingests 300 real AllSides articles (read
// in place, never copied; skipped when absent) in five batches, each with
// ingest's incremental scoring, and checks after every batch that a full
// `attrib score` leaves exactly the same store: every claim's proposition,
// stance, grade, score, counts, fidelity and explanation, every finding and
// every source's reliability.
func TestIncrementalMatchesFullOnNews(t *testing.T) {
	if testing.Short() {
		t.Skip("slow end-to-end test")
	}
	const batches, perBatch = 5, 60
	lines := newsLines(t, batches*perBatch)
	db := filepath.Join(t.TempDir(), "news.db")
	for b := 0; b < batches; b++ {
		batch := strings.Join(lines[b*perBatch:(b+1)*perBatch], "\n") + "\n"
		if r := attrib(t, db, batch, "ingest", "-q", "-"); r.code != 0 {
			t.Fatalf("batch %d: ingest exit %d\n%s%s", b, r.code, r.stdout, r.stderr)
		}
		s := sameAsFullScore(t, db)
		t.Logf("batch %d: %d claims, %d findings, %d sources identical after a full score", b, len(s.Claims), len(s.Findings), len(s.Sources))
	}
}

// TestIncrementalChainMatchesFull ingests AllSides articles in batches,
// each scored incrementally on top of the previous incremental result (no
// full score in between), with a fact-checker's links, an unlink, verdicts
// and a rating in the middle and uncredited copies of stored articles at
// the end; then a full `attrib score` of a copy of the store must give
// exactly the same claims, findings and sources.
func TestIncrementalChainMatchesFull(t *testing.T) {
	if testing.Short() {
		t.Skip("slow end-to-end test")
	}
	lines := newsLines(t, 260)
	db := filepath.Join(t.TempDir(), "news.db")
	ingest := func(batch []string, wantIncremental bool) {
		t.Helper()
		r := attrib(t, db, strings.Join(batch, "\n")+"\n", "ingest", "-")
		if r.code != 0 {
			t.Fatalf("ingest exit %d\n%s%s", r.code, r.stdout, r.stderr)
		}
		if got := strings.Contains(r.stdout, " incrementally;"); got != wantIncremental {
			t.Fatalf("incremental scoring = %v, want %v:\n%s", got, wantIncremental, lastLine(r.stdout))
		}
	}
	ingest(lines[:60], false) // a new store is scored in full once
	for b := 60; b < 140; b += 40 {
		ingest(lines[b:b+40], true)
	}
	correct(t, db)
	for b := 140; b < 260; b += 30 {
		ingest(lines[b:b+30], true)
	}
	// Uncredited copies: stored texts under another outlet, one a batch and
	// one alone, so that near-duplicate clusters grow and merge.
	ingest([]string{copyOf(t, lines[3], "Copycat Daily", 1), copyOf(t, lines[70], "Copycat Daily", 2)}, true)
	ingest([]string{copyOf(t, lines[3], "Echo Wire", 3)}, true)
	inc := state(t, db)
	full := filepath.Join(t.TempDir(), "full.db")
	copyFile(t, db, full)
	if r := attrib(t, full, "", "score"); r.code != 0 {
		t.Fatalf("score: exit %d\n%s", r.code, r.stderr)
	}
	want := state(t, full)
	if !reflect.DeepEqual(inc.Claims, want.Claims) {
		n := 0
		for i := range inc.Claims {
			if i < len(want.Claims) && !reflect.DeepEqual(inc.Claims[i], want.Claims[i]) && n < 5 {
				n++
				t.Errorf("claim %d: incremental %+v\nfull %+v", inc.Claims[i].ID, inc.Claims[i], want.Claims[i])
			}
		}
		t.Fatalf("incremental scoring differs from a full score (%d vs %d claims)", len(inc.Claims), len(want.Claims))
	}
	if !reflect.DeepEqual(inc.Sources, want.Sources) {
		for i := range inc.Sources {
			if i < len(want.Sources) && inc.Sources[i] != want.Sources[i] {
				t.Errorf("source: incremental %+v\nfull %+v", inc.Sources[i], want.Sources[i])
				break
			}
		}
		t.Fatal("source reliability differs")
	}
	if !reflect.DeepEqual(inc.Findings, want.Findings) {
		t.Fatal("findings differ")
	}
	contra := 0
	for _, c := range want.Claims {
		if c.ContradictingArticles > 0 {
			contra++
		}
	}
	t.Logf("%d claims, %d findings, %d sources identical; %d claims with contradicting articles", len(want.Claims), len(want.Findings), len(want.Sources), contra)
	if contra == 0 {
		t.Error("no contradictions in the store: the test does not exercise them")
	}
}

// newsLines reads the first n AllSides articles (skips when absent).
func newsLines(t *testing.T, n int) []string {
	f, err := os.Open("../../../shared/data/news/allsides-10k.jsonl.gz")
	if err != nil {
		t.Skip("AllSides data not available:", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	var out []string
	for len(out) < n && sc.Scan() {
		out = append(out, sc.Text())
	}
	if err := sc.Err(); err != nil || len(out) < n {
		t.Fatalf("read %d articles: %v", len(out), err)
	}
	return out
}

// copyOf is article line under another outlet and URL, with one sentence
// added (so that it is a new text).
func copyOf(t *testing.T, line, outlet string, n int) string {
	var a map[string]any
	if err := json.Unmarshal([]byte(line), &a); err != nil {
		t.Fatal(err)
	}
	a["outlet"] = outlet
	a["url"] = fmt.Sprintf("https://copy.example/%d", n)
	a["text"] = fmt.Sprint(a["text"]) + fmt.Sprintf("\n\nThis story was reprinted (%d).", n)
	b, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// correct applies a fact-checker's corrections (each rescored in full):
// links across propositions, an unlink inside one, verdicts and a rating.
func correct(t *testing.T, db string) {
	s := state(t, db)
	byProp := map[int64][]scoredClaim{}
	var props []int64
	for _, c := range s.Claims {
		if c.PropositionID == nil {
			continue
		}
		p := *c.PropositionID
		if len(byProp[p]) == 0 {
			props = append(props, p)
		}
		byProp[p] = append(byProp[p], c)
	}
	var multi []int64
	for _, p := range props {
		if len(byProp[p]) >= 2 {
			multi = append(multi, p)
		}
	}
	if len(multi) < 4 {
		t.Fatalf("only %d propositions with two or more claims", len(multi))
	}
	id := func(c scoredClaim) string { return strconv.FormatInt(c.ID, 10) }
	a, b := byProp[multi[0]], byProp[multi[1]]
	for _, args := range [][]string{
		{"link", id(s.Claims[5]), id(s.Claims[len(s.Claims)/2])},
		{"link", id(a[0]), id(byProp[multi[2]][0])},
		{"unlink", id(b[0]), id(b[1])},
		{"verdict", id(byProp[multi[3]][0]), "false", "--note", "test"},
		{"verdict", id(s.Claims[40]), "true", "--note", "test"},
		{"source", "rate", s.Claims[0].Outlet, "B", "--note", "test"},
	} {
		if r := attrib(t, db, "", args...); r.code != 0 {
			t.Fatalf("%v: exit %d\n%s", args, r.code, r.stderr)
		}
	}
}

func copyFile(t *testing.T, from, to string) {
	for _, ext := range []string{"", "-wal"} {
		b, err := os.ReadFile(from + ext)
		if err != nil {
			if ext != "" && os.IsNotExist(err) {
				continue
			}
			t.Fatal(err)
		}
		if err := os.WriteFile(to+ext, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func lastLine(s string) string {
	s = strings.TrimRight(s, "\n")
	return s[strings.LastIndexByte(s, '\n')+1:]
}
