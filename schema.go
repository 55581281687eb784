// Package attrib holds what belongs to the whole project rather than to one
// package: the public database schema, embedded so that the binary carries it.
package attrib

import (
	_ "embed"
	"strconv"
	"strings"
)

// Schema is schema.sql, the documented public schema of attrib's database.
//
//go:embed schema.sql
var Schema string

// SchemaVersion is the PRAGMA user_version that Schema creates.
const SchemaVersion = 3

// sinceMarker starts a line of schema.sql that says which version the
// statements after it (up to the next marker) came with: "-- @since 2".
// Statements before the first marker came with version 1.
const sinceMarker = "-- @since "

// SchemaAfter is the part of Schema that a database at version v lacks: the
// statements of every section marked with a later version, in file order.
// SchemaAfter(0) is the whole schema. An unreadable marker counts as the
// current version, so its section is applied rather than lost.
func SchemaAfter(v int) string {
	var b strings.Builder
	since := 1
	for _, line := range strings.SplitAfter(Schema, "\n") {
		if rest, ok := strings.CutPrefix(line, sinceMarker); ok {
			n, err := strconv.Atoi(strings.TrimSpace(rest))
			if err != nil {
				n = SchemaVersion
			}
			since = n
		}
		if since > v {
			b.WriteString(line)
		}
	}
	return b.String()
}
