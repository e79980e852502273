package devserver

import (
	"context"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tact-guide/tact/internal/sitetest"
)

// Generous bounds: tests never assert how fast anything is, only that it
// happens (within wait) or does not (within settle).
//
// Tests that count builds debounce with testQuiet rather than DefaultQuiet:
// "exactly one build" holds only if the test's own writes are not further
// apart than the quiet window, and on a loaded machine under -race a writer
// was seen descheduled for 190 ms in the middle of a burst. The logic is the
// same; only the window is wider. settle exceeds the bulk window, so an extra
// build would be seen.
const (
	wait        = 10 * time.Second
	testQuiet   = 100 * time.Millisecond
	testMaxWait = wait
	settle      = bulkFactor*testQuiet + 300*time.Millisecond
)

// call is one call of a recording BuildFunc.
type call struct {
	n       int               // 1 for the first build
	changed []string          // what Run passed
	files   map[string]string // the sources as the build saw them
}

// recorder is a fake BuildFunc that records what the sources were when it
// was called. If gate is set, it is called at the start of each build.
type recorder struct {
	root  string
	calls chan call
	fail  func(files map[string]string) error  // if set, a non-nil result fails the build
	base  func(files map[string]string) string // if set, the base path builds report

	mu   sync.Mutex
	n    int
	gate func(n int)
}

func newRecorder(root string) *recorder {
	return &recorder{root: root, calls: make(chan call, 1000)}
}

func (r *recorder) build(ctx context.Context, changed []string) (Result, error) {
	r.mu.Lock()
	r.n++
	n, gate := r.n, r.gate
	r.mu.Unlock()
	if gate != nil {
		gate(n)
	}
	files := readSources(r.root)
	r.calls <- call{n: n, changed: changed, files: files}
	if r.fail != nil {
		if err := r.fail(files); err != nil {
			return Result{}, err
		}
	}
	res := Result{Summary: "built"}
	if r.base != nil {
		res.BasePath = r.base(files)
	}
	return res, nil
}

// next returns the next build call, failing the test if none comes.
func (r *recorder) next(t *testing.T) call {
	t.Helper()
	select {
	case c := <-r.calls:
		return c
	case <-time.After(wait):
		t.Fatalf("no build within %v", wait)
		return call{}
	}
}

// after returns the builds that follow a change made by do, once none has
// come for settle, and the last of them. There must be exactly one, unless
// do itself took longer than half the quiet window (bulk: true for a bulk
// write): then the writer was descheduled in the middle, which the debounce
// cannot see through, and a split is logged instead.
func (r *recorder) after(t *testing.T, bulk bool, do func()) (last call, changed []string) {
	t.Helper()
	t0 := time.Now()
	do()
	took := time.Since(t0)
	calls := []call{r.next(t)}
	for {
		select {
		case c := <-r.calls:
			calls = append(calls, c)
			continue
		case <-time.After(settle):
		}
		break
	}
	window := testQuiet
	if bulk {
		window *= bulkFactor
	}
	if len(calls) > 1 {
		if took <= window/2 {
			t.Errorf("%d builds, want 1 (the change took %v; quiet window %v)", len(calls), took, window)
		} else {
			t.Logf("%d builds: the change itself took %v, longer than half the quiet window (%v), on a busy machine", len(calls), took, window)
		}
	}
	seen := map[string]bool{}
	for _, c := range calls {
		for _, p := range c.changed {
			if !seen[p] {
				seen[p] = true
				changed = append(changed, p)
			}
		}
	}
	return calls[len(calls)-1], changed
}

// none fails the test if a build is called within settle.
func (r *recorder) none(t *testing.T) {
	t.Helper()
	select {
	case c := <-r.calls:
		t.Fatalf("unexpected build #%d (changed %q)", c.n, c.changed)
	case <-time.After(settle):
	}
}

// readSources returns every file under the source directories and tact.toml,
// droppings included, by slash-separated path relative to root.
func readSources(root string) map[string]string {
	files := map[string]string{}
	for _, d := range append(sourceDirs(), configFile) {
		_ = filepath.WalkDir(filepath.Join(root, d), func(name string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			data, err := os.ReadFile(name)
			if err != nil {
				return nil
			}
			rel, _ := filepath.Rel(root, name)
			files[filepath.ToSlash(rel)] = string(data)
			return nil
		})
	}
	return files
}

// newSite writes a small site root and returns it.
func newSite(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	sitetest.WriteTree(t, root, map[string]string{
		"tact.toml":            "title = \"Tact\"\n",
		"content/en/a.md":      "a v1\n",
		"content/en/dir/d.md":  "d v1\n",
		"layouts/base.html":    "<html></html>\n",
		"assets/style.css":     "body{}\n",
		"i18n/en.toml":         "[hello]\nother = \"Hello\"\n",
		"README.md":            "not a source\n",
		"public/index.html":    "output\n",
		"content/en/.keep.swp": "dropping\n",
	})
	return root
}

// start runs Run on root with the recorder until the test ends, and waits for
// the first build.
func start(t *testing.T, root string, opts Options, rec *recorder) {
	t.Helper()
	opts.Root = root
	if opts.Quiet == 0 {
		opts.Quiet, opts.MaxDelay = testQuiet, testMaxWait
	}
	if opts.Out == "" {
		opts.Out = filepath.Join(root, "public")
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Run(ctx, opts, rec.build, io.Discard) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Run: %v", err)
			}
		case <-time.After(wait):
			t.Errorf("Run did not return within %v of its context being cancelled", wait)
		}
	})
	if c := rec.next(t); c.n != 1 || c.changed != nil {
		t.Fatalf("first build: #%d with changed %q, want #1 with nil (everything)", c.n, c.changed)
	}
}

// wantFiles fails the test unless the build saw exactly want.
func wantFiles(t *testing.T, c call, want map[string]string) {
	t.Helper()
	if maps.Equal(c.files, want) {
		return
	}
	var lines []string
	for _, k := range slices.Sorted(maps.Keys(mergeKeys(c.files, want))) {
		if have, ok := c.files[k]; !ok {
			lines = append(lines, "missing "+k)
		} else if w, ok := want[k]; !ok {
			lines = append(lines, "unexpected "+k)
		} else if have != w {
			lines = append(lines, k+": have "+have+" want "+w)
		}
	}
	t.Errorf("build #%d saw the wrong sources:\n\t%s", c.n, strings.Join(lines, "\n\t"))
}

func mergeKeys(a, b map[string]string) map[string]bool {
	m := map[string]bool{}
	for k := range a {
		m[k] = true
	}
	for k := range b {
		m[k] = true
	}
	return m
}
