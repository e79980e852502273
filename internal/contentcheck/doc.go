// Package contentcheck holds no code, only tests: checks of the guide's real
// content (content/, built with the real layouts) that the builder itself
// does not make, or that deserve an independent second look.
//
//   - Parity: every language has the same articles, scenario ids and
//     verdicts, reply ids, and number of distinct placeholders per reply.
//   - Originality: no run of 8 or more consecutive words is copied from the
//     seed texts in ../shared/seeds (beside the repository, as in CI).
//   - Coverage: every language has every article and at least 12 reply
//     templates, and every built article page links its translations in
//     every language.
//   - Typography: interface strings and quiz texts use the language's
//     quotation marks and ’, never straight quotes.
//
// Run them with `go test ./internal/contentcheck`. Failures name the file
// and the id, or the copied words and the seed they come from.
package contentcheck
