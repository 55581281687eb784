package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/attrib/attrib/internal/scoring"
)

// Corrections that rescore only what they touch. A fact-checker's
// correction is written and scored in one transaction. When the store's
// scoring state was current before it (no other correction, article or
// source since the last scoring), the incremental path of ingest
// (score_incr.go) runs from a core that the correction names:
//
//   - verdict on claim C: C's proposition (its outcome, and through it its
//     origins' records, move; the reliability ring does the rest);
//   - rating of source S: every proposition that weighs S's letter, and S;
//   - link or unlink of A and B: the matching is re-run over every claim
//     under the new links (scoring.Rematch: cheap next to scoring), the
//     groups and edges that moved are written, and the core is the
//     propositions of A and B, of every claim whose group moved, of every
//     claim sharing an old or new group with one, and of the ends of every
//     edge that appeared, went or changed.
//
// Merging and splitting sources change chains, origins and the identities
// the stored track records are keyed by; they are scored in full, but with
// the stored matching and signatures given back (no claim text moved) and
// only the rows whose digests changed written (rescoreAllChanged). A store
// whose state does not fit is scored in full from scratch, as every
// correction was before. Either way the state records the corrections
// digest, so the next ingest stays incremental.

// Correction operations (Correction.Op).
const (
	CorrectLink    = "link"
	CorrectUnlink  = "unlink"
	CorrectVerdict = "verdict"
	CorrectRate    = "rate"
	CorrectMerge   = "merge"
	CorrectSplit   = "split"
)

// Correction is one fact-checker's correction for Correct.
type Correction struct {
	// Op is one of the Correct* constants.
	Op string
	// A and B are the claims of a link or unlink; A is a verdict's claim.
	A, B int64
	// Value is the verdict (true, false, misleading) or the rating (A-F).
	Value string
	// Source names the source rated, the source merged into, or the alias
	// split off; From names the source merged away.
	Source, From string
	// Note is kept with the correction.
	Note string
}

// CorrectResult says how Correct scored.
type CorrectResult struct {
	// Stats says whether the scoring was incremental, and why not.
	Stats ScoreStats
	// Delta lists the rows rewritten on the incremental path.
	Delta scoring.Delta
	// NewSource is the source a split made.
	NewSource int64
}

// Correct records a correction and rescores, with the same result as
// Rescore, in one transaction: incrementally when it can vouch for that,
// in full otherwise (CorrectResult.Stats.Fallback says why).
func (d *DB) Correct(ctx context.Context, c Correction, score func(scoring.Input) scoring.Result) (CorrectResult, error) {
	var out CorrectResult
	err := d.tx(ctx, func(tx *sql.Tx) error {
		r := &incr{ctx: ctx, tx: tx, claims: map[int64]*storedClaim{}, srcs: map[int64]*storedSource{}, props: map[int64]bool{}}
		why, err := r.checkCorrection()
		if err != nil {
			return err
		}
		// A merge or split moves no claim text: on a current store the
		// stored matching and signatures stay valid.
		keepMatching := why == ""
		switch c.Op {
		case CorrectLink, CorrectUnlink:
			err = d.linkTx(ctx, tx, c.A, c.B, c.Op == CorrectLink, c.Note)
		case CorrectVerdict:
			err = d.verdictTx(ctx, tx, c.A, c.Value, c.Note)
		case CorrectRate:
			var id int64
			id, err = d.rateTx(ctx, tx, c.Source, c.Value, c.Note)
			r.extraSrc = []int64{id}
		case CorrectMerge:
			err = d.mergeTx(ctx, tx, c.Source, c.From, c.Note)
			if keepMatching {
				why = "a merge of sources rescores the whole store, with the stored matching"
			}
		case CorrectSplit:
			out.NewSource, err = d.splitTx(ctx, tx, c.Source, c.Note)
			if keepMatching {
				why = "a split of a source rescores the whole store, with the stored matching"
			}
		default:
			err = fmt.Errorf("unknown correction %q: %w", c.Op, ErrInvalid)
		}
		if err != nil {
			return err
		}
		if why == "" {
			out.Stats, out.Delta, err = r.correct(c, score)
			var fb errFallback
			if !errors.As(err, &fb) {
				return err
			}
			why = string(fb)
		}
		out.Stats, out.Delta = ScoreStats{Fallback: why, Rounds: 1}, scoring.Delta{}
		var in scoring.Input
		var res scoring.Result
		if keepMatching && (c.Op == CorrectMerge || c.Op == CorrectSplit) {
			in, res, out.Delta, err = rescoreAllChanged(ctx, tx, score)
		} else {
			in, res, err = rescoreAllTx(ctx, tx, score)
		}
		if err != nil {
			return err
		}
		st := &out.Stats
		st.ClaimsLoaded, st.SourcesLoaded, st.Propositions = len(in.Claims), len(in.Sources), len(res.Propositions)
		st.PropositionsLoaded = len(res.Propositions)
		return nil
	})
	return out, err
}

// rescoreAllTx is Rescore inside tx: everything matched and scored afresh.
func rescoreAllTx(ctx context.Context, tx *sql.Tx, score func(scoring.Input) scoring.Result) (scoring.Input, scoring.Result, error) {
	var in scoring.Input
	if err := signArticles(ctx, tx, true); err != nil {
		return in, scoring.Result{}, err
	}
	if err := loadInput(ctx, tx, &in, false); err != nil {
		return in, scoring.Result{}, err
	}
	in.WantKeys = true
	res := score(in)
	if err := saveMatching(ctx, tx, in, res); err != nil {
		return in, res, err
	}
	if err := saveScores(ctx, tx, res); err != nil {
		return in, res, err
	}
	return in, res, saveFullState(ctx, tx, in, res)
}

// checkCorrection reads the state before the correction is written and
// says why the incremental path cannot run ("" when it can): the state
// must describe the store exactly as it is.
func (r *incr) checkCorrection() (string, error) {
	ctx, tx := r.ctx, r.tx
	ok, err := hasStateTables(ctx, tx)
	if err != nil || !ok {
		return "the store has no incremental scoring state tables", err
	}
	m, ok, err := readMeta(ctx, tx)
	if err != nil || !ok {
		return "no scoring state yet", err
	}
	r.meta = m
	now, err := currentMeta(ctx, tx)
	if err != nil {
		return "", err
	}
	if now != m {
		return "the store changed since the last scoring", nil
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM sources s JOIN source_tallies t ON t.source_id = s.id
		WHERE s.kind <> t.kind OR s.affiliation_id IS NOT t.affiliation_id`).Scan(&n); err != nil {
		return "", fmt.Errorf("compare sources: %w", err)
	}
	if n > 0 {
		return "a source's kind or affiliation changed since the last scoring", nil
	}
	return "", nil
}

// correct scores the correction c (already written) from its core.
func (r *incr) correct(c Correction, score func(scoring.Input) scoring.Result) (ScoreStats, scoring.Delta, error) {
	ctx, tx := r.ctx, r.tx
	if err := loadCorrections(ctx, tx, &r.corr); err != nil {
		return r.stats, scoring.Delta{}, err
	}
	var seeds []int64
	var err error
	switch c.Op {
	case CorrectVerdict:
		seeds, err = r.propsOf([]int64{c.A})
	case CorrectRate:
		var own []int64
		if own, err = int64s(ctx, tx, `SELECT proposition_id FROM proposition_contribs WHERE source_id = ?`, r.extraSrc[0]); err != nil {
			return r.stats, scoring.Delta{}, fmt.Errorf("contributions of source %d: %w", r.extraSrc[0], err)
		}
		if seeds, err = r.weighing(r.extraSrc[0]); err == nil {
			seeds = append(seeds, own...)
		}
	case CorrectLink, CorrectUnlink:
		seeds, err = r.rematch(c.A, c.B)
	default:
		return r.stats, scoring.Delta{}, errFallback("no incremental path for " + c.Op)
	}
	if err != nil {
		return r.stats, scoring.Delta{}, err
	}
	for _, p := range seeds {
		r.props[p] = true
	}
	in, res, err := r.scoreRing(score)
	if err != nil {
		return r.stats, scoring.Delta{}, err
	}
	if r.meta.corrections, err = correctionsDigest(ctx, tx); err != nil {
		return r.stats, scoring.Delta{}, err
	}
	delta, err := r.save(in, res)
	return r.stats, delta, err
}

// propsOf lists the stored propositions of claims; a claim without one
// sends the correction to the full path.
func (r *incr) propsOf(claims []int64) ([]int64, error) {
	var n int
	if err := r.tx.QueryRowContext(r.ctx, `SELECT count(*) FROM claims WHERE id IN (SELECT value FROM json_each(?)) AND proposition_id IS NULL`,
		idList(claims)).Scan(&n); err != nil {
		return nil, fmt.Errorf("propositions of claims: %w", err)
	}
	if n > 0 {
		return nil, errFallback("a corrected claim has no proposition")
	}
	ps, err := int64s(r.ctx, r.tx, `SELECT DISTINCT proposition_id FROM claims WHERE id IN (SELECT value FROM json_each(?))`, idList(claims))
	if err != nil {
		return nil, fmt.Errorf("propositions of claims: %w", err)
	}
	return ps, nil
}
