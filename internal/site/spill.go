package site

import (
	"fmt"
	"os"
	"sync/atomic"
)

// spillFile keeps what only an article's own pages show (its detail: the
// rendered body, the scenarios' texts and the replies' messages) out of
// memory in a one-shot build, in an unnamed temporary file, from when the
// article is parsed until its pages are rendered. At 40,000 articles the
// details are over two thirds of the model (about 500 MB), and a build that
// never runs again has no reason to hold them. Builds in watch mode keep
// everything in memory, for the next build.
type spillFile struct {
	f    *os.File
	name string // still to remove on close ("" once removed)
	end  atomic.Int64
}

// spillRef is where one record is in a spillFile.
type spillRef struct {
	off int64
	n   int
}

func newSpillFile() (*spillFile, error) {
	f, err := os.CreateTemp("", "tact-spill-*")
	if err != nil {
		return nil, fmt.Errorf("temporary file for article details: %w", err)
	}
	b := &spillFile{f: f, name: f.Name()}
	if os.Remove(b.name) == nil { // the open file lives on, unnamed (Unix)
		b.name = ""
	}
	return b, nil
}

// put stores data; it is safe for concurrent use.
func (b *spillFile) put(data []byte) (spillRef, error) {
	off := b.end.Add(int64(len(data))) - int64(len(data))
	if _, err := b.f.WriteAt(data, off); err != nil {
		return spillRef{}, fmt.Errorf("store article detail: %w", err)
	}
	return spillRef{off: off, n: len(data)}, nil
}

// get returns stored data; it is safe for concurrent use.
func (b *spillFile) get(r spillRef) ([]byte, error) {
	buf := make([]byte, r.n)
	if _, err := b.f.ReadAt(buf, r.off); err != nil {
		return nil, fmt.Errorf("read back article detail: %w", err)
	}
	return buf, nil
}

func (b *spillFile) close() {
	b.f.Close()
	if b.name != "" {
		os.Remove(b.name)
	}
}
