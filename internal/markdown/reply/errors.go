package reply

import "github.com/yuin/goldmark/parser"

// Error is a problem found in one document, positioned by byte offset into
// the source given to goldmark.
type Error struct {
	Offset int    // byte offset in the document source
	Msg    string // e.g. `reply accept-later: unclosed placeholder`
}

// Error returns e.Msg; the caller turns e.Offset into a position.
func (e *Error) Error() string { return e.Msg }

// errorsKey holds a document's []*Error in its parser.Context.
var errorsKey = parser.NewContextKey()

// Errors returns the problems recorded while parsing the document that
// used pc, in document order, or nil if there were none.
func Errors(pc parser.Context) []*Error {
	errs, _ := pc.Get(errorsKey).([]*Error)
	return errs
}

func addError(pc parser.Context, offset int, msg string) {
	pc.Set(errorsKey, append(Errors(pc), &Error{Offset: offset, Msg: msg}))
}
