package render

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/tact-guide/tact/internal/diag"
)

// Layout errors. Layouts are minified before they are parsed, so the
// positions html/template reports ("template: reply.html:3:138: …") are in
// the minified text, and a mistake in a layout fails every page that uses
// it. Layout authors get instead one error per mistake, at its place in
// the layout file as they wrote it, with the pages it failed.

// templateRef finds the template name and position html/template puts
// before a message ("template: " when executing, "html/template:" when
// escaping); the last one in an error is the innermost (a template
// that failed inside another, or inside {{cached}}).
// (Parse errors give a line, execution errors a line and a byte offset in
// it, counted from 0.) Compiled when an error first needs it, like quoted
// and scopedName, not at every start.
var templateRef = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`template: ?([^\s:]+):(\d+)(?::(\d+))?: `)
})

// layoutFile is a layout file as written.
type layoutFile struct {
	path string
	src  []byte
}

// layoutError returns err as a diag.Error at the layout file and position
// its message names (the column counted in characters from 1, as Tact's
// other errors), or err itself when it names none. files maps template
// names to layout files.
func layoutError(err error, files map[string]layoutFile) error {
	msg := err.Error()
	all := templateRef().FindAllStringSubmatchIndex(msg, -1)
	if len(all) == 0 {
		return err
	}
	m := all[len(all)-1]
	f, ok := files[msg[m[2]:m[3]]]
	if !ok {
		return err
	}
	e := &diag.Error{File: f.path, Msg: msg[m[1]:]}
	if strings.HasPrefix(e.Msg, "no such template ") {
		e.Msg += ": define it in a layout file (partials go in layouts/partials/), or remove the call"
	}
	e.Line, _ = strconv.Atoi(msg[m[4]:m[5]])
	lines := bytes.SplitAfter(f.src, []byte("\n"))
	if e.Line < 1 || e.Line > len(lines) {
		return e
	}
	line := lines[e.Line-1]
	off := -1
	if m[6] >= 0 {
		off, _ = strconv.Atoi(msg[m[6]:m[7]])
	} else if q := quoted().FindStringSubmatch(e.Msg); q != nil && bytes.Count(line, []byte(q[1])) == 1 {
		// A parse error gives a line only; the thing it quotes (an
		// undefined function, an unexpected token) is on that line,
		// and where it is there once, that is the place.
		off = bytes.Index(line, []byte(q[1]))
	}
	if off >= 0 && off <= len(line) {
		e.Col = 1 + utf8.RuneCount(line[:off])
	}
	return e
}

// quoted finds the first quoted text of a parse error message.
var quoted = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`"([^"]+)"`)
})

// Failures gathers the pages that failed to render, one entry per
// distinct error.
type Failures struct {
	mu    sync.Mutex
	byMsg map[string]*renderFailure
	order []*renderFailure
}

type renderFailure struct {
	err   error
	page  *Page // the page it failed whose output file comes first
	pages int
}

// Add records that page p failed with err; it is safe for concurrent use.
func (f *Failures) Add(p *Page, err error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.byMsg == nil {
		f.byMsg = map[string]*renderFailure{}
	}
	key := err.Error()
	if r, ok := f.byMsg[key]; ok {
		r.pages++
		if p.Path < r.page.Path { // (pages render in parallel: name the same one every time)
			r.page = p
		}
		return
	}
	r := &renderFailure{err: err, page: p, pages: 1}
	f.byMsg[key] = r
	f.order = append(f.order, r)
}

// Errors returns one error per distinct failure, at its place in the
// layout as written: the failure's first page is rendered again from the
// layouts as they are, not minified, for html/template to give that place.
func (f *Failures) Errors(t *Templates) []error {
	var errs []error
	for _, r := range f.order {
		err := r.err
		if src, serr := t.unminified(); serr == nil && src != t {
			if rerr := src.render(r.page); rerr != nil {
				err = rerr
			}
		}
		err = layoutError(err, t.files)
		pages := fmt.Sprintf("rendering %s", r.page.Path)
		if r.pages > 1 {
			pages += fmt.Sprintf(" and %d other pages", r.pages-1)
		}
		var d *diag.Error
		if errors.As(err, &d) {
			errs = append(errs, &diag.Error{File: d.File, Line: d.Line, Col: d.Col, Msg: d.Msg + " (" + pages + ")"})
			continue
		}
		errs = append(errs, fmt.Errorf("%s: %w", pages, err))
	}
	return errs
}
