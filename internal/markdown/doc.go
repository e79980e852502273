// Package markdown converts Tact's article bodies to HTML and extracts their
// structure: one goldmark instance per language, built once and safe to share
// between goroutines, because everything that belongs to one document lives in
// that document's parser.Context.
//
// # What a converter does
//
//   - CommonMark plus GitHub's tables and strikethrough (table.go,
//     tablehtml.go, strike.go). A column's alignment is a class, since the
//     pages' Content-Security-Policy blocks style attributes.
//   - A typographer (typography.go, quotes.go): the language's quotation
//     marks, apostrophes, dashes, ellipses.
//   - Raw HTML is shown as text, never interpreted; links with dangerous
//     schemes (javascript:, vbscript:, data:) lose their href.
//   - Heading ids: explicit ids from goldmark's attribute syntax
//     (`## Title {#id}`), otherwise made from the heading text with accents
//     transliterated (package slug), unique within the document.
//   - Scenarios: a level-2 heading with a verdict attribute
//     (`## You are swamped {#swamped verdict=accept}`) opens a scenario that runs
//     to the next level-2 heading. It is rendered as a <section> holding the
//     heading, a verdict line, and the scenario's content; its first paragraph
//     is the situation and its second the why (see Scenario).
//   - Reply templates: fenced blocks with the info string `reply`, handled by
//     package reply.
//
// The tables, strikethrough and typographer are Tact's own, on goldmark's
// parser API and nodes: goldmark's extension package compiles regular
// expressions for link detection, which Tact does not use, at every start
// of the process, about 6 ms of a build of the whole site.
//
// Problems in a document (a heading attribute that is not allowed, a scenario
// without an id, a malformed reply) are returned as Problems with byte offsets
// into the converted source, so that the caller can report file:line:col.
package markdown
