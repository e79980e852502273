package render

import (
	"fmt"
	"strings"

	"github.com/tact-guide/tact/internal/site"
)

// HeadersFile returns _headers, read by static hosts such as Netlify and
// Cloudflare Pages. Every page gets the site's policy (package csp: the
// one its <meta http-equiv> declares); the quiz embed pages
// also get frame-ancestors *, so any site may frame them. The rest of the
// site sets no frame-ancestors: a header that forbade framing would, on hosts
// that combine matching rules, forbid it for the embed pages too. embed.js
// keeps its fixed name, so it is cached briefly; fingerprinted assets (the
// search index's files among them) forever; the search manifests are
// revalidated.
func HeadersFile(s *site.Site, policy string) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "/*\n  Content-Security-Policy: %s\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: strict-origin-when-cross-origin\n\n", policy)
	for _, lang := range s.Languages {
		if s.Quiz != nil {
			fmt.Fprintf(&b, "%s\n  Content-Security-Policy: frame-ancestors *\n\n", lang.QuizEmbedURL())
		}
	}
	for _, lang := range s.Languages {
		// The search index's manifest keeps its address: asked again on each visit.
		fmt.Fprintf(&b, "%s\n  Cache-Control: no-cache\n\n", SearchManifest(s, lang))
	}
	fmt.Fprintf(&b, "%s/embed.js\n  Cache-Control: public, max-age=3600\n  Access-Control-Allow-Origin: *\n\n", s.BasePath)
	fmt.Fprintf(&b, "%s/assets/*\n  Cache-Control: public, max-age=31536000, immutable\n", s.BasePath)
	return []byte(b.String())
}

// RedirectsFile returns _redirects, read by Netlify: an address under a
// language that has no file gets that language's 404 page, any other the
// root one, with status 404. Netlify applies a rule only where no file is
// ("shadowing"), so the site's own pages are served as they are.
// Cloudflare Pages finds the nearest 404.html by itself and skips these
// lines (it takes no 404 rules); docs/deploy.md says what each host does.
func RedirectsFile(s *site.Site) []byte {
	var b strings.Builder
	b.WriteString("# Each language's 404 page for the addresses under it that have no file (docs/deploy.md).\n")
	for _, lang := range s.Languages {
		fmt.Fprintf(&b, "%s* %s404.html 404\n", lang.URL(), lang.URL())
	}
	fmt.Fprintf(&b, "%s/* %s/404.html 404\n", s.BasePath, s.BasePath)
	return []byte(b.String())
}
