package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
)

// Mention is a piece of article text with code-point offsets, as JSON shows it.
type Mention struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// ChainHop is one position of a claim's chain.
type ChainHop struct {
	Source   string   `json:"source"`
	SourceID int64    `json:"source_id"`
	Kind     string   `json:"kind"`
	Role     string   `json:"role,omitempty"`
	Mention  *Mention `json:"mention"`
	Cue      *Mention `json:"cue,omitempty"`
}

// Claim is a stored claim with its chain and grade, in DESIGN.md's JSON shape.
type Claim struct {
	ID                    int64      `json:"id"`
	ArticleID             int64      `json:"article_id"`
	Outlet                string     `json:"outlet"`
	Text                  string     `json:"text"`
	Start                 int        `json:"start"`
	End                   int        `json:"end"`
	Spans                 [][2]int   `json:"spans"`
	Quote                 bool       `json:"quote"`
	Cue                   *Mention   `json:"cue"`
	Chain                 []ChainHop `json:"chain"`
	PropositionID         *int64     `json:"proposition_id"`
	Stance                string     `json:"stance,omitempty"`
	Score                 float64    `json:"score"`
	Grade                 string     `json:"grade"`
	IndependentOrigins    int        `json:"independent_origins"`
	SupportingArticles    int        `json:"supporting_articles"`
	ContradictingArticles int        `json:"contradicting_articles"`
	Fidelity              string     `json:"fidelity,omitempty"`
	Explanation           string     `json:"explanation,omitempty"`
}

// ClaimFilter narrows a claim listing; zero values mean no filter.
type ClaimFilter struct {
	ArticleID     int64
	SourceID      int64 // claims with this source anywhere in the chain
	PropositionID int64
	ClaimID       int64
}

const claimCols = `c.id, c.article_id, o.name, o.id, o.kind, c.text, c.content_start, c.content_end, c.spans, c.quote,
	c.cue_text, c.cue_start, c.cue_end, c.proposition_id, c.stance, c.score, c.grade,
	c.independent_origins, c.supporting_articles, c.contradicting_articles, c.fidelity, c.explanation`

// Claims lists claims in article and text order, each with its chain.
func (d *DB) Claims(ctx context.Context, f ClaimFilter) ([]Claim, error) {
	var where []string
	var args []any
	if f.ArticleID != 0 {
		where, args = append(where, "c.article_id = ?"), append(args, f.ArticleID)
	}
	if f.SourceID != 0 {
		// Position 0, the outlet, is not stored as a hop (see schema.sql).
		// Two indexed searches; an OR across claims and articles would scan.
		where = append(where, `c.id IN (SELECT claim_id FROM chain_hops WHERE source_id = ?
			UNION ALL SELECT c2.id FROM articles a2 JOIN claims c2 ON c2.article_id = a2.id WHERE a2.outlet_id = ?)`)
		args = append(args, f.SourceID, f.SourceID)
	}
	if f.PropositionID != 0 {
		where, args = append(where, "c.proposition_id = ?"), append(args, f.PropositionID)
	}
	if f.ClaimID != 0 {
		where, args = append(where, "c.id = ?"), append(args, f.ClaimID)
	}
	q := "SELECT " + claimCols + ` FROM claims c JOIN articles a ON a.id = c.article_id JOIN sources o ON o.id = a.outlet_id`
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY c.article_id, c.seq"
	rows, err := d.sql.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Claim
	byID := map[int64]int{}
	for rows.Next() {
		c, err := scanClaim(rows)
		if err != nil {
			return nil, err
		}
		byID[c.ID] = len(out)
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if err := d.loadChains(ctx, out, byID, where, args); err != nil {
		return nil, err
	}
	return out, nil
}

func scanClaim(rows *sql.Rows) (Claim, error) {
	var c Claim
	var spans string
	var cueText, stance, grade, fidelity, expl sql.NullString
	var cueStart, cueEnd, prop, indep, sup, contra sql.NullInt64
	var score sql.NullFloat64
	var outlet ChainHop
	if err := rows.Scan(&c.ID, &c.ArticleID, &c.Outlet, &outlet.SourceID, &outlet.Kind, &c.Text, &c.Start, &c.End, &spans, &c.Quote,
		&cueText, &cueStart, &cueEnd, &prop, &stance, &score, &grade, &indep, &sup, &contra, &fidelity, &expl); err != nil {
		return c, err
	}
	// Position 0 of every chain is the article's outlet, implied by
	// articles.outlet_id rather than stored; loadChains appends the rest.
	outlet.Source = c.Outlet
	c.Chain = []ChainHop{outlet}
	if err := json.Unmarshal([]byte(spans), &c.Spans); err != nil {
		return c, fmt.Errorf("claim %d: spans: %w", c.ID, err)
	}
	if cueText.Valid {
		c.Cue = &Mention{Text: cueText.String, Start: int(cueStart.Int64), End: int(cueEnd.Int64)}
	}
	if prop.Valid {
		p := prop.Int64
		c.PropositionID = &p
	}
	c.Stance, c.Grade, c.Fidelity, c.Explanation = stance.String, grade.String, fidelity.String, expl.String
	c.Score = score.Float64
	c.IndependentOrigins, c.SupportingArticles, c.ContradictingArticles = int(indep.Int64), int(sup.Int64), int(contra.Int64)
	return c, nil
}

// loadChains appends the stored hops (positions 1 and up) to the chains of
// claims, with one query over the same filter.
func (d *DB) loadChains(ctx context.Context, claims []Claim, byID map[int64]int, where []string, args []any) error {
	if len(claims) == 0 {
		return nil
	}
	q := `SELECT h.claim_id, s.id, s.name, s.kind, h.role, h.mention_text, h.mention_start, h.mention_end,
		h.cue_text, h.cue_start, h.cue_end
		FROM chain_hops h JOIN sources s ON s.id = h.source_id JOIN claims c ON c.id = h.claim_id`
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY h.claim_id, h.position"
	rows, err := d.sql.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var claimID int64
		var h ChainHop
		var role, mt, ct sql.NullString
		var ms, me, cs, ce sql.NullInt64
		if err := rows.Scan(&claimID, &h.SourceID, &h.Source, &h.Kind, &role, &mt, &ms, &me, &ct, &cs, &ce); err != nil {
			return err
		}
		h.Role = role.String
		if mt.Valid {
			h.Mention = &Mention{Text: mt.String, Start: int(ms.Int64), End: int(me.Int64)}
		}
		if ct.Valid {
			h.Cue = &Mention{Text: ct.String, Start: int(cs.Int64), End: int(ce.Int64)}
		}
		if i, ok := byID[claimID]; ok {
			claims[i].Chain = append(claims[i].Chain, h)
		}
	}
	return rows.Err()
}

// Claim returns one claim.
func (d *DB) Claim(ctx context.Context, id int64) (Claim, error) {
	cs, err := d.Claims(ctx, ClaimFilter{ClaimID: id})
	if err != nil {
		return Claim{}, err
	}
	if len(cs) == 0 {
		return Claim{}, fmt.Errorf("claim %d: %w", id, ErrNotFound)
	}
	return cs[0], nil
}
