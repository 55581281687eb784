package ingest

import (
	"fmt"

	"github.com/attrib/attrib/internal/extract"
	"github.com/attrib/attrib/internal/input"
)

// extractOne extracts the claims of one article. A panic in the extractor
// (a bug: the fuzzer has found a few, each fixed) fails that article alone,
// reported in its place with its file and line, instead of ending the
// whole ingest and every batch not yet committed with it.
func (in *Ingester) extractOne(a input.Article) (cs []extract.Claim, err error) {
	defer func() {
		if r := recover(); r != nil {
			cs, err = nil, fmt.Errorf("extraction failed, a bug in attrib (please report it with this article): %v", r)
		}
	}()
	f := in.extractFn
	if f == nil {
		f = extract.Extract
	}
	return f(a.Text, extract.Options{Outlet: a.Outlet}), nil
}

// reportFailed counts an article whose extraction failed and tells done.
func (in *Ingester) reportFailed(p *pending, st *Stats, done func(Result)) {
	p.err = p.failed
	st.Failed++
	if done != nil {
		done(Result{Article: p.art, Err: p.failed})
	}
}
