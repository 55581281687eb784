package extract

import "sync"

// prepBuf holds the token arrays of one extraction for reuse: no claim
// keeps a reference to them (claims hold strings and offsets only).
type prepBuf struct {
	toks    []tok
	closeOf []int
	brk, qs []int32 // tokenizeMarks' line breaks and quotation marks
	p1      []int32 // tokenizeLex's tokens flagged flPass1
	inQ     []bool  // per token: inside a paired quote (see pairQuotes)
	paras   []para
	sents   []sent // all paragraphs' sentences, back to back
	m       matcher
	x       extractor
	rs      []rng // the matcher's chunk of contents (see matcher.one), kept
}

var prepPool = sync.Pool{New: func() any { return new(prepBuf) }}

// release pools b. Its tokens are left as they are (the next extraction
// writes every field of each token it makes, see newTok): they keep the
// last text alive only while b sits in the pool, and clearing them cost
// about 1% of an extraction's instructions.
func (b *prepBuf) release() {
	clear(b.paras)
	// The contents carved from the chunk are dead: their claims are built.
	b.rs = b.m.rs[:0]
	b.m = matcher{}
	b.x.reset(nil, Options{})
	prepPool.Put(b)
}

// prepare tokenizes text, splits its paragraphs into sentences and pairs
// its quotation marks, in fresh arrays.
func prepare(text string, opt Options) (*extractor, []para) {
	return (&prepBuf{}).prepareWith(text, opt, nil)
}

// prepareWith is prepare reusing b's arrays (they stay in use until the
// extraction ends) and marking md's cue candidates when md is not nil.
// The tokens get their lexicon flags as they are made (tokenizeLex); each
// paragraph's tokens get their quote pairs and sentences one after the
// other, while they are in cache (the steps only look inside the
// paragraph).
func (b *prepBuf) prepareWith(text string, opt Options, md *Model) (*extractor, []para) {
	lex, punctCand := lexFlags, (*[128]bool)(nil) // as setLex takes them
	if md != nil && md.lexCand != nil {
		lex, punctCand = md.lexCand, &md.punctCand
	}
	b.toks, b.brk, b.qs, b.p1 = tokenizeLex(b.toks, b.brk[:0], b.qs[:0], b.p1[:0], text, lex, punctCand)
	toks := b.toks
	b.closeOf = resize(b.closeOf, len(toks)) // pairQuotes writes every opening mark's
	b.inQ = resize(b.inQ, len(toks))
	b.m = matcher{text: text, toks: toks, closeOf: b.closeOf, rs: b.rs[:0]}
	m := &b.m
	if md != nil && md.lexCand != nil {
		m.cands = md
	}
	b.paras, b.sents = b.paras[:0], b.sents[:0]
	start, qk := 0, 0 // the paragraph's first token and quotation mark
	for k := 0; k <= len(b.brk); k++ {
		// The paragraph [start, i): a line break starts the next one (a
		// break before the first token starts none).
		i := len(toks)
		if k < len(b.brk) {
			if i = int(b.brk[k]); i == 0 {
				continue
			}
		} else if i == 0 {
			break
		}
		qe := qk
		for qe < len(b.qs) && int(b.qs[qe]) < i {
			qe++
		}
		pairQuotes(toks, start, i, b.qs[qk:qe], m.closeOf, b.inQ)
		qk = qe
		b.paras = append(b.paras, para{a: start, b: i})
		p := &b.paras[len(b.paras)-1]
		k := len(b.sents)
		p.sents = b.sents[k:k]
		splitSentences(text, toks, p, m.closeOf)
		b.sents = append(b.sents, p.sents...)
		p.sents = b.sents[k:len(b.sents):len(b.sents)]
		start = i
	}
	b.x.reset(m, opt)
	b.x.pre = prepFacts{inQ: b.inQ, pass1: b.p1}
	return &b.x, b.paras
}
