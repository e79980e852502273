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
// GOMEMLIMIT and GOGC in the environment are the user's choice: with
// GOMEMLIMIT set Start does nothing; with GOGC set it keeps that GOGC.
package memlimit

import (
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

// gcPercent is the GOGC that Start sets.
const gcPercent = 200

// Start sets a memory limit of ceiling bytes and keeps raising it while the
// live heap would make it costly, until the returned stop is called (stop
// leaves the last limit in place). It sets GOGC to 200.
func Start(ceiling int64) (stop func()) {
	if os.Getenv("GOMEMLIMIT") != "" || ceiling <= 0 {
		return func() {}
	}
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	debug.SetMemoryLimit(ceiling)
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		limit := ceiling
		tick := time.NewTicker(interval)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
			}
			metrics.Read(sample)
			limit = raise(limit, ceiling, int64(sample[0].Value.Uint64()))
			debug.SetMemoryLimit(limit)
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
