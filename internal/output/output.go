// Package output writes a build into a staging directory beside the output
// directory and swaps it into place only when the build has succeeded, so the
// previous site stays intact, byte for byte, until a complete new one exists.
//
// On Linux the swap is one renameat2(RENAME_EXCHANGE) call: at every instant
// the output path holds either the old site or the new one. Elsewhere it is
// two renames, with a moment in between where the old site is at <out>.old.
//
// Each staging directory is locked (flock) while its build runs: a build
// that starts meanwhile removes only the leftovers of builds that died, so
// two builds into one output both publish, the later one last.
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
)

// Staging is a build being written.
type Staging struct {
	final   string   // the output directory
	dir     string   // the staging directory
	hasPrev bool     // final existed when the build began: unchanged files may be linked
	lock    *os.File // holds the staging directory's lock while the build runs
}

// Begin creates a fresh staging directory for out. Leftovers of interrupted
// builds are removed first; each staging directory is locked while its build
// runs, so that a build running at the same time into the same output keeps
// its own (the last of two such builds to finish is the one published).
func Begin(out string) (*Staging, error) {
	out = filepath.Clean(out)
	parent, base := filepath.Dir(out), filepath.Base(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("create output parent: %w", err)
	}
	leftovers, _ := filepath.Glob(filepath.Join(parent, "."+base+".staging-*"))
	for _, l := range leftovers {
		if f, ok := lockDir(l); ok { // no build is using it
			_ = os.RemoveAll(l)
			if f != nil {
				f.Close()
			}
		}
	}
	dir, err := os.MkdirTemp(parent, "."+base+".staging-")
	if err != nil {
		return nil, fmt.Errorf("create staging directory: %w", err)
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		return nil, fmt.Errorf("create staging directory: %w", err)
	}
	lock, _ := lockDir(dir) // (made just now: only a leftover sweep could race for it)
	_, err = os.Stat(out)
	return &Staging{final: out, dir: dir, hasPrev: err == nil, lock: lock}, nil
}

// Dir returns the staging directory.
func (s *Staging) Dir() string { return s.dir }

// WriteFile writes data at rel (slash-separated) inside the staging directory.
func (s *Staging) WriteFile(rel string, data []byte) error {
	dst, err := s.prepare(rel)
	if err != nil {
		return err
	}
	if s.hasPrev {
		old := filepath.Join(s.final, filepath.FromSlash(rel))
		if same(old, data) {
			if err := os.Link(old, dst); err == nil {
				return nil
			} else if errors.Is(err, fs.ErrExist) && os.Remove(dst) == nil && os.Link(old, dst) == nil {
				return nil // rel written twice
			}
		}
	}
	err = writeNew(dst, data)
	if errors.Is(err, fs.ErrExist) {
		// rel written twice: dst may be a hard link to the published
		// file, so replace it, never write through it.
		if err = os.Remove(dst); err == nil {
			err = writeNew(dst, data)
		}
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", rel, err)
	}
	return nil
}

// prepare checks rel and makes the directory that will hold it; it returns
// the file's path in the staging directory.
func (s *Staging) prepare(rel string) (string, error) {
	if !filepath.IsLocal(filepath.FromSlash(rel)) {
		return "", fmt.Errorf("write %s: path leaves the output directory", rel)
	}
	dst := filepath.Join(s.dir, filepath.FromSlash(rel))
	// Each page is a directory of its own, new in this build: make it in
	// one call, without remembering which directories exist (at 270,000
	// pages that memory is tens of megabytes).
	if parent := filepath.Dir(dst); parent != s.dir {
		if err := os.Mkdir(parent, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
			if err := os.MkdirAll(parent, 0o755); err != nil {
				return "", fmt.Errorf("write %s: %w", rel, err)
			}
		}
	}
	return dst, nil
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
	defer s.unlock()
	if _, err := os.Lstat(s.final); errors.Is(err, fs.ErrNotExist) {
		if err := os.Rename(s.dir, s.final); err == nil {
			return nil
		}
		// Another build published first: exchange with its output.
	}
	if err := exchange(s.dir, s.final); err != nil {
		return fmt.Errorf("publish build: %w", err)
	}
	// s.dir now holds the previous build.
	if err := removeAll(s.dir); err != nil {
		return &LeftoverError{Dir: s.dir, Err: err}
	}
	return nil
}

// removeAll is os.RemoveAll; tests make it fail.
var removeAll = os.RemoveAll

// LeftoverError is Commit's error when the new build is published but the
// previous one, moved aside, could not be removed: the build succeeded, and
// what is left is a directory beside the output to delete by hand.
type LeftoverError struct {
	Dir string // the previous build
	Err error
}

func (e *LeftoverError) Error() string {
	return fmt.Sprintf("published, but the previous build could not be removed from %s: %v (delete it by hand; it is not part of the site)", e.Dir, e.Err)
}

func (e *LeftoverError) Unwrap() error { return e.Err }

// Abort removes the staging directory; the output directory is untouched.
func (s *Staging) Abort() {
	defer s.unlock()
	if strings.Contains(filepath.Base(s.dir), ".staging-") {
		_ = os.RemoveAll(s.dir)
	}
}

func (s *Staging) unlock() {
	if s.lock != nil {
		s.lock.Close()
		s.lock = nil
	}
}
