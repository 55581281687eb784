package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// Article is a stored article with its claim counts.
type Article struct {
	ID           int64  `json:"id"`
	Outlet       string `json:"outlet"`
	URL          string `json:"url"`
	Title        string `json:"title"`
	Published    string `json:"published"`
	Language     string `json:"language,omitempty"`
	Claims       int    `json:"claims"`
	Named        int    `json:"named"`
	Anonymous    int    `json:"anonymous"`
	Unattributed int    `json:"unattributed"`
	From         string `json:"ingested_from,omitempty"`
	Hash         string `json:"content_hash,omitempty"`
	Text         string `json:"text,omitempty"`
}

const articleCols = `s.id, s.outlet, coalesce(s.url, ''), s.title, coalesce(s.published, ''), coalesce(a.language, ''),
	s.claims, coalesce(s.named, 0), coalesce(s.anonymous, 0), coalesce(s.unattributed, 0),
	coalesce(a.ingested_from, ''), a.content_hash`

// Articles lists the stored articles in the order they were ingested.
func (d *DB) Articles(ctx context.Context) ([]Article, error) {
	rows, err := d.sql.QueryContext(ctx, `SELECT `+articleCols+` FROM article_summary s JOIN articles a ON a.id = s.id ORDER BY s.id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Article
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

type scanner interface{ Scan(...any) error }

func scanArticle(r scanner) (Article, error) {
	var a Article
	err := r.Scan(&a.ID, &a.Outlet, &a.URL, &a.Title, &a.Published, &a.Language, &a.Claims, &a.Named, &a.Anonymous,
		&a.Unattributed, &a.From, &a.Hash)
	return a, err
}

// Article returns one article with its text.
func (d *DB) Article(ctx context.Context, id int64) (Article, error) {
	row := d.sql.QueryRowContext(ctx, `SELECT `+articleCols+`, a.text FROM article_summary s JOIN articles a ON a.id = s.id WHERE s.id = ?`, id)
	var a Article
	err := row.Scan(&a.ID, &a.Outlet, &a.URL, &a.Title, &a.Published, &a.Language, &a.Claims, &a.Named, &a.Anonymous,
		&a.Unattributed, &a.From, &a.Hash, &a.Text)
	if errors.Is(err, sql.ErrNoRows) {
		return a, fmt.Errorf("article %d: %w", id, ErrNotFound)
	}
	return a, err
}

// Counts are the sizes of the main tables.
type Counts struct {
	Articles, Claims, Sources, Propositions int
}

// Count returns the sizes of the main tables.
func (d *DB) Count(ctx context.Context) (Counts, error) {
	var c Counts
	err := d.sql.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM claims),
		(SELECT count(*) FROM sources), (SELECT count(*) FROM propositions)`).Scan(&c.Articles, &c.Claims, &c.Sources, &c.Propositions)
	return c, err
}
