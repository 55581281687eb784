// Package truth is truth discovery: from many sources giving conflicting
// values for the same items, with copying between sources, decide which value
// is true and how accurate each source is.
//
// It is pure: no I/O, no SQL.
package truth
