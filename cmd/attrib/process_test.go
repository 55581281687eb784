package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"
)

// TestMain lets the test binary act as the attrib command, so that the
// process tests below can start real, separate attrib processes.
func TestMain(m *testing.M) {
	if os.Getenv("ATTRIB_TEST_AS_MAIN") == "1" {
		os.Exit(run(context.Background(), os.Args, os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

func attribProcess(dbPath string, args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], append([]string{"--db", dbPath}, args...)...)
	cmd.Env = append(os.Environ(), "ATTRIB_TEST_AS_MAIN=1")
	return cmd
}

// writeFeed writes n generated articles as JSONL: numbered, with a few
// attributed sentences each, so that ingest has real extraction to do.
func writeFeed(t *testing.T, path string, n, offset int) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	enc := json.NewEncoder(f)
	outlets := []string{"Daily Planet", "Gotham Gazette", "Metro Herald", "Coast Courier"}
	for i := offset; i < offset+n; i++ {
		text := fmt.Sprintf("Council votes on plan %d\nThe city council approved plan %d on Monday, the mayor's office said. "+
			"\"We will build %d new homes,\" council member Ana Ruiz told reporters. "+
			"According to the Regional Statistics Office, rents rose by %d percent last year. "+
			"Critics said the plan came too late.\n", i, i, 100+i, i%17)
		rec := map[string]string{"url": fmt.Sprintf("https://example.org/a/%d", i), "outlet": outlets[i%len(outlets)],
			"published": "2024-10-24", "title": fmt.Sprintf("Plan %d", i), "text": text}
		if err := enc.Encode(rec); err != nil {
			t.Fatal(err)
		}
	}
}

// TestConcurrentIngestProcesses runs four ingest processes on one database
// at once, over overlapping feeds: all succeed and every article is stored
// exactly once.
func TestConcurrentIngestProcesses(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "attrib.db")
	var feeds []string
	for p := 0; p < 4; p++ {
		feed := filepath.Join(dir, fmt.Sprintf("feed%d.jsonl", p))
		writeFeed(t, feed, 150, p*50) // feeds overlap by 100 articles
		feeds = append(feeds, feed)
	}
	var wg sync.WaitGroup
	errs := make([]error, 4)
	outs := make([][]byte, 4)
	for p := range feeds {
		wg.Add(1)
		go func(p int) {
			defer wg.Done()
			outs[p], errs[p] = attribProcess(db, "ingest", "--quiet", feeds[p]).CombinedOutput()
		}(p)
	}
	wg.Wait()
	for p, err := range errs {
		if err != nil {
			t.Errorf("process %d: %v\n%s", p, err, outs[p])
		}
	}
	if got, want := integrity(t, db), 300; got != want {
		t.Errorf("stored %d articles, want %d (each once)", got, want)
	}
}

// TestKillDuringIngest kills ingest processes with SIGKILL at several
// moments; each time the database passes integrity_check, and a final
// uninterrupted run completes the ingest with nothing doubled or lost.
// Batches are small (--batch 100), so that kills land between and during
// commits; the moments are fractions of an uninterrupted run timed first,
// so that they fall inside the ingest on a fast machine and a slow one
// alike, and at least one must leave it half done.
func TestKillDuringIngest(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "attrib.db")
	feed := filepath.Join(dir, "feed.jsonl")
	const n = 1500
	writeFeed(t, feed, n, 0)
	args := []string{"ingest", "--quiet", "--no-score", "--batch", "100", feed}
	start := time.Now()
	if out, err := attribProcess(filepath.Join(dir, "timed.db"), args...).CombinedOutput(); err != nil {
		t.Fatalf("timed run: %v\n%s", err, out)
	}
	full := time.Since(start)
	partial := false
	for _, f := range []float64{0.35, 0.5, 0.65, 0.8} {
		cmd := attribProcess(db, args...)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(f * float64(full)))
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		got := integrity(t, db)
		partial = partial || got > 0 && got < n
		t.Logf("killed after %.0f%% of a full run (%v): %d of %d articles stored", 100*f, full, got, n)
	}
	if !partial {
		t.Error("no kill landed while the ingest was half done")
	}
	out, err := attribProcess(db, "ingest", "--quiet", feed).CombinedOutput()
	if err != nil {
		t.Fatalf("final run: %v\n%s", err, out)
	}
	if got := integrity(t, db); got != n {
		t.Errorf("after the final run: %d articles, want %d", got, n)
	}
}
