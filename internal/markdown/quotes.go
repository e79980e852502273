package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Single quotes. goldmark's typographer writes the same "right single
// quote" for the end of a quotation inside a quotation and for an
// apostrophe at the end of a word (Smiths', doin'; in Italian po', di',
// va'). Where the language's inner closing quote is ’ that is right either
// way; where it is ” (Spanish, Italian) an apostrophe came out as po”.
// The typographer writes placeholders for single quotes instead, and
// singleQuotes pairs them: a right one closes an open left one in the same
// block, else it is an apostrophe.

const (
	leftSingle  = "\uE000" // placeholders, in the Unicode private use area
	rightSingle = "\uE001"
	apostrophe  = "&rsquo;" // as the typographer writes it between letters
)

type singleQuotes struct{ open, close string }

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
			s.Value = []byte(q.open)
		case rightSingle:
			if open > 0 {
				open--
				s.Value = []byte(q.close)
			} else {
				s.Value = []byte(apostrophe)
			}
		}
		return ast.WalkContinue, nil
	})
}
