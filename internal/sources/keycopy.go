package sources

import "strings"

// cloneWords returns a copy of name and Key(orig), where orig is the
// piece of name at byte at and ws are its words (getWords(orig)), and
// moves the words onto the copy of orig, so that nothing cut from them
// holds name. For ASCII, Key(orig) is the words' key tokens joined by
// spaces, without a leading "the" when more follow: keyASCII turns
// spaces and the punctuation trimWord drops into breaks, and its rules
// for apostrophes and dots look only at whether a neighbour is a letter
// or digit, which a break or the end of a word is not
// (TestKeyFromWords). The key is then written after the name, in one
// allocation, without a second pass over the name.
func cloneWords(name string, at int, orig string, ws []word) (string, string) {
	var c, k string
	if isASCII(orig) {
		var arr [192]byte
		buf := append(arr[:0], name...)
		skip := len(ws) > 0 && (len(ws[0].key) > 1 || len(ws) > 1) && ws[0].key[0] == "the"
		first := true
		for i, w := range ws {
			for j, t := range w.key {
				if skip && i == 0 && j == 0 {
					continue
				}
				if !first {
					buf = append(buf, ' ')
				}
				first = false
				buf = append(buf, t...)
			}
		}
		joint := string(buf)
		c, k = joint[:len(name)], joint[len(name):]
	} else {
		c, k = cloneKeyed(name, orig)
	}
	rebaseWords(ws, c[at:at+len(orig)])
	return c, k
}

// rebaseWords moves words cut from a string onto line, a copy of it: a
// word's text, and its token when that is the text itself.
func rebaseWords(ws []word, line string) {
	for i := range ws {
		w := &ws[i]
		o := line[w.at : w.at+len(w.orig)]
		if len(w.key) == 1 && w.key[0] == w.orig {
			w.key[0] = o
		}
		w.orig, w.line = o, line
	}
}

// joinKeyed returns a+b+c+d and its Key, both from one allocation when
// the name is ASCII and short; otherwise the key is "" and the caller
// keys the name itself.
func joinKeyed(a, b, c, d string) (string, string) {
	var arr [192]byte
	n := len(a) + len(b) + len(c) + len(d)
	if n > len(arr) {
		return a + b + c + d, ""
	}
	buf := append(append(append(append(arr[:0], a...), b...), c...), d...)
	for _, x := range buf {
		if x >= 0x80 {
			return a + b + c + d, ""
		}
	}
	var karr [192]byte
	k := trimKey(appendASCIIKey(karr[:0], buf)) // as keyASCII
	if len(k) == 0 {
		return a + b + c + d, "" // "" means no key to the caller
	}
	joint := string(append(buf, k...))
	return joint[:n], joint[n:]
}

// cloneKeyed returns a copy of name and Key(part), where part is name or
// a piece of it, for a name the registry keeps (a parsed name, a role):
// for ASCII, both come from one allocation, the key written after the
// name.
func cloneKeyed(name, part string) (string, string) {
	if !isASCII(part) {
		return strings.Clone(name), Key(part)
	}
	var karr [96]byte
	k := trimKey(appendASCIIKey(karr[:0], part)) // as keyASCII
	var arr [192]byte
	joint := string(append(append(arr[:0], name...), k...))
	return joint[:len(name)], joint[len(name):]
}
