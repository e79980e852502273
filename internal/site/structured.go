package site

import (
	"encoding/json"
	"html/template"
	"time"
)

// StructuredData returns the page's JSON-LD (schema.org) objects:
// WebSite on home pages, Article on articles, and a BreadcrumbList on pages
// below a home, as JSON for <script type="application/ld+json">.
func (p *Page) StructuredData() template.JS {
	data := p.structuredData()
	if len(data) == 0 {
		return ""
	}
	// encoding/json escapes <, > and & as \u003c…, so the JSON cannot end
	// the script element; html/template inserts template.JS as it is.
	b, err := json.Marshal(data)
	if err != nil {
		return ""
	}
	return template.JS(b)
}

func (p *Page) structuredData() []any {
	s := p.Site
	if s.BaseURL == "" {
		return nil // schema.org URLs must be absolute
	}
	var out []any
	home := s.AbsURL(p.Lang.URL())
	switch p.Kind {
	case KindHome:
		out = append(out, map[string]any{
			"@context":    "https://schema.org",
			"@type":       "WebSite",
			"name":        s.Title,
			"url":         home,
			"inLanguage":  p.Lang.Code,
			"description": p.Description,
		})
	case KindArticle:
		a := p.Article
		article := map[string]any{
			"@context":         "https://schema.org",
			"@type":            "Article",
			"headline":         a.Title,
			"description":      a.Summary,
			"inLanguage":       p.Lang.Code,
			"datePublished":    a.Date.Format(time.DateOnly),
			"dateModified":     a.Updated.Format(time.DateOnly),
			"url":              s.AbsURL(p.URL),
			"mainEntityOfPage": s.AbsURL(p.URL),
			"image":            s.AbsURL(p.Image),
			"author":           map[string]any{"@type": "Organization", "name": s.Title, "url": home},
			"publisher":        map[string]any{"@type": "Organization", "name": s.Title, "url": home},
		}
		if len(a.Tags) > 0 {
			article["keywords"] = a.Tags
		}
		out = append(out, article)
	}
	if crumbs := p.Breadcrumbs(); len(crumbs) > 1 {
		items := make([]any, len(crumbs))
		for i, c := range crumbs {
			items[i] = map[string]any{"@type": "ListItem", "position": i + 1, "name": c.Name, "item": s.AbsURL(c.URL)}
		}
		out = append(out, map[string]any{"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": items})
	}
	return out
}

// Crumb is one step of a breadcrumb trail.
type Crumb struct {
	Name string
	URL  string
}

// Breadcrumbs returns the trail from the language's home to the page. The
// names of the home and the reply index come from the interface strings,
// so the caller supplies them through the page (HomeName, RepliesName).
func (p *Page) Breadcrumbs() []Crumb {
	home := Crumb{Name: p.Site.Title, URL: p.Lang.URL()}
	switch p.Kind {
	case KindArticle:
		return []Crumb{home, {Name: p.Article.Title, URL: p.URL}}
	case KindReplies:
		return []Crumb{home, {Name: p.Title, URL: p.URL}}
	case KindReply:
		return []Crumb{home, {Name: p.RepliesTitle, URL: p.Lang.RepliesURL()}, {Name: p.Title, URL: p.URL}}
	}
	return nil
}
