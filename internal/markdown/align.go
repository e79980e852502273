package markdown

import (
	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// alignClasses gives each table cell of an aligned column the class
// align-left, align-center or align-right (the stylesheet aligns them).
// goldmark's table renderer can only write the alignment as a style
// attribute, which the pages' Content-Security-Policy blocks, or as the
// obsolete align attribute; it writes a cell's attributes, so a class set
// here reaches the page.
type alignClasses struct{}

func (alignClasses) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if c, ok := n.(*extast.TableCell); ok && entering && c.Alignment != extast.AlignNone {
			c.SetAttributeString("class", []byte("align-"+c.Alignment.String()))
		}
		return ast.WalkContinue, nil
	})
}
