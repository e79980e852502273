package markdown

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Single quotes: what goldmark's typographer leaves to Tact. An apostrophe
// ending a word (Smiths', doin'; in Italian po', di', va') looks like a
// closing quote, and only the rest of the block tells which it is. Where
// the language's inner closing quote is ’ that makes no difference; where
// it is ” (Spanish, Italian) an apostrophe taken for a quote would come out
// as po”. The typographer is therefore given placeholders for single
// quotes, and singleQuotes pairs them once the block is parsed: a closing
// quote closes a quote left open in the same block, or else is an
// apostrophe, and so is an opening quote never closed that opens a one-letter word (Dutch 'k). A
// straight quote the typographer leaves alone at the end of a line (po' at
// the end of a paragraph) becomes an apostrophe too, outside code.

const (
	leftSingle  = "\uE000" // placeholders, in the Unicode private use area
	rightSingle = "\uE001"
	apostrophe  = "&rsquo;"
)

type singleQuotes struct{ open, close []byte } // the language's, HTML-escaped

func (q singleQuotes) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	var open []*ast.String // left quotes not yet closed in the current block
	var straight []*ast.Text
	endBlock := func() {
		for _, s := range open {
			if elision(s, reader.Source()) {
				s.Value = []byte(apostrophe)
			}
		}
		open = open[:0]
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if n.Type() == ast.TypeBlock {
			endBlock()
			return ast.WalkContinue, nil
		}
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.CodeSpan:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			if bytes.IndexByte(n.Segment.Value(reader.Source()), '\'') >= 0 {
				straight = append(straight, n)
			}
		case *ast.String:
			switch string(n.Value) {
			case leftSingle:
				open = append(open, n)
				n.Value = q.open
			case rightSingle:
				if len(open) > 0 {
					open = open[:len(open)-1]
					n.Value = q.close
				} else {
					n.Value = []byte(apostrophe)
				}
			}
		}
		return ast.WalkContinue, nil
	})
	endBlock()
	// Split after the walk: the tree must not change under it.
	for _, t := range straight {
		splitApostrophes(t, reader.Source())
	}
}

// elision reports whether the quote s opens a one-letter word ('k, 't in
// Dutch): an elided word, not a quotation.
func elision(s *ast.String, source []byte) bool {
	t, ok := s.NextSibling().(*ast.Text)
	if !ok {
		return false
	}
	v := t.Segment.Value(source)
	r, n := utf8.DecodeRune(v)
	if !unicode.IsLetter(r) {
		return false
	}
	next, _ := utf8.DecodeRune(v[n:])
	return n == len(v) || !unicode.IsLetter(next)
}

// splitApostrophes replaces each straight quote of t that follows a letter
// or digit with an apostrophe, splitting t around it.
func splitApostrophes(t *ast.Text, source []byte) {
	seg := t.Segment
	val := seg.Value(source)
	parent := t.Parent()
	start := 0
	for i := 0; i < len(val); i++ {
		if val[i] != '\'' {
			continue
		}
		prev := val[:i]
		if p, ok := t.PreviousSibling().(*ast.Text); ok && i == 0 {
			prev = p.Segment.Value(source)
		}
		if r, _ := utf8.DecodeLastRune(prev); !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			continue
		}
		before := ast.NewTextSegment(text.NewSegment(seg.Start+start, seg.Start+i))
		parent.InsertBefore(parent, t, before)
		a := ast.NewString([]byte(apostrophe))
		a.SetCode(true) // (written as is: it is HTML already)
		parent.InsertBefore(parent, t, a)
		start = i + 1
	}
	if start > 0 {
		t.Segment = text.NewSegment(seg.Start+start, seg.Stop)
	}
}
