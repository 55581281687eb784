package ingest

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"

	"github.com/attrib/attrib/internal/db"
	"github.com/attrib/attrib/internal/extract"
	"github.com/attrib/attrib/internal/input"
	"github.com/attrib/attrib/internal/sources"
)

// DefaultBatchSize is the articles per transaction when Options do not
// say. Each commit rewrites the index pages it touched into the WAL
// (random keys: hashes, URLs, source keys, hop sources), so fewer commits
// write less: on 4,000 real articles (BenchmarkStore) batches of 128 wrote
// 432 MB, of 256 333 MB, of 512 276 MB, of 1024 246 MB, of 2048 231 MB.
// 1024 articles of ~6 KB are still far from maxBatchBytes; the whole ingest
// of the 10k articles took 4% less CPU than with 256, for 40 MB more
// memory.
const DefaultBatchSize = 1024

// Options tune an ingest run.
type Options struct {
	Workers   int // extraction goroutines; 0 = one per core
	BatchSize int // articles per transaction (fewer at 8 MB of text); 0 = DefaultBatchSize
}

// Stats count what happened to the articles of one run.
type Stats struct {
	Added, Duplicates, Failed, Claims int
}

// Result is what happened to one article.
type Result struct {
	Article   input.Article
	ID        int64
	Claims    int
	Duplicate bool
	Err       error
}

// Ingester stores articles in one database.
type Ingester struct {
	db   *db.DB
	reg  *sources.Registry
	opts Options
	// Used only by the goroutine that builds and stores records:
	stored map[string]bool // alias keys the store holds (committed)
	// affDone holds the stored sources whose affiliation the store has
	// set; it is set once and never overwritten, so it is not sent again.
	affDone map[int64]bool
	chunk   int // articles a chunk when not 0 (tests)
	// extractFn is the extractor, extract.Extract unless a test sets it.
	extractFn func(string, extract.Options) []extract.Claim
}

// New loads the known sources of d into a registry and returns an Ingester.
func New(ctx context.Context, d *db.DB, opts Options) (*Ingester, error) {
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	if opts.BatchSize <= 0 {
		opts.BatchSize = DefaultBatchSize
	}
	in := &Ingester{db: d, opts: opts, stored: map[string]bool{},
		affDone: map[int64]bool{}}
	reg, err := loadRegistry(ctx, d, func(key string) { in.stored[key] = true })
	if err != nil {
		return nil, err
	}
	in.reg = reg
	return in, nil
}

type job struct {
	seq    int
	art    input.Article
	claims []extract.Claim
	err    error // extraction failed (see extractOne)
}

// Run reads articles from read (which calls yield for each, in order),
// extracts claims on all cores, and stores them in batches, calling done for
// every article in input order (from one goroutine, not the caller's). It returns the counts, and an error only
// when the run itself could not go on (the database failed, ctx ended).
func (in *Ingester) Run(ctx context.Context, read func(yield func(input.Article) error) error, done func(Result)) (Stats, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan job, in.opts.Workers*4)
	results := make(chan job, in.opts.Workers*4)
	// inFlight bounds the articles read but not yet built, so that one slow
	// article cannot make the others pile up while they wait for it.
	inFlight := make(chan struct{}, in.opts.Workers*8)
	var readErr error
	go func() {
		defer close(jobs)
		seq := 0
		readErr = read(func(a input.Article) error {
			select {
			case inFlight <- struct{}{}:
			case <-ctx.Done():
				return ctx.Err()
			}
			select {
			case jobs <- job{seq: seq, art: a}:
				seq++
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()
	var wg sync.WaitGroup
	for i := 0; i < in.opts.Workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				j.claims, j.err = in.extractOne(j.art)
				select {
				case results <- j:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	// Records are built here and stored by a second goroutine, a chunk at
	// a time, so that building a batch overlaps writing it. The writer
	// hands every stored batch back to have its new source ids and
	// aliases applied to the registry here, on the only goroutine that
	// touches the registry, at the start of a later batch (see feedback).
	var st Stats
	size := in.chunkSize()
	toStore := make(chan chunk, in.opts.BatchSize/size+1) // a batch ahead
	stored := make(chan []pending, 2)
	var storeErr error
	go func() {
		defer close(stored)
		var b []pending // the batch so far (a stalled one takes two transactions)
		for c := range toStore {
			items, last := c.items, c.last
			if storeErr == nil {
				if items, last, storeErr = in.store(ctx, c, toStore, &st, done); storeErr != nil {
					cancel()
				}
			}
			if b = append(b, items...); !last {
				continue
			}
			select {
			case stored <- b:
			case <-ctx.Done():
			}
			b = nil
		}
	}()
	fb := &feedback{in: in, stored: stored}
	var cur []pending // the chunk being built
	batchLen, batchBytes := 0, 0
	send := func(last bool) {
		c := chunk{items: cur, last: last}
		cur = nil
		if last {
			batchLen, batchBytes = 0, 0
			fb.sent++
		}
		for {
			select {
			case toStore <- c:
				return
			case b := <-stored:
				fb.received = append(fb.received, b)
			}
		}
	}
	// Reorder results into input order so that sources are created, and
	// articles numbered, the same way on every run.
	waiting := map[int]job{}
	next := 0
	for j := range results {
		if ctx.Err() != nil {
			continue // drain
		}
		waiting[j.seq] = j
		for {
			j, ok := waiting[next]
			if !ok {
				break
			}
			delete(waiting, next)
			next++
			<-inFlight
			if batchLen == 0 {
				fb.settle(ctx)
			}
			p := pending{art: j.art, failed: j.err}
			if j.err == nil {
				p.rec, p.srcs = in.build(j.art, j.claims)
				p.claims = len(j.claims)
			}
			cur = append(cur, p)
			// A batch also ends at maxBatchBytes of text: a few huge
			// articles must not hold a large batch in memory.
			batchLen++
			if batchBytes += len(j.art.Text); batchLen >= in.opts.BatchSize || batchBytes >= maxBatchBytes {
				send(true)
			} else if len(cur) >= size {
				send(false)
			}
		}
	}
	if ctx.Err() == nil && batchLen > 0 {
		send(true) // maybe an empty chunk, to end the batch
	}
	close(toStore)
	fb.drain()
	if storeErr != nil {
		return st, storeErr
	}
	if readErr != nil && !errors.Is(readErr, context.Canceled) {
		return st, readErr
	}
	return st, ctx.Err()
}

// maxBatchBytes ends a batch early when its articles' texts reach it.
const maxBatchBytes = 8 << 20

type pending struct {
	art    input.Article
	rec    db.ArticleRecord
	srcs   []*sources.Source // the registry's sources, in the order of rec.Sources
	claims int
	failed error      // extraction failed: not built, not stored
	out    db.Outcome // set by store
	err    error
}

// applyAll remembers, for a stored batch, the rows of sources stored for
// the first time, the aliases the store now has and the affiliations it
// set. It runs on the goroutine that builds records.
func (in *Ingester) applyAll(batch []pending) {
	for i := range batch {
		in.apply(&batch[i])
	}
}

func (in *Ingester) apply(p *pending) {
	o := p.out
	if p.err == nil && !o.Duplicate && o.ID != 0 {
		for i, s := range p.srcs {
			sr := &p.rec.Sources[i]
			if s.ID == 0 {
				s.ID = o.SourceIDs[sr.Key]
			}
			in.stored[sr.Key] = true
			for _, a := range sr.Aliases {
				in.stored[a.Key] = true
			}
		}
		// An affiliation was set when its source was in the record.
		for i, s := range p.srcs {
			sr := &p.rec.Sources[i]
			if sr.AffiliationKey != "" && o.SourceIDs[sr.AffiliationKey] != 0 && s.ID != 0 {
				in.affDone[s.ID] = true
			}
		}
	}
}

// report counts one stored (or failed) article and tells done.
func (in *Ingester) report(p *pending, o db.Outcome, err error, st *Stats, done func(Result)) {
	p.out, p.err = o, err
	r := Result{Article: p.art, ID: o.ID, Duplicate: o.Duplicate, Err: err}
	switch {
	case err != nil:
		r.Err = fmt.Errorf("storing failed: %w", err)
		st.Failed++
	case o.Duplicate:
		st.Duplicates++
	default:
		r.Claims = p.claims
		st.Added++
		st.Claims += p.claims
	}
	if done != nil {
		done(r)
	}
}
