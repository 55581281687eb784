// Package db is attrib's SQLite store: the only package that imports
// database/sql. The schema is ../../schema.sql, embedded in the binary and
// applied in a transaction, versioned with PRAGMA user_version.
package db
