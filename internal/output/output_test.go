package output

import (
	"errors"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tact-guide/tact/internal/sitetest"
)

// snapshot returns every regular file under dir: slash path → content.
func snapshot(t *testing.T, dir string) map[string]string { return sitetest.ReadTree(t, dir) }

func diffTrees(t *testing.T, have, want map[string]string) {
	t.Helper()
	for _, name := range slices.Sorted(maps.Keys(want)) {
		if h, ok := have[name]; !ok {
			t.Errorf("%s is missing", name)
		} else if h != want[name] {
			t.Errorf("%s:\nhave %q\nwant %q", name, h, want[name])
		}
	}
	for _, name := range slices.Sorted(maps.Keys(have)) {
		if _, ok := want[name]; !ok {
			t.Errorf("%s should not be there (content %q)", name, have[name])
		}
	}
}

// leftovers lists what Begin, Commit and Abort may leave beside out.
func leftovers(t *testing.T, out string) []string {
	t.Helper()
	staging, _ := filepath.Glob(filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+".staging-*"))
	old, _ := filepath.Glob(out + ".old")
	return append(staging, old...)
}

func TestCommitReplacesTheOutputDirectory(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	sitetest.WriteTree(t, out, map[string]string{
		"index.html":          "old home",
		"es/index.html":       "old es",
		"es/deleted/index.md": "a page the new build no longer has",
	})
	s, err := Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string]string{"index.html": "new home", "es/index.html": "old es", "en/index.html": "new en"} {
		if err := s.WriteFile(name, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	if have := snapshot(t, out)["index.html"]; have != "old home" {
		t.Fatalf("before Commit the output already holds %q: readers must see the old site until the new one is complete", have)
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	diffTrees(t, snapshot(t, out), map[string]string{
		"index.html":    "new home",
		"es/index.html": "old es",
		"en/index.html": "new en",
	})
	if l := leftovers(t, out); len(l) > 0 {
		t.Errorf("Commit left %v beside the output", l)
	}
}

func TestCommitCreatesAMissingOutputDirectory(t *testing.T) {
	out := filepath.Join(t.TempDir(), "deep", "public")
	s, err := Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.WriteFile("a/b/c.html", []byte("c")); err != nil {
		t.Fatal(err)
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	diffTrees(t, snapshot(t, out), map[string]string{"a/b/c.html": "c"})
	info, err := os.Stat(out)
	if err != nil {
		t.Fatal(err)
	}
	if perm := info.Mode().Perm(); perm != 0o755 {
		t.Errorf("output directory mode %v, want 0755 (a web server must read it)", perm)
	}
}

func TestAbortLeavesTheOldOutputByteIdentical(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	old := map[string]string{"index.html": "old home", "es/index.html": "old es", "assets/style.css": "body{}"}
	sitetest.WriteTree(t, out, old)
	s, err := Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	_ = s.WriteFile("index.html", []byte("new home"))
	_ = s.WriteFile("es/index.html", []byte("old es")) // unchanged: hard-linked
	_ = s.WriteFile("new/index.html", []byte("new"))
	s.Abort()
	diffTrees(t, snapshot(t, out), old)
	if l := leftovers(t, out); len(l) > 0 {
		t.Errorf("Abort left %v beside the output", l)
	}
}

// writers are the two ways of writing a file into a staging directory.
var writers = map[string]func(s *Staging, rel string, data []byte) error{
	"WriteFile": (*Staging).WriteFile,
	"Create": func(s *Staging, rel string, data []byte) error {
		w, err := s.Create(rel)
		if err != nil {
			return err
		}
		for len(data) > 0 { // in pieces, as a streaming writer would
			n := min(len(data), 3)
			if _, err := w.Write(data[:n]); err != nil {
				return err
			}
			data = data[n:]
		}
		return w.Close()
	},
}

func TestUnchangedFileIsHardLinkedAndKeepsItsModificationTime(t *testing.T) {
	for name, write := range writers {
		t.Run(name, func(t *testing.T) { testUnchangedFileIsHardLinked(t, write) })
	}
}

func testUnchangedFileIsHardLinked(t *testing.T, write func(s *Staging, rel string, data []byte) error) {
	out := filepath.Join(t.TempDir(), "public")
	sitetest.WriteTree(t, out, map[string]string{"same.html": "same", "changed.html": "before"})
	past := time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)
	for _, name := range []string{"same.html", "changed.html"} {
		if err := os.Chtimes(filepath.Join(out, name), past, past); err != nil {
			t.Fatal(err)
		}
	}
	sameBefore, err := os.Stat(filepath.Join(out, "same.html"))
	if err != nil {
		t.Fatal(err)
	}
	changedBefore, err := os.Stat(filepath.Join(out, "changed.html"))
	if err != nil {
		t.Fatal(err)
	}

	s, err := Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := write(s, "same.html", []byte("same")); err != nil {
		t.Fatal(err)
	}
	if err := write(s, "changed.html", []byte("after")); err != nil {
		t.Fatal(err)
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}

	sameAfter, err := os.Stat(filepath.Join(out, "same.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !os.SameFile(sameBefore, sameAfter) {
		t.Error("unchanged file was written again instead of hard-linked from the previous build")
	}
	if !sameAfter.ModTime().Equal(past) {
		t.Errorf("unchanged file's mtime is %v, want %v: upload tools would send it again", sameAfter.ModTime(), past)
	}
	changedAfter, err := os.Stat(filepath.Join(out, "changed.html"))
	if err != nil {
		t.Fatal(err)
	}
	if os.SameFile(changedBefore, changedAfter) || changedAfter.ModTime().Equal(past) {
		t.Error("changed file kept the old file's identity or mtime")
	}
	diffTrees(t, snapshot(t, out), map[string]string{"same.html": "same", "changed.html": "after"})
}

// Writing a path a second time must not write through the hard link into
// the published site: the old output must stay intact until Commit.
func TestRewritingALinkedFileLeavesThePublishedFileAlone(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	sitetest.WriteTree(t, out, map[string]string{"page.html": "published"})
	s, err := Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.WriteFile("page.html", []byte("published")); err != nil { // hard-linked
		t.Fatal(err)
	}
	if err := s.WriteFile("page.html", []byte("replaced")); err != nil {
		t.Fatal(err)
	}
	if have := snapshot(t, out)["page.html"]; have != "published" {
		t.Errorf("the published page now reads %q before Commit; want %q", have, "published")
	}
	s.Abort()
	diffTrees(t, snapshot(t, out), map[string]string{"page.html": "published"})
}

func TestWriteFileRefusesPathsOutsideTheOutput(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	s, err := Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Abort()
	for name, write := range writers {
		for _, rel := range []string{"../escape.html", "/etc/escape.html", "a/../../escape.html", ""} {
			if err := write(s, rel, []byte("x")); err == nil {
				t.Errorf("%s(%q) succeeded, want an error", name, rel)
			} else if rel != "" && !strings.Contains(err.Error(), "leaves the output directory") {
				t.Errorf("%s(%q) = %v, want it to say the path leaves the output directory", name, rel, err)
			}
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "escape.html")); err == nil {
		t.Error("escape.html was written beside the output directory")
	}
}

func TestBeginRemovesLeftoversOfInterruptedBuilds(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	stale := filepath.Join(dir, ".public.staging-123")
	sitetest.WriteTree(t, stale, map[string]string{"index.html": "half a build"})
	other := filepath.Join(dir, ".other.staging-1") // another output's: not ours
	sitetest.WriteTree(t, other, map[string]string{"x": "x"})
	s, err := Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Abort()
	if _, err := os.Stat(stale); err == nil {
		t.Error("the interrupted build's staging directory is still there")
	}
	if _, err := os.Stat(other); err != nil {
		t.Error("Begin removed another output's staging directory")
	}
	if !strings.HasPrefix(filepath.Base(s.Dir()), ".public.staging-") || filepath.Dir(s.Dir()) != dir {
		t.Errorf("staging directory %s is not beside %s", s.Dir(), out)
	}
}

// The two-rename swap used where renameat2 is missing must give the same
// result as the atomic one.
func TestExchangeByRenameSwapsTwoDirectories(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	sitetest.WriteTree(t, a, map[string]string{"f": "from a"})
	sitetest.WriteTree(t, b, map[string]string{"f": "from b"})
	if err := exchangeByRename(a, b); err != nil {
		t.Fatal(err)
	}
	diffTrees(t, snapshot(t, a), map[string]string{"f": "from b"})
	diffTrees(t, snapshot(t, b), map[string]string{"f": "from a"})
	if _, err := os.Stat(b + ".old"); err == nil {
		t.Errorf("%s.old is left behind", b)
	}
}

func TestSameComparesBytes(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "f")
	sitetest.WriteTree(t, dir, map[string]string{"f": "abc"})
	for _, tt := range []struct {
		data string
		want bool
	}{{"abc", true}, {"abd", false}, {"ab", false}, {"", false}} {
		if have := same(p, []byte(tt.data)); have != tt.want {
			t.Errorf("same(%q) = %v, want %v", tt.data, have, tt.want)
		}
	}
	if same(filepath.Join(dir, "missing"), nil) {
		t.Error("same(missing file) = true")
	}
	if err := os.Symlink(p, filepath.Join(dir, "link")); err != nil {
		t.Fatal(err)
	}
	if same(filepath.Join(dir, "link"), []byte("abc")) {
		t.Error("same(symlink) = true: a link in the old output must not be hard-linked into the new one")
	}
}

func TestSameFilesComparesBytes(t *testing.T) {
	dir := t.TempDir()
	big := strings.Repeat("0123456789", 20000) // over one read buffer
	sitetest.WriteTree(t, dir, map[string]string{"a": big, "same": big, "end": big[:len(big)-1] + "x", "short": big[1:], "empty": "", "empty2": ""})
	for _, tt := range []struct {
		b    string
		want bool
	}{{"same", true}, {"end", false}, {"short", false}, {"missing", false}} {
		if have := sameFiles(filepath.Join(dir, "a"), filepath.Join(dir, tt.b)); have != tt.want {
			t.Errorf("sameFiles(a, %s) = %v, want %v", tt.b, have, tt.want)
		}
	}
	if !sameFiles(filepath.Join(dir, "empty"), filepath.Join(dir, "empty2")) {
		t.Error("two empty files differ")
	}
}

// TestConcurrentBuildsKeepTheirStagingDirectories starts a second build
// into the same output while the first is still writing: the second must
// not remove the first's staging directory as a leftover, both must
// publish, and the one that finishes last is what the output holds.
func TestConcurrentBuildsKeepTheirStagingDirectories(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	first, err := Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := first.WriteFile("index.html", []byte("first")); err != nil {
		t.Fatal(err)
	}
	second, err := Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(first.Dir()); err != nil {
		t.Fatalf("the second build removed the first's staging directory: %v", err)
	}
	if err := first.WriteFile("en/index.html", []byte("first")); err != nil {
		t.Fatalf("the first build cannot go on: %v", err)
	}
	if err := second.WriteFile("index.html", []byte("second")); err != nil {
		t.Fatal(err)
	}
	if err := first.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := second.Commit(); err != nil {
		t.Fatalf("the second build cannot publish after the first: %v", err)
	}
	diffTrees(t, snapshot(t, out), map[string]string{"index.html": "second"})
	if left, _ := filepath.Glob(filepath.Join(dir, ".public.staging-*")); len(left) > 0 {
		t.Errorf("staging directories left behind: %v", left)
	}
}

// When the previous build, moved aside, cannot be removed (a read-only
// directory, as a user without rights to it), the new site is already out:
// Commit says so with a LeftoverError naming what is left, never that the
// output is unchanged.
func TestCommitThatCannotRemoveThePreviousBuildSaysItPublished(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	sitetest.WriteTree(t, out, map[string]string{"index.html": "old home"})
	removeAll = func(string) error { return os.ErrPermission }
	defer func() { removeAll = os.RemoveAll }()
	s, err := Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.WriteFile("index.html", []byte("new home")); err != nil {
		t.Fatal(err)
	}
	err = s.Commit()
	var le *LeftoverError
	if !errors.As(err, &le) || !strings.Contains(err.Error(), "published") {
		t.Fatalf("Commit = %v, want a LeftoverError saying the site was published", err)
	}
	if have := snapshot(t, out)["index.html"]; have != "new home" {
		t.Errorf("output holds %q, want the new site", have)
	}
	if have := snapshot(t, le.Dir)["index.html"]; have != "old home" {
		t.Errorf("the leftover %s holds %q, want the previous build", le.Dir, have)
	}
}
