package site

import "strings"

// URL returns the language's home page address.
func (l *Lang) URL() string { return l.base + "/" + l.Code + "/" }

// RepliesURL returns the address of the language's reply index.
func (l *Lang) RepliesURL() string { return l.URL() + l.ReplySeg + "/" }

// URL returns the article's address.
func (a *Article) URL() string { return a.Lang.URL() + a.Slug + "/" }

// URL returns the address of the scenario's section in its article.
func (sc *Scenario) URL() string { return sc.Article.URL() + "#" + sc.ID }

// URL returns the reply page's address.
func (r *Reply) URL() string { return r.Scenario.Article.Lang.RepliesURL() + r.Slug + "/" }

// Article returns the article the reply belongs to.
func (r *Reply) Article() *Article { return r.Scenario.Article }

// outputPath converts a site URL to the file that serves it.
func outputPath(basePath, url string) string {
	p := strings.TrimPrefix(url, basePath)
	p = strings.TrimPrefix(p, "/")
	if p == "" || strings.HasSuffix(p, "/") {
		p += "index.html"
	}
	return p
}
