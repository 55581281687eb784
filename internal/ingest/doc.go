// Package ingest turns articles that internal/input read into stored ones:
// extraction on all cores, source resolution through one registry, and
// batched all-or-nothing writes through internal/db. It is the only place
// where the pure packages meet the store on the way in.
package ingest
