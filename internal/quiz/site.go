package quiz

// Site is what the quiz needs to know about the site's content. The site
// package implements it once the articles are loaded and linked.
type Site interface {
	// HasScenario reports whether the article with the given key has the
	// scenario in language lang.
	HasScenario(lang, article, scenario string) bool
	// HasReply reports whether the reply exists in language lang.
	HasReply(lang, reply string) bool
	// ReplyScenario returns the article key and scenario id the reply
	// belongs to, the same in every language; ok is false for an unknown
	// reply.
	ReplyScenario(reply string) (article, scenario string, ok bool)
	// Scenarios lists every scenario of the site. Each must be the outcome
	// of some node of the quiz.
	Scenarios() []ScenarioRef
}

// ScenarioRef names a scenario: the key of its article and its id.
type ScenarioRef struct {
	Article, Scenario string
}
