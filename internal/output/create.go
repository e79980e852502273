package output

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// Create creates the file rel (slash-separated) in the staging directory,
// for a file written in pieces rather than made in memory first (a large
// site's sitemaps are tens of megabytes each). Close publishes it as
// WriteFile would: when the previous build has the same bytes at rel, the
// new file is replaced by a hard link to it.
func (s *Staging) Create(rel string) (io.WriteCloser, error) {
	dst, err := s.prepare(rel)
	if err != nil {
		return nil, err
	}
	f, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		// rel written twice: dst may be a hard link to the published file.
		if err = os.Remove(dst); err == nil {
			f, err = os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("write %s: %w", rel, err)
	}
	w := bufio.NewWriterSize(f, 64<<10)
	return &stagedFile{s: s, rel: rel, dst: dst, f: f, w: w}, nil
}

type stagedFile struct {
	s        *Staging
	rel, dst string
	f        *os.File
	w        *bufio.Writer
}

func (f *stagedFile) Write(p []byte) (int, error) {
	if f.w == nil {
		return 0, fmt.Errorf("write %s: %w", f.rel, fs.ErrClosed)
	}
	return f.w.Write(p)
}

func (f *stagedFile) Close() error {
	if f.w == nil {
		return fmt.Errorf("write %s: %w", f.rel, fs.ErrClosed)
	}
	err := f.w.Flush()
	f.w = nil
	if cerr := f.f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", f.rel, err)
	}
	if !f.s.hasPrev {
		return nil
	}
	old := filepath.Join(f.s.final, filepath.FromSlash(f.rel))
	if sameFiles(old, f.dst) {
		// Link beside, then rename over: dst is never missing.
		tmp := f.dst + ".link"
		if os.Link(old, tmp) == nil {
			if os.Rename(tmp, f.dst) != nil {
				os.Remove(tmp)
			}
		}
	}
	return nil
}

// sameFiles reports whether the regular files a and b hold the same bytes.
func sameFiles(a, b string) bool {
	ia, err := os.Lstat(a)
	if err != nil || !ia.Mode().IsRegular() {
		return false
	}
	ib, err := os.Lstat(b)
	if err != nil || ia.Size() != ib.Size() {
		return false
	}
	fa, err := os.Open(a)
	if err != nil {
		return false
	}
	defer fa.Close()
	fb, err := os.Open(b)
	if err != nil {
		return false
	}
	defer fb.Close()
	ba, bb := make([]byte, 64<<10), make([]byte, 64<<10)
	for {
		na, erra := io.ReadFull(fa, ba)
		nb, errb := io.ReadFull(fb, bb)
		if na != nb || !bytes.Equal(ba[:na], bb[:nb]) {
			return false
		}
		if erra != nil || errb != nil {
			return (erra == io.EOF || erra == io.ErrUnexpectedEOF) && (errb == io.EOF || errb == io.ErrUnexpectedEOF)
		}
	}
}
