// Package site is Tact's engine: it reads a site from an fs.FS, checks it,
// links its languages together and writes the static site.
//
// # Layout of a site
//
//	tact.toml                 the site's name and its languages (Config)
//	content/<lang>/_index.md  the home page introduction of a language
//	content/<lang>/*.md       scenario articles, one file per article
//	i18n/<lang>.toml          interface strings (package locale)
//	layouts/base.html         the page skeleton; calls {{block "main" .}}
//	layouts/<kind>.html       one file per page kind, defining "main"
//	layouts/partials/*.html   templates shared by the page kinds
//	assets/                   static files, minified and fingerprinted
//
// Every directory under content/ must be a configured language and every
// configured language must have one. Files whose names start with "." or end
// with "~", ".swp" or ".tmp" are ignored as editor droppings.
//
// # Articles
//
// An article file starts with TOML front matter between "+++" lines, decoded
// strictly (an unknown field is an error): title, key, slug, summary and date
// are required; updated, tags, related and draft are optional. The body is
// Markdown converted by package markdown: level-2 headings with a verdict
// attribute are scenarios, fenced blocks with the info string "reply" are
// reply templates. docs/content.md is the writers' reference.
//
// # The model
//
// Loading produces a Site: Languages, each with its Home, its Articles (newest
// first) and its Replies; every Article holds its Scenarios and every Scenario
// its Replies. Translations are found by key (articles) and id (replies):
// Site.Article(key, lang), Site.Reply(id, lang). Linking checks that every
// translation of an article has the same scenario ids with the same verdicts,
// and the same reply ids with the same number of placeholders; that keys are
// unique per language and reply ids unique per language; that related keys
// exist; and that no two pages of a language share a URL.
//
// # Pages and templates
//
// Site.pages lists every output file as a Page (Kind, Lang, URL, Path,
// Alternates, and the Article or Reply it shows). A page is rendered by
// executing "base" with html/template: layouts/base.html and the partials,
// cloned for each kind with layouts/<Kind>.html parsed on top (it redefines
// base's blocks), and cloned again for each language to bind its T.
// Template functions:
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
//	csp                       the Content-Security-Policy
//
// Templates never read files: everything they show comes from the model.
//
// # Output
//
// Pages are rendered in parallel (layouts and bodies were minified once,
// when loaded) and written by one goroutine to a staging directory beside
// the output directory (package output), which replaces the
// output directory only when everything succeeded. The same input always
// gives byte-identical output.
//
// Build (one-shot) and Builder (watch mode) give the same output: Builder
// keeps everything for the next build; Build keeps nothing and streams,
// converting each article again when its pages are rendered
// (docs/architecture.md, "One-shot builds").
package site
