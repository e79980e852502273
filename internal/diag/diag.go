// Package diag holds positioned diagnostics: problems in input files reported
// as file:line:col: message, gathered so that a build reports every problem at
// once, sorted, instead of stopping at the first.
package diag

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"slices"
	"unicode/utf8"
)

// Error is one problem at one place in one input file.
type Error struct {
	File string // path relative to the site root, slash-separated
	Line int    // 1-based; 0 when the problem concerns the whole file
	Col  int    // 1-based, counted in characters; 0 when unknown
	Msg  string // what is wrong and what to do about it
}

func (e *Error) Error() string {
	switch {
	case e.Line == 0:
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	case e.Col == 0:
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
}

// At returns an Error for the byte offset off in src, the full text of file.
func At(file string, src []byte, off int, format string, args ...any) *Error {
	line, col := Position(src, off)
	return &Error{File: file, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)}
}

// Position converts a byte offset in src to a 1-based line and column. The
// column counts characters, so an accented letter before the offset counts once.
func Position(src []byte, off int) (line, col int) {
	off = min(max(off, 0), len(src))
	before := src[:off]
	line = 1 + bytes.Count(before, []byte("\n"))
	start := 0
	if i := lastIndexByte(before, '\n'); i >= 0 {
		start = i + 1
	}
	return line, 1 + utf8.RuneCount(before[start:])
}

func lastIndexByte(b []byte, c byte) int {
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] == c {
			return i
		}
	}
	return -1
}

// List gathers errors. The zero value is ready to use.
type List struct {
	errs []error
}

// Add records err; nil is ignored. Joined errors are flattened.
func (l *List) Add(err error) {
	if err == nil {
		return
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range j.Unwrap() {
			l.Add(e)
		}
		return
	}
	l.errs = append(l.errs, err)
}

// Split returns the problems of err: those of a joined error (as List.Err
// returns), or err alone; nil for nil.
func Split(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

// Addf records a positioned error.
func (l *List) Addf(file string, line, col int, format string, args ...any) {
	l.errs = append(l.errs, &Error{File: file, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)})
}

// Len reports how many errors were recorded.
func (l *List) Len() int { return len(l.errs) }

// Err returns the recorded errors sorted by file, line and column and joined,
// or nil when there are none. Exact duplicates are reported once.
func (l *List) Err() error {
	if len(l.errs) == 0 {
		return nil
	}
	errs := slices.Clone(l.errs)
	slices.SortStableFunc(errs, compare)
	errs = slices.CompactFunc(errs, func(a, b error) bool { return a.Error() == b.Error() })
	return errors.Join(errs...)
}

func compare(a, b error) int {
	var pa, pb *Error
	okA, okB := errors.As(a, &pa), errors.As(b, &pb)
	switch {
	case okA && okB:
		return cmp.Or(
			cmp.Compare(pa.File, pb.File),
			cmp.Compare(pa.Line, pb.Line),
			cmp.Compare(pa.Col, pb.Col),
			cmp.Compare(pa.Msg, pb.Msg),
		)
	case okA:
		return -1
	case okB:
		return 1
	}
	return cmp.Compare(a.Error(), b.Error())
}
