// Package output writes a build into a staging directory beside the output
// directory and swaps it into place only when the build has succeeded, so the
// previous site stays intact, byte for byte, until a complete new one exists.
//
// On Linux the swap is one renameat2(RENAME_EXCHANGE) call: at every instant
// the output path holds either the old site or the new one. Elsewhere it is
// two renames, with a moment in between where the old site is at <out>.old.
//
// A file whose bytes did not change since the previous build is hard-linked
// from it instead of written again, so its modification time stays put and
// upload tools (rsync, CDN syncs) skip it.
package output

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// Staging is a build being written.
type Staging struct {
	final   string   // the output directory
	dir     string   // the staging directory
	hasPrev bool     // final existed when the build began: unchanged files may be linked
	dirs    sync.Map // directories already made in the staging directory
	written sync.Map // files written so far (rel)
}

// Begin creates a fresh staging directory for out. Leftovers of interrupted
// builds are removed first.
func Begin(out string) (*Staging, error) {
	out = filepath.Clean(out)
	parent, base := filepath.Dir(out), filepath.Base(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("create output parent: %w", err)
	}
	leftovers, _ := filepath.Glob(filepath.Join(parent, "."+base+".staging-*"))
	for _, l := range leftovers {
		_ = os.RemoveAll(l)
	}
	dir, err := os.MkdirTemp(parent, "."+base+".staging-")
	if err != nil {
		return nil, fmt.Errorf("create staging directory: %w", err)
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		return nil, fmt.Errorf("create staging directory: %w", err)
	}
	_, err = os.Stat(out)
	return &Staging{final: out, dir: dir, hasPrev: err == nil}, nil
}

// Dir returns the staging directory.
func (s *Staging) Dir() string { return s.dir }

// WriteFile writes data at rel (slash-separated) inside the staging directory.
func (s *Staging) WriteFile(rel string, data []byte) error {
	if !filepath.IsLocal(filepath.FromSlash(rel)) {
		return fmt.Errorf("write %s: path leaves the output directory", rel)
	}
	dst := filepath.Join(s.dir, filepath.FromSlash(rel))
	// Each page is a directory of its own: remember the ones made, so a
	// build makes each once instead of asking the file system every time.
	if parent := filepath.Dir(dst); parent != s.dir {
		if err := s.mkdir(parent); err != nil {
			return fmt.Errorf("write %s: %w", rel, err)
		}
	}
	if s.hasPrev {
		old := filepath.Join(s.final, filepath.FromSlash(rel))
		if same(old, data) && os.Link(old, dst) == nil {
			return nil
		}
	}
	if _, again := s.written.LoadOrStore(rel, true); again {
		// dst may be a hard link to the published file: replace the
		// link, never write through it.
		_ = os.Remove(dst)
	}
	if err := os.WriteFile(dst, data, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", rel, err)
	}
	return nil
}

// mkdir makes dir in the staging directory, with its parents, unless this
// build made it already. When its parent was made by this build it is one
// mkdir call, where os.MkdirAll would first look at the directory and then
// at its parent.
func (s *Staging) mkdir(dir string) error {
	if _, made := s.dirs.Load(dir); made {
		return nil
	}
	parent := filepath.Dir(dir)
	_, parentMade := s.dirs.Load(parent)
	var err error
	if parentMade || parent == s.dir {
		if err = os.Mkdir(dir, 0o755); errors.Is(err, fs.ErrExist) {
			err = nil // made meanwhile by another page in the same directory
		}
	} else {
		err = os.MkdirAll(dir, 0o755)
	}
	if err != nil {
		return err
	}
	s.dirs.Store(dir, true)
	return nil
}

// same reports whether the file at name holds exactly data.
func same(name string, data []byte) bool {
	info, err := os.Lstat(name)
	if err != nil || !info.Mode().IsRegular() || info.Size() != int64(len(data)) {
		return false
	}
	old, err := os.ReadFile(name)
	return err == nil && bytes.Equal(old, data)
}

// Commit puts the staged build in place of the output directory and removes
// the previous build.
func (s *Staging) Commit() error {
	if _, err := os.Lstat(s.final); errors.Is(err, fs.ErrNotExist) {
		if err := os.Rename(s.dir, s.final); err != nil {
			return fmt.Errorf("publish build: %w", err)
		}
		return nil
	}
	if err := exchange(s.dir, s.final); err != nil {
		return fmt.Errorf("publish build: %w", err)
	}
	// s.dir now holds the previous build.
	if err := os.RemoveAll(s.dir); err != nil {
		return fmt.Errorf("remove previous build: %w", err)
	}
	return nil
}

// Abort removes the staging directory; the output directory is untouched.
func (s *Staging) Abort() {
	if strings.Contains(filepath.Base(s.dir), ".staging-") {
		_ = os.RemoveAll(s.dir)
	}
}
