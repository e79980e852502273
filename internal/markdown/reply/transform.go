package reply

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/tact-guide/tact/internal/slug"
)

// transformer replaces reply code blocks with Reply nodes.
// It keeps no state: everything about a document goes in its parser.Context.
type transformer struct{}

// Transform implements parser.ASTTransformer.
func (transformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	source := reader.Source()
	var blocks []*ast.FencedCodeBlock
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if b, ok := n.(*ast.FencedCodeBlock); ok && entering && b.Info != nil {
			if isReply(infoString(b, source)) {
				blocks = append(blocks, b)
			}
		}
		return ast.WalkContinue, nil
	})
	// Replace after the walk: the tree must not change under it.
	for _, b := range blocks {
		if r := newReplyFrom(b, source, pc); r != nil {
			b.Parent().ReplaceChild(b.Parent(), b, r)
		}
	}
}

// newReplyFrom reads a reply code block, recording its problems in pc.
// It returns nil if the attributes are wrong.
func newReplyFrom(b *ast.FencedCodeBlock, source []byte, pc parser.Context) *Reply {
	infoStart := b.Info.Segment.Start
	info := infoString(b, source)
	h, errs := parseHeader(info)
	prefix := "reply"
	if slug.Valid(h.id) {
		prefix += " " + h.id
	}
	if len(errs) > 0 {
		for _, err := range errs {
			addError(pc, infoStart, prefix+": "+err.Error())
		}
		return nil
	}

	r := NewReply()
	// Copies, not pieces of the info string: a model that drops the
	// subject (a large site's lean one) then frees the rest of the line.
	r.ID, r.Title, r.Slug, r.Channel = strings.Clone(h.id), strings.Clone(h.title), strings.Clone(h.slug), strings.Clone(h.channel)
	r.Offset = infoStart
	r.SetPos(b.Pos())
	r.SetLines(b.Lines())
	r.SetBlankPreviousLines(b.HasBlankPreviousLines())

	if h.subject != nil {
		segs, err := ParsePlaceholders(h.subject.val)
		if se := (*SyntaxError)(nil); errors.As(err, &se) {
			addError(pc, infoStart+h.subject.offset(info, se.Offset), prefix+": "+se.Msg)
			segs = []Segment{{Text: h.subject.val}}
		}
		r.Subject = segs
	}

	body := newBody(b.Lines(), source)
	segs, err := ParsePlaceholders(body.text)
	if se := (*SyntaxError)(nil); errors.As(err, &se) {
		addError(pc, body.sourceOffset(se.Offset), prefix+": "+se.Msg)
		segs = []Segment{{Text: body.text}}
	}
	r.Body = segs
	if limit, n := r.Limit(), r.FixedLength(); limit > 0 && n > limit {
		addError(pc, infoStart, fmt.Sprintf("%s: its text alone is %d characters, over the %d a %s message allows: shorten it, leaving room for what the placeholders add", prefix, n, limit, r.Channel))
	}
	return r
}

// infoString returns the info string of b exactly as in the source, so that
// offsets in it are offsets from b.Info.Segment.Start.
func infoString(b *ast.FencedCodeBlock, source []byte) string {
	return string(source[b.Info.Segment.Start:b.Info.Segment.Stop])
}

// body is the text of a fenced code block, with what is needed to find
// where its bytes come from in the source.
type body struct {
	text   string
	lines  []text.Segment
	starts []int // starts[i] is the offset in text of lines[i]
}

func newBody(lines *text.Segments, source []byte) *body {
	var sb strings.Builder
	b := &body{}
	for i := range lines.Len() {
		seg := lines.At(i)
		b.lines = append(b.lines, seg)
		b.starts = append(b.starts, sb.Len())
		sb.Write(seg.Value(source))
	}
	s := sb.String()
	if t, ok := strings.CutSuffix(s, "\n"); ok {
		s = strings.TrimSuffix(t, "\r")
	}
	b.text = s
	return b
}

// sourceOffset maps an offset in b.text to an offset in the source.
// Bytes that goldmark added (tab padding, a final newline) map to the
// nearest source byte.
func (b *body) sourceOffset(k int) int {
	i := sort.Search(len(b.starts), func(i int) bool { return b.starts[i] > k }) - 1
	if i < 0 {
		return 0
	}
	seg := b.lines[i]
	off := seg.Start + max(0, k-b.starts[i]-seg.Padding)
	return min(off, seg.Stop)
}
