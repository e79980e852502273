// Package markdown converts Tact's article bodies to HTML and extracts their
// structure: one goldmark instance per language, built once and safe to share
// between goroutines, because everything that belongs to one document lives in
// that document's parser.Context.
//
// # What a converter does
//
//   - CommonMark plus GitHub's tables and strikethrough, goldmark's own
//     extensions. A column's alignment is a class (align.go), since the
//     pages' Content-Security-Policy blocks style attributes.
//   - goldmark's typographer with the language's quotation marks, dashes,
//     ellipses and guillemets; single quotes are paired by quotes.go, so
//     that an apostrophe ending a word (Italian po') is never taken for
//     the language's closing quote.
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
// Problems in a document (a heading attribute that is not allowed, a scenario
// without an id, a malformed reply) are returned as Problems with byte offsets
// into the converted source, so that the caller can report file:line:col.
package markdown
