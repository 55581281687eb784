package db

import (
	"context"
	"testing"
	"time"

	"github.com/attrib/attrib/internal/scoring"
)

// correctBoth applies c to inc through Correct and to full through the
// plain correction methods and a full Rescore, then compares every scored
// and state table. incremental says Correct must not fall back.
func correctBoth(t *testing.T, inc, full *DB, c Correction, incremental bool) {
	t.Helper()
	ctx := context.Background()
	clock := func() time.Time { return time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC) }
	inc.Now, full.Now = clock, clock
	res, err := inc.Correct(ctx, c, scoring.Score)
	if err != nil {
		t.Fatalf("%+v: %v", c, err)
	}
	switch c.Op {
	case CorrectLink, CorrectUnlink:
		err = full.Link(ctx, c.A, c.B, c.Op == CorrectLink, c.Note)
	case CorrectVerdict:
		err = full.Verdict(ctx, c.A, c.Value, c.Note)
	case CorrectRate:
		err = full.RateSource(ctx, c.Source, c.Value, c.Note)
	case CorrectMerge:
		err = full.MergeSources(ctx, c.Source, c.From, c.Note)
	case CorrectSplit:
		_, err = full.SplitSource(ctx, c.Source, c.Note)
	}
	if err != nil {
		t.Fatalf("%+v: %v", c, err)
	}
	if _, _, err := full.Rescore(ctx, scoring.Score); err != nil {
		t.Fatal(err)
	}
	if c.Op == CorrectSplit {
		var hops int
		if err := inc.sql.QueryRow(`SELECT count(*) FROM chain_hops WHERE source_id = ?`, res.NewSource).Scan(&hops); err != nil || hops == 0 {
			t.Errorf("the split source %d has %d hops (%v)", res.NewSource, hops, err)
		}
	}
	if incremental && !res.Stats.Incremental {
		t.Errorf("%+v fell back: %s", c, res.Stats.Fallback)
	}
	var total int
	if err := inc.sql.QueryRow(`SELECT count(*) FROM claims`).Scan(&total); err != nil {
		t.Fatal(err)
	}
	t.Logf("%s: %d of %d claims scored, %d propositions, %d rounds", c.Op, res.Stats.ClaimsLoaded, total,
		res.Stats.PropositionsLoaded, res.Stats.Rounds)
	if diffRows(t, scoredRows(t, inc), scoredRows(t, full)) {
		t.Fatalf("after %+v (%+v), the corrected store differs from a full score", c, res.Stats)
	}
}

// correctionsOfStore picks corrections that move something in the store
// as it is: an unlink of two claims the matcher joined, a link across two
// propositions, a verdict on a claim of a contested proposition, a rating
// of a source with claims, and a merge and a split of sources.
func correctionsOfStore(t *testing.T, d, twin *DB) []Correction {
	t.Helper()
	q := func(query string, dst ...any) {
		t.Helper()
		if err := d.sql.QueryRow(query).Scan(dst...); err != nil {
			t.Fatalf("%s: %v", query, err)
		}
	}
	var out []Correction
	var a, b int64
	q(`SELECT min(id), max(id) FROM claims WHERE match_group = (SELECT match_group FROM claims GROUP BY match_group
		HAVING count(*) >= 3 ORDER BY count(*) DESC, match_group LIMIT 1)`, &a, &b)
	out = append(out, Correction{Op: CorrectUnlink, A: a, B: b, Note: "not the same"})
	q(`SELECT c1.id, c2.id FROM claims c1 JOIN claims c2 ON c2.id > c1.id + 40 AND c2.proposition_id <> c1.proposition_id
		WHERE c1.id > 100 ORDER BY c1.id, c2.id LIMIT 1`, &a, &b)
	out = append(out, Correction{Op: CorrectLink, A: a, B: b, Note: "the same"})
	q(`SELECT min(c.id) FROM claims c JOIN contradictions k ON k.proposition_id = c.proposition_id`, &a)
	out = append(out, Correction{Op: CorrectVerdict, A: a, Value: "misleading"})
	var name, other string
	q(`SELECT s.name FROM sources s JOIN chain_hops c ON c.source_id = s.id WHERE s.kind = 'agency' GROUP BY s.id ORDER BY count(*) DESC, s.id LIMIT 1`, &name)
	out = append(out, Correction{Op: CorrectRate, Source: name, Value: "E"})
	q(`SELECT s.name FROM sources s JOIN claims c ON c.origin_id = s.id WHERE s.kind = 'person' GROUP BY s.id ORDER BY count(*) DESC, s.id LIMIT 1`, &name)
	out = append(out, Correction{Op: CorrectRate, Source: name, Value: "A"})
	q(`SELECT s.name FROM sources s JOIN claims c ON c.origin_id = s.id WHERE s.kind = 'person' GROUP BY s.id ORDER BY count(*) DESC, s.id LIMIT 1 OFFSET 1`, &other)
	out = append(out, Correction{Op: CorrectMerge, Source: name, From: other})
	// A split needs an alias written in some hops: give the third person
	// one, the same way in both stores.
	var id int64
	q(`SELECT s.id FROM sources s JOIN claims c ON c.origin_id = s.id WHERE s.kind = 'person' GROUP BY s.id ORDER BY count(*) DESC, s.id LIMIT 1 OFFSET 2`, &id)
	for _, db := range []*DB{d, twin} {
		for _, stmt := range []string{
			`INSERT INTO aliases (key, alias, source_id) VALUES ('p x alias', 'P. X. Alias', ?1)`,
			`UPDATE chain_hops SET written_as = 'P. X. Alias' WHERE source_id = ?1 AND claim_id % 2 = 0`,
		} {
			if _, err := db.sql.Exec(stmt, id); err != nil {
				t.Fatal(err)
			}
		}
	}
	out = append(out, Correction{Op: CorrectSplit, Source: "P. X. Alias"})
	return out
}
