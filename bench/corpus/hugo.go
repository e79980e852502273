package corpus

import (
	"fmt"
	"strings"
	"time"
)

// hugoFiles returns the Hugo site's configuration, layouts and stylesheet.
//
// The configuration keeps Hugo to what Tact builds too, so the comparison
// is fair: HTML pages only (no RSS, sitemap, robots.txt, taxonomy or term
// pages), goldmark with the same extensions as Tact's (typographer, tables,
// strikethrough and attributes; no linkify) and no syntax highlighting,
// which Tact does not do either. Everything is minified by `hugo --minify`.
// Options are those of Hugo 0.111 (Debian 12's) and later.
func hugoFiles() map[string]string {
	var cfg strings.Builder
	cfg.WriteString(`# A synthetic Hugo site written by tact/internal/corpus for benchmarks:
# the same articles as the Tact corpus of the same size.
baseURL = "https://example.org/"
title = "Tact"
defaultContentLanguage = "es"
defaultContentLanguageInSubdir = true
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT"]
enableRobotsTXT = false

[outputs]
home = ["HTML"]
page = ["HTML"]
section = ["HTML"]

[markup.goldmark.extensions]
linkify = false
table = true
strikethrough = true

[markup.goldmark.parser.attribute]
block = true
title = true

[markup.goldmark.renderer]
unsafe = false

[markup.highlight]
codeFences = false

[markup.tableOfContents]
startLevel = 2
endLevel = 2
`)
	for i, l := range languages {
		fmt.Fprintf(&cfg, "\n[languages.%s]\nlanguageName = %s\nlanguageCode = %s\ncontentDir = %s\nweight = %d\n",
			l.code, quote(l.name), quote(strings.ReplaceAll(l.locale, "_", "-")), quote("content/"+l.code), i+1)
	}
	return map[string]string{
		"hugo.toml":                      cfg.String(),
		"layouts/_default/baseof.html":   hugoBase,
		"layouts/_default/single.html":   hugoSingle,
		"layouts/_default/list.html":     hugoList,
		"layouts/index.html":             hugoIndex,
		"layouts/404.html":               hugo404,
		"assets/style.css":               hugoStyle,
		"layouts/partials/switcher.html": hugoSwitcher,
	}
}

// hugoReplyIndex is the front matter of language li's reply index.
func hugoReplyIndex(li int) string {
	return "+++\ntitle = " + quote(capitalize(languages[li].replies)) + "\ntype = \"reply\"\ntranslationKey = \"replies\"\n+++\n"
}

// hugoReplies returns the content files of article t's reply pages in
// language li: the front matter carries what the layout shows verbatim
// (subject, message, the link back), the body the scenario's texts, which
// are Markdown.
func hugoReplies(li int, t *text) map[string]string {
	l := languages[li]
	files := make(map[string]string, len(t.replies))
	for _, r := range t.replies {
		var b strings.Builder
		b.WriteString("+++\n")
		fmt.Fprintf(&b, "title = %s\nslug = %s\ntype = \"reply\"\ntranslationKey = %s\ndate = %s\ndescription = %s\n",
			quote(r.title), quote(r.slug), quote("reply-"+r.id), t.date.Format(time.DateOnly), quote(r.situation))
		fmt.Fprintf(&b, "subject = %s\nmessage = %s\nscenario = %s\narticle = %s\narticleTitle = %s\n",
			quote(r.subject), quote(r.message), quote(r.scenario), quote("/"+l.code+"/"+t.slug+"/#"+r.anchor), quote(t.title))
		b.WriteString("+++\n\n")
		b.WriteString(r.situation + "\n\n" + r.why + "\n")
		files["content/"+l.code+"/"+l.replies+"/"+r.slug+".md"] = b.String()
	}
	return files
}

func hugoFrontMatter(t *text) string {
	var b strings.Builder
	b.WriteString("+++\n")
	fmt.Fprintf(&b, "title = %s\nslug = %s\ndescription = %s\ndate = %s\ntranslationKey = %s\n",
		quote(t.title), quote(t.slug), quote(t.summary), t.date.Format(time.DateOnly), quote(t.key))
	fmt.Fprintf(&b, "tags = %s\n", quoteList(t.tags))
	if len(t.related) > 0 {
		fmt.Fprintf(&b, "related = %s\n", quoteList(t.related))
	}
	b.WriteString("+++\n\n")
	return b.String()
}

func hugoHome(v *vocab) string {
	return "+++\ntitle = " + quote(v.homeTitle) + "\ndescription = " + quote(v.homeSummary) + "\n+++\n\n" +
		strings.Join(v.homeBody, "\n\n") + "\n"
}

const hugoBase = `<!doctype html>
<html lang="{{ .Language.Lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if .IsHome }}{{ .Title }}{{ else }}{{ .Title }} · {{ site.Title }}{{ end }}</title>
{{ with .Description }}<meta name="description" content="{{ . }}">{{ end }}
<link rel="canonical" href="{{ .Permalink }}">
<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">
{{ range .Translations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">
{{ end }}
{{ with resources.Get "style.css" | minify | fingerprint }}<link rel="stylesheet" href="{{ .RelPermalink }}">{{ end }}
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
<div class="wrap header-row">
<a class="brand" href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a>
{{ partial "switcher.html" . }}
</div>
</header>
<main id="main">
{{ block "main" . }}{{ end }}
</main>
<footer class="site-footer"><div class="wrap"><p>{{ site.Title }}</p></div></footer>
</body>
</html>
`

const hugoSwitcher = `<nav class="lang-switch" aria-label="Language">
<ul>
<li><a href="{{ .RelPermalink }}" lang="{{ .Language.Lang }}" hreflang="{{ .Language.Lang }}" aria-current="true">{{ .Language.LanguageName }}</a></li>
{{ range .Translations }}<li><a href="{{ .RelPermalink }}" lang="{{ .Language.Lang }}" hreflang="{{ .Language.Lang }}">{{ .Language.LanguageName }}</a></li>
{{ end }}
</ul>
</nav>
`

const hugoSingle = `{{ define "main" }}
<article class="wrap article">
<header class="article-header">
<h1>{{ .Title }}</h1>
<p class="lede">{{ .Description }}</p>
<p class="meta"><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date | time.Format ":date_long" }}</time></p>
</header>
<nav class="toc">{{ .TableOfContents }}</nav>
<div class="prose">
{{ .Content }}
</div>
{{ with .Params.tags }}<ul class="tags">{{ range . }}<li>{{ . }}</li>{{ end }}</ul>{{ end }}
<nav class="pager">
{{ with .NextInSection }}<a class="pager-prev" href="{{ .RelPermalink }}" rel="prev">{{ .Title }}</a>{{ end }}
{{ with .PrevInSection }}<a class="pager-next" href="{{ .RelPermalink }}" rel="next">{{ .Title }}</a>{{ end }}
</nav>
</article>
{{ end }}
`

const hugoList = `{{ define "main" }}
<div class="wrap">
<h1>{{ .Title }}</h1>
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
</div>
{{ end }}
`

const hugoIndex = `{{ define "main" }}
<div class="wrap">
<section class="intro">
<h1>{{ .Title }}</h1>
{{ .Content }}
</section>
<section>
<ul class="cards">
{{ range where .Site.RegularPages "Type" "!=" "reply" }}<li class="card">
<h3><a href="{{ .RelPermalink }}">{{ .Title }}</a></h3>
<p>{{ .Description }}</p>
</li>
{{ end }}
</ul>
</section>
</div>
{{ end }}
`

const hugoReplySingle = `{{ define "main" }}
<article class="wrap reply-page">
<p class="breadcrumb"><a href="{{ .Parent.RelPermalink }}">{{ .Parent.Title }}</a></p>
<h1>{{ .Title }}</h1>
<section class="fits">
<h2>{{ .Params.scenario }}</h2>
{{ .Content }}
<p><a href="{{ .Params.article }}">{{ .Params.articleTitle }}</a></p>
</section>
<section class="reply-card">
{{ with .Params.subject }}<p class="reply-subject">{{ . }}</p>{{ end }}
<pre class="reply-text">{{ .Params.message }}</pre>
<p><a class="button" href="mailto:?subject={{ .Params.subject | urlquery }}&amp;body={{ .Params.message | urlquery }}">Email</a></p>
</section>
<nav class="translations">
<ul>{{ range .Translations }}<li><a href="{{ .RelPermalink }}" hreflang="{{ .Language.Lang }}"><span lang="{{ .Language.Lang }}">{{ .Language.LanguageName }}: {{ .Title }}</span></a></li>{{ end }}</ul>
</nav>
</article>
{{ end }}
`

const hugoReplyList = `{{ define "main" }}
<div class="wrap">
<h1>{{ .Title }}</h1>
<ul class="replies">{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>: {{ .Params.scenario }}</li>{{ end }}</ul>
</div>
{{ end }}
`

const hugo404 = `{{ define "main" }}
<div class="wrap">
<h1>404</h1>
<p><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a></p>
</div>
{{ end }}
`

const hugoStyle = `/* A small stylesheet: the comparison is about building pages, not CSS. */
:root {
  color-scheme: light dark;
  --bg: #fdfcf8;
  --fg: #1f2328;
  --muted: #59606a;
  --line: #d9d6cc;
  --accent: #0b5cad;
  --measure: 42rem;
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 1.0625rem/1.6 system-ui, sans-serif; }
a { color: var(--accent); }
.wrap { max-width: var(--measure); margin: 0 auto; padding: 0 1rem; }
.skip-link { position: absolute; left: -999px; }
.skip-link:focus { left: 1rem; top: 1rem; }
.site-header, .site-footer { border-bottom: 1px solid var(--line); padding: 0.75rem 0; }
.site-footer { border-top: 1px solid var(--line); border-bottom: 0; color: var(--muted); }
.header-row { display: flex; flex-wrap: wrap; gap: 1rem; justify-content: space-between; align-items: center; }
.lang-switch ul { display: flex; gap: 0.75rem; list-style: none; margin: 0; padding: 0; }
.lede { font-size: 1.2rem; color: var(--muted); }
.meta { color: var(--muted); font-size: 0.9rem; }
.cards { list-style: none; padding: 0; display: grid; gap: 1rem; }
.card { border: 1px solid var(--line); border-radius: 0.5rem; padding: 1rem; }
pre { white-space: pre-wrap; border: 1px solid var(--line); border-radius: 0.5rem; padding: 1rem; }
.pager { display: flex; justify-content: space-between; gap: 1rem; margin: 2rem 0; }
`
