//go:build !linux

package ingest

// cpuNow and writtenMB are only measured on Linux.
func cpuNow() float64    { return 0 }
func writtenMB() float64 { return 0 }
