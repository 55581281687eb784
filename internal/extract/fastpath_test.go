// Tests that the fast paths give what the plain code gives.
package extract

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// furnitureRef is the furniture phrase test as first written: the
// sentence lower-cased by strings.ToLower, each phrase searched in turn.
func furnitureRef(s string) bool {
	low := strings.ToLower(s)
	for _, b := range boiler {
		if strings.Contains(low, b) {
			return true
		}
	}
	return false
}

// lowerLikeFurniture lower-cases s as furniture does.
func lowerLikeFurniture(s string) []byte {
	if isASCII(s) {
		return appendASCIILower(nil, s)
	}
	var b []byte
	for _, r := range s {
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	return b
}

func checkBoilerSame(t *testing.T, s string) {
	t.Helper()
	low := lowerLikeFurniture(s)
	if string(low) != strings.ToLower(s) {
		t.Fatalf("lower case of %q: %q, strings.ToLower %q", s, low, strings.ToLower(s))
	}
	if got, want := boilerIn(low), furnitureRef(s); got != want {
		t.Fatalf("boilerIn(%q) = %v, want %v", s, got, want)
	}
}

func TestBoilerInSame(t *testing.T) {
	for _, s := range []string{
		"", "x", "Follow us on Twitter", "FOLLOW US", "Photo: Getty Images", "design up",
		"© 2024 Reuters", "All Rights Reserved.", "Read More »", "Ǆ is a letter; Σίσυφος",
		"invalid \xff\xfe bytes © here", "\uFFFD and sign in", "related: story", "rela ted:",
		"Reporting by Jane Doe; Editing by John Roe", "They like us on the whole",
	} {
		checkBoilerSame(t, s)
	}
	for _, text := range newsTexts(t, 200) {
		for line := range strings.SplitSeq(text, "\n") {
			checkBoilerSame(t, line)
		}
	}
}

func FuzzBoilerInSame(f *testing.F) {
	f.Add("Follow us on Twitter")
	f.Add("© 2024 \xff Photo:")
	f.Fuzz(func(t *testing.T, s string) { checkBoilerSame(t, s) })
}

// TestTokenHashes: the hashes the tokenizer makes on the way are hashStr
// of the lower-cased word, as setLex makes the others.
func TestTokenHashes(t *testing.T) {
	check := func(text string) {
		toks := tokenize(text)
		setLex(text, toks, DefaultModel())
		for i, tk := range toks {
			if tk.k == kWord && tk.h != hashStr(tk.lw) {
				t.Fatalf("token %d %q: hash %x, want %x", i, tk.lw, tk.h, hashStr(tk.lw))
			}
		}
	}
	check("U.S. e.g. 3.5 Mr. don't “quoted,” he said. A-B a.b.c. x,y 1,000.5 é's Straße")
	for _, text := range newsTexts(t, 100) {
		check(text)
	}
}

// TestTokenizeLexSame: the tokens tokenizeLex flags as it makes them are
// those of tokenize followed by setLex, with and without a model.
func TestTokenizeLexSame(t *testing.T) {
	texts := []string{"U.S. e.g. 3.5 Mr. don't “quoted,” he said. A-B a.b.c. x,y 1,000.5 é's Straße SAID Said: \x01 … «non»"}
	texts = append(texts, newsTexts(t, 200)...)
	for _, md := range []*Model{nil, DefaultModel()} {
		lex, pc := lexFlags, (*[128]bool)(nil)
		if md != nil {
			lex, pc = md.lexCand, &md.punctCand
		}
		for _, text := range texts {
			want := tokenize(text)
			setLex(text, want, md)
			got, _, _, p1 := tokenizeLex(nil, nil, nil, nil, text, lex, pc)
			if len(got) != len(want) {
				t.Fatalf("%d tokens, want %d", len(got), len(want))
			}
			var wantP1 []int32
			for i := range want {
				if want[i].fl&flPass1 != 0 {
					wantP1 = append(wantP1, int32(i))
				}
			}
			if !slices.Equal(p1, wantP1) {
				t.Fatalf("pass 1 tokens %v, want %v", p1, wantP1)
			}
			for i := range got {
				if got[i] != want[i] {
					t.Fatalf("token %d = %+v, want %+v", i, got[i], want[i])
				}
			}
		}
	}
}

// TestHashLast3: the unrolled suffix hash is hashStr of the last three bytes.
func TestHashLast3(t *testing.T) {
	for _, s := range []string{"", "a", "ab", "abc", "said", "straße", "U.S."} {
		want := hashStr(s)
		if len(s) > 3 {
			want = hashStr(s[len(s)-3:])
		}
		if got := hashLast3(s); got != want {
			t.Fatalf("hashLast3(%q) = %x, want %x", s, got, want)
		}
	}
}
