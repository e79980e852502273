package build_test

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/tact-guide/tact/internal/build"
)

// denyFS refuses to open one file, as the operating system does for a
// file without read permission (which root, running the tests, can read).
type denyFS struct {
	fs.FS
	name string
}

func (d denyFS) Open(name string) (fs.File, error) {
	if name == d.name {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return d.FS.Open(name)
}

func TestUnreadableFile(t *testing.T) {
	fsys := denyFS{FS: fixture(t), name: "content/en/introductions.md"}
	out := mustBuild(t, fixture(t), build.Options{})
	before := snapshot(t, out)
	_, err := runBuild(t, fsys, build.Options{Out: out})
	want := "content/en/introductions.md: cannot read: permission denied (check the file's permissions)"
	if have := errLines(err); len(have) != 1 || !strings.HasPrefix(have[0], want) {
		t.Errorf("have %q\nwant %s", have, want)
	}
	sameTree(t, snapshot(t, out), before)
}
