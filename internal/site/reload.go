package site

import (
	"fmt"
	"html/template"
	"slices"
)

// An article's detail is what only its own pages show: the rendered body,
// each scenario's situation and why (HTML and plain text), each reply's
// subject and message. The rest of the model (titles, ids, addresses,
// dates, placeholders) is what linking, checking and the other pages need.
// A one-shot build drops the detail as soon as the article is parsed
// (dropDetail) and converts the article again from its file when its pages
// render (WithDetail): at 40,000 articles the details are two thirds of the
// model, and converting a file costs less than keeping it.

// dropDetail drops a's detail from the model; reload gives it back, by
// converting the article's file again.
func (a *Article) dropDetail(reload func() (*Article, error)) {
	a.body, a.reload, a.dropped = "", reload, true
	for _, sc := range a.Scenarios {
		sc.ScenarioText = nil
		for _, r := range sc.Replies {
			r.Message = nil
		}
	}
}

// WithDetail returns a with its detail: a itself when it holds it, else a
// copy of a, its scenarios and replies, with the detail of the article
// converted again. The copy is the caller's; a is left as it is, so other
// pages being rendered at the same time may go on reading it.
func (a *Article) WithDetail() (*Article, error) {
	if !a.dropped {
		return a, nil
	}
	full, err := a.reload()
	if err != nil {
		return nil, err
	}
	c := *a
	c.dropped = false
	c.Scenarios = make([]*Scenario, len(a.Scenarios))
	for i, sc := range a.Scenarios {
		csc := *sc
		csc.Article = &c
		csc.Replies = make([]*Reply, len(sc.Replies))
		for j, r := range sc.Replies {
			cr := *r
			cr.Scenario = &csc
			csc.Replies[j] = &cr
		}
		c.Scenarios[i] = &csc
	}
	if err := c.takeDetail(full); err != nil {
		return nil, err
	}
	return &c, nil
}

// restoreDetail converts a's detail back into a itself, for good: for the
// articles that quiz pages quote. It must not run while pages are rendered.
func (a *Article) restoreDetail() error {
	if !a.dropped {
		return nil
	}
	full, err := a.reload()
	if err != nil {
		return err
	}
	a.dropped = false
	return a.takeDetail(full)
}

// takeDetail copies full's detail into a, which must have the same
// scenarios and replies: the file may have changed since the model was
// loaded.
func (a *Article) takeDetail(full *Article) error {
	same := len(full.Scenarios) == len(a.Scenarios)
	for i := 0; same && i < len(a.Scenarios); i++ {
		same = full.Scenarios[i].ID == a.Scenarios[i].ID &&
			slices.EqualFunc(full.Scenarios[i].Replies, a.Scenarios[i].Replies, func(x, y *Reply) bool { return x.ID == y.ID })
	}
	if !same {
		return fmt.Errorf("%s: changed during the build: build again", a.File)
	}
	a.body = full.body
	for i, sc := range a.Scenarios {
		sc.ScenarioText = full.Scenarios[i].ScenarioText
		for j, r := range sc.Replies {
			r.Message = full.Scenarios[i].Replies[j].Message
		}
	}
	return nil
}

// Body returns the article's rendered Markdown.
func (a *Article) Body() (template.HTML, error) {
	c, err := a.WithDetail()
	if err != nil {
		return "", err
	}
	return c.body, nil
}

// restoreQuoted gives back the detail of the articles whose scenarios and
// replies quiz pages quote.
func (s *Site) restoreQuoted() error {
	for _, o := range s.Quiz.Outcomes {
		for _, lang := range s.Languages {
			if a := s.Article(o.Article, lang.Code); a != nil {
				if err := a.restoreDetail(); err != nil {
					return err
				}
			}
		}
	}
	return nil
}
