// Package input reads articles from files, folders and standard input
// (.txt, .html, .jsonl, .jsonl.gz), checking each for bad input and naming
// the file and line of every problem.
package input
