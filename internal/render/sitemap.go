package render

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"iter"
	"slices"
	"strconv"
	"time"

	"github.com/tact-guide/tact/internal/site"
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
// and robots.txt from the pages of the site, and hands each to emit.
func SitemapFiles(s *site.Site, pages []*Page, emit func(name string, data []byte) error) error {
	byLang := map[*site.Lang][]*Page{}
	for _, p := range pages {
		byLang[p.Lang] = append(byLang[p.Lang], p)
	}
	w := NewSitemapWriter(s, inMemory(emit))
	for _, lang := range s.Languages {
		if err := w.Lang(lang, slices.Values(byLang[lang])); err != nil {
			return err
		}
	}
	return w.Finish()
}

// SitemapWriter makes the sitemaps one language at a time, writing each
// through create as it goes (at 270,000 pages the sitemaps weigh about
// 200 MB; a one-shot build writes them straight to disk). Every URL lists
// all its translations and the x-default language chooser as xhtml:link
// alternates. Pages marked NoIndex are left out.
type SitemapWriter struct {
	s        *site.Site
	create   func(name string) (io.WriteCloser, error)
	index    bytes.Buffer
	xDefault string
	entry    bytes.Buffer
}

func NewSitemapWriter(s *site.Site, create func(name string) (io.WriteCloser, error)) *SitemapWriter {
	w := &SitemapWriter{s: s, create: create}
	w.xDefault = `<xhtml:link rel="alternate" hreflang="x-default" href="` + xmlText(s.AbsURL(s.BasePath+"/")) + `"/>`
	w.index.WriteString(xml.Header + `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	return w
}

// Lang makes the sitemaps of one language from its pages, in order (the
// language chooser goes into the first language's). Languages must come in
// their configured order.
func (w *SitemapWriter) Lang(lang *site.Lang, pages iter.Seq[*Page]) error {
	s := w.s
	var part io.WriteCloser
	n, urls, size := 0, 0, 0
	var last time.Time
	write := func(b []byte) error {
		size += len(b)
		_, err := part.Write(b)
		return err
	}
	open := func() error {
		n++
		name := "sitemap-" + lang.Code + ".xml"
		if n > 1 {
			name = "sitemap-" + lang.Code + "-" + strconv.Itoa(n) + ".xml"
		}
		w.index.WriteString("<sitemap><loc>")
		writeXMLText(&w.index, s.AbsURL(s.BasePath+"/"+name))
		w.index.WriteString("</loc>")
		var err error
		if part, err = w.create(name); err != nil {
			return err
		}
		urls, size, last = 0, 0, time.Time{}
		return write([]byte(sitemapHeader))
	}
	closePart := func() error {
		err := write([]byte(sitemapFooter))
		if cerr := part.Close(); err == nil {
			err = cerr
		}
		if !last.IsZero() {
			w.index.WriteString("<lastmod>" + last.Format("2006-01-02") + "</lastmod>")
		}
		w.index.WriteString("</sitemap>\n")
		return err
	}
	if err := open(); err != nil {
		return err
	}
	for p := range pages {
		if p.NoIndex {
			continue
		}
		w.entry.Reset()
		writeSitemapEntry(s, &w.entry, p, w.xDefault)
		if urls > 0 && (urls == sitemapLimits.urls || size+w.entry.Len()+len(sitemapFooter) > sitemapLimits.bytes) {
			if err := closePart(); err != nil {
				return err
			}
			if err := open(); err != nil {
				return err
			}
		}
		if err := write(w.entry.Bytes()); err != nil {
			part.Close()
			return err
		}
		urls++
		if p.LastMod.After(last) {
			last = p.LastMod
		}
	}
	return closePart()
}

// Finish makes the index and robots.txt.
func (w *SitemapWriter) Finish() error {
	s := w.s
	w.index.WriteString("</sitemapindex>\n")
	if err := writeWhole(w.create, "sitemap.xml", w.index.Bytes()); err != nil {
		return err
	}
	return writeWhole(w.create, "robots.txt", fmt.Appendf(nil, "User-agent: *\nAllow: /\n\nSitemap: %s\n", s.AbsURL(s.BasePath+"/sitemap.xml")))
}

func writeWhole(create func(name string) (io.WriteCloser, error), name string, data []byte) error {
	f, err := create(name)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// inMemory adapts emit, which takes a whole file, to a create function: the
// file is gathered in memory and handed to emit when it is closed.
func inMemory(emit func(name string, data []byte) error) func(name string) (io.WriteCloser, error) {
	return func(name string) (io.WriteCloser, error) {
		return &memFile{name: name, emit: emit}, nil
	}
}

type memFile struct {
	bytes.Buffer
	name string
	emit func(name string, data []byte) error
}

func (f *memFile) Close() error { return f.emit(f.name, f.Bytes()) }

// writeSitemapEntry writes the <url> element of page p.
func writeSitemapEntry(s *site.Site, b *bytes.Buffer, p *Page, xDefault string) {
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
