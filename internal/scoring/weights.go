package scoring

// Fixed token weights. The matcher weighs a content token by what the token
// is, never by how often it occurs in the store, so that a pair decision
// depends on the two claims alone (see buildVectors). Word length stands in
// for rarity (long words are rarer in English news, Zipf 1935), and a list of
// words that occur in a large share of news sentences weighs less.

// commonWords are frequent, low-content words of news writing (after the
// stemmer), general knowledge of the genre, not of any article.
var commonWords = wordSet(`year day week month time new first last percent state government official
offici people person country countri nation world group part number way thing lot
make take give go come get put set use know think see want need look find show
call work help keep leav begin start end continu move
many much more less few lot well good bad high low big small larg great long
two three one includ accord add note say tell report statement comment
mr mrs ms dr presid minister leader member head chief spokesman spokeswoman spokesperson
told announc confirm issu case plan call`)

// tokenWeight is the fixed weight of a stemmed content token.
func tokenWeight(s string) float64 {
	n := len(s)
	if n > 12 {
		n = 12
	}
	w := 0.7 + 0.06*float64(n) // 0.76 for one letter ... 1.42 for twelve or more
	if commonWords[s] {
		w *= 0.4
	}
	return w
}

// tokenKey orders tokens for the prefix filter: heavier (more selective)
// tokens first, then by a fixed hash (FNV-1a), so that prefixes favour rare
// words and the order of two tokens never depends on the corpus.
func tokenKey(s string) uint64 {
	w := tokenWeight(s)
	bucket := uint64(w * 100) // < 256
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return (255-bucket)<<56 | h>>8
}
