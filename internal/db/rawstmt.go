package db

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
)

// The write connection's statements run on the driver connection itself
// (sql.Conn.Raw), not through database/sql: for the hundreds of thousands
// of small inserts of a bulk ingest, database/sql's per-call work
// (connection and statement locks, argument conversion, a result wrapper)
// cost more than SQLite's own. Only the driver interfaces are used, so any
// driver that implements the context forms would do.

// rawStmt is a statement prepared on the driver connection, with a buffer
// for its arguments reused across calls.
type rawStmt struct {
	s    driver.Stmt
	args []driver.NamedValue
	dest []driver.Value // a query's row
}

// prepareRaw prepares q on the driver connection dc.
func prepareRaw(ctx context.Context, dc any, q string) (*rawStmt, error) {
	p, ok := dc.(driver.ConnPrepareContext)
	if !ok {
		return nil, errors.New("the SQLite driver cannot prepare with a context")
	}
	s, err := p.PrepareContext(ctx, q)
	if err != nil {
		return nil, err
	}
	if _, ok := s.(driver.StmtExecContext); !ok {
		s.Close()
		return nil, errors.New("the SQLite driver cannot execute with a context")
	}
	if _, ok := s.(driver.StmtQueryContext); !ok {
		s.Close()
		return nil, errors.New("the SQLite driver cannot query with a context")
	}
	return &rawStmt{s: s}, nil
}

// set puts vals into the argument buffer.
func (r *rawStmt) set(vals []driver.Value) []driver.NamedValue {
	r.args = r.args[:0]
	for i, v := range vals {
		r.args = append(r.args, driver.NamedValue{Ordinal: i + 1, Value: v})
	}
	return r.args
}

// exec runs the statement with vals (int64, float64, bool, string, []byte
// or nil: the driver's own types, which are not converted).
func (r *rawStmt) exec(ctx context.Context, vals ...driver.Value) (driver.Result, error) {
	return r.execArgs(ctx, r.set(vals))
}

// execArgs runs the statement with arguments the caller numbered.
func (r *rawStmt) execArgs(ctx context.Context, args []driver.NamedValue) (driver.Result, error) {
	return r.s.(driver.StmtExecContext).ExecContext(ctx, args)
}

// insert runs a statement that gives no rows with arguments the caller
// numbered. It goes through the driver's query path, not its exec path:
// mattn/go-sqlite3 (v1.14.53) binds a query's arguments and takes its first
// step in one cgo call, where an exec crosses into C once per argument, and
// a 32-row insert of claims has 384 arguments.
func (r *rawStmt) insert(ctx context.Context, args []driver.NamedValue) error {
	rows, err := r.s.(driver.StmtQueryContext).QueryContext(ctx, args)
	if err != nil {
		return err
	}
	return rows.Close()
}

// queryInt runs a query for one integer and returns sql.ErrNoRows when it
// gives no row.
func (r *rawStmt) queryInt(ctx context.Context, vals ...driver.Value) (int64, error) {
	rows, err := r.s.(driver.StmtQueryContext).QueryContext(ctx, r.set(vals))
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	if n := len(rows.Columns()); cap(r.dest) < n {
		r.dest = make([]driver.Value, n)
	}
	dest := r.dest[:len(rows.Columns())]
	if err := rows.Next(dest); err != nil {
		if errors.Is(err, io.EOF) {
			return 0, sql.ErrNoRows
		}
		return 0, err
	}
	switch v := dest[0].(type) {
	case int64:
		return v, nil
	case nil:
		return 0, sql.ErrNoRows
	default:
		return 0, fmt.Errorf("query gave %T, not an integer", v)
	}
}

// queryPairs runs a query of two columns and calls set for each row.
func (r *rawStmt) queryPairs(ctx context.Context, arg driver.Value, set func(a, b driver.Value)) error {
	return r.each(ctx, []driver.Value{arg}, func(row []driver.Value) { set(row[0], row[1]) })
}

// each runs a query with vals and calls fn with each row (valid until fn
// returns).
func (r *rawStmt) each(ctx context.Context, vals []driver.Value, fn func(row []driver.Value)) error {
	rows, err := r.s.(driver.StmtQueryContext).QueryContext(ctx, r.set(vals))
	if err != nil {
		return err
	}
	defer rows.Close()
	dest := make([]driver.Value, len(rows.Columns()))
	for {
		if err := rows.Next(dest); err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		}
		fn(dest)
	}
}

// execRaw runs q, which takes no arguments, on the driver connection dc.
func execRaw(ctx context.Context, dc any, q string) error {
	e, ok := dc.(driver.ExecerContext)
	if !ok {
		return errors.New("the SQLite driver cannot execute with a context")
	}
	_, err := e.ExecContext(ctx, q, nil)
	return err
}

// nullText is NULL for "" and the string otherwise, as a driver value.
func nullText(s string) driver.Value {
	if s == "" {
		return nil
	}
	return s
}
