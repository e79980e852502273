package devserver

import (
	"slices"
	"testing"
	"time"
)

// The poller gives the same results as fsnotify on every save pattern.
func TestSavePatternsPoll(t *testing.T) {
	testSavePatterns(t, Options{Poll: true, PollInterval: 20 * time.Millisecond})
}

func TestDiff(t *testing.T) {
	t0 := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	old := snapshot{
		"content/en/same.md":    {size: 1, mtime: t0, mode: 0o644},
		"content/en/written.md": {size: 1, mtime: t0, mode: 0o644},
		"content/en/resized.md": {size: 1, mtime: t0, mode: 0o644},
		"content/en/chmod.md":   {size: 1, mtime: t0, mode: 0o644},
		"content/en/gone.md":    {size: 1, mtime: t0, mode: 0o644},
	}
	cur := snapshot{
		"content/en/same.md":    {size: 1, mtime: t0, mode: 0o644},
		"content/en/written.md": {size: 1, mtime: t0.Add(time.Nanosecond), mode: 0o644},
		"content/en/resized.md": {size: 2, mtime: t0, mode: 0o644},
		"content/en/chmod.md":   {size: 1, mtime: t0, mode: 0o600},
		"content/en/new.md":     {size: 1, mtime: t0, mode: 0o644},
	}
	want := []string{"content/en/chmod.md", "content/en/gone.md", "content/en/new.md", "content/en/resized.md", "content/en/written.md"}
	if got := diff(old, cur); !slices.Equal(got, want) {
		t.Errorf("diff = %q, want %q", got, want)
	}
	if got := diff(cur, cur); len(got) != 0 {
		t.Errorf("diff of a snapshot with itself = %q, want none", got)
	}
}

func TestSnapshotSkipsNonSources(t *testing.T) {
	root := newSite(t)
	sc, err := newScope(root, root+"/public")
	if err != nil {
		t.Fatal(err)
	}
	got := sc.snapshot()
	want := []string{"assets/style.css", "content/en/a.md", "content/en/dir/d.md", "i18n/en.toml", "layouts/base.html", "tact.toml"}
	keys := make([]string, 0, len(got))
	for k := range got {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	if !slices.Equal(keys, want) {
		t.Errorf("snapshot has %q, want %q", keys, want)
	}
}

// A save that straddles walks (the delete seen by one, the re-create by the
// next) is reported once, when a walk finds nothing new.
func TestPollerSettles(t *testing.T) {
	ms := time.Millisecond
	p := &poller{interval: 500 * ms, settle: 20 * ms, maxDelay: time.Second}
	t0 := time.Now()
	var st pollState
	for i, tc := range []struct {
		at     time.Duration
		found  []string
		report []string
		next   time.Duration
	}{
		{0, nil, nil, 500 * ms},
		{500 * ms, []string{"content/en/a.md"}, nil, 20 * ms},
		{520 * ms, []string{"content/en/a.md", "content/en/b.md"}, nil, 20 * ms},
		{540 * ms, nil, []string{"content/en/a.md", "content/en/b.md"}, 500 * ms},
		{1040 * ms, nil, nil, 500 * ms},
		// A stream that never pauses is reported maxDelay after its start.
		{1540 * ms, []string{"content/en/c.md"}, nil, 20 * ms},
		{2000 * ms, []string{"content/en/d.md"}, nil, 20 * ms},
		{2540 * ms, []string{"content/en/e.md"}, []string{"content/en/c.md", "content/en/d.md", "content/en/e.md"}, 500 * ms},
		{3040 * ms, nil, nil, 500 * ms},
	} {
		report, next := p.observe(&st, tc.found, t0.Add(tc.at))
		if !slices.Equal(report, tc.report) || next != tc.next {
			t.Errorf("walk %d at +%v finding %q: report %q, next walk in %v; want %q, %v", i, tc.at, tc.found, report, next, tc.report, tc.next)
		}
	}
}
