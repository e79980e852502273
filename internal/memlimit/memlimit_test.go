package memlimit

import (
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

func TestRaise(t *testing.T) {
	const ceiling = 1000
	for _, c := range []struct {
		limit, live, want int64
	}{
		{1000, 100, 1000}, // plenty of room: the ceiling holds
		{1000, 600, 1000}, // at the share: still
		{1000, 700, 1400}, // past it: what GOGC=100 would allow
		{1400, 650, 1400}, // the live heap shrank: the limit stays raised
		{1400, 900, 1800},
	} {
		if have := raise(c.limit, ceiling, c.live); have != c.want {
			t.Errorf("raise(%d, %d, %d) = %d, want %d", c.limit, ceiling, c.live, have, c.want)
		}
	}
}

// isolate sets GOMEMLIMIT to nothing and GOGC to gogc for the test, and
// puts the process's memory limit and GOGC back after it.
func isolate(t *testing.T, gogc string) {
	t.Setenv("GOMEMLIMIT", "")
	t.Setenv("GOGC", gogc)
	limit, percent := debug.SetMemoryLimit(-1), debug.SetGCPercent(100)
	debug.SetGCPercent(percent)
	t.Cleanup(func() {
		debug.SetMemoryLimit(limit)
		debug.SetGCPercent(percent)
	})
}

func TestStartSetsAndKeepsTheLimit(t *testing.T) {
	isolate(t, "")
	stop := Start(1 << 40)
	stop()
	if have := debug.SetMemoryLimit(-1); have != 1<<40 {
		t.Errorf("limit %d after Start(1<<40), want %d", have, int64(1<<40))
	}
	if have := debug.SetGCPercent(100); have != gcPercent {
		t.Errorf("GOGC %d after Start, want %d", have, gcPercent)
	}
}

func TestStartLeavesGOGC(t *testing.T) {
	isolate(t, "50")
	debug.SetGCPercent(50)
	Start(1 << 40)()
	if have := debug.SetGCPercent(50); have != 50 {
		t.Errorf("GOGC %d with GOGC=50 in the environment, want it left", have)
	}
}

// With a ceiling under what the process already holds, the limit rises
// to twice the live heap instead of making the collector run back to back.
func TestStartRaisesTheLimit(t *testing.T) {
	isolate(t, "")
	keep := make([]byte, 8<<20) // live: more than the ceiling
	stop := Start(4 << 20)
	time.Sleep(10 * interval)
	stop()
	if have := debug.SetMemoryLimit(-1); have < 16<<20 {
		t.Errorf("limit %d with 8 MiB live and a 4 MiB ceiling, want at least twice the live heap", have)
	}
	runtime.KeepAlive(keep)
}

func TestStartLeavesGOMEMLIMIT(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "300MiB")
	old := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(old)
	Start(1 << 40)()
	if have := debug.SetMemoryLimit(-1); have != old {
		t.Errorf("limit %d with GOMEMLIMIT set, want it left at %d", have, old)
	}
}
