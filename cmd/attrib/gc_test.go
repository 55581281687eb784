package main

import (
	"runtime/debug"
	"testing"
)

// Ingest collects only once the heap reaches the floor, then settles at
// GOGC=200 with the limit it found; a GOGC the user set is left alone.
func TestTuneGC(t *testing.T) {
	pct, limit := debug.SetGCPercent(100), debug.SetMemoryLimit(-1)
	defer func() { debug.SetGCPercent(pct); debug.SetMemoryLimit(limit) }()

	t.Setenv("GOGC", "")
	settle := tuneGC()
	if p := debug.SetGCPercent(-1); p != -1 {
		t.Errorf("during ingest GOGC is %d, want off", p)
	}
	if l := debug.SetMemoryLimit(-1); l != heapFloor {
		t.Errorf("during ingest the memory limit is %d, want %d", l, heapFloor)
	}
	settle()
	settle() // twice is harmless
	if p := debug.SetGCPercent(gcSettled); p != gcSettled {
		t.Errorf("after ingest GOGC is %d, want %d", p, gcSettled)
	}
	if l := debug.SetMemoryLimit(-1); l != limit {
		t.Errorf("after ingest the memory limit is %d, want %d back", l, limit)
	}

	t.Setenv("GOGC", "50")
	debug.SetGCPercent(50)
	tuneGC()()
	if p := debug.SetGCPercent(50); p != 50 {
		t.Errorf("with GOGC=50 set by the user, GOGC became %d", p)
	}
}
