package db

import (
	"context"
	"os"
	"sync"
)

// Checkpoints of the write connection. In WAL mode a commit appends pages to
// the log, and by default the committing connection then copies the log
// back into the database file (a checkpoint, with its fsyncs) once the log
// passes 1,000 pages: the ingest's writer, its critical path, waited for
// that. The write connection does not checkpoint (wal_autocheckpoint = 0);
// after each commit it wakes a goroutine that runs a PASSIVE checkpoint on
// another connection, which never blocks the writer or readers (the 10k
// ingest got 7-10% faster, BENCHMARKS.md round 3). A log is only started
// again from its beginning by a writer whose transaction began after a
// complete pass, and the writer begins its next batch at once, so the log
// would grow for the whole ingest: when it passes walLimit the writer
// checkpoints it itself (RESTART, waiting for the goroutine's pass) before
// its next batch. Other connections keep SQLite's automatic checkpoints.

// walLimit is the log size, in bytes, at which the writer checkpoints
// itself; the writer's journal_size_limit is the same, so that the log file
// shrinks back to it when the log starts again, and its size on disk says
// how far the log reaches. A variable for tests.
var walLimit int64 = 32 << 20

// checkpointer runs the write connection's checkpoints in the background.
type checkpointer struct {
	// mu is held by a checkpoint of this process: SQLite refuses (busy,
	// without waiting) a checkpoint while another runs, so the writer's
	// own waits for the goroutine's pass to end.
	mu   sync.Mutex
	once sync.Once
	kick chan struct{}
	quit chan struct{}
	done chan struct{}
}

// restartLog checkpoints the whole log on the write connection dc and has
// the next write transaction start it again (when no reader still uses it).
func (d *DB) restartLog(ctx context.Context, dc any) error {
	d.ckpt.mu.Lock()
	defer d.ckpt.mu.Unlock()
	return execRaw(ctx, dc, "PRAGMA wal_checkpoint(RESTART)")
}

// walTooLong says the log has reached walLimit.
func (d *DB) walTooLong() bool {
	fi, err := os.Stat(d.path + "-wal")
	return err == nil && fi.Size() > walLimit
}

// kickCheckpoint asks for a checkpoint after a commit, starting the
// goroutine on first use.
func (d *DB) kickCheckpoint() {
	c := &d.ckpt
	c.once.Do(func() {
		c.kick, c.quit, c.done = make(chan struct{}, 1), make(chan struct{}), make(chan struct{})
		go d.checkpointLoop()
	})
	select {
	case c.kick <- struct{}{}:
	default: // one is pending already
	}
}

func (d *DB) checkpointLoop() {
	c := &d.ckpt
	defer close(c.done)
	for {
		select {
		case <-c.quit:
			return
		case <-c.kick:
			// An error (the database closing, a disk problem) only
			// leaves the work to the writer's own checkpoint or the
			// last connection's, so it is not reported here.
			c.mu.Lock()
			d.sql.ExecContext(context.Background(), "PRAGMA wal_checkpoint(PASSIVE)")
			c.mu.Unlock()
		}
	}
}

// stopCheckpoints ends the goroutine (before the pool closes; the last
// connection to close checkpoints whatever is left).
func (d *DB) stopCheckpoints() {
	c := &d.ckpt
	c.once.Do(func() {}) // never start it after this
	if c.quit != nil {   // started, and not stopped yet
		close(c.quit)
		<-c.done
		c.quit = nil
	}
}
