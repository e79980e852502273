package markdown

import (
	"bytes"
	"cmp"
	"fmt"
	"html"
	"slices"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/tact-guide/tact/internal/markdown/reply"
)

// Options configure the converter of one language.
type Options struct {
	// Quotes are the opening and closing double quotes, then the opening and
	// closing single quotes, used by the typographer: « » “ ” for Spanish.
	Quotes [4]string
	// ReplyURL returns the address of a reply template's own page.
	ReplyURL func(r *reply.Reply) string
	// SubjectLabel is the word before a reply's subject ("Subject").
	SubjectLabel string
	// Verdict returns the words shown under a scenario heading for a verdict:
	// a prefix ("Best move:") and the label ("Accept").
	Verdict func(v string) (prefix, label string)
	// AnchorLabel names the link to a scenario's heading for screen
	// readers, before the scenario's title ("Link to this section").
	AnchorLabel string
}

// Converter turns one language's Markdown into HTML. It is safe for
// concurrent use.
type Converter struct {
	md goldmark.Markdown
}

// New builds the converter of one language. Build it once and share it.
func New(opts Options) *Converter {
	quote := func(i int, def string) []byte {
		if opts.Quotes[i] == "" {
			return []byte(def)
		}
		return []byte(html.EscapeString(opts.Quotes[i]))
	}
	if opts.Verdict == nil {
		opts.Verdict = func(v string) (string, string) { return "", v }
	}
	single := singleQuotes{open: quote(2, "&lsquo;"), close: quote(3, "&rsquo;")}
	md := goldmark.New(
		goldmark.WithExtensions(
			&reply.Extender{URL: opts.ReplyURL, SubjectLabel: opts.SubjectLabel},
			extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignNone)),
			extension.Strikethrough,
			// Single quotes are written as placeholders that singleQuotes
			// pairs once the block is parsed (quotes.go).
			extension.NewTypographer(extension.WithTypographicSubstitutions(extension.TypographicSubstitutions{
				extension.LeftDoubleQuote:  quote(0, "&ldquo;"),
				extension.RightDoubleQuote: quote(1, "&rdquo;"),
				extension.LeftSingleQuote:  []byte(leftSingle),
				extension.RightSingleQuote: []byte(rightSingle),
			})),
		),
		goldmark.WithParserOptions(
			parser.WithAttribute(),
			parser.WithASTTransformers(
				util.Prioritized(alignClasses{}, 0),
				util.Prioritized(single, 5000),
				util.Prioritized(structure{}, 10000),
			),
		),
		goldmark.WithRendererOptions(
			renderer.WithNodeRenderers(
				util.Prioritized(escapedHTML{}, 10),
				util.Prioritized(&sectionRenderer{verdict: opts.Verdict, anchorLabel: opts.AnchorLabel}, 10),
			),
		),
	)
	return &Converter{md: md}
}

// Result is a converted document.
type Result struct {
	HTML      []byte      // the rendered body
	Scenarios []*Scenario // in document order
	Problems  []Problem   // sorted by offset
}

// Convert parses and renders src. Problems in the Markdown are reported in
// Result.Problems; the error is for failures of the renderer itself.
func (c *Converter) Convert(src []byte) (*Result, error) {
	return c.ConvertTo(new(bytes.Buffer), src)
}

// ConvertTo is Convert rendering into buf, after what buf holds: a caller
// converting many documents reuses one buffer. Result.HTML is then buf's
// bytes, valid until buf is next changed.
func (c *Converter) ConvertTo(buf *bytes.Buffer, src []byte) (*Result, error) {
	pc := parser.NewContext()
	doc := c.md.Parser().Parse(text.NewReader(src), parser.WithContext(pc))
	start := buf.Len()
	buf.Grow(len(src) + len(src)/2)
	if err := c.md.Renderer().Render(reply.BufWriter{Buffer: buf}, src, doc); err != nil {
		return nil, fmt.Errorf("render markdown: %w", err)
	}
	st := state(pc)
	res := &Result{HTML: buf.Bytes()[start:], Scenarios: st.scenarios, Problems: st.problems}
	for _, e := range reply.Errors(pc) {
		res.Problems = append(res.Problems, Problem{Offset: e.Offset, Msg: e.Msg})
	}
	for _, sc := range res.Scenarios {
		var err error
		if sc.Situation, sc.SituationText, err = c.inline(src, sc.situation); err != nil {
			return nil, err
		}
		if sc.Why, sc.WhyText, err = c.inline(src, sc.why); err != nil {
			return nil, err
		}
		sc.situation, sc.why = nil, nil
	}
	sortProblems(res.Problems)
	return res, nil
}

// inline renders the content of a paragraph without the <p> element, as HTML
// and as plain text.
func (c *Converter) inline(src []byte, p *ast.Paragraph) (string, string, error) {
	if p == nil {
		return "", "", nil
	}
	var buf bytes.Buffer
	for n := p.FirstChild(); n != nil; n = n.NextSibling() {
		if err := c.md.Renderer().Render(reply.BufWriter{Buffer: &buf}, src, n); err != nil {
			return "", "", fmt.Errorf("render paragraph: %w", err)
		}
	}
	h := strings.TrimSpace(buf.String())
	return h, html.UnescapeString(stripTags(h)), nil
}

// stripTags removes the tags of goldmark's inline HTML output, which never
// contains a '>' inside an attribute value unescaped.
func stripTags(s string) string {
	var b strings.Builder
	in := false
	for _, r := range s {
		switch {
		case r == '<':
			in = true
		case r == '>' && in:
			in = false
		case !in:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func sortProblems(ps []Problem) {
	slices.SortStableFunc(ps, func(a, b Problem) int { return cmp.Compare(a.Offset, b.Offset) })
}
