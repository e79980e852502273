package render

import (
	"fmt"
	"html"
	"html/template"
	"strings"
	"unicode/utf8"

	"github.com/tact-guide/tact/internal/quiz"
	"github.com/tact-guide/tact/internal/site"
)

// QuizMap is the quiz of one language drawn for writers on the status page:
// every way from the first question to an outcome, unfolded into a tree
// that reads left to right. Each box shows the answer that leads to it and
// the question it asks, or the scenario it shows with its verdict; an
// outcome reached in more than one way is dashed and says how many.
type QuizMap struct {
	Lang      *site.Lang
	SVG       template.HTML
	Uncovered []*site.Scenario // scenarios of the language no outcome shows
}

// The map's grid, in SVG user units (CSS pixels at 100 %).
const (
	mapBoxW = 270 // a box's width
	mapBoxH = 44  // a box's height: the answer on one line, the node on the next
	mapColW = 310 // from one column's left edge to the next's
	mapRowH = 54  // from one leaf's top to the next's
	mapPad  = 8

	// Characters that fit on a box's line: the answer (small), the node (bold).
	answerChars, nodeChars = 44, 33
)

// mapNode is one box of the unfolded tree.
type mapNode struct {
	id, answer string // the node, and the text of the option that leads here ("" at the start)
	depth      int
	y          float64 // centre, set by layout
	kids       []*mapNode
}

// QuizMaps returns the map of every language's quiz; nil when the site has
// no quiz.
func QuizMaps(s *site.Site) []QuizMap {
	if s.Quiz == nil {
		return nil
	}
	maps := make([]QuizMap, len(s.Languages))
	for i, l := range s.Languages {
		maps[i] = QuizMap{Lang: l, SVG: quizMapSVG(s, l), Uncovered: uncovered(s, l)}
	}
	return maps
}

func quizMapSVG(s *site.Site, lang *site.Lang) template.HTML {
	q := s.Quiz
	var unfold func(id, answer string, depth int) *mapNode
	reached := map[string]int{} // outcome → ways to reach it
	deepest := 0
	unfold = func(id, answer string, depth int) *mapNode {
		n := &mapNode{id: id, answer: answer, depth: depth}
		deepest = max(deepest, depth)
		if qu, _ := q.Node(id); qu != nil {
			for _, o := range qu.Options {
				if o.Next != quiz.Articles {
					n.kids = append(n.kids, unfold(o.Next, q.OptionText(lang.Code, id, o.ID), depth+1))
				}
			}
		} else {
			reached[id]++
		}
		return n
	}
	root := unfold(q.Start, "", 0)
	leaves := 0
	var layout func(n *mapNode)
	layout = func(n *mapNode) {
		if len(n.kids) == 0 {
			n.y = float64(mapPad + leaves*mapRowH + mapBoxH/2)
			leaves++
			return
		}
		for _, k := range n.kids {
			layout(k)
		}
		n.y = (n.kids[0].y + n.kids[len(n.kids)-1].y) / 2
	}
	layout(root)

	T := s.Catalog().T(lang.Code)
	w, h := 2*mapPad+deepest*mapColW+mapBoxW, 2*mapPad+leaves*mapRowH-(mapRowH-mapBoxH)
	var b strings.Builder
	titleID := "quiz-map-" + lang.Code
	fmt.Fprintf(&b, `<svg class="quiz-map-svg" xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" role="group" aria-labelledby="%s" lang="%s">`, w, h, w, h, titleID, lang.Code)
	fmt.Fprintf(&b, `<title id="%s">%s</title>`, titleID, esc(T("quizMapTitle", "Lang", lang.Name)))
	var draw func(n *mapNode)
	draw = func(n *mapNode) {
		x := mapPad + n.depth*mapColW
		for _, k := range n.kids {
			x1, x2 := x+mapBoxW, mapPad+k.depth*mapColW
			mid := (x1 + x2) / 2
			fmt.Fprintf(&b, `<path class="edge" d="M%d %.1f C%d %.1f %d %.1f %d %.1f"/>`, x1, n.y, mid, n.y, mid, k.y, x2, k.y)
		}
		top := n.y - mapBoxH/2
		qu, o := q.Node(n.id)
		var line2, class, full, href string
		switch {
		case qu != nil:
			line2, class, full, href = q.Text(lang.Code, n.id), "node question", q.Text(lang.Code, n.id), lang.QuizURL(n.id)
		case o != nil:
			sc := s.Article(o.Article, lang.Code).Scenario(o.Scenario)
			line2, class, full, href = sc.Title, "node outcome verdict-"+sc.Verdict, sc.Title+" · "+T("verdict_"+sc.Verdict), sc.URL()
			if reached[n.id] > 1 {
				class += " reached-twice"
				full += " · " + T("quizMapWays", "N", reached[n.id])
			}
		}
		fmt.Fprintf(&b, `<a href="%s"><g class="%s"><title>%s</title>`, esc(href), class, esc(strings.TrimSpace(n.answer+" → "+full)))
		fmt.Fprintf(&b, `<rect x="%d" y="%.1f" width="%d" height="%d" rx="6"/>`, x, top, mapBoxW, mapBoxH)
		if n.answer != "" {
			fmt.Fprintf(&b, `<text class="answer" x="%d" y="%.1f">%s</text>`, x+8, top+16, esc(clip(n.answer, answerChars)))
		}
		y2 := top + 34
		if n.answer == "" {
			y2 = top + 27
		}
		mark := ""
		if o != nil {
			mark = `<tspan class="dot">●</tspan> ` // (in the verdict's colour)
			if reached[n.id] > 1 {
				line2 = fmt.Sprintf("×%d %s", reached[n.id], line2)
			}
		}
		fmt.Fprintf(&b, `<text class="text" x="%d" y="%.1f">%s%s</text></g></a>`, x+8, y2, mark, esc(clip(line2, nodeChars)))
		for _, k := range n.kids {
			draw(k)
		}
	}
	draw(root)
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// uncovered returns the language's scenarios that no outcome of the quiz
// shows, in article order.
func uncovered(s *site.Site, lang *site.Lang) []*site.Scenario {
	shown := map[[2]string]bool{}
	for _, o := range s.Quiz.Outcomes {
		shown[[2]string{o.Article, o.Scenario}] = true
	}
	var out []*site.Scenario
	for _, a := range lang.Articles {
		for _, sc := range a.Scenarios {
			if !shown[[2]string{a.Key, sc.ID}] {
				out = append(out, sc)
			}
		}
	}
	return out
}

// clip shortens s to n characters, the last an ellipsis, to fit on a line
// of a box (the box's title holds the whole text).
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

func esc(s string) string { return html.EscapeString(s) }
