package reply

import (
	"strconv"

	"github.com/yuin/goldmark/ast"
)

// KindReply is the ast.NodeKind of [Reply].
var KindReply = ast.NewNodeKind("Reply")

// Reply is a block node that replaces a reply's fenced code block.
// It has no children.
type Reply struct {
	ast.BaseBlock
	ID      string    // id attribute, always valid
	Title   string    // title attribute, never empty
	Slug    string    // slug attribute, "" when absent
	Channel string    // channel attribute (a key of Channels), "" when absent: an email
	Subject []Segment // subject attribute; nil when absent
	Body    []Segment // the block's text
	Offset  int       // byte offset in the document source of the opening fence's info string
}

// NewReply returns an empty Reply node.
func NewReply() *Reply {
	return &Reply{}
}

// Kind implements ast.Node.
func (n *Reply) Kind() ast.NodeKind { return KindReply }

// IsRaw implements ast.Node: the text is never parsed as Markdown.
func (n *Reply) IsRaw() bool { return true }

// Dump implements ast.Node.
func (n *Reply) Dump(source []byte, level int) {
	kv := map[string]string{
		"ID":     n.ID,
		"Title":  strconv.Quote(n.Title),
		"Body":   strconv.Quote(Plain(n.Body, nil)),
		"Offset": strconv.Itoa(n.Offset),
	}
	if n.Slug != "" {
		kv["Slug"] = n.Slug
	}
	if n.Channel != "" {
		kv["Channel"] = n.Channel
	}
	if n.Subject != nil {
		kv["Subject"] = strconv.Quote(Plain(n.Subject, nil))
	}
	ast.DumpHelper(n, source, level, kv, nil)
}

// Placeholders returns the distinct placeholder names of the subject and
// the body, in order of first appearance.
func (n *Reply) Placeholders() []string { return Names(n.Subject, n.Body) }
