package main

import (
	"math"
	"os"
	"runtime/debug"

	"github.com/KimMachineGun/automemlimit/memlimit"
)

// ceiling is the soft memory limit of a one-shot build: the collector works
// harder near it rather than letting the heap grow (a 40,000-article site
// fits under it; bench/README.md, "Memory").
const ceiling = 448 << 20

// setMemoryLimit sets the Go runtime's soft memory limit: four fifths of the
// memory limit of the process's cgroup (a container's, or a service's
// MemoryMax, which the runtime does not read and past which the kernel
// kills the process), and for a one-shot build no more than ceiling. Watch
// mode keeps every page's state between builds and idles in between: only
// the cgroup's bound. GOMEMLIMIT in the environment wins, as does GOGC for
// the collector's pace.
func setMemoryLimit(watch bool) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	// (No cgroup, or no limit on it: the runtime's default, no limit.)
	_, _ = memlimit.Set(memlimit.WithProvider(memlimit.FromCgroup), memlimit.WithRatio(0.8))
	if limit := debug.SetMemoryLimit(-1); !watch && (limit == math.MaxInt64 || limit > ceiling) {
		debug.SetMemoryLimit(ceiling)
	}
}
