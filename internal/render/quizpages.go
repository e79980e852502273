package render

import (
	"fmt"
	"html"
	"html/template"

	"github.com/tact-guide/tact/internal/quiz"
	"github.com/tact-guide/tact/internal/site"
)

// QuizNode is what a quiz page shows: one question with its options, or one
// outcome with its scenario and replies.
type QuizNode struct {
	ID     string
	Number int // question number along the shortest path (the start is 1)
	Of     int // the most questions a path through it has: "question Number of Of"

	Question string       // question text; "" for an outcome
	Hint     string       // under the question: which answer wins when two could apply
	Options  []QuizOption // the question's options

	Scenario *site.Scenario // the outcome's scenario
	Replies  []*site.Reply  // the outcome's replies, in the quiz's order

	Data *QuizData // the whole quiz for the script; set on the start page

	BackURL string // the question before it on a shortest path; "" at the start
}

// QuizOption is one answer, linking to the node it leads to.
type QuizOption struct {
	ID, Text, Next, URL string
}

// IsOutcome reports whether the node is an outcome.
func (n *QuizNode) IsOutcome() bool { return n.Scenario != nil }

// quizPages returns the static quiz pages of a language: one per node.
func QuizPages(s *site.Site, lang *site.Lang) []*Page {
	q := s.Quiz
	if q == nil {
		return nil
	}
	var ps, extra []*Page // extra: the embed pages, whose alternates differ
	T := s.Catalog().T(lang.Code)
	title := T("quizTitle")
	for _, qu := range q.Questions {
		n := &QuizNode{ID: qu.ID, Number: q.Depth(qu.ID), Of: q.Depth(qu.ID) - 1 + q.Ahead(qu.ID), Question: q.Text(lang.Code, qu.ID), Hint: q.Hint(lang.Code, qu.ID)}
		for _, o := range qu.Options {
			n.Options = append(n.Options, QuizOption{ID: o.ID, Text: q.OptionText(lang.Code, qu.ID, o.ID), Next: o.Next, URL: quizOptionURL(lang, o)})
		}
		p := &Page{Site: s, Lang: lang, Kind: KindQuiz, URL: lang.QuizURL(qu.ID), Title: title, Description: T("quizIntro"), QuizNode: n}
		if qu.ID == q.Start {
			n.Data = NewQuizData(s, lang)
			embed := &Page{Site: s, Lang: lang, Kind: KindQuizEmbed, URL: lang.QuizEmbedURL(), Title: title,
				Description: p.Description, QuizNode: n, NoIndex: true, BodyClass: "embedded"}
			embed.Alternates = alternates(s, lang, func(l *site.Lang) (string, bool) { return l.QuizEmbedURL(), true })
			extra = append(extra, embed, embedCodePage(s, lang))
		} else {
			p.Title = n.Question + " · " + title
		}
		ps = append(ps, p)
	}
	for _, o := range q.Outcomes {
		a := s.Article(o.Article, lang.Code)
		sc := a.Scenario(o.Scenario)
		n := &QuizNode{ID: o.ID, Number: q.Depth(o.ID), Scenario: sc}
		for _, id := range o.Replies {
			n.Replies = append(n.Replies, s.Reply(id, lang.Code))
		}
		ps = append(ps, &Page{Site: s, Lang: lang, Kind: KindQuiz, URL: lang.QuizURL(o.ID), Title: sc.Title + " · " + title, Description: sc.WhyText, QuizNode: n})
	}
	// Back, without the script: to the question one step nearer the
	// start that leads here (the first such, in the definition's order).
	back := map[string]string{}
	for _, qu := range q.Questions {
		for _, o := range qu.Options {
			if _, ok := back[o.Next]; !ok && o.Next != q.Start && q.Depth(o.Next) == q.Depth(qu.ID)+1 {
				back[o.Next] = lang.QuizURL(qu.ID)
			}
		}
	}
	for _, p := range ps {
		node := p.QuizNode.ID
		p.QuizNode.BackURL = back[node]
		p.Alternates = alternates(s, lang, func(l *site.Lang) (string, bool) { return l.QuizURL(node), true })
	}
	return finish(s, append(append(ps, extra...), movedQuizPages(s, lang)...))
}

// movedQuizPages returns a page at each of the quiz's former addresses
// (/es/quiz/two-week-rule/: the quiz's segment and the node ids, English in
// every language) that sends the reader on to the node's address now, so
// that links and bookmarks keep working.
func movedQuizPages(s *site.Site, lang *site.Lang) []*Page {
	q := s.Quiz
	T := s.Catalog().T(lang.Code)
	var ps []*Page
	move := func(old, id string) {
		if to := lang.QuizURL(id); old != to && old != lang.QuizEmbedURL() {
			ps = append(ps, &Page{Site: s, Lang: lang, Kind: KindMoved, URL: old, MovedTo: to, NoIndex: true, Title: T("movedTitle"), KeepHash: id == q.Start})
		}
	}
	move(lang.URL()+"quiz/", q.Start)
	for _, qu := range q.Questions {
		if qu.ID != q.Start {
			move(lang.URL()+"quiz/"+qu.ID+"/", qu.ID)
		}
	}
	for _, o := range q.Outcomes {
		move(lang.URL()+"quiz/"+o.ID+"/", o.ID)
	}
	return ps
}

// embedCodePage is the page that shows a language's embed snippet, with
// what its form offers: every language and every question to start at.
func embedCodePage(s *site.Site, lang *site.Lang) *Page {
	T := s.Catalog().T(lang.Code)
	p := &Page{Site: s, Lang: lang, Kind: KindEmbedCode, URL: lang.EmbedCodeURL(), Title: T("embedTitle"), Description: T("embedIntro")}
	p.Alternates = alternates(s, lang, func(l *site.Lang) (string, bool) { return l.EmbedCodeURL(), true })
	if s.BaseURL == "" {
		return p
	}
	for _, l := range s.Languages {
		p.EmbedLangs = append(p.EmbedLangs, EmbedLang{Lang: l, Link: embedLinkText(s, l), QuizURL: s.AbsURL(l.QuizURL(""))})
	}
	for _, qu := range s.Quiz.Questions {
		if qu.ID == s.Quiz.Start {
			continue // the quiz starts there anyway
		}
		p.EmbedQuestions = append(p.EmbedQuestions, QuizOption{ID: qu.ID, Text: s.Quiz.Text(lang.Code, qu.ID)})
	}
	fallback := fmt.Sprintf(`<div data-tact-quiz data-lang="%s"><a href="%s">%s</a></div>`,
		html.EscapeString(lang.Code), html.EscapeString(s.AbsURL(lang.QuizURL(""))), html.EscapeString(embedLinkText(s, lang)))
	p.EmbedFallback = template.HTML(fallback)
	p.EmbedSnippet = fmt.Sprintf("<script src=\"%s\" async></script>\n%s", html.EscapeString(s.AbsURL(s.BasePath+"/embed.js")), fallback)
	return p
}

// EmbedLang is a language the embed form offers: the snippet's link text
// and the quiz's address in it.
type EmbedLang struct {
	*site.Lang
	Link    string // the link the snippet's element holds: "Tact: Which situation are you in?"
	QuizURL string // absolute
}

// embedLinkText is the text of the snippet's link in lang, which is also
// the frame's title.
func embedLinkText(s *site.Site, lang *site.Lang) string {
	return s.Title + ": " + s.Catalog().T(lang.Code)("quizTitle")
}

// QuizData is the quiz of one language as the script reads it: compact,
// with only what the script shows without loading a page. An outcome's
// replies come from the outcome's static page when the reader reaches it.
type QuizData struct {
	Start string              `json:"start"`
	Nodes map[string]QuizJSON `json:"nodes"`
}

// QuizJSON is one node for the script.
type QuizJSON struct {
	Q       string     `json:"q,omitempty"`       // question text
	H       string     `json:"h,omitempty"`       // its hint
	N       int        `json:"n,omitempty"`       // question number along the shortest path
	Ahead   int        `json:"a,omitempty"`       // the most questions from here on, this one included
	Slug    string     `json:"s"`                 // the node's step in the address (#que-te-piden/…), in the page's language
	Options [][]string `json:"o,omitempty"`       // [option id, text, next node], and a URL when it leaves the quiz
	Title   string     `json:"title,omitempty"`   // outcome: scenario title
	Verdict string     `json:"v,omitempty"`       // outcome: verdict id
	Label   string     `json:"label,omitempty"`   // outcome: verdict label
	Why     string     `json:"why,omitempty"`     // outcome: the why, plain text
	URL     string     `json:"url,omitempty"`     // outcome: the scenario in its article
	Page    string     `json:"page"`              // the node's static page
	Replies int        `json:"replies,omitempty"` // outcome: number of replies
}

// NewQuizData returns the quiz of one language for its script.
func NewQuizData(s *site.Site, lang *site.Lang) *QuizData {
	q := s.Quiz
	T := s.Catalog().T(lang.Code)
	d := &QuizData{Start: q.Start, Nodes: map[string]QuizJSON{}}
	for _, qu := range q.Questions {
		j := QuizJSON{Q: q.Text(lang.Code, qu.ID), H: q.Hint(lang.Code, qu.ID), N: q.Depth(qu.ID), Ahead: q.Ahead(qu.ID), Slug: lang.QuizSlug(qu.ID), Page: lang.QuizURL(qu.ID)}
		for _, o := range qu.Options {
			opt := []string{o.ID, q.OptionText(lang.Code, qu.ID, o.ID), o.Next}
			if o.Next == quiz.Articles {
				opt = append(opt, quizOptionURL(lang, o))
			}
			j.Options = append(j.Options, opt)
		}
		d.Nodes[qu.ID] = j
	}
	for _, o := range q.Outcomes {
		sc := s.Article(o.Article, lang.Code).Scenario(o.Scenario)
		d.Nodes[o.ID] = QuizJSON{Title: sc.Title, Verdict: sc.Verdict, Label: T("verdict_" + sc.Verdict), Why: sc.WhyText, URL: sc.URL(), Slug: lang.QuizSlug(o.ID), Page: lang.QuizURL(o.ID), Replies: len(o.Replies)}
	}
	return d
}

// quizOptionURL returns the address an option leads to: its node's page, or
// the language's list of articles on its home page.
func quizOptionURL(lang *site.Lang, o *quiz.Option) string {
	if o.Next == quiz.Articles {
		return lang.URL() + "#articles-title"
	}
	return lang.QuizURL(o.Next)
}
