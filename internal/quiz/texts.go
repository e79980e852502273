package quiz

import (
	"maps"
	"slices"
	"strings"

	"github.com/tact-guide/tact/internal/slug"
	"github.com/tact-guide/tact/internal/tomlpos"
)

// checkTexts checks the texts file of one language against the definition:
// every question and option has a text that is not blank, and every text
// belongs to a question or option of the definition.
func (c *checker) checkTexts(src *tomlpos.Index, t texts) {
	q := c.q
	for _, qu := range q.Questions {
		if qu.ID == "" || q.questions[qu.ID] != qu {
			continue // reported by checkNodes
		}
		id := qu.ID
		qt := t[id]
		switch {
		case qt == nil:
			c.errs.Add(src.Errorf(-1, "no texts for question %q: add a table [%s] with question = \"…\" and a table [%s.options] with the text of each option", id, id, id))
			continue
		case strings.TrimSpace(qt.Question) != "":
		case src.Key(id+".question") >= 0:
			c.errs.Add(src.Errorf(src.Key(id+".question"), "the text of question %q is empty", id))
		default:
			c.errs.Add(src.Errorf(src.Key(id), "no text for question %q: add question = \"…\" under [%s]", id, id))
		}
		if qt.Slug != "" && !slug.Valid(qt.Slug) {
			c.errs.Add(src.Errorf(src.Val(id+".slug"), "slug %q of question %q is not a valid URL segment: use lowercase ASCII letters, digits and hyphens (for example %q)", qt.Slug, id, slug.Make(qt.Slug)))
		}
		options := map[string]bool{}
		for _, o := range qu.Options {
			if o.ID == "" || options[o.ID] {
				continue // reported by checkOptions
			}
			options[o.ID] = true
			text, ok := qt.Options[o.ID]
			switch {
			case !ok:
				c.errs.Add(src.Errorf(tomlpos.First(src.Key(id+".options"), src.Key(id)), "no text for option %q of question %q: add %s = \"…\" under [%s.options]", o.ID, id, o.ID, id))
			case strings.TrimSpace(text) == "":
				c.errs.Add(src.Errorf(src.Key(id+".options."+o.ID), "the text of option %q of question %q is empty", o.ID, id))
			}
		}
		for opt := range qt.Options {
			if !options[opt] {
				c.errs.Add(src.Errorf(src.Key(id+".options."+opt), "question %q has no option %q in %s: check the spelling, or delete this text", id, opt, c.def.File()))
			}
		}
	}
	questions := map[string]bool{}
	for _, qu := range q.Questions {
		questions[qu.ID] = true
	}
	for _, id := range slices.Sorted(maps.Keys(t)) {
		switch {
		case questions[id]:
		case q.outcomes[id] != nil:
			c.errs.Add(src.Errorf(src.Key(id), "%q is an outcome, not a question: outcomes show their scenario's own texts, so delete this table", id))
		default:
			c.errs.Add(src.Errorf(src.Key(id), "%s has no question %q: check the spelling, or delete this table", c.def.File(), id))
		}
	}
}
