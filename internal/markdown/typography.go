package markdown

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// typographer is the inline parser that turns straight punctuation in
// prose into typographic punctuation: "---" and "--" into dashes, "..."
// into an ellipsis, "<<" and ">>" into guillemets, straight double quotes
// into the language's quotation marks and straight single quotes into
// apostrophes or placeholders that singleQuotes pairs (quotes.go). As an
// inline parser it never sees code, raw HTML or link destinations.
//
// Tact has its own rather than goldmark's extension package: importing that
// package compiles its link-detection regular expressions, which Tact does
// not use, at every process start (5–7 ms; issue 9 wants a build of the
// site under 100 ms).
type typographer struct {
	open, close []byte // the language's double quotation marks, HTML-escaped
}

// What the typographer writes, shared by every node it makes (nodes' values
// are replaced, never changed in place).
var (
	emDash   = []byte("&mdash;")
	enDash   = []byte("&ndash;")
	ellipsis = []byte("&hellip;")
	laquo    = []byte("&laquo;")
	raquo    = []byte("&raquo;")

	apostropheHTML   = []byte(apostrophe)
	leftPlaceholder  = []byte(leftSingle)
	rightPlaceholder = []byte(rightSingle)
)

var quoteCountKey = parser.NewContextKey()

// quoteCount is the number of double quotes opened and not yet closed in
// the current block.
type quoteCount struct{ open int }

func (typographer) Trigger() []byte { return []byte{'\'', '"', '-', '.', '<', '>'} }

func (t typographer) Parse(_ ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	switch {
	case bytes.HasPrefix(line, []byte("---")):
		return punct(block, 3, emDash)
	case bytes.HasPrefix(line, []byte("--")):
		return punct(block, 2, enDash)
	case bytes.HasPrefix(line, []byte("...")):
		return punct(block, 3, ellipsis)
	case bytes.HasPrefix(line, []byte("<<")):
		return punct(block, 2, laquo)
	case bytes.HasPrefix(line, []byte(">>")):
		return punct(block, 2, raquo)
	case line[0] == '"':
		return t.double(line, block, pc)
	case line[0] == '\'':
		return single(line, block)
	}
	return nil
}

// CloseBlock forgets the double quotes a block left open.
func (typographer) CloseBlock(_ ast.Node, pc parser.Context) {
	if c, ok := pc.Get(quoteCountKey).(*quoteCount); ok {
		c.open = 0
	}
}

// double decides a straight double quote: opening where it can only open,
// closing where it can close a quote opened before in the block, straight
// otherwise.
func (t typographer) double(line []byte, block text.Reader, pc parser.Context) ast.Node {
	d := parser.ScanDelimiter(line, block.PrecendingCharacter(), 1, quoteDelimiters{})
	if d == nil {
		return nil
	}
	c, _ := pc.Get(quoteCountKey).(*quoteCount)
	if c == nil {
		c = &quoteCount{}
		pc.Set(quoteCountKey, c)
	}
	switch {
	case d.CanOpen && !d.CanClose:
		c.open++
		return punct(block, 1, t.open)
	case c.open > 0 && closes(d, line):
		c.open--
		return punct(block, 1, t.close)
	}
	return nil
}

// single decides a straight single quote: an apostrophe between a letter or
// digit and a letter (it's, l'amico) or at the start of an elided word ('s
// avonds, 't, 'n in Dutch; '90s); otherwise a placeholder for an opening or
// a closing quote, which singleQuotes pairs within the block once it is
// parsed.
func single(line []byte, block text.Reader) ast.Node {
	before := block.PrecendingCharacter()
	next, _ := utf8.DecodeRune(line[1:])
	if len(line) > 1 && (unicode.IsLetter(before) || unicode.IsDigit(before)) && unicode.IsLetter(next) {
		return punct(block, 1, apostropheHTML)
	}
	d := parser.ScanDelimiter(line, before, 1, quoteDelimiters{})
	switch {
	case d == nil:
		return nil
	case d.CanOpen && !d.CanClose:
		if elided(line[1:]) {
			return punct(block, 1, apostropheHTML)
		}
		return punct(block, 1, leftPlaceholder)
	case closes(d, line):
		return punct(block, 1, rightPlaceholder)
	}
	return nil
}

// closes reports whether a quote that can close does: one that can only
// close, or one that could also open but is followed by punctuation and
// then a space, more punctuation or the end ("so'." in "'not so'.").
func closes(d *parser.Delimiter, line []byte) bool {
	if !d.CanClose {
		return false
	}
	if !d.CanOpen {
		return true
	}
	next, n := utf8.DecodeRune(line[1:])
	if len(line) < 2 || !unicode.IsPunct(next) {
		return false
	}
	after, _ := utf8.DecodeRune(line[1+n:])
	return len(line) == 1+n || unicode.IsSpace(after) || unicode.IsPunct(after)
}

// elided reports whether what follows an opening single quote is the rest
// of an elided word: one letter ('s, 't, 'n, 'k in Dutch) or two digits and
// an s ('90s), then no letter or digit. ('a' in quotes comes out as ’a’.)
func elided(rest []byte) bool {
	r, n := utf8.DecodeRune(rest)
	switch {
	case unicode.IsLetter(r):
	case len(rest) >= 3 && isDigit(rest[0]) && isDigit(rest[1]) && rest[2] == 's':
		n = 3
	default:
		return false
	}
	after, _ := utf8.DecodeRune(rest[n:])
	return len(rest) == n || !unicode.IsLetter(after) && !unicode.IsDigit(after)
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }

// punct consumes n bytes of the block and returns s, already HTML, in their
// place.
func punct(block text.Reader, n int, s []byte) ast.Node {
	block.Advance(n)
	node := ast.NewString(s)
	node.SetCode(true) // written as it is, not escaped
	return node
}

// quoteDelimiters lets parser.ScanDelimiter tell whether a quote can open
// or close, by CommonMark's flanking rules.
type quoteDelimiters struct{}

func (quoteDelimiters) IsDelimiter(b byte) bool { return b == '\'' || b == '"' }

func (quoteDelimiters) CanOpenCloser(opener, closer *parser.Delimiter) bool {
	return opener.Char == closer.Char
}

func (quoteDelimiters) OnMatch(int) ast.Node { return nil }
