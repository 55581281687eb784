// Package sources is the source registry: canonical names, aliases, kinds,
// affiliations and the rules that decide when two names are one source
// (spelling and transliteration variants, an institution and its
// descriptions, anonymous sources kept apart per citing outlet).
//
// It is pure: no I/O, no SQL.
package sources
