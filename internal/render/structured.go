package render

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

// The schema.org objects, as structs rather than maps (encoding/json
// encodes a struct with a cached encoder, a map by sorting its keys). Their
// fields are in alphabetical order of their JSON names, the order a map
// had, so the output stays the same.
type (
	ldWebSite struct {
		Context     string `json:"@context"`
		Type        string `json:"@type"`
		Description string `json:"description"`
		InLanguage  string `json:"inLanguage"`
		Name        string `json:"name"`
		URL         string `json:"url"`
	}
	ldArticle struct {
		Context          string   `json:"@context"`
		Type             string   `json:"@type"`
		Author           ldOrg    `json:"author"`
		DateModified     string   `json:"dateModified"`
		DatePublished    string   `json:"datePublished"`
		Description      string   `json:"description"`
		Headline         string   `json:"headline"`
		Image            string   `json:"image"`
		InLanguage       string   `json:"inLanguage"`
		Keywords         []string `json:"keywords,omitempty"`
		MainEntityOfPage string   `json:"mainEntityOfPage"`
		Publisher        ldOrg    `json:"publisher"`
		URL              string   `json:"url"`
	}
	ldOrg struct {
		Type string `json:"@type"`
		Name string `json:"name"`
		URL  string `json:"url"`
	}
	ldBreadcrumbs struct {
		Context string       `json:"@context"`
		Type    string       `json:"@type"`
		Items   []ldListItem `json:"itemListElement"`
	}
	ldListItem struct {
		Type     string `json:"@type"`
		Item     string `json:"item"`
		Name     string `json:"name"`
		Position int    `json:"position"`
	}
)

func (p *Page) structuredData() []any {
	s := p.Site
	if s.BaseURL == "" {
		return nil // schema.org URLs must be absolute
	}
	const schema = "https://schema.org"
	var out []any
	home := s.AbsURL(p.Lang.URL())
	switch p.Kind {
	case KindHome:
		out = append(out, ldWebSite{Context: schema, Type: "WebSite", Name: s.Title, URL: home, InLanguage: p.Lang.Code, Description: p.Description})
	case KindArticle:
		a := p.Article
		org := ldOrg{Type: "Organization", Name: s.Title, URL: home}
		out = append(out, ldArticle{
			Context:          schema,
			Type:             "Article",
			Headline:         a.Title,
			Description:      a.Summary,
			InLanguage:       p.Lang.Code,
			DatePublished:    a.Date.Format(time.DateOnly),
			DateModified:     a.Updated.Format(time.DateOnly),
			URL:              s.AbsURL(p.URL),
			MainEntityOfPage: s.AbsURL(p.URL),
			Image:            s.AbsURL(p.Image),
			Author:           org,
			Publisher:        org,
			Keywords:         a.Tags,
		})
	}
	if crumbs := p.Breadcrumbs(); len(crumbs) > 1 {
		items := make([]ldListItem, len(crumbs))
		for i, c := range crumbs {
			items[i] = ldListItem{Type: "ListItem", Position: i + 1, Name: c.Name, Item: s.AbsURL(c.URL)}
		}
		out = append(out, ldBreadcrumbs{Context: schema, Type: "BreadcrumbList", Items: items})
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
