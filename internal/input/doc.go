// Package input reads articles from files, folders and standard input
// (.txt, .html, .jsonl, .jsonl.gz), checking each for bad input and naming
// the file and line of every problem.
//
// Reader.Read streams: it holds one article (or one JSONL line) at a time,
// so memory stays bounded by Reader.MaxBytes whatever the input size. A .txt
// file is the article text byte for byte (offsets count its code points);
// HTML is reduced to its article text with the golang.org/x/net/html
// tokenizer (no tree, so deep nesting is safe); JSONL carries one article a
// line. Bad input (invalid UTF-8, binary data, empty files, oversized
// articles, malformed lines, corrupt gzip) is reported as a Problem and
// reading goes on. The package reads files but knows nothing of the
// database or the command line.
package input
