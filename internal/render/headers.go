package render

import (
	"fmt"
	"strings"
	"tact/internal/site"
)

// ContentSecurityPolicy is the policy every page declares in a <meta> tag
// and static hosts send as a header: only the site's own scripts, styles,
// images and frames; no inline script or style, no eval, no plugins.
const ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"font-src 'self'; connect-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'"

// headersFile returns _headers, read by static hosts such as Netlify and
// Cloudflare Pages. Every page gets the site's policy; the quiz embed pages
// also get frame-ancestors *, so any site may frame them. The rest of the
// site sets no frame-ancestors: a header that forbade framing would, on hosts
// that combine matching rules, forbid it for the embed pages too. embed.js
// keeps its fixed name, so it is cached briefly; fingerprinted assets (the
// search index's files among them) forever; the search manifests are
// revalidated.
func HeadersFile(s *site.Site) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "/*\n  Content-Security-Policy: %s\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: strict-origin-when-cross-origin\n\n", ContentSecurityPolicy)
	for _, lang := range s.Languages {
		if s.Quiz != nil {
			fmt.Fprintf(&b, "%sembed/\n  Content-Security-Policy: frame-ancestors *\n\n", lang.QuizURL(""))
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
