package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Tables, as in GitHub Flavored Markdown: a header row, a delimiter row
// (---, :--, --:, :-:) with as many cells, and body rows, the cells
// separated by pipes; a pipe inside a cell is escaped as \|. A paragraph
// whose lines contain a header and delimiter row becomes a table from there
// on: the lines before it stay a paragraph, the lines after it are rows.
// Body rows with fewer cells get empty ones; cells beyond the header's are
// dropped. The nodes are goldmark's (extension/ast); the parser and
// renderer are Tact's, for the reason given on typographer.
type tableParagraphs struct{}

func (tableParagraphs) Transform(p *ast.Paragraph, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	lines := p.Lines()
	for i := 1; i < lines.Len(); i++ {
		aligns := delimiterRow(lines.At(i), src)
		if aligns == nil {
			continue
		}
		header := rowCells(lines.At(i-1), src)
		if len(header) != len(aligns) {
			continue
		}
		table := extast.NewTable()
		table.Alignments = aligns
		table.SetPos(lines.At(i - 1).Start)
		table.AppendChild(table, extast.NewTableHeader(newRow(header, aligns)))
		for j := i + 1; j < lines.Len(); j++ {
			table.AppendChild(table, newRow(rowCells(lines.At(j), src), aligns))
		}
		if rows := lines.Sliced(i-1, lines.Len()); hasCodePipe(rows, src) {
			tables, _ := pc.Get(codePipesKey).([]*extast.Table)
			pc.Set(codePipesKey, append(tables, table))
		}
		parent := p.Parent()
		parent.InsertAfter(parent, p, table)
		if i == 1 {
			parent.RemoveChild(parent, p)
			return
		}
		lines.SetSliced(0, i-1)
		last := lines.At(i - 2)
		lines.Set(i-2, last.TrimRightSpace(src))
		return
	}
}

// hasCodePipe reports whether lines hold an escaped pipe and a backtick.
func hasCodePipe(lines []text.Segment, src []byte) bool {
	pipe, tick := false, false
	for _, l := range lines {
		v := l.Value(src)
		pipe = pipe || bytes.Contains(v, []byte(`\|`))
		tick = tick || bytes.IndexByte(v, '`') >= 0
	}
	return pipe && tick
}

// newRow makes a row of len(aligns) cells from cells.
func newRow(cells []text.Segment, aligns []extast.Alignment) *extast.TableRow {
	row := extast.NewTableRow(aligns)
	for i, a := range aligns {
		cell := extast.NewTableCell()
		cell.Alignment = a
		if i < len(cells) && !cells[i].IsEmpty() {
			cell.Lines().Append(cells[i])
		}
		row.AppendChild(row, cell)
	}
	return row
}

// rowCells splits a table row into its cells' segments, without the
// spaces around them and the pipes at the ends of the row.
func rowCells(line text.Segment, src []byte) []text.Segment {
	line = line.TrimLeftSpace(src)
	line = line.TrimRightSpace(src)
	v := line.Value(src)
	start := 0
	if len(v) > 0 && v[0] == '|' {
		start = 1
	}
	var cells []text.Segment
	cell := func(from, to int) {
		s := text.NewSegment(line.Start+from, line.Start+to)
		s = s.TrimLeftSpace(src)
		cells = append(cells, s.TrimRightSpace(src))
	}
	for i := start; i < len(v); i++ {
		switch v[i] {
		case '\\':
			i++ // an escaped character, perhaps a pipe
		case '|':
			cell(start, i)
			start = i + 1
		}
	}
	if start < len(v) {
		cell(start, len(v))
	}
	return cells
}

// delimiterRow returns the alignments of a delimiter row, or nil if line is
// not one.
func delimiterRow(line text.Segment, src []byte) []extast.Alignment {
	if !bytes.ContainsRune(line.Value(src), '|') {
		return nil
	}
	cells := rowCells(line, src)
	aligns := make([]extast.Alignment, 0, len(cells))
	for _, c := range cells {
		v := c.Value(src)
		left, right := bytes.HasPrefix(v, []byte(":")), bytes.HasSuffix(v, []byte(":"))
		dashes := bytes.TrimSuffix(bytes.TrimPrefix(v, []byte(":")), []byte(":"))
		if len(dashes) == 0 || len(bytes.Trim(dashes, "-")) > 0 {
			return nil
		}
		switch {
		case left && right:
			aligns = append(aligns, extast.AlignCenter)
		case left:
			aligns = append(aligns, extast.AlignLeft)
		case right:
			aligns = append(aligns, extast.AlignRight)
		default:
			aligns = append(aligns, extast.AlignNone)
		}
	}
	if len(aligns) == 0 {
		return nil
	}
	return aligns
}

// tablePipes removes the backslash of \| inside code spans in table cells,
// where backslash escapes do not otherwise apply: in a table the pipe has
// to be escaped everywhere, and the backslash is not part of the code. It
// walks only the tables tableParagraphs made with such a pipe.
type tablePipes struct{}

// codePipesKey holds those tables: []*extast.Table.
var codePipesKey = parser.NewContextKey()

func (tablePipes) Transform(_ *ast.Document, reader text.Reader, pc parser.Context) {
	tables, _ := pc.Get(codePipesKey).([]*extast.Table)
	for _, t := range tables {
		_ = ast.Walk(t, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if entering && n.Kind() == ast.KindCodeSpan {
				unescapePipes(n, reader.Source())
				return ast.WalkSkipChildren, nil
			}
			return ast.WalkContinue, nil
		})
	}
}

// unescapePipes splits the texts of a code span around the backslash of
// each \| so that the backslash is not rendered.
func unescapePipes(code ast.Node, src []byte) {
	for c := code.FirstChild(); c != nil; {
		t, ok := c.(*ast.Text)
		at := -1
		if ok {
			at = bytes.Index(t.Segment.Value(src), []byte(`\|`))
		}
		if at < 0 {
			c = c.NextSibling()
			continue
		}
		seg := t.Segment
		before := ast.NewRawTextSegment(seg.WithStop(seg.Start + at))
		after := ast.NewRawTextSegment(seg.WithStart(seg.Start + at + 1))
		code.InsertBefore(code, c, before)
		code.InsertBefore(code, c, after)
		code.RemoveChild(code, c)
		c = after // it may hold another \|
	}
}
