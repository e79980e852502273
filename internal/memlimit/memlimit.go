// Package memlimit keeps a process's memory under a soft ceiling when the
// data it has to hold leaves room for that, and out of the way when it
// does not.
//
// Go's collector lets the heap grow to twice what is live (GOGC=100)
// before it collects. A build whose live data is a few hundred megabytes
// therefore peaks at twice that, though most of it is garbage. A memory
// limit (runtime/debug.SetMemoryLimit) makes the collector run before the
// ceiling is reached instead; that costs little while the live data is
// well under the ceiling and a lot (the collector running back to back)
// when it comes close. So the ceiling holds only while the live heap
// stays under a share of it; past that, the limit rises with the live
// heap to the heap GOGC=100 would allow, and the collector works as if no
// limit had been set.
//
// Under the ceiling, memory is there to be used: the collector lets the
// heap grow to three times the live data (GOGC=200) rather than twice,
// which saves a tenth of a small build's CPU time. The limit bounds what
// that costs in memory.
//
// A floor lets it use more while the live heap is small: the heap may grow
// to the floor before the collector runs, however little of it is live
// (GOGC is raised to match, and comes back to 200 as the live heap grows
// to a third of the floor). A build's live heap starts at a few megabytes
// and grows as it loads, so with GOGC alone the collector runs every few
// megabytes of allocation at first: forty collections for a site of 4,000
// articles. The build command sets the floor to half the memory it has
// prepared with huge pages (internal/hugepages), where growing the heap is
// cheap, and to nothing when it prepared none.
//
// A hard bound (Limits.Max), such as a container's memory, caps both: the
// ceiling, and the limit as it rises. Past it the collector runs often
// rather than the kernel killing the process.
//
// GOMEMLIMIT and GOGC in the environment are the user's choice: with
// GOMEMLIMIT set Start does nothing; with GOGC set it keeps that GOGC and
// has no floor.
package memlimit

import (
	"math"
	"os"
	"runtime/debug"
	"runtime/metrics"
	"time"
)

// roomShare is the largest share of the ceiling the live heap may take
// for the ceiling to hold: at this share the collector runs when the
// heap has grown by two thirds of the live data, instead of by all of it.
const roomShare = 0.6

// interval is how often the live heap is looked at.
const interval = 20 * time.Millisecond

// gcPercent is the GOGC that Start sets, above the floor.
const gcPercent = 200

// Bound sets a memory limit of bound bytes, and nothing else: a hard bound
// for a process that Start does not suit. It does nothing when bound is 0
// or GOMEMLIMIT is set.
func Bound(bound int64) {
	if bound > 0 && os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(bound)
	}
}

// Limits are what Start keeps the process to, in bytes.
type Limits struct {
	// Ceiling is the soft ceiling: the memory limit while the live heap
	// is under roomShare of it.
	Ceiling int64
	// Floor is the heap the collector waits for while the live heap is
	// small (0: none; at most roomShare of the ceiling).
	Floor int64
	// Max, when not 0, is a hard bound: the memory a container or service
	// may use, say. The ceiling is at most Max, and the limit never rises
	// past it: the collector then works harder rather than the process
	// being killed for its memory.
	Max int64
}

// Start sets a memory limit of l.Ceiling and keeps raising it while the
// live heap would make it costly, until the returned stop is called (stop
// leaves the last limit in place). It sets GOGC to 200, or higher while
// the heap that allows is under l.Floor.
func Start(l Limits) (stop func()) {
	ceiling, floor, hard := l.Ceiling, l.Floor, l.Max
	if hard > 0 {
		ceiling = min(ceiling, hard)
	} else {
		hard = math.MaxInt64
	}
	if os.Getenv("GOMEMLIMIT") != "" || ceiling <= 0 {
		return func() {}
	}
	// The live heap, and the stacks and globals the collector scans: GOGC
	// is a share of all three.
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}, {Name: "/gc/scan/stack:bytes"}, {Name: "/gc/scan/globals:bytes"}}
	read := func() (live, roots int64) {
		metrics.Read(sample)
		return int64(sample[0].Value.Uint64()), int64(sample[1].Value.Uint64() + sample[2].Value.Uint64())
	}
	floor = min(floor, int64(roomShare*float64(ceiling)))
	gogc := -1 // the percent last set; -1: GOGC is the environment's
	if os.Getenv("GOGC") == "" {
		live, roots := read()
		gogc = percent(live, roots, floor)
		debug.SetGCPercent(gogc)
	}
	debug.SetMemoryLimit(ceiling)
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		limit := ceiling
		tick := time.NewTicker(interval)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
			}
			live, roots := read()
			limit = min(raise(limit, ceiling, live), hard)
			debug.SetMemoryLimit(limit)
			if p := percent(live, roots, floor); gogc >= 0 && p != gogc {
				gogc = p
				debug.SetGCPercent(p)
			}
		}
	}()
	return func() {
		close(done)
		<-finished
	}
}

// raise returns the memory limit for a live heap of live bytes, given the
// current limit and the ceiling: the ceiling while live is under
// roomShare of it, else twice live (what GOGC=100 lets the heap reach: the
// limit then stops the heap short of GOGC=200's three times), never less
// than the current limit.
func raise(limit, ceiling, live int64) int64 {
	if float64(live) <= roomShare*float64(ceiling) {
		return limit
	}
	return max(limit, 2*live)
}

// percent returns the GOGC that lets a heap with live bytes live grow to
// floor bytes before the next collection, and at least to gcPercent's.
// roots are the stacks and globals, which the collector counts in with
// the live heap: the heap may grow by (live + roots) × GOGC/100. It is at
// most what makes the runtime's smallest heap, 4 MiB at GOGC=100 and in
// proportion, the floor.
func percent(live, roots, floor int64) int {
	const minHeap = 4 << 20
	p := (floor - live) * 100 / max(live+roots, 1)
	return int(max(min(p, floor*100/minHeap), gcPercent))
}
