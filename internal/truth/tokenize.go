package truth

import (
	"html"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// noAuthor lists whole values that mean "no value given".
var noAuthor = map[string]bool{
	"": true, "not available": true, "n/a": true, "na": true, "unknown": true,
	"none": true, "various": true, "anonymous": true, "not applicable": true,
}

// dropWords are role words, honorifics and suffixes that are never a name.
var dropWords = map[string]bool{
	"by": true, "et": true, "al": true, "jr": true, "sr": true, "ii": true,
	"iii": true, "iv": true, "phd": true, "dr": true, "prof": true, "mr": true,
	"mrs": true, "ms": true, "editor": true, "editors": true, "edited": true,
	"author": true, "authors": true, "ph": true, "md": true, "etc": true,
	"unknown": true, "edt": true, "eds": true,
}

// orgWords mark a part that names an organisation, series or publisher
// rather than a person ("Deitel & Associates", "Certification Press"); the
// whole part is dropped.
var orgWords = map[string]bool{
	"associates": true, "press": true, "inc": true, "group": true, "staff": true,
	"team": true, "corporation": true, "corp": true, "company": true, "ltd": true,
	"llc": true, "publishing": true, "publications": true, "institute": true,
	"university": true, "society": true, "editorial": true, "series": true,
}

// nonAuthorRoles, found in a parenthesis after a name, mark a contributor
// who is not an author ("Weyhrauch, Richard (Translator)"): the name is
// dropped.
var nonAuthorRoles = []string{"translat", "illustrat", "foreword", "introduc",
	"preface", "photograph", "afterword", "narrat"}

// strongWords separate two names wherever they occur.
var strongWords = map[string]bool{"and": true, "with": true, "und": true}

type tokKind uint8

const (
	tokWord tokKind = iota
	tokComma
	tokStrong
	tokDrop // drop the name read since the last strong separator
)

type token struct {
	kind    tokKind
	text    string // lower case, letters only
	initial bool   // a single letter: an initial
}

// foldRune maps letters that do not decompose under NFD to ASCII.
var foldRune = map[rune]string{
	'ß': "ss", 'ø': "o", 'Ø': "o", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe",
	'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d", 'þ': "th", 'ı': "i",
}

// tokenizeAuthors splits a raw author string into words, commas and strong
// separators. Parenthesised and bracketed text (roles, affiliations) is
// dropped and acts as a strong separator.
func tokenizeAuthors(s string) []token {
	if strings.IndexByte(s, '&') >= 0 {
		s = html.UnescapeString(s)
	}
	s = norm.NFD.String(s)
	var toks []token
	var word strings.Builder
	flush := func() {
		if word.Len() == 0 {
			return
		}
		w := word.String()
		word.Reset()
		switch {
		case strongWords[w]:
			toks = append(toks, token{kind: tokStrong})
		case dropWords[w]:
		default:
			toks = append(toks, token{kind: tokWord, text: w, initial: len([]rune(w)) == 1})
		}
	}
	depth := 0
	var paren strings.Builder
	closeParen := func() {
		p := strings.ToLower(paren.String())
		paren.Reset()
		for _, role := range nonAuthorRoles {
			if strings.Contains(p, role) {
				toks = append(toks, token{kind: tokDrop})
				break
			}
		}
		toks = append(toks, token{kind: tokStrong})
	}
	rs := []rune(s)
	lowerRun := 0 // lower-case letters just before, in this word
	for i, r := range rs {
		switch {
		case r == '(' || r == '[' || r == '{':
			flush()
			depth++
			continue
		case r == ')' || r == ']' || r == '}':
			flush()
			if depth > 0 {
				depth--
			}
			if depth == 0 {
				closeParen()
			}
			continue
		}
		if depth > 0 {
			paren.WriteRune(r)
			continue
		}
		if unicode.IsUpper(r) && lowerRun >= 4 {
			// "SandeepWebber": a separator was lost between two names.
			flush()
			toks = append(toks, token{kind: tokStrong})
		}
		if unicode.IsLower(r) {
			lowerRun++
		} else if !unicode.Is(unicode.Mn, r) {
			lowerRun = 0
		}
		switch {
		case r == '-' || r == '‐' || r == '–':
			// "Conry-Murray" joins; "Prosise- Chris" is a comma.
			if i > 0 && i+1 < len(rs) && unicode.IsLetter(rs[i-1]) && unicode.IsLetter(rs[i+1]) {
				continue
			}
			flush()
			if i > 0 && unicode.IsLetter(rs[i-1]) {
				toks = append(toks, token{kind: tokComma})
			}
			continue
		}
		switch {
		case unicode.Is(unicode.Mn, r):
			// combining mark left by NFD: drop the accent.
		case unicode.IsLetter(r):
			if f, ok := foldRune[r]; ok {
				word.WriteString(f)
			} else {
				word.WriteRune(unicode.ToLower(r))
			}
		case r == '\'' || r == '’' || r == '‘' || r == '`':
			// joins: O'Leary
		case r == ',':
			flush()
			toks = append(toks, token{kind: tokComma})
		case r == ';' || r == '/' || r == '&' || r == '|' || r == '\\' || r == '+' ||
			r == ':' || r == '\n' || r == '\r' || r == '\t':
			flush()
			toks = append(toks, token{kind: tokStrong})
		default:
			// space, period, digits, quotes, other punctuation: word boundary.
			flush()
		}
	}
	flush()
	if depth > 0 { // unclosed "(TRANSLATOR"
		closeParen()
	}
	return toks
}
