package reply

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// Priorities of the transformer and the renderer. For renderers a lower
// number wins; 100 is ahead of goldmark's HTML renderer (1000), though
// nothing else renders KindReply.
const (
	transformerPriority = 100
	rendererPriority    = 100
)

// Extender adds reply blocks to a goldmark.Markdown.
// It holds configuration only, so one value may serve many Markdowns,
// and a Markdown built with it may convert documents concurrently.
type Extender struct {
	// URL returns the address of the reply's own page; "" means no link.
	// It may be nil, and is read once, by Extend. It is called while
	// rendering, possibly by several goroutines at once, and must return
	// a URL that is safe to link to.
	URL func(n *Reply) string
	// SubjectLabel is written before a reply's subject ("Subject"), in the
	// page's language; "" writes the subject alone.
	SubjectLabel string
}

// Extend implements goldmark.Extender.
func (e *Extender) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(
		util.Prioritized(transformer{}, transformerPriority),
	))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(
		util.Prioritized(&htmlRenderer{url: e.URL, subjectLabel: e.SubjectLabel}, rendererPriority),
	))
}
