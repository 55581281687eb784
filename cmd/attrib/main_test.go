package main

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// cli runs attrib with args against the database db and returns the exit
// code, stdout and stderr.
type result struct {
	code           int
	stdout, stderr string
}

func attrib(t *testing.T, dbPath string, stdin string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	full := append([]string{"attrib", "--db", dbPath}, args...)
	code := run(context.Background(), full, strings.NewReader(stdin), &out, &errb)
	return result{code, out.String(), errb.String()}
}

// mustJSON runs a command that must succeed and decodes its JSON output.
func mustJSON(t *testing.T, dbPath string, v any, args ...string) {
	t.Helper()
	r := attrib(t, dbPath, "", args...)
	if r.code != 0 {
		t.Fatalf("attrib %v: exit %d\n%s", args, r.code, r.stderr)
	}
	if err := json.Unmarshal([]byte(r.stdout), v); err != nil {
		t.Fatalf("attrib %v: output is not JSON: %v\n%s", args, err, r.stdout)
	}
}

func tempDB(t *testing.T) string { return filepath.Join(t.TempDir(), "attrib.db") }

func TestUsageErrors(t *testing.T) {
	db := tempDB(t)
	for _, tc := range []struct {
		name string
		args []string
		code int
	}{
		{"ingest without paths", []string{"ingest"}, exitUsage},
		{"unknown command", []string{"nonsense"}, exitUsage},
		{"unknown subcommand", []string{"show", "nonsense", "1"}, exitUsage},
		{"link a claim to itself", []string{"link", "1", "1"}, exitUsage},
		{"verdict on a missing claim", []string{"verdict", "999", "true"}, exitMissing},
		{"bad export format", []string{"export", "--format", "xml"}, exitUsage},
		{"unknown flag", []string{"claims", "--nope"}, exitUsage},
		{"show claim not a number", []string{"show", "claim", "x"}, exitUsage},
		{"missing claim", []string{"show", "claim", "999"}, exitMissing},
		{"missing source", []string{"show", "source", "Nobody At All"}, exitMissing},
		{"bad report format", []string{"report", "--format", "pdf"}, exitUsage},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := attrib(t, db, "", tc.args...)
			if r.code != tc.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", r.code, tc.code, r.stderr)
			}
			if r.stderr == "" {
				t.Error("no message on stderr")
			}
		})
	}
}

func TestListingsPrintEmptyJSONArrays(t *testing.T) {
	db := tempDB(t)
	for _, cmd := range [][]string{{"articles", "--json"}, {"claims", "--json"}, {"sources", "--json"}, {"audit", "--json"}} {
		var v []any
		mustJSON(t, db, &v, cmd...)
		if v == nil || len(v) != 0 {
			t.Errorf("%v: got %v, want []", cmd, v)
		}
	}
}
