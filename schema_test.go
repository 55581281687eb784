package attrib

import (
	"strings"
	"testing"
)

func TestSchemaAfter(t *testing.T) {
	if got := SchemaAfter(0); got != Schema {
		t.Fatalf("SchemaAfter(0) is not the whole schema")
	}
	if got := SchemaAfter(SchemaVersion); strings.Contains(got, "CREATE") {
		t.Fatalf("SchemaAfter(current) creates something:\n%s", got)
	}
	// Every version after the first adds something, and no statement of
	// version 1 is applied again.
	for v := 1; v < SchemaVersion; v++ {
		got := SchemaAfter(v)
		if !strings.Contains(got, "CREATE") {
			t.Errorf("SchemaAfter(%d) creates nothing", v)
		}
		if strings.Contains(got, "CREATE TABLE claims (") {
			t.Errorf("SchemaAfter(%d) creates the claims table again", v)
		}
	}
}
