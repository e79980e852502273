package devserver

import (
	"maps"
	"slices"
	"strings"
	"time"
)

// Default debounce: see "Debounce" in the package doc for the reasoning.
const (
	DefaultQuiet    = 20 * time.Millisecond
	DefaultMaxDelay = time.Second
)

// A batch of more than bulkPaths paths is not an editor's save but a tool's
// bulk write (git checkout, rsync, unzip), whose writes can be further apart:
// it waits bulkFactor times the quiet window.
const (
	bulkPaths  = 8
	bulkFactor = 5
)

// debouncer collects changes into a batch that is ready once no change has
// arrived for the quiet window (longer for bulk writes), or maxDelay after
// the first change, whichever is sooner. It is one timer, armed only while
// changes are pending. It is not safe for concurrent use: Run's loop owns it.
type debouncer struct {
	quiet, maxDelay time.Duration
	timer           *time.Timer
	armed           bool
	b               batch
}

// batch is a set of changes.
type batch struct {
	paths map[string]bool
	all   bool      // everything may have changed
	first time.Time // when the first change arrived; zero for an empty batch
}

func newDebouncer(quiet, maxDelay time.Duration) *debouncer {
	t := time.NewTimer(time.Hour)
	t.Stop()
	return &debouncer{quiet: quiet, maxDelay: maxDelay, timer: t}
}

// add records c, received at now, and moves the deadline.
func (d *debouncer) add(c change, now time.Time) {
	if d.b.first.IsZero() {
		d.b.first = now
	}
	d.b.merge(c)
	quiet := d.quiet
	if d.b.all || len(d.b.paths) > bulkPaths {
		quiet *= bulkFactor
	}
	d.timer.Reset(due(d.b.first, now, quiet, d.maxDelay).Sub(now))
	d.armed = true
}

// due is when a batch whose first change came at first and latest at last is
// ready.
func due(first, last time.Time, quiet, maxDelay time.Duration) time.Time {
	t := last.Add(quiet)
	if limit := first.Add(maxDelay); limit.Before(t) {
		return limit
	}
	return t
}

// ready fires when the pending batch is ready; it is nil (blocks forever in a
// select) while nothing is pending.
func (d *debouncer) ready() <-chan time.Time {
	if !d.armed {
		return nil
	}
	return d.timer.C
}

// take returns the pending batch and starts a new one.
func (d *debouncer) take() batch {
	d.timer.Stop()
	d.armed = false
	b := d.b
	d.b = batch{}
	return b
}

func (b *batch) merge(c change) {
	if b.paths == nil {
		b.paths = map[string]bool{}
	}
	for _, p := range c.paths {
		b.paths[p] = true
	}
	b.all = b.all || c.all
}

// union adds o to b, keeping the earlier first change.
func (b *batch) union(o batch) {
	b.merge(change{paths: slices.Collect(maps.Keys(o.paths)), all: o.all})
	if b.first.IsZero() || !o.first.IsZero() && o.first.Before(b.first) {
		b.first = o.first
	}
}

func (b batch) empty() bool { return len(b.paths) == 0 && !b.all }

// list returns the changed paths sorted, or nil if everything changed.
func (b batch) list() []string {
	if b.all {
		return nil
	}
	return slices.Sorted(maps.Keys(b.paths))
}

// cssOnly reports whether every change is a stylesheet under assets/.
func (b batch) cssOnly() bool {
	if b.empty() || b.all {
		return false
	}
	for p := range b.paths {
		if !strings.HasPrefix(p, "assets/") || !strings.HasSuffix(p, ".css") {
			return false
		}
	}
	return true
}
