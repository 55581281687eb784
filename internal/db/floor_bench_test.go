package db

import (
	"context"
	"database/sql/driver"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/attrib/attrib/internal/input"
)

// The floor of ingest: what reading the same JSONL with the same reader and
// storing only the raw texts costs, with the same pragmas (Open) and write
// connection (writeTx), batches in one transaction each, and one prepared
// statement.
// bench/run compares `attrib ingest` with it; full/floor is the price of
// extraction, resolution and the claim rows.

// benchFile is the input of the floor: ATTRIB_BENCH_FILE, else the
// 10,000-article research corpus, read in place.
func benchFile(tb testing.TB) string {
	p := os.Getenv("ATTRIB_BENCH_FILE")
	if p == "" {
		p = "../../../shared/data/news/allsides-10k.jsonl.gz"
	}
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("benchmark input %s not present: %v", p, err)
	}
	return p
}

// floorSQL is the floor's one statement.
var floorSQL = map[string]string{
	"floor": `INSERT OR IGNORE INTO articles (outlet_id, url, title, published, language, content_hash, text, ingested_from, ingested_at)
		VALUES ((SELECT id FROM sources WHERE key = 'floor'),?,?,?,?,?,?,?,?)`,
}

// floorIngest streams path into d, texts only, batch articles a
// transaction, through the same write connection as AddArticles (its
// pragmas, driver-level statements and background checkpoints: see
// writeTx), so that the floor is the same storage path minus the work.
func floorIngest(ctx context.Context, d *DB, path string, batch int) (n int, size int64, err error) {
	if _, err := d.sql.ExecContext(ctx, `INSERT INTO sources (name, key, kind, created_at) VALUES ('Floor', 'floor', 'outlet', '')`); err != nil {
		return 0, 0, err
	}
	now := d.now()
	var pending []input.Article
	flush := func() error {
		err := d.writeTx(ctx, floorSQL, func(st map[string]*rawStmt) error {
			for _, a := range pending {
				if err := st["floor"].insert(ctx, st["floor"].set([]driver.Value{nullText(a.URL), a.Title,
					nullText(a.Published), nullText(a.Language), Hash(a.Text), a.Text, nullText(a.Path), now})); err != nil {
					return err
				}
			}
			return nil
		})
		pending = pending[:0]
		return err
	}
	r := &input.Reader{}
	err = r.Read([]string{path}, func(a input.Article) error {
		n++
		size += int64(len(a.Text))
		if pending = append(pending, a); len(pending) >= batch {
			return flush()
		}
		return nil
	}, nil)
	if err == nil && len(pending) > 0 {
		err = flush()
	}
	return n, size, err
}

// floorBatch is ingest.DefaultBatchSize (which this package cannot import):
// the floor commits as often as the ingest it is compared with.
const floorBatch = 1024

// BenchmarkFloor stores the raw texts of the benchmark input in a fresh
// database (ATTRIB_BENCH_DIR, else a temporary folder) per iteration.
func BenchmarkFloor(b *testing.B) {
	path := benchFile(b)
	ctx := context.Background()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		dir := os.Getenv("ATTRIB_BENCH_DIR")
		if dir == "" {
			dir = b.TempDir()
		}
		file := filepath.Join(dir, "floor.db")
		for _, suffix := range []string{"", "-wal", "-shm"} {
			os.Remove(file + suffix)
		}
		d, err := Open(ctx, file)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start := time.Now()
		n, size, err := floorIngest(ctx, d, path, floorBatch)
		if err != nil {
			b.Fatal(err)
		}
		sec := time.Since(start).Seconds()
		b.StopTimer()
		d.Close()
		b.ReportMetric(float64(n)/sec, "articles/s")
		b.ReportMetric(float64(size)/sec/1e6, "MB/s")
		b.ReportMetric(float64(n), "articles")
		b.StartTimer()
	}
}
