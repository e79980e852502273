package build_test

import (
	"github.com/tact-guide/tact/internal/assets"
	"github.com/tact-guide/tact/internal/sitetest"

	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"github.com/tact-guide/tact/internal/build"
	"github.com/tact-guide/tact/internal/site"
)

// repoRoot is the repository, from this package's directory.
const repoRoot = "../.."

// fixture returns the test site: testdata/fixture.txtar laid over the
// repository's real layouts/, assets/ and i18n/, so that what the tests
// render is what the product renders. A file of the archive replaces the
// real file of the same name; tests change the returned map freely.
func fixture(t testing.TB) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	root := os.DirFS(repoRoot)
	for _, dir := range []string{"layouts", "assets", "i18n"} {
		err := fs.WalkDir(root, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := fs.ReadFile(root, p)
			if err != nil {
				return err
			}
			fsys[p] = &fstest.MapFile{Data: data, Mode: 0o644}
			return nil
		})
		if err != nil {
			t.Fatalf("read the real %s/: %v", dir, err)
		}
	}
	ar, err := txtar.ParseFile("testdata/fixture.txtar")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range ar.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data, Mode: 0o644}
	}
	return fsys
}

// Edits of the fixture, for table-driven tests.
type edit func(t testing.TB, fsys fstest.MapFS)

// put writes a file.
func put(name, data string) edit {
	return func(_ testing.TB, fsys fstest.MapFS) { fsys[name] = &fstest.MapFile{Data: []byte(data), Mode: 0o644} }
}

// del removes a file, or every file under a directory.
func del(name string) edit {
	return func(t testing.TB, fsys fstest.MapFS) {
		n := 0
		for p := range fsys {
			if p == name || strings.HasPrefix(p, name+"/") {
				delete(fsys, p)
				n++
			}
		}
		if n == 0 {
			t.Fatalf("del %s: no such file in the fixture", name)
		}
	}
}

// replace changes the first old in a file to new.
func replace(name, old, new string) edit {
	return func(t testing.TB, fsys fstest.MapFS) {
		f := fsys[name]
		if f == nil || !strings.Contains(string(f.Data), old) {
			t.Fatalf("replace: %s does not contain %q", name, old)
		}
		fsys[name] = &fstest.MapFile{Data: []byte(strings.Replace(string(f.Data), old, new, 1)), Mode: f.Mode}
	}
}

// symlink makes name a symbolic link to target.
func symlink(name, target string) edit {
	return func(_ testing.TB, fsys fstest.MapFS) {
		fsys[name] = &fstest.MapFile{Data: []byte(target), Mode: fs.ModeSymlink | 0o777}
	}
}

func apply(t testing.TB, fsys fstest.MapFS, edits ...edit) fstest.MapFS {
	t.Helper()
	for _, e := range edits {
		e(t, fsys)
	}
	return fsys
}

// build builds fsys into a new directory with minification off and returns
// the output directory.
func runBuild(t testing.TB, fsys fs.FS, opts build.Options) (string, error) {
	t.Helper()
	if opts.Out == "" {
		opts.Out = filepath.Join(t.TempDir(), "public")
	}
	_, err := build.Build(context.Background(), fsys, opts)
	return opts.Out, err
}

// mustBuild builds fsys and fails the test on any error.
func mustBuild(t testing.TB, fsys fs.FS, opts build.Options) string {
	t.Helper()
	out, err := runBuild(t, fsys, opts)
	if err != nil {
		t.Fatalf("build failed:\n%s", summarize(err))
	}
	return out
}

// load loads fsys and fails the test on any error.
func load(t testing.TB, fsys fs.FS, opts build.Options) *site.Site {
	t.Helper()
	s, err := site.Load(context.Background(), fsys, site.Options{BaseURL: opts.BaseURL, Drafts: opts.Drafts, Minifier: assets.NewMinifier(opts.Minify)})
	if err != nil {
		t.Fatalf("load failed:\n%s", summarize(err))
	}
	return s
}

var (
	sharedOnce  sync.Once
	sharedFiles map[string]string
	sharedErr   error
)

// shared returns every file of the unchanged fixture site built with
// minification off, built once for all the tests that only read it.
func shared(t testing.TB) map[string]string {
	t.Helper()
	sharedOnce.Do(func() {
		dir, err := os.MkdirTemp("", "tact-site-test-")
		if err != nil {
			sharedErr = err
			return
		}
		defer os.RemoveAll(dir)
		out := filepath.Join(dir, "public")
		if _, sharedErr = build.Build(context.Background(), fixture(t), build.Options{Out: out}); sharedErr == nil {
			sharedFiles = snapshot(t, out)
		}
	})
	if sharedErr != nil {
		t.Fatalf("build failed:\n%s", summarize(sharedErr))
	}
	return sharedFiles
}

// sharedPage returns one page of the shared build.
func sharedPage(t testing.TB, rel string) string {
	t.Helper()
	page, ok := shared(t)[rel]
	if !ok {
		t.Fatalf("page %s was not built", rel)
	}
	return page
}

// errLines returns the messages of a build error, one per problem, as the
// command prints them.
func errLines(err error) []string {
	if err == nil {
		return nil
	}
	var j interface{ Unwrap() []error }
	if errors.As(err, &j) {
		var out []string
		for _, e := range j.Unwrap() {
			out = append(out, e.Error())
		}
		return out
	}
	return []string{err.Error()}
}

// summarize returns the first problems of a build error, one per line.
func summarize(err error) string {
	lines := errLines(err)
	if len(lines) > 8 {
		lines = append(lines[:8], fmt.Sprintf("… and %d more", len(lines)-8))
	}
	return strings.Join(lines, "\n")
}

// snapshot returns every file under dir: slash path → content.
func snapshot(t testing.TB, dir string) map[string]string { return sitetest.ReadTree(t, dir) }

// sameTree reports every difference between two snapshots.
func sameTree(t testing.TB, have, want map[string]string) {
	t.Helper()
	for _, name := range slices.Sorted(maps.Keys(want)) {
		h, ok := have[name]
		switch {
		case !ok:
			t.Errorf("%s is missing", name)
		case h != want[name]:
			t.Errorf("%s differs:\n%s", name, diff(want[name], h))
		}
	}
	for _, name := range slices.Sorted(maps.Keys(have)) {
		if _, ok := want[name]; !ok {
			t.Errorf("%s should not be there", name)
		}
	}
}

// readPage returns an output file.
func readPage(t testing.TB, out, rel string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatalf("page %s: %v", rel, err)
	}
	return string(data)
}

// diff returns a line diff of want and have: "-" lines are expected but
// missing, "+" lines are there but unexpected, with two lines of context.
func diff(want, have string) string {
	a, b := strings.Split(want, "\n"), strings.Split(have, "\n")
	// lcs[i][j] is the length of the longest common subsequence of a[i:] and b[j:].
	lcs := make([][]int, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	type line struct {
		op   byte
		text string
	}
	var lines []line
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && a[i] == b[j]:
			lines = append(lines, line{' ', a[i]})
			i++
			j++
		case i < len(a) && (j == len(b) || lcs[i+1][j] >= lcs[i][j+1]):
			lines = append(lines, line{'-', a[i]})
			i++
		default:
			lines = append(lines, line{'+', b[j]})
			j++
		}
	}
	var out strings.Builder
	lastShown := -1
	for k, l := range lines {
		near := false
		for d := -2; d <= 2; d++ {
			if k+d >= 0 && k+d < len(lines) && lines[k+d].op != ' ' {
				near = true
			}
		}
		if !near {
			continue
		}
		if lastShown >= 0 && k > lastShown+1 {
			out.WriteString("  …\n")
		}
		fmt.Fprintf(&out, "%c %s\n", l.op, l.text)
		lastShown = k
	}
	return out.String()
}

// appendTo appends text to the file name.
func appendTo(t testing.TB, name, text string) {
	t.Helper()
	src, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, append(src, text...), 0o644); err != nil {
		t.Fatal(err)
	}
}
