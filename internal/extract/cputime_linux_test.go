package extract

import (
	"syscall"
	"time"
)

// threadCPU returns the CPU time of the calling OS thread (Linux
// RUSAGE_THREAD), so that a benchmark can report throughput per core on a
// machine where other jobs compete for the CPU. The caller must hold
// runtime.LockOSThread.
func threadCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(1 /* RUSAGE_THREAD */, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
