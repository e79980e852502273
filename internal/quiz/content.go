package quiz

import "fmt"

// checkOutcomes checks each outcome against the site: its scenario exists in
// every language, and its replies belong to that scenario and exist in every
// language.
func (c *checker) checkOutcomes() {
	def := c.def
	known := map[ScenarioRef]bool{}
	articles := map[string]bool{}
	for _, s := range c.site.Scenarios() {
		known[s] = true
		articles[s.Article] = true
	}
	for i, o := range c.q.Outcomes {
		r := ref{"outcome", i, o.ID}
		switch s := (ScenarioRef{o.Article, o.Scenario}); {
		case o.Article == "":
			c.errs.Add(def.Errorf(c.at(r), "%s has no article: add article = \"<key of the article>\"", r))
		case !articles[o.Article]:
			c.errs.Add(def.Errorf(def.Val(r.path()+".article"), "%s: there is no article with the key %q", r, o.Article))
		case o.Scenario == "":
			c.errs.Add(def.Errorf(c.at(r), "%s has no scenario: add scenario = \"<id of the scenario>\"", r))
		case !known[s]:
			c.errs.Add(def.Errorf(def.Val(r.path()+".scenario"), "%s: article %q has no scenario %q", r, o.Article, o.Scenario))
		default:
			for _, lang := range c.langs {
				if !c.site.HasScenario(lang, o.Article, o.Scenario) {
					c.errs.Add(def.Errorf(def.Val(r.path()+".scenario"), "%s: scenario %q of article %q does not exist in language %q", r, o.Scenario, o.Article, lang))
				}
			}
		}
		c.checkReplies(r, o, known[ScenarioRef{o.Article, o.Scenario}])
	}
}

// checkReplies checks the replies of an outcome. Whether they belong to its
// scenario is checked only when the scenario exists: otherwise the scenario
// is what is wrong.
func (c *checker) checkReplies(r ref, o *Outcome, scenarioKnown bool) {
	def := c.def
	if len(o.Replies) == 0 {
		c.errs.Add(def.Errorf(c.at(r), "%s has no replies: list the ids of the scenario's replies to offer, e.g. replies = [\"…\"]", r))
	}
	seen := map[string]bool{}
	for j, id := range o.Replies {
		off := def.Val(fmt.Sprintf("%s.replies[%d]", r.path(), j))
		if seen[id] {
			c.errs.Add(def.Errorf(off, "%s lists reply %q twice", r, id))
			continue
		}
		seen[id] = true
		article, scenario, ok := c.site.ReplyScenario(id)
		if !ok {
			c.errs.Add(def.Errorf(off, "%s: there is no reply %q", r, id))
			continue
		}
		if scenarioKnown && (article != o.Article || scenario != o.Scenario) {
			c.errs.Add(def.Errorf(off, "%s: reply %q belongs to scenario %q of article %q, not to this outcome's scenario %q of article %q", r, id, scenario, article, o.Scenario, o.Article))
		}
		for _, lang := range c.langs {
			if !c.site.HasReply(lang, id) {
				c.errs.Add(def.Errorf(off, "%s: reply %q does not exist in language %q", r, id, lang))
			}
		}
	}
}

// checkCoverage reports every scenario of the site that no outcome shows:
// the quiz must lead to every scenario. (An outcome that cannot be reached is
// reported by checkGraph.)
func (c *checker) checkCoverage() {
	covered := map[ScenarioRef]bool{}
	for _, o := range c.q.Outcomes {
		covered[ScenarioRef{o.Article, o.Scenario}] = true
	}
	for _, s := range c.site.Scenarios() {
		if !covered[s] {
			c.q.Uncovered = append(c.q.Uncovered, c.def.Errorf(-1, "scenario %q of article %q is not the outcome of any question: add an [[outcome]] for it and an option leading there", s.Scenario, s.Article))
		}
	}
}
