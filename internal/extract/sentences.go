package extract

// sent is a sentence: tokens [a, b) of the text's token slice.
type sent struct{ a, b int }

// para is a paragraph: its sentences and, for each token that opens a
// quotation, the index of the token that closes it.
type para struct {
	a, b  int
	sents []sent
}

// pairQuotes links each opening quotation mark in [a, b) to its closing
// mark: closeOf[i] is the closing token of the quote opened at i (a
// kQOpen token), or -1;
// inQ[i] tells whether token i lies in a paired quote (marks included).
// Straight quotes were classified by the tokenizer from the space before
// them; an opening mark inside an open quote restarts it, and a mark left
// open at the paragraph's end pairs with nothing: the pairs do not nest.
//
// qs holds the quotation marks of [a, b) (tokenizeMarks'): only they are
// read, and closeOf is written only at opening marks (every reader tests
// for one first).
func pairQuotes(toks []tok, a, b int, qs []int32, closeOf []int, inQ []bool) {
	open := -1
	clear(inQ[a:b])
	for _, q := range qs {
		switch i := int(q); toks[i].k {
		case kQOpen:
			closeOf[i] = -1
			open = i
		case kQClose:
			if open >= 0 {
				closeOf[open] = i
				for k := open; k <= i; k++ {
					inQ[k] = true
				}
				open = -1
			}
		}
	}
}

// splitSentences cuts paragraph p into sentences. It never cuts inside a
// paired quotation, so a quote of several sentences followed by its cue
// ("\"A. B,\" X said.") stays one sentence.
func splitSentences(text string, toks []tok, p *para, closeOf []int) {
	// The paragraph's end in a local and toks cut there: the loop below
	// reads neither p nor a bounds check per token (it only appends to
	// p.sents).
	start, pb := p.a, p.b
	toks = toks[:pb]
	for i := p.a; i < pb; i++ {
		if toks[i].mk == mkPlain {
			// A lower-case word (most tokens) ends no sentence: the run of
			// them skipped in a loop of its own.
			for i++; i < pb && toks[i].mk == mkPlain; i++ {
			}
			if i >= pb {
				break
			}
		}
		t := &toks[i]
		if t.k == kQOpen && closeOf[i] > i {
			// A quote ending with .!? and followed by a capital is a sentence.
			c := closeOf[i]
			if c+1 < pb && c-1 > i && isStop(text, &toks[c-1]) && startsSentence(text, toks, c+1) {
				p.sents = append(p.sents, sent{start, c + 1})
				start = c + 1
			}
			i = c
			continue
		}
		end := -1
		switch {
		case t.k == kWord:
			// A dotted abbreviation at a sentence's end keeps its period.
			// (Its last byte in the text: the same '.' as in lw, without
			// reading lw, which may live elsewhere.)
			if t.mk != mkPlain && text[t.be-1] == '.' && i+1 < pb && startsSentence(text, toks, i+1) && isStarter(&toks[i+1]) {
				end = i + 1
			}
		case isStop(text, t):
			if t.is(text, '.') && i > p.a && isAbbrev(toks, i-1) {
				if !(endAbbrev[toks[i-1].lw] && i+1 < pb && isStarter(&toks[i+1])) {
					continue
				}
			}
			j := i + 1
			for j < pb && (toks[j].k == kQClose || toks[j].is(text, ')') || isStop(text, &toks[j])) {
				j++
			}
			if j == pb || startsSentence(text, toks, j) {
				end = j
			}
		}
		if end > 0 {
			p.sents = append(p.sents, sent{start, end})
			start = end
			i = end - 1
		}
	}
	if start < pb {
		p.sents = append(p.sents, sent{start, pb})
	}
}

func isStop(text string, t *tok) bool {
	if t.k != kPunct {
		return false
	}
	switch t.mk {
	case '.', '!', '?':
		return true
	case mkWide:
		return t.first(text) == '…'
	}
	return false
}

// startsSentence: the token at i can open a sentence (capital, digit, quote).
func startsSentence(text string, toks []tok, i int) bool {
	t := &toks[i]
	switch t.k {
	case kWord:
		c := t.first(text)
		return t.cap || (c >= '0' && c <= '9')
	case kQOpen:
		return true
	}
	switch t.first(text) {
	case '(', '[', '—', '–', '-', '‘', '\'', '*', '•':
		return true
	}
	return false
}

// isAbbrev: the word at i, followed by a period, is an abbreviation or an
// initial ("Mr.", "Jan.", "J.").
func isAbbrev(toks []tok, i int) bool {
	t := &toks[i]
	if t.k != kWord {
		return false
	}
	if t.e-t.s == 1 && t.cap {
		return true
	}
	return (t.fl&flAbbrev != 0)
}

// isStarter: a capitalised function word that usually opens a sentence, used
// to end a sentence after an abbreviation that can also close one.
func isStarter(t *tok) bool {
	return t.k == kWord && t.cap && starters[t.lw]
}
