package site

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strconv"
	"time"
)

// sitemapLimits are the sitemaps protocol's limits for one file
// (sitemaps.org): 50,000 URLs and 50 MiB uncompressed. A language with more
// pages gets several sitemaps: sitemap-<lang>.xml, sitemap-<lang>-2.xml, …
// (Tests lower them.)
var sitemapLimits = struct{ urls, bytes int }{50000, 50 << 20}

const (
	sitemapHeader = xml.Header + `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">` + "\n"
	sitemapFooter = "</urlset>\n"
)

// sitemapFiles makes sitemap.xml (an index), the sitemaps of every language
// and robots.txt, and hands each to emit as soon as it is made (at 270,000
// pages the sitemaps weigh about 200 MB; a build need not hold them all).
// Every URL lists all its translations and the x-default language chooser
// as xhtml:link alternates. Pages marked NoIndex are left out. The language
// chooser itself goes into the first language's sitemap.
func (s *Site) sitemapFiles(pages []*Page, emit func(name string, data []byte) error) error {
	byLang := map[*Lang][]*Page{}
	for _, p := range pages {
		if !p.NoIndex {
			byLang[p.Lang] = append(byLang[p.Lang], p)
		}
	}
	xDefault := `<xhtml:link rel="alternate" hreflang="x-default" href="` + xmlText(s.AbsURL(s.BasePath+"/")) + `"/>`
	var index bytes.Buffer
	index.WriteString(xml.Header + `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	var entry bytes.Buffer
	for _, lang := range s.Languages {
		var part bytes.Buffer
		urls, n := 0, 0
		var last time.Time
		flush := func() error {
			part.WriteString(sitemapFooter)
			n++
			name := "sitemap-" + lang.Code + ".xml"
			if n > 1 {
				name = "sitemap-" + lang.Code + "-" + strconv.Itoa(n) + ".xml"
			}
			index.WriteString("<sitemap><loc>")
			writeXMLText(&index, s.AbsURL(s.BasePath+"/"+name))
			index.WriteString("</loc>")
			if !last.IsZero() {
				index.WriteString("<lastmod>" + last.Format("2006-01-02") + "</lastmod>")
			}
			index.WriteString("</sitemap>\n")
			data := part.Bytes()
			part = bytes.Buffer{}
			urls, last = 0, time.Time{}
			return emit(name, data)
		}
		part.WriteString(sitemapHeader)
		for _, p := range byLang[lang] {
			entry.Reset()
			s.writeSitemapEntry(&entry, p, xDefault)
			if urls > 0 && (urls == sitemapLimits.urls || part.Len()+entry.Len()+len(sitemapFooter) > sitemapLimits.bytes) {
				if err := flush(); err != nil {
					return err
				}
				part.WriteString(sitemapHeader)
			}
			part.Write(entry.Bytes())
			urls++
			if p.LastMod.After(last) {
				last = p.LastMod
			}
		}
		if err := flush(); err != nil {
			return err
		}
	}
	index.WriteString("</sitemapindex>\n")
	if err := emit("sitemap.xml", index.Bytes()); err != nil {
		return err
	}
	return emit("robots.txt", fmt.Appendf(nil, "User-agent: *\nAllow: /\n\nSitemap: %s\n", s.AbsURL(s.BasePath+"/sitemap.xml")))
}

// writeSitemapEntry writes the <url> element of page p.
func (s *Site) writeSitemapEntry(b *bytes.Buffer, p *Page, xDefault string) {
	b.WriteString("<url><loc>")
	writeXMLText(b, s.AbsURL(p.URL))
	b.WriteString("</loc>")
	if !p.LastMod.IsZero() {
		b.WriteString("<lastmod>")
		b.Write(p.LastMod.AppendFormat(b.AvailableBuffer(), "2006-01-02"))
		b.WriteString("</lastmod>")
	}
	for _, a := range p.Alternates {
		if a.Exists {
			b.WriteString(`<xhtml:link rel="alternate" hreflang="`)
			writeXMLText(b, a.Lang.Code)
			b.WriteString(`" href="`)
			writeXMLText(b, s.AbsURL(a.URL))
			b.WriteString(`"/>`)
		}
	}
	b.WriteString(xDefault)
	b.WriteString("</url>\n")
}

func xmlText(s string) string {
	var b bytes.Buffer
	writeXMLText(&b, s)
	return b.String()
}

// writeXMLText writes s escaped as encoding/xml.EscapeText does; the
// common case, printable ASCII with nothing to escape, is copied as is.
func writeXMLText(b *bytes.Buffer, s string) {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f || c == '&' || c == '<' || c == '>' || c == '"' || c == '\'' {
			_ = xml.EscapeText(b, []byte(s))
			return
		}
	}
	b.WriteString(s)
}
