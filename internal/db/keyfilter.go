package db

import (
	"context"
	"database/sql/driver"
	"hash/maphash"
	"math/bits"
)

// The writer's source lookups ask the store, for every source the caller
// does not know, whether an alias or a source already has one of its keys
// (prefetch, in sources_write.go). In a bulk ingest almost every such key
// is new and the answer is no: on the 10k AllSides articles those probes
// were a sixth of the writer's time. keyFilter answers most of them
// without the store: a Bloom filter of every alias key and source key,
// built from the store by the write connection at its second batch (so a
// one-article ingest never pays for it) and kept up to date with the keys
// the writer adds. A key it has not seen is certainly not stored, as long
// as no other connection has committed since it was built; PRAGMA
// data_version says that, and the filter is dropped for good the first
// time it has (concurrent ingests then probe as before). A key it may have
// seen is looked up in the store, so a false positive costs one probe.

// keyFilter is a Bloom filter of strings.
type keyFilter struct {
	bits  []uint64
	mask  uint64 // number of bits - 1 (a power of two)
	n     int    // keys added
	limit int    // keys it holds at 16 bits a key (false positives ~0.2%)
	seed  maphash.Seed
}

// newKeyFilter sizes a filter for n keys and as many again to come.
func newKeyFilter(n int) *keyFilter {
	m := uint64(1) << 20
	for m < uint64(32*n) {
		m <<= 1
	}
	return &keyFilter{bits: make([]uint64, m/64), mask: m - 1, limit: int(m / 16), seed: maphash.MakeSeed()}
}

// probes returns the four bit positions of k (double hashing).
func (f *keyFilter) probes(k string) [4]uint64 {
	h := maphash.String(f.seed, k)
	h2 := bits.RotateLeft64(h, 32) | 1
	return [4]uint64{h & f.mask, (h + h2) & f.mask, (h + 2*h2) & f.mask, (h + 3*h2) & f.mask}
}

// add records k and reports false when the filter is too full to be
// useful (the caller drops it).
func (f *keyFilter) add(k string) bool {
	for _, p := range f.probes(k) {
		f.bits[p/64] |= 1 << (p % 64)
	}
	f.n++
	return f.n <= f.limit
}

// mayHave reports whether k may have been added; false is certain.
func (f *keyFilter) mayHave(k string) bool {
	for _, p := range f.probes(k) {
		if f.bits[p/64]&(1<<(p%64)) == 0 {
			return false
		}
	}
	return true
}

// keys returns the write connection's filter for the batch about to be
// written (inside its transaction), or nil when lookups must ask the
// store: before the second batch, after another connection committed, or
// when the filter filled up.
func (c *writeConn) keys(ctx context.Context, st map[string]*rawStmt) (*keyFilter, error) {
	dv, err := st["dataVersion"].queryInt(ctx)
	if err != nil {
		return nil, err
	}
	if c.filter != nil && dv != c.dataVersion {
		c.filter, c.noFilter = nil, true // another connection wrote
	}
	c.dataVersion = dv
	c.batches++
	if c.filter == nil && !c.noFilter && c.batches >= 2 {
		n, err := st["keyCount"].queryInt(ctx)
		if err != nil {
			return nil, err
		}
		f := newKeyFilter(int(n))
		err = st["allKeys"].each(ctx, nil, func(row []driver.Value) {
			f.add(asString(row[0]))
		})
		if err != nil {
			return nil, err
		}
		c.filter = f
	}
	return c.filter, nil
}

// stored notes that k is (or is about to be) stored. A filter that fills
// up is dropped and built again, larger, at the next batch.
func (c *writeConn) stored(k string) {
	if c.filter != nil && !c.filter.add(k) {
		c.filter = nil
	}
}
