package memlimit

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
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

// TestPercentLetsTheHeapReachTheFloor: while the live heap is small, the
// heap may grow to the floor before the next collection (the goal the
// runtime computes from GOGC: live + (live + roots) × GOGC/100); once
// that is less than GOGC=200 allows, GOGC is 200. The runtime's smallest
// heap, 4 MiB × GOGC/100, never goes past the floor.
func TestPercentLetsTheHeapReachTheFloor(t *testing.T) {
	const mib = 1 << 20
	const floor = 128 * mib
	goal := func(live, roots int64, p int) int64 { return live + (live+roots)*int64(p)/100 }
	for _, c := range []struct{ live, roots int64 }{
		{0, 0}, {mib / 2, mib}, {4 * mib, mib}, {16 * mib, 2 * mib}, {30 * mib, 2 * mib},
		{40 * mib, 2 * mib}, {100 * mib, 2 * mib}, {1000 * mib, 2 * mib},
	} {
		p := percent(c.live, c.roots, floor)
		g, smallest := goal(c.live, c.roots, p), 4*mib*int64(p)/100
		if p < gcPercent {
			t.Errorf("live %d MiB: GOGC %d, under %d", c.live/mib, p, gcPercent)
		}
		if smallest > floor {
			t.Errorf("live %d MiB: GOGC %d makes the smallest heap %d MiB, past the floor", c.live/mib, p, smallest/mib)
		}
		if p > gcPercent && g > floor {
			t.Errorf("live %d MiB: GOGC %d lets the heap grow to %d MiB, past the floor", c.live/mib, p, g/mib)
		}
		if max(g, smallest) < floor*99/100 {
			t.Errorf("live %d MiB: GOGC %d stops the heap at %d MiB, under the floor", c.live/mib, p, max(g, smallest)/mib)
		}
	}
	for _, live := range []int64{0, mib, 100 * mib} {
		if p := percent(live, mib, 0); p != gcPercent {
			t.Errorf("no floor, live %d MiB: GOGC %d, want %d", live/mib, p, gcPercent)
		}
	}
}

// TestStartRaisesTheHeapGoalToTheFloor reads the runtime's own heap goal
// after Start with a floor far above this test's live heap.
func TestStartRaisesTheHeapGoalToTheFloor(t *testing.T) {
	isolate(t, "")
	runtime.GC()
	const floor = 96 << 20
	stop := Start(Limits{Ceiling: 1 << 40, Floor: floor})
	defer stop()
	s := []metrics.Sample{{Name: "/gc/heap/goal:bytes"}}
	metrics.Read(s)
	if goal := s[0].Value.Uint64(); goal < floor*9/10 || goal > floor {
		t.Errorf("heap goal %d MiB after Start with a floor of %d MiB, want about the floor", goal>>20, floor>>20)
	}
}

// isolate sets GOMEMLIMIT to nothing and GOGC to gogc for the test, and
// puts the process's memory limit and GOGC back after it.
func isolate(t *testing.T, gogc string) {
	t.Setenv("GOMEMLIMIT", "")
	t.Setenv("GOGC", gogc)
	limit, gc := debug.SetMemoryLimit(-1), debug.SetGCPercent(100)
	debug.SetGCPercent(gc)
	t.Cleanup(func() {
		debug.SetMemoryLimit(limit)
		debug.SetGCPercent(gc)
	})
}

func TestStartSetsAndKeepsTheLimit(t *testing.T) {
	isolate(t, "")
	stop := Start(Limits{Ceiling: 1 << 40})
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
	Start(Limits{Ceiling: 1 << 40, Floor: 64 << 20})()
	if have := debug.SetGCPercent(50); have != 50 {
		t.Errorf("GOGC %d with GOGC=50 in the environment, want it left", have)
	}
}

// With a ceiling under what the process already holds, the limit rises
// to twice the live heap instead of making the collector run back to back.
func TestStartRaisesTheLimit(t *testing.T) {
	isolate(t, "")
	keep := make([]byte, 8<<20) // live: more than the ceiling
	runtime.GC()                // the live heap is measured by the last collection
	stop := Start(Limits{Ceiling: 4 << 20})
	awaitLimit(func(l int64) bool { return l >= 16<<20 })
	stop()
	if have := debug.SetMemoryLimit(-1); have < 16<<20 {
		t.Errorf("limit %d with 8 MiB live and a 4 MiB ceiling, want at least twice the live heap", have)
	}
	runtime.KeepAlive(keep)
}

// A hard bound caps the ceiling, and the limit does not rise past it
// however much is live.
func TestStartKeepsUnderMax(t *testing.T) {
	isolate(t, "")
	Start(Limits{Ceiling: 1 << 40, Max: 64 << 20})()
	if have := debug.SetMemoryLimit(-1); have != 64<<20 {
		t.Errorf("limit %d MiB with a ceiling of 1 TiB and Max 64 MiB, want 64", have>>20)
	}
	keep := make([]byte, 8<<20)
	runtime.GC() // the live heap is measured by the last collection
	stop := Start(Limits{Ceiling: 4 << 20, Max: 12 << 20})
	awaitLimit(func(l int64) bool { return l != 4<<20 })
	time.Sleep(5 * interval) // (a few more looks at the live heap)
	stop()
	if have := debug.SetMemoryLimit(-1); have != 12<<20 {
		t.Errorf("limit %d MiB with 8 MiB live and Max 12 MiB, want 12", have>>20)
	}
	runtime.KeepAlive(keep)
}

func TestStartLeavesGOMEMLIMIT(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "300MiB")
	old := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(old)
	Start(Limits{Ceiling: 1 << 40})()
	if have := debug.SetMemoryLimit(-1); have != old {
		t.Errorf("limit %d with GOMEMLIMIT set, want it left at %d", have, old)
	}
}

func TestBound(t *testing.T) {
	isolate(t, "")
	debug.SetMemoryLimit(1 << 40)
	Bound(0)
	if have := debug.SetMemoryLimit(-1); have != 1<<40 {
		t.Errorf("limit %d after Bound(0), want it left", have)
	}
	Bound(64 << 20)
	if have := debug.SetMemoryLimit(-1); have != 64<<20 {
		t.Errorf("limit %d MiB after Bound(64 MiB), want 64", have>>20)
	}
	t.Setenv("GOMEMLIMIT", "300MiB")
	Bound(32 << 20)
	if have := debug.SetMemoryLimit(-1); have != 64<<20 {
		t.Errorf("limit %d MiB after Bound with GOMEMLIMIT set, want it left at 64", have>>20)
	}
}

// awaitLimit waits, up to five seconds, for the memory limit to satisfy
// done: Start's monitor looks at the live heap every interval, later when
// the machine is busy.
func awaitLimit(done func(limit int64) bool) {
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(interval) {
		if done(debug.SetMemoryLimit(-1)) {
			return
		}
	}
}
