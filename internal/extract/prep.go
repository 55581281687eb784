package extract

import "sync"

// prepBuf holds the token arrays of one extraction for reuse: no claim
// keeps a reference to them (claims hold strings and offsets only).
type prepBuf struct {
	toks    []tok
	closeOf []int
	paras   []para
	sents   []sent // all paragraphs' sentences, back to back
	m       matcher
	x       extractor
	rs      []rng // the matcher's chunk of contents (see matcher.one), kept
}

var prepPool = sync.Pool{New: func() any { return new(prepBuf) }}

// release clears the tokens (they point into the text) and pools b.
func (b *prepBuf) release() {
	clear(b.toks)
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
func (b *prepBuf) prepareWith(text string, opt Options, md *Model) (*extractor, []para) {
	b.toks = tokenizeInto(b.toks, text)
	toks := b.toks
	setLex(text, toks, md)
	b.closeOf = grow(b.closeOf, len(toks))
	b.m = matcher{text: text, toks: toks, closeOf: b.closeOf, rs: b.rs[:0]}
	m := &b.m
	if md != nil && md.lexCand != nil {
		m.cands = md
	}
	b.paras = paragraphsInto(b.paras[:0], toks)
	paras := b.paras
	b.sents = b.sents[:0]
	for pi := range paras {
		p := &paras[pi]
		pairQuotes(toks, p.a, p.b, m.closeOf)
		k := len(b.sents)
		p.sents = b.sents[k:k]
		splitSentences(text, toks, p, m.closeOf)
		b.sents = append(b.sents, p.sents...)
		p.sents = b.sents[k:len(b.sents):len(b.sents)]
	}
	b.x.reset(m, opt)
	return &b.x, paras
}
