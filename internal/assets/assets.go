// Package assets minifies and fingerprints the site's static files and
// minifies generated pages. One minifier is built per build, keyed by media
// type, and shared by every page.
//
// An asset assets/style.css becomes assets/style.<hash>.css in the output,
// where <hash> is the first 10 hex digits of the SHA-256 of the published
// bytes, so a changed file always gets a new name and can be cached forever.
package assets

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
	"github.com/tdewolff/parse/v2"

	"github.com/tact-guide/tact/internal/diag"
	"github.com/tact-guide/tact/internal/sitefs"
)

// Minifier minifies by media type; with minification off it copies.
type Minifier struct {
	m    *minify.M
	tmpl *minify.M // HTML with Go template actions left intact
	on   bool
}

// NewMinifier returns a minifier; on=false makes it copy bytes unchanged,
// for debugging templates.
func NewMinifier(on bool) *Minifier {
	m := minify.New()
	m.Add("text/html", htmlMinifier())
	m.AddFunc("text/css", css.Minify)
	m.Add("application/javascript", &js.Minifier{})
	m.AddRegexp(regexp.MustCompile(`^(application|text)/(.+\+)?json$`), &json.Minifier{})
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddRegexp(regexp.MustCompile(`^(application|text)/(.+\+)?xml$`), &xml.Minifier{KeepWhitespace: false})
	tm := minify.New()
	th := htmlMinifier()
	th.TemplateDelims = [2]string{"{{", "}}"}
	tm.Add("text/html", th)
	return &Minifier{m: m, tmpl: tm, on: on}
}

// On reports whether m minifies (a Minifier that does not returns its
// input as it is).
func (m *Minifier) On() bool { return m.on }

// Template minifies the source of an html/template file, leaving its
// actions intact. Pages are then rendered already minified, so a build
// minifies each layout once instead of every page it renders.
func (m *Minifier) Template(src []byte) ([]byte, error) {
	if !m.on {
		return src, nil
	}
	var buf bytes.Buffer
	if err := m.tmpl.Minify("text/html", &buf, bytes.NewBuffer(src)); err != nil {
		return nil, fmt.Errorf("minify template: %w", err)
	}
	return buf.Bytes(), nil
}

func htmlMinifier() *html.Minifier {
	return &html.Minifier{
		KeepDocumentTags: true, // <html lang>, <head>, <body> stay
		KeepEndTags:      true,
		KeepQuotes:       true, // the link checker reads attributes in quotes
		// type="text" and friends stay: validators and some assistive
		// tools expect them.
		KeepDefaultAttrVals: true,
		KeepSpecialComments: false,
	}
}

// Minify writes the minified form of src, of media type mediatype, to w.
func (m *Minifier) Minify(w io.Writer, mediatype string, src []byte) error {
	if !m.on {
		_, err := w.Write(src)
		return err
	}
	// A reader with a Bytes method is read in place; any other is copied
	// whole first (parse.NewInput).
	if err := m.m.Minify(mediatype, w, bytes.NewBuffer(src)); err != nil {
		return fmt.Errorf("minify %s: %w", mediatype, err)
	}
	return nil
}

// Bytes returns the minified form of src.
func (m *Minifier) Bytes(mediatype string, src []byte) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(len(src))
	err := m.Minify(&buf, mediatype, src)
	return buf.Bytes(), err
}

// MediaType returns the media type of a file name by its extension, or "".
func MediaType(name string) string {
	switch path.Ext(name) {
	case ".css":
		return "text/css"
	case ".js":
		return "application/javascript"
	case ".svg":
		return "image/svg+xml"
	case ".json":
		return "application/json"
	case ".html":
		return "text/html"
	case ".xml":
		return "application/xml"
	}
	return ""
}

// fileKinds names the files of each media type for error messages.
var fileKinds = map[string]string{
	"text/css": "stylesheet", "application/javascript": "script", "image/svg+xml": "SVG",
	"application/json": "JSON", "text/html": "HTML", "application/xml": "XML",
}

// Asset is one published static file.
type Asset struct {
	Name string // logical name, relative to the assets directory: "style.css"
	Path string // output path: "assets/style.0123456789.css"
	Data []byte // published bytes
}

// Set is the site's assets by logical name.
type Set map[string]*Asset

// Load reads every file under dir of fsys, minifies what it knows how to, and
// fingerprints it.
//
// A file that does not parse is reported at its line and column, and the
// others are still read, so that every such mistake is reported at once.
func Load(fsys fs.FS, dir string, m *Minifier) (Set, error) {
	set := Set{}
	var bad diag.List
	err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		if mt := MediaType(p); mt != "" {
			if off := sitefs.NotText(data); off >= 0 {
				bad.Add(diag.At(p, data, off, "not a text file: a %s must be UTF-8 text (was a binary file saved under this name?)", fileKinds[mt]))
				return nil
			}
			if data, err = m.Bytes(mt, data); err != nil {
				var perr *parse.Error
				if !errors.As(err, &perr) {
					return fmt.Errorf("%s: %w", p, err)
				}
				bad.Addf(p, perr.Line, perr.Column, "%s: fix the %s here (it is minified, so it must parse)", perr.Message, fileKinds[mt])
				return nil
			}
		}
		name := strings.TrimPrefix(p, dir+"/")
		set[name] = &Asset{Name: name, Path: path.Join("assets", fingerprint(name, data)), Data: data}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load assets: %w", err)
	}
	if err := bad.Err(); err != nil {
		return nil, err
	}
	return set, nil
}

func fingerprint(name string, data []byte) string {
	sum := sha256.Sum256(data)
	ext := path.Ext(name)
	return strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:])[:10] + ext
}

// Names returns the logical names, sorted.
func (s Set) Names() []string {
	names := make([]string, 0, len(s))
	for n := range s {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}
