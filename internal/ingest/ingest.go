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

// Options tune an ingest run.
type Options struct {
	Workers   int // extraction goroutines; 0 = one per core
	BatchSize int // articles per transaction; 0 = 64
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
}

// New loads the known sources of d into a registry and returns an Ingester.
func New(ctx context.Context, d *db.DB, opts Options) (*Ingester, error) {
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	if opts.BatchSize <= 0 {
		opts.BatchSize = 64
	}
	reg, err := LoadRegistry(ctx, d)
	if err != nil {
		return nil, err
	}
	return &Ingester{db: d, reg: reg, opts: opts}, nil
}

type job struct {
	seq    int
	art    input.Article
	claims []extract.Claim
}

// Run reads articles from read (which calls yield for each, in order),
// extracts claims on all cores, and stores them in batches, calling done for
// every article in input order. It returns the counts, and an error only
// when the run itself could not go on (the database failed, ctx ended).
func (in *Ingester) Run(ctx context.Context, read func(yield func(input.Article) error) error, done func(Result)) (Stats, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan job, in.opts.Workers*4)
	results := make(chan job, in.opts.Workers*4)
	var readErr error
	go func() {
		defer close(jobs)
		seq := 0
		readErr = read(func(a input.Article) error {
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
				j.claims = extract.Extract(j.art.Text, extract.Options{Outlet: j.art.Outlet})
				select {
				case results <- j:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	var st Stats
	var batch []pending
	flush := func() error {
		err := in.store(ctx, batch, &st, done)
		batch = batch[:0]
		return err
	}
	// Reorder results into input order so that sources are created, and
	// articles numbered, the same way on every run.
	waiting := map[int]job{}
	next := 0
	var runErr error
	for j := range results {
		if runErr != nil {
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
			rec, srcs := in.build(j.art, j.claims)
			batch = append(batch, pending{art: j.art, rec: rec, srcs: srcs, claims: len(j.claims)})
			if len(batch) >= in.opts.BatchSize {
				if runErr = flush(); runErr != nil {
					cancel()
					break
				}
			}
		}
	}
	if runErr == nil && len(batch) > 0 {
		runErr = flush()
	}
	if runErr != nil {
		return st, runErr
	}
	if readErr != nil && !errors.Is(readErr, context.Canceled) {
		return st, readErr
	}
	return st, ctx.Err()
}

type pending struct {
	art    input.Article
	rec    db.ArticleRecord
	srcs   []*sources.Source // the registry's sources, in the order of rec.Sources
	claims int
}

// store writes one batch in a transaction. When the batch fails for a reason
// that may lie in one article, it retries the articles one by one so that a
// bad article does not cost the good ones.
func (in *Ingester) store(ctx context.Context, batch []pending, st *Stats, done func(Result)) error {
	recs := make([]db.ArticleRecord, len(batch))
	for i := range batch {
		recs[i] = batch[i].rec
	}
	outs, err := in.db.AddArticles(ctx, recs)
	if err == nil {
		for i, o := range outs {
			in.report(batch[i], o, nil, st, done)
		}
		return nil
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if len(batch) == 1 {
		in.report(batch[0], db.Outcome{}, err, st, done)
		return nil
	}
	for _, p := range batch {
		outs, err := in.db.AddArticles(ctx, []db.ArticleRecord{p.rec})
		if ctx.Err() != nil {
			return ctx.Err()
		}
		var o db.Outcome
		if err == nil {
			o = outs[0]
		}
		in.report(p, o, err, st, done)
	}
	return nil
}

func (in *Ingester) report(p pending, o db.Outcome, err error, st *Stats, done func(Result)) {
	// Remember the rows of sources stored for the first time.
	for i, s := range p.srcs {
		if s.ID == 0 {
			s.ID = o.SourceIDs[p.rec.Sources[i].Key]
		}
	}
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
