// Package brat reads brat standoff annotations of attribution (Source, Cue,
// Content) and scores predicted spans against them: exact and overlap
// precision, recall and F1.
package brat
