package ingest

import (
	"context"
	"errors"
	"time"

	"github.com/attrib/attrib/internal/db"
)

// How the writer goroutine stores what the builder hands it. A batch (one
// transaction) comes in chunks: the builder sends each chunk as soon as it
// has built it, and the writer writes it at once in the open transaction
// (db.AddArticleChunks), so that building a batch and writing it overlap.
// Without chunks the writer waited for the whole batch, and at the end of
// an ingest it wrote the last batch alone while the other cores idled
// (about 0.4 s of the 10k articles' 7 s). The rows are the same as with
// whole batches, even when a batch takes two transactions (a stalled input,
// maxHold): each chunk sees what the earlier ones wrote, and the builder
// learns the stored ids a batch at a time (feedback).

// chunk is part of a batch; last says it ends the batch.
type chunk struct {
	items []pending
	last  bool
}

// maxChunk is the most articles of a chunk: small enough that the last
// chunk of an ingest is written quickly, large enough that its fixed costs
// (a few queries, the statements of its last rows) stay small.
const maxChunk = 128

// chunkSize is the articles of a chunk: at most maxChunk (or what a test
// set), and never more than a batch.
func (in *Ingester) chunkSize() int {
	c := maxChunk
	if in.chunk > 0 {
		c = in.chunk
	}
	return max(1, min(c, in.opts.BatchSize))
}

// stallCommit is how long the writer waits for the next chunk of a batch
// before it commits what it has: the transaction holds the database's
// write lock, which an input that stalls (a feed on a pipe) must not keep
// from other processes. Then the rest of the batch is a transaction of its
// own.
var stallCommit = time.Second // a variable for tests

// maxHold is how long a transaction may stay open before the writer
// commits at the next chunk: while one ingest holds the write lock, the
// others wait for it (up to the busy timeout), and on a loaded machine
// building a whole batch can take several seconds.
var maxHold = 2 * time.Second

var errCut = errors.New("the input ended in the middle of a batch")

// store writes the batch that starts with chunk first in one transaction,
// taking its later chunks from more as they come, and returns the articles
// it stored or tried to, and whether they end the batch (they do not when
// the transaction ended at a stall or after maxHold). When the transaction
// fails for a reason that may lie in one article, it retries the articles
// one by one so that a bad article does not cost the good ones.
func (in *Ingester) store(ctx context.Context, first chunk, more <-chan chunk, st *Stats, done func(Result)) (batch []pending, last bool, err error) {
	batch, last = first.items, first.last
	sent := false
	var began time.Time
	outs, err := in.db.AddArticleChunks(ctx, func() ([]db.ArticleRecord, error) {
		var items []pending
		switch {
		case !sent:
			sent, items, began = true, first.items, time.Now()
		case last || time.Since(began) > maxHold:
			return nil, nil
		default:
			c, err := nextChunk(ctx, more)
			if c == nil || err != nil {
				return nil, err
			}
			batch = append(batch, c.items...)
			items, last = c.items, c.last
		}
		recs := make([]db.ArticleRecord, 0, len(items))
		for i := range items {
			if items[i].failed == nil {
				recs = append(recs, items[i].rec)
			}
		}
		return recs, nil
	})
	if err == nil {
		k := 0 // outs has the articles that were built
		for i := range batch {
			if p := &batch[i]; p.failed != nil {
				in.reportFailed(p, st, done)
			} else {
				in.report(p, outs[k], nil, st, done)
				k++
			}
		}
		return batch, last, nil
	}
	if ctx.Err() != nil {
		return batch, last, ctx.Err()
	}
	for !last { // the rest of the batch, to store one by one
		c, ok := <-more
		if !ok {
			break
		}
		batch = append(batch, c.items...)
		last = c.last
	}
	if len(batch) == 1 && batch[0].failed == nil {
		in.report(&batch[0], db.Outcome{}, err, st, done)
		return batch, last, nil
	}
	for i := range batch {
		p := &batch[i]
		if p.failed != nil {
			in.reportFailed(p, st, done)
			continue
		}
		outs, err := in.db.AddArticles(ctx, []db.ArticleRecord{p.rec})
		if ctx.Err() != nil {
			return batch, last, ctx.Err()
		}
		var o db.Outcome
		if err == nil {
			o = outs[0]
		}
		in.report(p, o, err, st, done)
	}
	return batch, last, nil
}

// nextChunk waits for the next chunk of a batch: nil without an error
// when none came within stallCommit.
func nextChunk(ctx context.Context, more <-chan chunk) (*chunk, error) {
	t := time.NewTimer(stallCommit)
	defer t.Stop()
	select {
	case c, ok := <-more:
		if !ok {
			return nil, errCut
		}
		return &c, nil
	case <-t.C:
		return nil, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// feedback applies the batches the writer stored to the registry at fixed
// points of the input, so that a run resolves sources the same way every
// time: at the start of each batch, every batch sent before the previous
// one is applied, waiting for the writer if need be (it rarely has to: the
// writer is a batch behind at most). Applying whatever had come back before
// each article, as before, made the sources a record names by id, and so a
// few resolutions of anonymous groups, depend on the timing of the writer.
type feedback struct {
	in       *Ingester
	stored   <-chan []pending
	received [][]pending // stored batches not applied yet, in order
	sent     int         // batches sent to the writer
	applied  int
}

// settle applies the stored batches before the last one sent.
func (f *feedback) settle(ctx context.Context) {
	for f.applied < f.sent-1 {
		if len(f.received) == 0 {
			select {
			case b, ok := <-f.stored:
				if !ok {
					return
				}
				f.received = append(f.received, b)
			case <-ctx.Done():
				return
			}
			continue
		}
		f.in.applyAll(f.received[0])
		f.received = f.received[1:]
		f.applied++
	}
}

// drain applies every batch, once the writer has stored the last.
func (f *feedback) drain() {
	for b := range f.stored {
		f.received = append(f.received, b)
	}
	for _, b := range f.received {
		f.in.applyAll(b)
	}
	f.received, f.applied = nil, f.sent
}
