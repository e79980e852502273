package markdown

import (
	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// tableRenderer writes tables as HTML. A column's alignment is a class
// (align-left, align-center, align-right; the stylesheet aligns them): the
// pages' Content-Security-Policy blocks style attributes, and goldmark's
// own renderer writes style="text-align:…".
type tableRenderer struct{}

func (tableRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(extast.KindTable, renderTable)
	reg.Register(extast.KindTableHeader, renderTableHeader)
	reg.Register(extast.KindTableRow, renderTableRow)
	reg.Register(extast.KindTableCell, renderTableCell)
}

func renderTable(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	switch {
	case entering:
		_, _ = w.WriteString("<table>\n")
	case n.ChildCount() > 1: // rows after the header
		_, _ = w.WriteString("</tbody>\n</table>\n")
	default:
		_, _ = w.WriteString("</table>\n")
	}
	return ast.WalkContinue, nil
}

func renderTableHeader(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	switch {
	case entering:
		_, _ = w.WriteString("<thead>\n<tr>\n")
	case n.NextSibling() != nil:
		_, _ = w.WriteString("</tr>\n</thead>\n<tbody>\n")
	default:
		_, _ = w.WriteString("</tr>\n</thead>\n")
	}
	return ast.WalkContinue, nil
}

func renderTableRow(w util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString("<tr>\n")
	} else {
		_, _ = w.WriteString("</tr>\n")
	}
	return ast.WalkContinue, nil
}

func renderTableCell(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	tag := "td"
	if n.Parent().Kind() == extast.KindTableHeader {
		tag = "th"
	}
	if !entering {
		_, _ = w.WriteString("</" + tag + ">\n")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString("<" + tag)
	if a := n.(*extast.TableCell).Alignment; a != extast.AlignNone {
		_, _ = w.WriteString(` class="align-` + a.String() + `"`) // left, center, right
	}
	_ = w.WriteByte('>')
	return ast.WalkContinue, nil
}
