package brat

import (
	"strings"
	"unicode"

	"github.com/attrib/attrib/internal/extract"
)

// PolNeARConvention maps relations written in attrib's convention (a
// content without its quotation marks and without a leading "that"; see
// DESIGN.md) to PolNeAR's annotation convention, for evaluation only:
//
//   - a content fragment that starts right after an opening quotation mark
//     takes the mark in;
//   - a content fragment followed by up to two of , . ! ? ; : and then a
//     closing quotation mark takes them and the mark in;
//   - the first content fragment takes in a directly preceding "that "
//     (PolNeAR annotates "said that X" with content "that X");
//   - a cue takes in the auxiliaries, modals and adverbs directly before it
//     (extract.CueAuxiliary: "has said", "would also argue", "did not
//     say"), which PolNeAR counts as part of the cue and attrib does not.
//
// The rules look only at the characters next to each span, so they are
// the same for every article. Sources are unchanged. The input is
// not modified; text is the article the relations index (code points).
func PolNeARConvention(text string, rels []Relation) []Relation {
	if len(rels) == 0 {
		return nil
	}
	rs := []rune(text)
	out := make([]Relation, len(rels))
	for i, r := range rels {
		out[i] = r
		if len(r.Cue) > 0 {
			cs := append([]extract.Span(nil), r.Cue...)
			cs[0] = widenCue(rs, cs[0])
			out[i].Cue = cs
		}
		if len(r.Content) == 0 {
			continue
		}
		cs := make([]extract.Span, len(r.Content))
		for k, f := range r.Content {
			cs[k] = widenContent(rs, f, k == 0)
		}
		out[i].Content = cs
	}
	return out
}

func widenContent(rs []rune, f extract.Span, first bool) extract.Span {
	if f.Start < 0 || f.End > len(rs) || f.Start >= f.End {
		return f
	}
	s, e := f.Start, f.End
	if s > 0 && isOpenQuote(rs[s-1]) {
		s--
	}
	j := e
	for j < len(rs) && j-e < 2 && isClausePunct(rs[j]) {
		j++
	}
	if j < len(rs) && isCloseQuote(rs[j]) {
		e = j + 1
	}
	if first && s >= 5 && rs[s-1] == ' ' && string(rs[s-5:s-1]) == "that" && (s == 5 || !unicode.IsLetter(rs[s-6])) {
		s -= 5
	}
	return extract.Span{Start: s, End: e}
}

func isOpenQuote(r rune) bool {
	switch r {
	case '"', '“', '„', '«', '‘':
		return true
	}
	return false
}

func isCloseQuote(r rune) bool {
	switch r {
	case '"', '”', '»', '’':
		return true
	}
	return false
}

func isClausePunct(r rune) bool {
	switch r {
	case ',', '.', '!', '?', ';', ':':
		return true
	}
	return false
}

// widenCue extends a cue left over the auxiliary words before it, each
// separated by one space.
func widenCue(rs []rune, f extract.Span) extract.Span {
	if f.Start < 0 || f.End > len(rs) || f.Start >= f.End {
		return f
	}
	s := f.Start
	for s >= 2 && rs[s-1] == ' ' {
		j := s - 1
		for j > 0 && (unicode.IsLetter(rs[j-1]) || rs[j-1] == '\'' || rs[j-1] == '’') {
			j--
		}
		if j == s-1 || !extract.CueAuxiliary(strings.ToLower(string(rs[j:s-1]))) {
			break
		}
		s = j
	}
	return extract.Span{Start: s, End: f.End}
}
