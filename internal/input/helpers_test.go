package input

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// write creates a file under dir and returns its path.
func write(t testing.TB, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// collect runs r.Read and gathers what it yields and reports.
func collect(t testing.TB, r *Reader, paths ...string) ([]Article, []Problem) {
	t.Helper()
	var arts []Article
	var probs []Problem
	err := r.Read(paths, func(a Article) error {
		arts = append(arts, a)
		return nil
	}, func(p Problem) { probs = append(probs, p) })
	if err != nil {
		t.Fatalf("Read returned %v", err)
	}
	return arts, probs
}

// wantProblem checks that probs holds exactly one problem of kind at line.
func wantProblem(t *testing.T, probs []Problem, kind error, line int) Problem {
	t.Helper()
	if len(probs) != 1 {
		t.Fatalf("got %d problems %v, want 1", len(probs), probs)
	}
	p := probs[0]
	if !errors.Is(p, kind) {
		t.Errorf("problem %q is not %v", p, kind)
	}
	if p.Line != line {
		t.Errorf("problem %q at line %d, want %d", p, p.Line, line)
	}
	return p
}
