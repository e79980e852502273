// Package site is Tact's content model: it reads a site from an fs.FS and
// returns it checked and linked, as a *Site that the render package turns
// into pages. It never writes anything.
//
// # Layout of a site
//
//	tact.toml                 the site's name, its languages and its [csp] table (Config; docs/config.md)
//	content/<lang>/_index.md  the home page introduction of a language
//	content/<lang>/*.md       scenario articles, one file per article
//	content/quiz.toml         the decision quiz (package quiz); optional
//	content/<lang>/quiz.toml  the quiz's texts in that language
//	i18n/<lang>.toml          interface strings (package locale)
//	layouts/, assets/         templates and static files (packages render, assets)
//
// Every directory under content/ must be a configured language and every
// configured language must have one; folders inside a language are an
// error. Files whose names start with "." or end with "~", ".swp" or
// ".tmp" are ignored as editor droppings. Every file is read through
// sitefs.Guard: a symbolic link out of the site is an error.
//
// # Articles
//
// An article file starts with TOML front matter between "+++" lines, decoded
// strictly (an unknown field is an error): title, key, slug, summary and date
// are required; updated, tags, related, draft and translatedFrom are
// optional. The body is Markdown converted by package markdown: level-2
// headings with a verdict attribute are scenarios (their first paragraph
// the situation, the second the why), fenced blocks with the info string
// "reply" are reply templates. A sitefs.UntranslatedMark anywhere in the file
// (a passage of a translation skeleton not written yet, package scaffold)
// is an error at its place. docs/content.md is the writers' reference.
//
// # The model
//
// Loading produces a Site: Languages, each with its Home, its Articles (newest
// first) and its Replies; every Article holds its Scenarios and every Scenario
// its Replies. Translations share a key (articles) and an id (scenarios,
// replies): Site.Article(key, lang), Site.Reply(id, lang), Site.Translations.
// Linking checks that every translation of an article has the same
// scenario ids with the same verdicts and the same reply ids with the same
// number of placeholders; that keys are unique per language and reply ids
// across the site; that related keys exist; and that no two pages of a
// language share a URL. Addresses (URL methods, OutputFile) are computed
// once, when an article is linked into its language.
//
// The quiz is loaded after linking and checked against the site: every
// outcome names a scenario and replies that exist in every language.
//
// # Translation state
//
// A translation records the sourcever.Hash of the source version it was made
// from (translatedFrom, or a first line "# translatedFrom = …" in quiz
// texts and interface strings); package translation compares them with the
// source language's. The source text of a recorded version is kept in
// translated-from/<hash>.md or .toml (SnapshotDir), written when the
// translation is marked; for every stale translation a Load reads the text
// it was made from and the source's text now (SourceText), for the status
// page to show what changed. Those are the only files outside content/
// that a Load reads, so a Builder reloads the model, not the env, when
// they change.
//
// # Loading again
//
// A Loader reads tact.toml and the interface strings once; its Load may run
// again and again, reusing the parse result of every file that did not
// change (LoadOptions.Cache), and TakeEdits takes an edit that changes
// nothing other pages show straight into the last Load's model. A lean
// Load (one-shot builds of large sites) drops each article's detail, what
// only its own pages show; WithDetail converts it again (reload.go).
package site
