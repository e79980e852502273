package reply

import (
	"bytes"
	"strconv"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// htmlRenderer writes Reply nodes as HTML.
type htmlRenderer struct {
	url          func(n *Reply) string // may be nil
	subjectLabel string                // "" for none
}

// RegisterFuncs implements renderer.NodeRenderer.
func (r *htmlRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindReply, r.renderReply)
}

func (r *htmlRenderer) renderReply(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*Reply)
	_, _ = w.WriteString(`<figure class="reply" id="reply-`)
	writeEscaped(w, n.ID)
	_, _ = w.WriteString(`" data-reply="`)
	writeEscaped(w, n.ID)
	if n.Channel != "" {
		_, _ = w.WriteString(`" data-channel="`)
		writeEscaped(w, n.Channel)
		if limit := n.Limit(); limit > 0 {
			_, _ = w.WriteString(`" data-limit="`)
			_, _ = w.WriteString(strconv.Itoa(limit))
		}
	}
	_, _ = w.WriteString("\">\n<figcaption>")
	var url string
	if r.url != nil {
		url = r.url(n)
	}
	if url != "" {
		_, _ = w.WriteString(`<a href="`)
		_, _ = w.Write(util.EscapeHTML(util.URLEscape([]byte(url), false)))
		_, _ = w.WriteString(`">`)
		writeEscaped(w, n.Title)
		_, _ = w.WriteString("</a>")
	} else {
		writeEscaped(w, n.Title)
	}
	_, _ = w.WriteString("</figcaption>\n")
	if n.Subject != nil {
		if r.subjectLabel == "" {
			_, _ = w.WriteString(`<div class="reply-subject" data-subject>`)
			writeSegments(w, n.Subject)
			_, _ = w.WriteString("</div>\n")
		} else {
			// Labelled as on a reply page: a loose bold line above the
			// message reads as a heading, not as the email's subject.
			_, _ = w.WriteString(`<div class="reply-subject"><span class="label">`)
			writeEscaped(w, r.subjectLabel)
			_, _ = w.WriteString(`:</span> <span data-subject>`)
			writeSegments(w, n.Subject)
			_, _ = w.WriteString("</span></div>\n")
		}
	}
	_, _ = w.WriteString(`<pre class="reply-text" data-body>`)
	writeSegments(w, n.Body)
	_, _ = w.WriteString("</pre>\n</figure>\n")
	return ast.WalkSkipChildren, nil
}

// writeSegments writes text escaped and each placeholder as a <mark>.
func writeSegments(w util.BufWriter, segs []Segment) {
	for _, s := range segs {
		if !s.Placeholder {
			writeEscaped(w, s.Text)
			continue
		}
		_, _ = w.WriteString(`<mark class="ph" data-ph="`)
		writeEscaped(w, s.Text)
		_, _ = w.WriteString(`">((`)
		writeEscaped(w, s.Text)
		_, _ = w.WriteString("))</mark>")
	}
}

// writeEscaped writes s escaped for HTML text and double-quoted attributes.
func writeEscaped(w util.BufWriter, s string) {
	_, _ = w.Write(util.EscapeHTML([]byte(s)))
}

// HTML returns segs as the reply renderer writes them: text escaped, each
// placeholder a <mark class="ph">. Pages that show a reply outside an article
// use it, so the markup is the same everywhere.
func HTML(segs []Segment) string {
	var b bytes.Buffer
	n := 0
	for _, s := range segs {
		n += len(s.Text) + len(s.Text)/8
		if s.Placeholder {
			n += 2*len(s.Text) + 40 // the mark element around the name
		}
	}
	b.Grow(n)
	writeSegments(BufWriter{&b}, segs)
	return b.String()
}

// BufWriter is a bytes.Buffer as goldmark's renderers want to write:
// util.BufWriter, which goldmark otherwise makes by wrapping the buffer in
// a bufio.Writer of 4 KB per call, and copying through it.
type BufWriter struct{ *bytes.Buffer }

// Available returns the buffer's free capacity.
func (w BufWriter) Available() int { return w.Buffer.Available() }

// Buffered returns 0: the bytes are written through at once.
func (w BufWriter) Buffered() int { return 0 }

// Flush does nothing.
func (w BufWriter) Flush() error { return nil }
