package quiz

// Quiz is a loaded and validated quiz: every node is reachable from Start,
// every path ends at an outcome, and every question and option has a text in
// every language.
type Quiz struct {
	Start     string      `toml:"start"`    // id of the first question
	Questions []*Question `toml:"question"` // in definition order
	Outcomes  []*Outcome  `toml:"outcome"`  // in definition order

	// Uncovered lists the site's scenarios that no outcome leads to. They
	// are not errors: a writer can add an article before the quiz leads to
	// it; the site reports them as warnings (errors with --strict).
	Uncovered []error `toml:"-"`

	questions map[string]*Question
	outcomes  map[string]*Outcome
	texts     map[string]texts // language → texts of that language
	depth     map[string]int   // node id → Depth
}

// Question is a node that asks something and offers answers.
type Question struct {
	ID      string    `toml:"id"`
	Options []*Option `toml:"options"` // in the order they are shown
}

// Articles is the next of an option that leaves the quiz for the language's
// list of articles ("none of these").
const Articles = "articles"

// Option is one answer to a question.
type Option struct {
	ID   string `toml:"id"`   // unique within its question
	Next string `toml:"next"` // id of the question or outcome it leads to, or Articles
}

// Outcome is a leaf: the scenario of an article that answers the reader's
// situation, with the replies to offer.
type Outcome struct {
	ID       string   `toml:"id"`       // by convention the scenario's id
	Article  string   `toml:"article"`  // the article's key
	Scenario string   `toml:"scenario"` // the scenario's id within the article
	Replies  []string `toml:"replies"`  // reply ids of that scenario, in the order shown
}

// texts are the texts of one language, from content/<lang>/quiz.toml.
type texts map[string]*questionTexts

// questionTexts are one question's texts in one language.
type questionTexts struct {
	Question string            `toml:"question"`
	Hint     string            `toml:"hint"`    // optional: which answer wins when two could apply
	Slug     string            `toml:"slug"`    // optional: the question page's URL segment; its id when not set
	Options  map[string]string `toml:"options"` // option id → text
}

// Node returns the question or the outcome with the given id; both are nil
// when the quiz has no such node.
func (q *Quiz) Node(id string) (*Question, *Outcome) {
	return q.questions[id], q.outcomes[id]
}

// Text returns the text of a question in a language, or "" when the quiz has
// no such question or language.
func (q *Quiz) Text(lang, question string) string {
	if t := q.texts[lang][question]; t != nil {
		return t.Question
	}
	return ""
}

// Hint returns the hint under a question in a language (which answer to
// choose when two could apply), or "".
func (q *Quiz) Hint(lang, question string) string {
	if t := q.texts[lang][question]; t != nil {
		return t.Hint
	}
	return ""
}

// Slug returns the URL segment a language gives a question's page, or ""
// when its texts set none.
func (q *Quiz) Slug(lang, question string) string {
	if t := q.texts[lang][question]; t != nil {
		return t.Slug
	}
	return ""
}

// OptionText returns the text of an option of a question in a language, or ""
// when the quiz has no such option or language.
func (q *Quiz) OptionText(lang, question, option string) string {
	if t := q.texts[lang][question]; t != nil {
		return t.Options[option]
	}
	return ""
}
