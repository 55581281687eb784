package db

import (
	"context"
	"database/sql"
	"encoding/json"
)

// Finding is one result of `attrib audit`.
type Finding struct {
	Kind          string  `json:"kind"`
	ClaimIDs      []int64 `json:"claim_ids"`
	PropositionID *int64  `json:"proposition_id"`
	Message       string  `json:"message"`
}

// Findings lists what the last scoring found, by kind.
func (d *DB) Findings(ctx context.Context) ([]Finding, error) {
	rows, err := d.sql.QueryContext(ctx, `SELECT kind, claim_ids, proposition_id, message FROM findings ORDER BY kind, id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Finding{}
	for rows.Next() {
		var f Finding
		var ids string
		var prop sql.NullInt64
		if err := rows.Scan(&f.Kind, &ids, &prop, &f.Message); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(ids), &f.ClaimIDs); err != nil {
			return nil, err
		}
		if prop.Valid {
			p := prop.Int64
			f.PropositionID = &p
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// VerdictRow is the fact-checker's verdict in force on a claim.
type VerdictRow struct {
	Verdict, Note, Time string
}

// Verdicts returns the newest verdict of every claim that has one.
func (d *DB) Verdicts(ctx context.Context) (map[int64]VerdictRow, error) {
	rows, err := d.sql.QueryContext(ctx, `SELECT claim_id, verdict, note, created_at FROM verdicts v
		WHERE id = (SELECT max(id) FROM verdicts WHERE claim_id = v.claim_id)`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]VerdictRow{}
	for rows.Next() {
		var id int64
		var v VerdictRow
		if err := rows.Scan(&id, &v.Verdict, &v.Note, &v.Time); err != nil {
			return nil, err
		}
		out[id] = v
	}
	return out, rows.Err()
}
