// Package quiz loads the decision quiz: a short series of questions whose
// answers lead the reader to the scenario of an article that fits their
// situation, with the replies to send. The quiz is defined once, in
// content/quiz.toml, and its texts are written per language, in
// content/<lang>/quiz.toml. Load reads both, checks them against each other
// and against the site's articles, and returns a Quiz for the site package
// to render; this package renders nothing.
//
// # The definition: content/quiz.toml
//
// The definition is language-independent. It names the first question and
// lists the questions and the outcomes, each under its own table:
//
//	start = "start"
//
//	[[question]]
//	id = "start"
//	options = [
//	  { id = "offered", next = "offered" },
//	  { id = "asked",   next = "help-my-friend" },
//	]
//
//	[[question]]
//	id = "offered"
//	options = [
//	  { id = "busy",    next = "swamped" },
//	  { id = "leaving", next = "changing-fields" },
//	]
//
//	[[outcome]]
//	id = "swamped"
//	article = "introductions-offered"
//	scenario = "swamped"
//	replies = ["accept-later", "accept-later-contact"]
//
// The keys, all required:
//
//	start                  the id of the first question
//	[[question]] id        the question's id
//	[[question]] options   its answers, in the order shown; at least two
//	  id                   the option's id, unique within the question
//	  next                 the id of the question or outcome it leads to,
//	                       or "articles": the language's list of articles,
//	                       for a "none of these" answer (so no node may
//	                       have the id "articles")
//	[[outcome]] id         the outcome's id; by convention the scenario's id
//	[[outcome]] article    the key of the article (its front matter "key")
//	[[outcome]] scenario   the id of the scenario in that article ({#id …})
//	[[outcome]] replies    ids of that scenario's replies to offer, in order;
//	                       at least one
//
// Questions and outcomes share one set of ids. Every id is lowercase letters,
// digits and single hyphens, like "want-help". Any other key is an error. Any
// TOML spelling of the same data is accepted: the options may as well be
// written as [[question.options]] tables.
//
// Options of different questions may lead to the same node, but every node
// must be reachable from the start, and no path may come back to a question
// already asked: every path ends at an outcome. Every scenario of the site
// should be the outcome of some node, so that the quiz can lead to each;
// those that are not are listed in Quiz.Uncovered (the site reports them as
// warnings, and as errors with --strict) rather than failing the load, so a
// writer can add an article before the quiz leads to it.
//
// An outcome's scenario must exist in every language, and each of its
// replies must belong to that scenario and exist in every language. The
// outcome page shows the scenario's own texts (its title, situation and why,
// see docs/content.md) in the reader's language, so outcomes have no texts in
// the quiz files.
//
// # The texts: content/<lang>/quiz.toml
//
// Each language has one table per question, named by the question's id, with
// the question's text, and a sub-table with the text of each option, keyed by
// the option's id:
//
//	[offered]
//	slug = "te-ofrecen-una-presentacion"          (optional)
//	question = "What's making you hesitate?"
//	hint = "If both are true, choose the first."   (optional)
//	[offered.options]
//	busy    = "It's a good contact, but I'm swamped right now"
//	leaving = "They work in the field I'm leaving"
//
// The slug is the question page's URL segment in that language (the site
// uses it: Slug returns it, or "" when it is not set); it must be a valid
// slug. (Dotted keys and inline tables work too: start.question = "…".) Every
// question and option of the definition needs a text that is not blank, and every text must belong to a question or option of the
// definition: a text for anything else is most likely a misspelt id.
//
// # Errors
//
// Load gathers every problem rather than stopping at the first, each as a
// diag.Error naming the file and, where it can be found, the line and column
// of the offending id, key or value:
//
//	content/quiz.toml:20:31: option "busy" of question "offered" leads to "swampd", which is neither a question nor an outcome
//
// Problems that concern a file as a whole, such as a missing text table or a
// scenario no outcome covers, name only the file. A file that is not valid
// TOML, or has an unknown key or a value of the wrong type, is not checked
// further.
//
// # Using a quiz
//
// A loaded Quiz holds the questions and outcomes in definition order. Node
// finds a node by id; Text and OptionText return texts in a language; Depth
// numbers a node along the shortest path from the start, for progress such
// as "question 2"; Paths lists every way from the start to an outcome, in a
// fixed order, for tests that walk the quiz.
package quiz
