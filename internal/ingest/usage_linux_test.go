package ingest

import (
	"os"
	"strconv"
	"strings"
	"syscall"
)

// cpuNow is the CPU time (user and system) of the process so far, in
// seconds.
func cpuNow() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}

// writtenMB is what the process has written so far (wchar of
// /proc/self/io), in MB.
func writtenMB() float64 {
	io, err := os.ReadFile("/proc/self/io")
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(io), "\n") {
		if v, ok := strings.CutPrefix(l, "wchar: "); ok {
			n, _ := strconv.ParseFloat(v, 64)
			return n / 1e6
		}
	}
	return 0
}
