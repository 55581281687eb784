package main

import (
	"os"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"time"
)

// How ingest sets up the garbage collector. Ingest allocates fast
// (extraction, records, rows: about 700 MB for the 10k articles) over a
// live heap that is small at first and grows with the sources it knows. At
// Go's default (GOGC=100, a collection whenever the heap doubles) marking
// took about 8% of the CPU; at GOGC=200 the collector still ran 7 times
// over the 10k articles, was marking for most of the run, and the write
// barriers and marking it brings cost about 10% of the CPU (the same ingest
// without any collection: 8.9-10.0 CPU s against 10.2-11.9, three
// alternating pairs). The price is memory: a peak of about 560 MB for the
// 10k articles instead of 400.
//
// So ingest lets the heap grow to heapFloor before it collects (a memory
// limit with GOGC off: the 10k articles now take one collection), and once a collection finds more than a
// third of heapFloor live (a store with a large registry, or a long run)
// it returns to GOGC=200, so that collections stay three times the live
// heap apart as before. Memory stays bounded: at most about heapFloor
// while the live heap is small, three times the live heap after. A GOGC the
// user sets wins, and a smaller GOMEMLIMIT stays the limit.

// heapFloor is the heap ingest may reach before its first collection.
const heapFloor = 512 << 20

// gcSettled is the collector's setting once the live heap is large.
const gcSettled = 200

// tuneGC sets the collector up for an ingest, and returns a function that
// ends the floor (for the work after the ingest, such as scoring).
func tuneGC() (settle func()) {
	if os.Getenv("GOGC") != "" {
		return func() {}
	}
	userLimit := debug.SetMemoryLimit(-1) // GOMEMLIMIT, or no limit
	var once sync.Once
	settled := func() {
		once.Do(func() {
			debug.SetGCPercent(gcSettled)
			debug.SetMemoryLimit(userLimit)
		})
	}
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(min(userLimit, heapFloor))
	done, stopped := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(stopped)
		live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		t := time.NewTicker(50 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
			}
			if metrics.Read(live); live[0].Value.Uint64() > heapFloor/3 {
				settled()
				return
			}
		}
	}()
	var stop sync.Once
	return func() {
		stop.Do(func() { close(done) })
		<-stopped
		settled()
	}
}
