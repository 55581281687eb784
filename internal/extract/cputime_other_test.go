//go:build !linux

package extract

import "time"

// threadCPU is only measured on Linux.
func threadCPU() time.Duration { return 0 }
