package markdown

import (
	"fmt"
	"html"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/tact-guide/tact/internal/markdown/reply"
	"github.com/tact-guide/tact/internal/slug"
)

// Scenario is one scenario of an article, as found in its Markdown.
type Scenario struct {
	ID      string // from {#id}: the same in every language
	Anchor  string // the heading's id on the page: its title as a slug, in the article's language
	Title   string // the heading's text
	Verdict string // from verdict=…; validated by the caller
	Offset  int    // byte offset of the heading's text in the source

	Situation, Why         string // inner HTML of the first and second paragraphs
	SituationText, WhyText string // the same as plain text

	Replies []*reply.Reply // in document order

	situation, why *ast.Paragraph
	heading        *ast.Heading
}

// Problem is something wrong in a document, at a byte offset of its source.
type Problem struct {
	Offset int
	Msg    string
}

var (
	kindSection = ast.NewNodeKind("ScenarioSection")
	kindVerdict = ast.NewNodeKind("ScenarioVerdict")
	kindAnchor  = ast.NewNodeKind("ScenarioAnchor")
)

// anchor is the link to a scenario's heading, right after it: shown on
// hover and focus, so a reader can copy the address of one scenario.
type anchor struct {
	ast.BaseBlock
	scenario *Scenario
}

func (n *anchor) Kind() ast.NodeKind { return kindAnchor }
func (n *anchor) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Anchor": n.scenario.Anchor}, nil)
}

// section wraps a scenario's heading and content.
type section struct {
	ast.BaseBlock
	scenario *Scenario
}

func (n *section) Kind() ast.NodeKind { return kindSection }
func (n *section) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"ID": n.scenario.ID}, nil)
}

// verdict is the "Best move: Accept" line under a scenario heading.
type verdict struct {
	ast.BaseBlock
	value string
}

func (n *verdict) Kind() ast.NodeKind { return kindVerdict }
func (n *verdict) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Verdict": n.value}, nil)
}

// docState is what the transformer learns about one document.
type docState struct {
	scenarios []*Scenario
	problems  []Problem
}

var stateKey = parser.NewContextKey()

func state(pc parser.Context) *docState {
	if s, ok := pc.Get(stateKey).(*docState); ok {
		return s
	}
	s := &docState{}
	pc.Set(stateKey, s)
	return s
}

// structure assigns heading ids, checks heading attributes and groups each
// scenario into a section. It runs after the reply transformer.
type structure struct{}

func (structure) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	st := state(pc)
	headings := collectHeadings(doc)
	ids := newIDs()
	// Explicit ids first, so generated ones never take them.
	for _, h := range headings {
		if v, ok := h.AttributeString("id"); ok {
			id := attrString(v)
			if ids.used[id] {
				st.problems = append(st.problems, Problem{headingOffset(h), fmt.Sprintf("id %q is used twice in this file: give each heading its own id", id)})
			}
			ids.used[id] = true
		}
	}
	verdicts := map[*ast.Heading]string{}
	for _, h := range headings {
		if v := cleanAttributes(h, src, ids, st); v != "" {
			verdicts[h] = v
		}
	}
	groupScenarios(doc, src, verdicts, st)
	anchorScenarios(st.scenarios, ids)
}

// anchorScenarios gives each scenario heading an id in the article's own
// words, its title as a slug ("vas-hasta-arriba"), made unique in the
// document; the section keeps the id shared by every language, so links to
// it (#swamped, from other sites or another language's page) still land.
func anchorScenarios(scs []*Scenario, ids *ids) {
	for _, sc := range scs {
		sc.Anchor = sc.ID
		if s := slug.Make(sc.Title); s != "" && s != sc.ID {
			sc.Anchor = string(ids.Generate([]byte(sc.Title), ast.KindHeading))
		}
		sc.heading.SetAttributeString("id", []byte(sc.Anchor))
		if sec := sc.heading.Parent(); sec != nil {
			sec.InsertAfter(sec, sc.heading, &anchor{scenario: sc})
		}
	}
}

func collectHeadings(doc ast.Node) []*ast.Heading {
	var hs []*ast.Heading
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			hs = append(hs, h)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return hs
}

// cleanAttributes keeps only the id on a heading (the verdict is moved to a
// verdict node) and reports any other attribute, which would otherwise be
// written into the page. It returns the heading's verdict, if any.
func cleanAttributes(h *ast.Heading, src []byte, ids *ids, st *docState) string {
	id, hasID := "", false
	verdictValue := ""
	for _, a := range h.Attributes() {
		switch name := string(a.Name); name {
		case "id":
			id, hasID = attrString(a.Value), true
		case "verdict":
			verdictValue = attrString(a.Value)
			if h.Level != 2 {
				st.problems = append(st.problems, Problem{headingOffset(h), "a verdict belongs on a level-2 heading (## …), which opens a scenario"})
				verdictValue = ""
			}
		default:
			st.problems = append(st.problems, Problem{headingOffset(h), fmt.Sprintf("heading attribute %q is not allowed: use {#id} and, on a scenario heading, verdict=…", name)})
		}
	}
	h.RemoveAttributes()
	if hasID && !slug.Valid(id) {
		st.problems = append(st.problems, Problem{headingOffset(h), fmt.Sprintf("heading id %q is not valid: use lowercase letters, digits and hyphens", id)})
	}
	if !hasID {
		if verdictValue != "" {
			st.problems = append(st.problems, Problem{headingOffset(h), "a scenario heading needs an id shared by every language: write {#some-id verdict=…}"})
		}
		id = string(ids.Generate([]byte(plainText(h, src)), ast.KindHeading))
	}
	h.SetAttributeString("id", []byte(id))
	return verdictValue
}

func attrString(v any) string {
	switch v := v.(type) {
	case []byte:
		return string(v)
	case string:
		return v
	}
	return fmt.Sprint(v)
}

// groupScenarios moves each scenario heading and the blocks up to the next
// level-2 heading into a section node. Nodes are collected first and moved
// afterwards: the tree is never changed while it is being walked.
func groupScenarios(doc *ast.Document, src []byte, verdicts map[*ast.Heading]string, st *docState) {
	type group struct {
		heading *ast.Heading
		blocks  []ast.Node
	}
	var groups []*group
	var current *group
	grouped := map[*ast.Heading]bool{}
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok && h.Level <= 2 {
			current = nil
			if _, ok := verdicts[h]; ok {
				current = &group{heading: h}
				groups = append(groups, current)
				grouped[h] = true
			}
			continue
		}
		if current != nil {
			current.blocks = append(current.blocks, n)
			continue
		}
		// Outside any scenario, also inside a list or a quote.
		_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
			if r, ok := c.(*reply.Reply); ok && entering {
				st.problems = append(st.problems, Problem{r.Offset, fmt.Sprintf("reply %q is outside any scenario: put it under a scenario heading (## … {#id verdict=…})", r.ID)})
			}
			return ast.WalkContinue, nil
		})
	}
	for h := range verdicts {
		if !grouped[h] {
			st.problems = append(st.problems, Problem{headingOffset(h), "a scenario heading must be at the top level of the article, not inside a list or a quote"})
		}
	}
	for _, g := range groups {
		h := g.heading
		id, _ := h.AttributeString("id")
		sc := &Scenario{ID: attrString(id), Title: plainText(h, src), Verdict: verdicts[h], Offset: headingOffset(h), heading: h}
		if strings.TrimSpace(sc.Title) == "" {
			st.problems = append(st.problems, Problem{sc.Offset, fmt.Sprintf("scenario %q has no title: write the heading's text before {#…}", sc.ID)})
		}
		sec := &section{scenario: sc}
		doc.ReplaceChild(doc, h, sec)
		sec.AppendChild(sec, h)
		sec.AppendChild(sec, &verdict{value: sc.Verdict})
		for i, b := range g.blocks {
			sec.AppendChild(sec, b)
			if p, ok := b.(*ast.Paragraph); ok && i < 2 {
				if i == 0 {
					sc.situation = p
					p.SetAttributeString("class", []byte("situation"))
				} else {
					sc.why = p
					p.SetAttributeString("class", []byte("why"))
				}
			}
		}
		_ = ast.Walk(sec, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if r, ok := n.(*reply.Reply); ok && entering {
				sc.Replies = append(sc.Replies, r)
			}
			return ast.WalkContinue, nil
		})
		if sc.situation == nil || sc.why == nil {
			st.problems = append(st.problems, Problem{sc.Offset, fmt.Sprintf("scenario %q needs two paragraphs right after its heading: the situation, then the why in short", sc.ID)})
		}
		if len(sc.Replies) == 0 {
			st.problems = append(st.problems, Problem{sc.Offset, fmt.Sprintf("scenario %q has no reply template: add a ```reply id=… title=\"…\" block", sc.ID)})
		}
		st.scenarios = append(st.scenarios, sc)
	}
}

func headingOffset(h *ast.Heading) int {
	if h.Lines().Len() > 0 {
		return h.Lines().At(0).Start
	}
	return 0
}

// plainText returns the text of n without markup.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(src))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.WriteString(html.UnescapeString(string(c.Value))) // typographer entities
		case *ast.CodeSpan:
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				if t, ok := t.(*ast.Text); ok {
					b.Write(t.Segment.Value(src))
				}
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}

// sectionRenderer writes scenario sections and verdict lines.
type sectionRenderer struct {
	verdict     func(v string) (prefix, label string)
	anchorLabel string // "Link to this section"
}

func (r *sectionRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindSection, r.renderSection)
	reg.Register(kindVerdict, r.renderVerdict)
	reg.Register(kindAnchor, r.renderAnchor)
}

func (r *sectionRenderer) renderAnchor(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	sc := node.(*anchor).scenario
	label := r.anchorLabel
	if label == "" {
		label = "Link to this section"
	}
	fmt.Fprintf(w, "<a class=\"heading-anchor\" href=\"#%s\"><span aria-hidden=\"true\">#</span><span class=\"visually-hidden\">%s: %s</span></a>\n",
		util.EscapeHTML([]byte(sc.Anchor)), util.EscapeHTML([]byte(label)), util.EscapeHTML([]byte(sc.Title)))
	return ast.WalkSkipChildren, nil
}

func (r *sectionRenderer) renderSection(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*section)
	if entering {
		sc := n.scenario
		if sc.Anchor != sc.ID {
			fmt.Fprintf(w, "<section class=\"scenario\" id=\"%s\" aria-labelledby=\"%s\">\n", util.EscapeHTML([]byte(sc.ID)), util.EscapeHTML([]byte(sc.Anchor)))
		} else {
			fmt.Fprintf(w, "<section class=\"scenario\" aria-labelledby=\"%s\">\n", util.EscapeHTML([]byte(sc.ID)))
		}
	} else {
		_, _ = w.WriteString("</section>\n")
	}
	return ast.WalkContinue, nil
}

func (r *sectionRenderer) renderVerdict(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*verdict)
	prefix, label := r.verdict(n.value)
	fmt.Fprintf(w, "<p class=\"verdict verdict-%s\"><span class=\"verdict-prefix\">%s</span> <strong>%s</strong></p>\n",
		util.EscapeHTML([]byte(n.value)), util.EscapeHTML([]byte(prefix)), util.EscapeHTML([]byte(label)))
	return ast.WalkSkipChildren, nil
}
