package site

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"time"
)

// sitemapFiles returns sitemap.xml (an index) and one sitemap per language.
// Every URL lists all its translations and the x-default language chooser
// as xhtml:link alternates. Pages marked NoIndex are left out. The language
// chooser itself goes into the first language's sitemap.
func (s *Site) sitemapFiles(pages []*Page) map[string][]byte {
	files := map[string][]byte{}
	byLang := map[*Lang][]*Page{}
	for _, p := range pages {
		if !p.NoIndex {
			byLang[p.Lang] = append(byLang[p.Lang], p)
		}
	}
	var index bytes.Buffer
	index.WriteString(xml.Header + `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, lang := range s.Languages {
		name := "sitemap-" + lang.Code + ".xml"
		var b bytes.Buffer
		b.WriteString(xml.Header + `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">` + "\n")
		last := time.Time{}
		for _, p := range byLang[lang] {
			fmt.Fprintf(&b, "<url><loc>%s</loc>", xmlText(s.AbsURL(p.URL)))
			if !p.LastMod.IsZero() {
				fmt.Fprintf(&b, "<lastmod>%s</lastmod>", p.LastMod.Format("2006-01-02"))
				if p.LastMod.After(last) {
					last = p.LastMod
				}
			}
			for _, a := range p.Alternates {
				if a.Exists {
					fmt.Fprintf(&b, `<xhtml:link rel="alternate" hreflang="%s" href="%s"/>`, xmlText(a.Lang.Code), xmlText(s.AbsURL(a.URL)))
				}
			}
			fmt.Fprintf(&b, `<xhtml:link rel="alternate" hreflang="x-default" href="%s"/>`, xmlText(s.AbsURL(s.BasePath+"/")))
			b.WriteString("</url>\n")
		}
		b.WriteString("</urlset>\n")
		files[name] = b.Bytes()
		fmt.Fprintf(&index, "<sitemap><loc>%s</loc>", xmlText(s.AbsURL(s.BasePath+"/"+name)))
		if !last.IsZero() {
			fmt.Fprintf(&index, "<lastmod>%s</lastmod>", last.Format("2006-01-02"))
		}
		index.WriteString("</sitemap>\n")
	}
	index.WriteString("</sitemapindex>\n")
	files["sitemap.xml"] = index.Bytes()
	files["robots.txt"] = fmt.Appendf(nil, "User-agent: *\nAllow: /\n\nSitemap: %s\n", s.AbsURL(s.BasePath+"/sitemap.xml"))
	return files
}

func xmlText(s string) string {
	var b bytes.Buffer
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}
