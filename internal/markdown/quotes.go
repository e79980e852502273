package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Single quotes. An apostrophe ending a word (Smiths', doin'; in Italian
// po', di', va') looks like a closing quote, and only the rest of the block
// tells which it is. Where the language's inner closing quote is ’ that
// makes no difference; where it is ” (Spanish, Italian) an apostrophe
// taken for a quote would come out as po”. The typographer
// (typography.go) writes placeholders for single quotes it cannot tell
// from apostrophes, and singleQuotes pairs them once the block is parsed:
// a closing quote closes a quote left open in the same block, or else is
// an apostrophe.

const (
	leftSingle  = "\uE000" // placeholders, in the Unicode private use area
	rightSingle = "\uE001"
	apostrophe  = "&rsquo;"
)

type singleQuotes struct{ open, close []byte } // the language's, HTML-escaped

func (q singleQuotes) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	open := 0 // left quotes not yet closed in the current block
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if n.Type() == ast.TypeBlock {
			open = 0
			return ast.WalkContinue, nil
		}
		s, ok := n.(*ast.String)
		if !ok {
			return ast.WalkContinue, nil
		}
		switch string(s.Value) {
		case leftSingle:
			open++
			s.Value = q.open
		case rightSingle:
			if open > 0 {
				open--
				s.Value = q.close
			} else {
				s.Value = apostropheHTML
			}
		}
		return ast.WalkContinue, nil
	})
}
