// Package attrib holds what belongs to the whole project rather than to one
// package: the public database schema, embedded so that the binary carries it.
package attrib

import _ "embed"

// Schema is schema.sql, the documented public schema of attrib's database.
//
//go:embed schema.sql
var Schema string

// SchemaVersion is the PRAGMA user_version that Schema creates.
const SchemaVersion = 1
