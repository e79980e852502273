package site

import (
	"fmt"
	"html/template"
	"os"
	"sync/atomic"
)

// bodyFile keeps the rendered bodies of a one-shot build's articles out of
// memory, in an unnamed temporary file, from when each is parsed until its
// page is rendered: at 40,000 articles they are a third of the heap (over
// 300 MB), and a build that never runs again has no reason to hold them.
// Builds in watch mode keep bodies in memory, for the next build.
type bodyFile struct {
	f    *os.File
	name string // still to remove on close ("" once removed)
	end  atomic.Int64
}

// bodyRef is where one body is in a bodyFile.
type bodyRef struct {
	off int64
	n   int
}

func newBodyFile() (*bodyFile, error) {
	f, err := os.CreateTemp("", "tact-bodies-*")
	if err != nil {
		return nil, fmt.Errorf("temporary file for article bodies: %w", err)
	}
	b := &bodyFile{f: f, name: f.Name()}
	if os.Remove(b.name) == nil { // the open file lives on, unnamed (Unix)
		b.name = ""
	}
	return b, nil
}

// put stores body; it is safe for concurrent use.
func (b *bodyFile) put(body []byte) (bodyRef, error) {
	off := b.end.Add(int64(len(body))) - int64(len(body))
	if _, err := b.f.WriteAt(body, off); err != nil {
		return bodyRef{}, fmt.Errorf("store article body: %w", err)
	}
	return bodyRef{off: off, n: len(body)}, nil
}

// get returns a stored body; it is safe for concurrent use.
func (b *bodyFile) get(r bodyRef) (template.HTML, error) {
	buf := make([]byte, r.n)
	if _, err := b.f.ReadAt(buf, r.off); err != nil {
		return "", fmt.Errorf("read back article body: %w", err)
	}
	return template.HTML(buf), nil
}

func (b *bodyFile) close() {
	b.f.Close()
	if b.name != "" {
		os.Remove(b.name)
	}
}

// Body returns the article's rendered Markdown.
func (a *Article) Body() (template.HTML, error) {
	if a.bodies != nil {
		return a.bodies.get(a.bodyRef)
	}
	return a.body, nil
}
