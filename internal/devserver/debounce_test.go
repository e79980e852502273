package devserver

import (
	"testing"
	"time"
)

func TestDue(t *testing.T) {
	t0 := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	ms := time.Millisecond
	for _, tc := range []struct {
		name        string
		first, last time.Duration // after t0
		want        time.Duration
	}{
		{"one change", 0, 0, 20 * ms},
		{"a burst: quiet after the last", 0, 15 * ms, 35 * ms},
		{"a stream: capped after the first", 0, 490 * ms, 500 * ms},
		{"exactly at the cap", 0, 480 * ms, 500 * ms},
	} {
		got := due(t0.Add(tc.first), t0.Add(tc.last), 20*ms, 500*ms)
		if want := t0.Add(tc.want); !got.Equal(want) {
			t.Errorf("%s: due at +%v, want +%v", tc.name, got.Sub(t0), tc.want)
		}
	}
}

func TestDebouncer(t *testing.T) {
	d := newDebouncer(DefaultQuiet, DefaultMaxDelay)
	if d.ready() != nil {
		t.Fatal("an empty debouncer is ready")
	}
	now := time.Now()
	for i := range 100 {
		d.add(change{paths: []string{"content/en/a.md", "content/en/b.md"}}, now)
		d.add(change{paths: []string{"content/en/c.md"}}, now.Add(time.Duration(i)*time.Microsecond))
	}
	select {
	case <-d.ready():
	case <-time.After(wait):
		t.Fatal("the batch never became ready")
	}
	b := d.take()
	if got := b.list(); len(got) != 3 || !b.first.Equal(now) {
		t.Errorf("batch = %q first %v, want 3 paths first %v", got, b.first, now)
	}
	if d.ready() != nil {
		t.Error("ready after take")
	}
	select {
	case <-d.timer.C:
		t.Error("the timer fired after take")
	case <-time.After(2 * DefaultQuiet):
	}
}

func TestCSSOnly(t *testing.T) {
	for _, tc := range []struct {
		paths []string
		all   bool
		want  bool
	}{
		{[]string{"assets/style.css"}, false, true},
		{[]string{"assets/style.css", "assets/print/print.css"}, false, true},
		{[]string{"assets/style.css", "content/en/a.md"}, false, false},
		{[]string{"assets/js/lang.js"}, false, false},
		{[]string{"assets"}, false, false},
		{[]string{"layouts/style.css"}, false, false},
		{nil, true, false},
		{nil, false, false},
	} {
		var b batch
		b.merge(change{paths: tc.paths, all: tc.all})
		if got := b.cssOnly(); got != tc.want {
			t.Errorf("cssOnly(%q, all=%v) = %v, want %v", tc.paths, tc.all, got, tc.want)
		}
	}
}
