package devserver

import (
	"context"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"time"
)

// fileState is what the poller compares between walks.
type fileState struct {
	size  int64
	mtime time.Time
	mode  fs.FileMode
}

// snapshot maps source files (relative, slash-separated) to their state.
type snapshot map[string]fileState

// poller reports source changes by walking the sources every interval, for
// file systems that deliver no events.
type poller struct {
	sc       scope
	interval time.Duration // between walks while nothing changes
	settle   time.Duration // between walks while changes are coming in
	maxDelay time.Duration // report pending changes at the latest this long after the first
	prev     snapshot
}

// newPoller returns a poller that reports changes from first, the
// sources' snapshot as the session starts (scope.snapshot).
func newPoller(sc scope, first snapshot, interval, settle, maxDelay time.Duration) *poller {
	return &poller{sc: sc, interval: interval, settle: settle, maxDelay: maxDelay, prev: first}
}

// snapshot walks the sources. Files that vanish or cannot be read during the
// walk are left out, as if deleted.
func (s scope) snapshot() snapshot {
	snap := snapshot{}
	record := func(name string, info fs.FileInfo) {
		if rel, ok := s.rel(name); ok && !info.IsDir() {
			snap[rel] = fileState{size: info.Size(), mtime: info.ModTime(), mode: info.Mode()}
		}
	}
	if info, err := os.Lstat(filepath.Join(s.root, configFile)); err == nil {
		record(filepath.Join(s.root, configFile), info)
	}
	for _, d := range sourceDirs() {
		_ = filepath.WalkDir(filepath.Join(s.root, d), func(name string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if _, ok := s.rel(name); !ok {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if !d.IsDir() {
				if info, err := d.Info(); err == nil {
					record(name, info)
				}
			}
			return nil
		})
	}
	return snap
}

// diff returns the paths added, removed or changed from old to cur, sorted.
func diff(old, cur snapshot) []string {
	var paths []string
	for p, st := range cur {
		if o, ok := old[p]; !ok || o != st {
			paths = append(paths, p)
		}
	}
	for p := range old {
		if _, ok := cur[p]; !ok {
			paths = append(paths, p)
		}
	}
	slices.Sort(paths)
	return paths
}

// run reports changes on out until ctx is done.
func (p *poller) run(ctx context.Context, out chan<- change) {
	timer := time.NewTimer(p.interval)
	defer timer.Stop()
	var st pollState
	for {
		select {
		case <-ctx.Done():
			return
		case <-timer.C:
		}
		cur := p.sc.snapshot()
		found := diff(p.prev, cur)
		p.prev = cur
		report, next := p.observe(&st, found, time.Now())
		if report != nil {
			select {
			case out <- change{paths: report}:
			case <-ctx.Done():
				return
			}
		}
		timer.Reset(next)
	}
}

// pollState is what the poller has found and not reported yet.
type pollState struct {
	pending map[string]bool
	since   time.Time // when the first pending change was found
}

// observe takes what a walk at now found and returns what to report (nil for
// nothing yet) and when to walk next. After a walk that finds changes it walks
// again after settle, and reports what it has only when a walk finds nothing
// new (or maxDelay after the first), so a save spread over two walks is
// reported once.
func (p *poller) observe(st *pollState, found []string, now time.Time) (report []string, next time.Duration) {
	if len(found) > 0 {
		if st.pending == nil {
			st.pending = map[string]bool{}
			st.since = now
		}
		for _, path := range found {
			st.pending[path] = true
		}
		if now.Sub(st.since) < p.maxDelay {
			return nil, p.settle
		}
	}
	if st.pending != nil {
		report = slices.Sorted(maps.Keys(st.pending))
		*st = pollState{}
	}
	return report, p.interval
}
