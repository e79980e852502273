// Package render turns a checked site.Site into what is published: its
// pages (Page, made by Pages or one at a time), the templates that render
// them, feeds, sitemaps, JSON-LD and the hosts' _headers and _redirects. It
// neither reads content nor writes files: package build does both.
//
// # Pages
//
// Pages lists every output page in a fixed order: the site's own pages
// (language chooser, 404, translation status), then per language its home,
// reply index and 404, its articles, its quiz pages and its reply pages.
// A Page carries its Kind, Lang, URL, output Path, Alternates (one per
// language, for the switcher and hreflang) and the Article, Reply or
// QuizNode it shows.
//
// # Templates
//
// A page is rendered by executing "base" with html/template:
// layouts/base.html and the partials, cloned for each kind with
// layouts/<Kind>.html parsed on top (it redefines base's blocks), shared
// by the languages: Bind gives the sets one language's T and the other
// functions bound to a language, and pages render one language at a time.
// Layouts are minified once,
// with their actions intact, so pages need no minifying pass. Template
// functions:
//
//	T "id"                    the interface string in the page's language
//	Tn "id" count             a plural interface string ({{.Count}} is count)
//	Tf "id" "Key" value …     an interface string with named data
//	TL "lang" "id"            the interface string in another language
//	verdict v                 the label of a verdict
//	localDate t               a date in the page's language
//	date t                    a date as YYYY-MM-DD (for datetime attributes)
//	asset "style.css"         the fingerprinted URL of an asset
//	segments s                reply text with placeholders marked
//	card r, inOutcome r       a reply for the reply-card partial
//	cached "name" .           template name rendered once per language and
//	                          kind with a Chrome (site, language, kind, root):
//	                          for parts that are the same on every such page
//	csp                       the Content-Security-Policy (package csp, with
//	                          tact.toml's [csp] additions)
//	lower s                   s in lower case
//
// docs/layouts.md is the layout authors' reference: every value and
// function above, kept complete by docs_test.go. Templates never read
// files: everything they show comes from the model.
// A failed page is reported once per distinct error, at its place in the
// layout as written (Failures).
package render
