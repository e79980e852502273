package build

import "sync/atomic"

// Stage is what a build is doing, for a progress display.
type Stage int32

const (
	Loading    Stage = iota // reading the configuration and the content
	Rendering               // rendering pages: Progress counts them
	Publishing              // writing the last files and swapping the output in
)

// Progress counts a build's work as it goes, for a display that reads it
// from another goroutine while the build runs (the build command's
// progress line on a terminal). Options.Progress nil counts nothing.
type Progress struct {
	stage atomic.Int32
	done  atomic.Int64 // pages rendered
	total atomic.Int64 // pages to render
}

// Load returns the build's stage and, while it renders, the pages
// rendered so far and the pages it renders in all.
func (p *Progress) Load() (stage Stage, done, total int) {
	return Stage(p.stage.Load()), int(p.done.Load()), int(p.total.Load())
}

// Reset starts the count again, at Loading, for the next build of a watch
// session.
func (p *Progress) Reset() {
	p.stage.Store(int32(Loading))
	p.done.Store(0)
	p.total.Store(0)
}

func (p *Progress) enter(s Stage) {
	if p != nil {
		p.stage.Store(int32(s))
	}
}

// rendering starts the rendering stage, of total pages.
func (p *Progress) rendering(total int) {
	if p != nil {
		p.done.Store(0)
		p.total.Store(int64(total))
		p.stage.Store(int32(Rendering))
	}
}

// rendered counts a page rendered.
func (p *Progress) rendered() {
	if p != nil {
		p.done.Add(1)
	}
}
