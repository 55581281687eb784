package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// Source is a stored source with its aliases, grade and counts.
type Source struct {
	ID               int64    `json:"id"`
	Name             string   `json:"name"`
	Kind             string   `json:"kind"`
	Aliases          []string `json:"aliases"`
	Affiliation      string   `json:"affiliation,omitempty"`
	Reliability      string   `json:"reliability"`
	ReliabilityScore *float64 `json:"reliability_score"`
	ReliabilityNote  string   `json:"reliability_note,omitempty"`
	Rating           string   `json:"rating,omitempty"` // a fact-checker's rating in force
	CitedIn          int      `json:"cited_in"`         // claims whose chain cites it (beyond position 0)
	OriginOf         int      `json:"origin_of"`        // claims it is the origin of
	Articles         int      `json:"articles"`         // articles it published
}

var sourceQuery = `SELECT s.id, s.name, s.kind, coalesce(aff.name, ''), s.reliability, s.reliability_score,
	coalesce(s.reliability_note, ''),
	coalesce((SELECT rating FROM source_ratings r WHERE r.source_id = s.id ORDER BY r.id DESC LIMIT 1), ''),
	coalesce((SELECT group_concat(alias, char(31)) FROM (SELECT alias FROM aliases WHERE source_id = s.id AND alias <> s.name ORDER BY alias)), ''),
	(SELECT count(DISTINCT claim_id) FROM chain_hops WHERE source_id = s.id AND position > 0),
	(SELECT count(*) FROM (` + originClaims("s.id") + `)),
	(SELECT count(*) FROM articles WHERE outlet_id = s.id)
	FROM sources s LEFT JOIN sources aff ON aff.id = s.affiliation_id`

// Sources lists every source, by name.
func (d *DB) Sources(ctx context.Context) ([]Source, error) {
	rows, err := d.sql.QueryContext(ctx, sourceQuery+` ORDER BY s.name COLLATE NOCASE, s.id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Source
	for rows.Next() {
		s, err := scanSource(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

func scanSource(r scanner) (Source, error) {
	var s Source
	var score sql.NullFloat64
	var aliases string
	err := r.Scan(&s.ID, &s.Name, &s.Kind, &s.Affiliation, &s.Reliability, &score, &s.ReliabilityNote, &s.Rating,
		&aliases, &s.CitedIn, &s.OriginOf, &s.Articles)
	if score.Valid {
		v := score.Float64
		s.ReliabilityScore = &v
	}
	s.Aliases = []string{}
	if aliases != "" {
		s.Aliases = strings.Split(aliases, "\x1f")
	}
	return s, err
}

// SourceByKey finds a source by the normalised key of any of its aliases.
func (d *DB) SourceByKey(ctx context.Context, key string) (Source, error) {
	row := d.sql.QueryRowContext(ctx, sourceQuery+` WHERE s.id = (SELECT source_id FROM aliases WHERE key = ?)`, key)
	s, err := scanSource(row)
	if errors.Is(err, sql.ErrNoRows) {
		return s, fmt.Errorf("source %q: %w", key, ErrNotFound)
	}
	return s, err
}

// SourceByID returns one source.
func (d *DB) SourceByID(ctx context.Context, id int64) (Source, error) {
	s, err := scanSource(d.sql.QueryRowContext(ctx, sourceQuery+` WHERE s.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return s, fmt.Errorf("source %d: %w", id, ErrNotFound)
	}
	return s, err
}

// KnownSource is a stored source with all its aliases, to seed the registry.
type KnownSource struct {
	ID          int64
	Key         string
	Name, Kind  string
	Affiliation string // canonical name of the affiliation, or ""
	Aliases     []string
}

// KnownSources returns every source with every alias, to load the registry.
func (d *DB) KnownSources(ctx context.Context) ([]KnownSource, error) {
	rows, err := d.sql.QueryContext(ctx, `SELECT s.id, s.key, s.name, s.kind, coalesce(aff.name, ''), a.alias
		FROM sources s LEFT JOIN sources aff ON aff.id = s.affiliation_id
		LEFT JOIN aliases a ON a.source_id = s.id ORDER BY s.id, a.rowid`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []KnownSource
	for rows.Next() {
		var k KnownSource
		var alias sql.NullString
		if err := rows.Scan(&k.ID, &k.Key, &k.Name, &k.Kind, &k.Affiliation, &alias); err != nil {
			return nil, err
		}
		if n := len(out); n == 0 || out[n-1].ID != k.ID {
			out = append(out, k)
		}
		if alias.Valid && alias.String != k.Name {
			last := &out[len(out)-1]
			last.Aliases = append(last.Aliases, alias.String)
		}
	}
	return out, rows.Err()
}
