package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// Twin publishes the incremental builds of watch mode atomically. It keeps
// beside the output directory a second copy of the site, made of hard
// links to the same files (no space of its own but the directories), and
// publishes a build's few changed files by writing them into the twin,
// out of sight, then swapping the twin with the output directory
// (RENAME_EXCHANGE on Linux: at every instant the output is the old site
// or the new one, never a mix, and no temporary file is ever in it).
// The previous site, now the twin, then takes the same changes, to be
// ready for the next build.
//
// Files are only ever replaced by rename, never written in place, so a
// file the two copies share stays the same in both.
type Twin struct {
	out  string
	dir  string    // the twin: .<out>.staging-twin-*, so that Begin sweeps leftovers
	lock *os.File  // held while the twin exists
	made sync.Once // the twin is cloned on first use
	err  error     // why it could not be (or be kept) in step
}

// NewTwin returns the Twin of the output directory out, which must hold a
// complete build, and starts making the copy in the background: at 27,000
// files that takes most of a second, which the first save would otherwise
// wait for. Update waits until it is made.
func NewTwin(out string) *Twin {
	t := &Twin{out: filepath.Clean(out)}
	go t.made.Do(t.clone)
	return t
}

// Update publishes files (slash-separated path → bytes) and removes stale
// from the output directory, in one atomic step.
func (t *Twin) Update(files map[string][]byte, stale []string) error {
	t.made.Do(t.clone)
	if t.err != nil {
		// Out of step (an earlier failure): make it again.
		t.Close()
		t.made, t.err = sync.Once{}, nil
		t.made.Do(t.clone)
		if t.err != nil {
			return t.err
		}
	}
	if err := Update(t.dir, files, stale); err != nil {
		t.err = err
		return err
	}
	if err := exchange(t.dir, t.out); err != nil {
		t.err = err
		return fmt.Errorf("publish build: %w", err)
	}
	// t.dir holds the previous site: bring it level, with links to the
	// files just published.
	if err := t.level(files, stale); err != nil {
		t.err = err // (the site is published; the twin is made again next time)
	}
	return nil
}

// level makes the twin, which holds the previous site, the same as the
// output directory after an update of files and stale: each new file is
// hard-linked from the output into a temporary name, then renamed into place.
func (t *Twin) level(files map[string][]byte, stale []string) error {
	for name := range files {
		dst := filepath.Join(t.dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		tmp := filepath.Join(filepath.Dir(dst), ".tact-level")
		_ = os.Remove(tmp)
		if err := os.Link(filepath.Join(t.out, filepath.FromSlash(name)), tmp); err != nil {
			return err
		}
		if err := os.Rename(tmp, dst); err != nil {
			return err
		}
	}
	return Update(t.dir, nil, stale)
}

// Close removes the twin (once it is made).
func (t *Twin) Close() {
	t.made.Do(func() {})
	if t.dir != "" {
		_ = os.RemoveAll(t.dir)
		t.dir = ""
	}
	if t.lock != nil {
		t.lock.Close()
		t.lock = nil
	}
}

// clone makes the twin: every directory of the output made again, every
// file hard-linked.
func (t *Twin) clone() {
	parent, base := filepath.Dir(t.out), filepath.Base(t.out)
	dir, err := os.MkdirTemp(parent, "."+base+".staging-twin-")
	if err != nil {
		t.err = fmt.Errorf("create the twin of %s: %w", t.out, err)
		return
	}
	t.dir = dir
	t.lock, _ = lockDir(dir)
	err = filepath.WalkDir(t.out, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(t.out, p)
		if err != nil || rel == "." {
			return err
		}
		dst := filepath.Join(dir, rel)
		switch {
		case d.IsDir():
			return os.Mkdir(dst, 0o755)
		case d.Type().IsRegular():
			return os.Link(p, dst)
		}
		return errors.New(p + ": not a regular file")
	})
	if err == nil {
		err = os.Chmod(dir, 0o755)
	}
	if err != nil {
		t.err = fmt.Errorf("create the twin of %s: %w", t.out, err)
	}
}
