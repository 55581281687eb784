package db

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"net/url"
	"sync"
	"time"

	"github.com/attrib/attrib"
	_ "github.com/mattn/go-sqlite3" // the SQLite driver (cgo)
)

// ErrNotFound is returned (wrapped) when a named article, claim or source
// does not exist.
var ErrNotFound = errors.New("not found")

// DB is an open attrib database.
type DB struct {
	sql  *sql.DB
	path string
	// Now gives the time written into rows; tests replace it.
	Now func() time.Time

	wconn writeConn    // the connection AddArticles writes on
	ckpt  checkpointer // its checkpoints (checkpoint.go)
}

// dsn puts every pragma in the connection string so that each pooled
// connection gets them, not only the first: foreign keys on, WAL so readers
// do not block the writer, a busy timeout and BEGIN IMMEDIATE so that
// concurrent writers queue instead of failing with SQLITE_BUSY mid-way.
//
// _mutex=no opens connections without SQLite's per-connection mutex
// (SQLITE_OPEN_NOMUTEX): database/sql already hands a connection to one
// goroutine at a time, and the write connection is used only under
// writeConn's lock. With the mutex every sqlite3_bind_* call locked and
// unlocked it, millions of times an ingest (2.5% of the ingest's
// instructions, callgrind). SQLite's global state keeps its own mutexes.
// The one cross-thread call the driver makes, sqlite3_interrupt on a
// cancelled context, is safe without it. Its finalizers close a statement
// that nothing reaches any more, on another thread; that would race with
// the statement's connection only if the connection were still in use,
// and it never is then: database/sql keeps each statement it prepared
// reachable from its connection, or from the rows that hold the
// connection, and the writer keeps its statements until it closes them.
func dsn(path string) string {
	q := url.Values{}
	q.Set("_foreign_keys", "on")
	q.Set("_journal_mode", "WAL")
	q.Set("_synchronous", "NORMAL")
	q.Set("_busy_timeout", "30000")
	q.Set("_txlock", "immediate")
	q.Set("_cache_size", "-32000")
	q.Set("_mutex", "no")
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
}

// Open opens (creating if needed) the database at path and migrates it to
// the schema this binary carries.
func Open(ctx context.Context, path string) (*DB, error) {
	s, err := sql.Open("sqlite3", dsn(path))
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	d := &DB{sql: s, path: path, Now: func() time.Time { return time.Now().UTC() }}
	if err := d.migrate(ctx); err != nil {
		s.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return d, nil
}

// Close closes the database.
func (d *DB) Close() error {
	d.stopCheckpoints()
	d.wconn.mu.Lock()
	d.wconn.close()
	d.wconn.mu.Unlock()
	return d.sql.Close()
}

// writeConn is the connection AddArticles writes on, held out of the pool
// for the life of the DB with its statements prepared once on the driver
// connection (see rawstmt.go). BEGIN IMMEDIATE and COMMIT are plain
// statements on it: inside a *sql.Tx every query, even on a context that
// cannot be cancelled, starts a goroutine to watch the transaction's own
// context, and a query per source and per article made that handoff a large
// share of the ingest.
type writeConn struct {
	mu   sync.Mutex // one batch at a time
	conn *sql.Conn  // nil until the first batch, and after a failed one
	stmt map[string]*rawStmt
	// buf holds the rows a batch queues (bulk.go), kept from batch to
	// batch: grown anew for each batch of 1024 articles, the buffers of
	// new sources and aliases were a sixth of the ingest's allocations.
	buf  claimBuf
	maps txMaps // the writer's maps, kept the same way
	// The filter of stored source keys (keyfilter.go), the data_version
	// it was last checked at, the batches written on this connection, and
	// whether another connection's writes ruled the filter out.
	filter      *keyFilter
	dataVersion int64
	batches     int
	noFilter    bool
}

// writeTx runs fn on the write connection inside BEGIN IMMEDIATE ... COMMIT,
// rolling back when fn or the commit fails. ctx must not be cancellable
// (see AddArticles). After a failure the connection is closed, so that the
// next batch starts on a clean one. The statements given to fn are valid
// only while it runs.
func (d *DB) writeTx(ctx context.Context, qs map[string]string, fn func(map[string]*rawStmt) error) error {
	w := &d.wconn
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.conn == nil {
		c, err := d.sql.Conn(ctx)
		if err != nil {
			return fmt.Errorf("write connection: %w", err)
		}
		w.conn = c
	}
	err := w.conn.Raw(func(dc any) (err error) {
		if w.stmt == nil {
			if err := w.prepare(ctx, dc, qs); err != nil {
				return err
			}
		}
		if d.walTooLong() { // see checkpoint.go
			if err := d.restartLog(ctx, dc); err != nil {
				return fmt.Errorf("checkpoint: %w", err)
			}
		}
		if err := execRaw(ctx, dc, "BEGIN IMMEDIATE"); err != nil {
			return fmt.Errorf("begin: %w", err)
		}
		defer func() {
			if err != nil {
				execRaw(ctx, dc, "ROLLBACK") // may fail when nothing is open
				w.closeStmts()
			}
		}()
		if err := fn(w.stmt); err != nil {
			return err
		}
		if err := execRaw(ctx, dc, "COMMIT"); err != nil {
			return fmt.Errorf("commit: %w", err)
		}
		return nil
	})
	if err != nil {
		w.close()
		return err
	}
	d.kickCheckpoint()
	return nil
}

// prepare readies the write connection dc: statement journals (a statement
// that may fail half-way in a longer transaction keeps one) in memory, not
// in temporary files (a source insert cost three times as much with them on
// disk), foreign keys not checked row by row, no automatic checkpoints
// (checkpoint.go), and every statement of qs prepared.
//
// The foreign-key checks cost two index probes a claim or hop row, about a
// tenth of the ingest's writing. The writer makes them unnecessary instead:
// every id it writes is one it inserted or looked up in the same
// transaction, which holds the write lock (a source id the caller
// remembers from an earlier batch is looked up again once a transaction,
// see writer.source), so no row it writes can point at a missing one. Every
// other connection checks foreign keys as the DSN says, and the ingest
// tests run PRAGMA foreign_key_check.
func (w *writeConn) prepare(ctx context.Context, dc any, qs map[string]string) error {
	for _, p := range []string{"PRAGMA temp_store = MEMORY", "PRAGMA foreign_keys = OFF", "PRAGMA wal_autocheckpoint = 0",
		fmt.Sprintf("PRAGMA journal_size_limit = %d", walLimit)} {
		if err := execRaw(ctx, dc, p); err != nil {
			return fmt.Errorf("write connection: %w", err)
		}
	}
	w.stmt = make(map[string]*rawStmt, len(qs))
	for name, q := range qs {
		s, err := prepareRaw(ctx, dc, q)
		if err != nil {
			w.closeStmts()
			return fmt.Errorf("prepare %s: %w", name, err)
		}
		w.stmt[name] = s
	}
	return nil
}

// closeStmts finalizes the prepared statements (w.mu held, inside Raw).
func (w *writeConn) closeStmts() {
	for _, s := range w.stmt {
		s.s.Close()
	}
	w.stmt = nil
}

// close closes the write connection (w.mu held) and its statements, and
// has database/sql discard it rather than put it back in the pool: it runs
// without foreign-key checks (see prepare), which no other use may inherit.
func (w *writeConn) close() {
	if w.conn != nil {
		w.conn.Raw(func(any) error {
			w.closeStmts()
			return driver.ErrBadConn // discard the driver connection
		})
		w.conn.Close()
	}
	w.conn, w.stmt = nil, nil
	w.filter, w.batches = nil, 0 // data_version counts per connection
}

// Path is the file the database lives in.
func (d *DB) Path() string { return d.path }

// migrate applies the embedded schema to an empty database, or the part of
// it that an older database lacks, in one transaction, and refuses a file
// made by a newer attrib.
func (d *DB) migrate(ctx context.Context) error {
	var v int
	if err := d.sql.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return fmt.Errorf("read schema version (is it an SQLite file?): %w", err)
	}
	if v > attrib.SchemaVersion {
		return fmt.Errorf("database has schema version %d, newer than this attrib knows (%d): upgrade attrib", v, attrib.SchemaVersion)
	}
	if v == attrib.SchemaVersion {
		return nil
	}
	if v == 0 {
		var n int
		if err := d.sql.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'").Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return errors.New("file holds tables but no attrib schema version: not an attrib database")
		}
	}
	return d.tx(ctx, func(tx *sql.Tx) error {
		// Re-read inside the write lock: another process may have migrated.
		if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
			return err
		}
		if v == attrib.SchemaVersion {
			return nil
		}
		// A new file gets the whole schema; an older one the sections of
		// schema.sql marked with a later version ("-- @since N").
		if _, err := tx.ExecContext(ctx, attrib.SchemaAfter(v)); err != nil {
			return fmt.Errorf("migrate schema from version %d to %d: %w", v, attrib.SchemaVersion, err)
		}
		_, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", attrib.SchemaVersion))
		return err
	})
}

// tx runs fn in a transaction, committing when it returns nil.
func (d *DB) tx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := d.sql.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

func (d *DB) now() string { return d.Now().Format(time.RFC3339) }

// nullString is NULL for "" and the string otherwise.
func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}
