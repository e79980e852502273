package render

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"path"
	"regexp"
	"strings"
	"sync"
	"text/template/parse"
	"time"

	"github.com/tact-guide/tact/internal/assets"
	"github.com/tact-guide/tact/internal/diag"
	"github.com/tact-guide/tact/internal/locale"
	"github.com/tact-guide/tact/internal/site"
	"github.com/tact-guide/tact/internal/sitefs"
)

// LayoutDir holds the templates: base.html, one file per page kind, and
// partials/*.html shared by them.
const LayoutDir = "layouts"

// Templates holds the page templates of every page kind, built once per
// build. base.html and the partials are parsed once; each kind's set is a
// clone of them with the kind's file parsed on top (it redefines "main",
// "head" and the other blocks of base). html/template escapes each set when
// it first executes.
//
// The languages share the sets: the functions bound to a language (T and
// the others of langFuncs) are those of the language last given to Bind.
// A set per kind and language cost four times the copying and escaping,
// about a fifth of a small site's build; text/template looks a function up
// when it calls it, so binding a language is replacing six functions.
// Pages therefore render one language at a time.
type Templates struct {
	byKind map[string]*template.Template // kind → its set, entered at "base"
	funcs  map[string]template.FuncMap   // lang → its functions (langFuncs)
	bound  string                        // the language whose functions the sets hold
	files  map[string]layoutFile         // template name → layout file

	// unminified returns the same templates parsed from the layouts as
	// written, for errors to name places in them (layouterr.go); t itself
	// when the layouts are not minified.
	unminified func() (*Templates, error)
}

var kinds = []string{KindHome, KindArticle, KindReplies, KindReply, KindNotFound, KindChooser, KindQuiz, KindQuizEmbed, KindEmbedCode, KindStatus, KindAbout, KindMoved, KindSearch}

// LoadTemplates parses the layouts in fsys for the languages langs, with
// their strings from cat, the assets set (under basePath) and the
// Content-Security-Policy policy (package csp) for the {{csp}} of every
// page's <meta http-equiv>.
func LoadTemplates(fsys fs.FS, langs []string, cat *locale.Catalog, set assets.Set, basePath, policy string, min *assets.Minifier) (*Templates, error) {
	funcs := funcMap(cat, set, basePath, policy)
	files := map[string]layoutFile{} // template name → layout file
	// parse reads a layout file, minifies it (actions intact, so pages come
	// out minified without a pass over each page) and parses it into t
	// under its base name.
	var definedIn map[string]string // template name → the shared file defining it; nil once they are parsed
	parse := func(t *template.Template, f string) error {
		orig, err := fs.ReadFile(fsys, f)
		if errors.Is(err, fs.ErrNotExist) {
			return &diag.Error{File: f, Msg: "missing: every site needs this layout (docs/layouts.md); restore it with `git checkout -- " + f + "`, or write one"}
		}
		if err != nil {
			return fmt.Errorf("parse layouts: %w", err)
		}
		if off := sitefs.NotText(orig); off >= 0 {
			return diag.At(f, orig, off, "not a text file: a layout must be UTF-8 text (was a binary file saved under this name?)")
		}
		src, err := min.Template(orig)
		if err != nil {
			return fmt.Errorf("parse layouts: %s: %w", f, err)
		}
		name := path.Base(f)
		files[name] = layoutFile{f, orig}
		var before map[string]*parse.Tree // (base and partials: what was defined before this file)
		if definedIn != nil {
			before = map[string]*parse.Tree{}
			for _, d := range t.Templates() {
				before[d.Name()] = d.Tree
			}
		}
		if _, err := t.New(name).Parse(string(src)); err != nil {
			// Report the mistake where it is in the file as written.
			if _, serr := template.New(name).Funcs(funcs).Parse(string(orig)); serr != nil {
				err = serr
			}
			return layoutError(err, map[string]layoutFile{name: files[name]})
		}
		if definedIn == nil {
			return nil // (a page kind's file: it fills base's blocks)
		}
		// Base and the partials must not define a name twice: the later
		// file would win without a word.
		for _, d := range t.Templates() {
			first, ok := definedIn[d.Name()]
			switch {
			case !ok:
				definedIn[d.Name()] = f
			case d.Tree != before[d.Name()]:
				return redefined(f, orig, d.Name(), first)
			}
		}
		return nil
	}
	root := template.New("base").Funcs(funcs)
	partials, _ := fs.Glob(fsys, path.Join(LayoutDir, "partials", "*.html"))
	definedIn = map[string]string{}
	for _, f := range append([]string{path.Join(LayoutDir, "base.html")}, partials...) {
		if err := parse(root, f); err != nil {
			return nil, err
		}
	}
	definedIn = nil
	byKind := map[string]*template.Template{}
	for _, kind := range kinds {
		kt, err := root.Clone()
		if err != nil {
			return nil, fmt.Errorf("parse layouts: %w", err)
		}
		if err := parse(kt, path.Join(LayoutDir, kind+".html")); err != nil {
			return nil, err
		}
		byKind[kind] = kt
	}
	t := &Templates{byKind: byKind, funcs: map[string]template.FuncMap{}, files: files}
	t.unminified = sync.OnceValues(func() (*Templates, error) {
		if !min.On() {
			return t, nil
		}
		return LoadTemplates(fsys, langs, cat, set, basePath, policy, assets.NewMinifier(false))
	})
	for _, lang := range langs {
		t.funcs[lang] = langFuncs(cat.T(lang), &cache{sets: byKind, done: map[cacheKey]template.HTML{}})
	}
	return t, nil
}

// funcMap returns the template functions (docs/layouts.md lists them):
// those of langFuncs as stand-ins, for parsing, and those that are the same
// in every language.
func funcMap(cat *locale.Catalog, set assets.Set, basePath, policy string) template.FuncMap {
	return template.FuncMap{
		// Bound per language by langFuncs: T "id" (a plain message), Tn "id" count
		// (a plural), Tf "id" "Key" value… (a message with data), verdict v,
		// cached "name" page, localDate t.
		"T":         func(string) string { return "" },
		"Tn":        func(string, int) string { return "" },
		"Tf":        func(string, ...any) string { return "" },
		"verdict":   func(string) string { return "" },
		"cached":    func(string, *Page) (template.HTML, error) { return "", nil },
		"localDate": func(time.Time) string { return "" },
		"asset": func(name string) (string, error) {
			a, ok := set[name]
			if !ok {
				return "", fmt.Errorf("asset %q does not exist in assets/", name)
			}
			return basePath + "/" + a.Path, nil
		},
		"segments":  SegmentsHTML,
		"inOutcome": func(r *site.Reply) ReplyCard { return newCard(r, true) },
		"card":      func(r *site.Reply) ReplyCard { return newCard(r, false) },
		"csp":       func() string { return policy },
		"TL":        func(lang, id string) string { return cat.T(lang)(id) },
		"date":      func(t time.Time) string { return t.Format("2006-01-02") },
		"lower":     strings.ToLower,
	}
}

// langFuncs returns the template functions bound to one language: T is its
// strings (locale.Catalog.T), c its {{cached}} parts.
func langFuncs(T func(string, ...any) string, c *cache) template.FuncMap {
	return template.FuncMap{
		"T":         func(id string) string { return T(id) },
		"Tn":        func(id string, n int) string { return T(id, n) },
		"Tf":        T,
		"verdict":   func(v string) string { return T("verdict_" + v) },
		"localDate": dateFormatter(T),
		"cached":    c.render,
	}
}

// Bind gives the sets the functions of language lang, for the pages
// Execute renders next. No page may be executing meanwhile.
func (t *Templates) Bind(lang string) {
	if lang == t.bound {
		return
	}
	for _, kt := range t.byKind {
		kt.Funcs(t.funcs[lang])
	}
	t.bound = lang
}

// Execute renders page p with its kind's templates. Its language must be
// the one bound (Bind).
func (t *Templates) Execute(w io.Writer, p *Page) error {
	if p.Lang.Code != t.bound {
		return fmt.Errorf("render %s: its language, %q, is not bound (the templates hold %q's strings)", p.Path, p.Lang.Code, t.bound)
	}
	return t.byKind[p.Kind].ExecuteTemplate(w, "base", p)
}

// render binds p's language and executes p's template for its error only.
func (t *Templates) render(p *Page) error {
	t.Bind(p.Lang.Code)
	return t.Execute(io.Discard, p)
}

// dateFormatter formats dates with the language's month names and pattern,
// from the messages monthNames (twelve names separated by spaces) and
// dateFormat (using {{.Day}}, {{.Month}} and {{.Year}}).
func dateFormatter(T func(string, ...any) string) func(time.Time) string {
	months := strings.Fields(T("monthNames"))
	return func(t time.Time) string {
		month := t.Month().String()
		if len(months) == 12 {
			month = months[t.Month()-1]
		}
		return T("dateFormat", "Day", t.Day(), "Month", month, "Year", t.Year())
	}
}

// cache is the {{cached "name" .}} function of one language's templates:
// it renders template name, as the page's kind defines it, with the page's
// Chrome (site, language, kind, root) once, and then returns the same HTML
// for every page of that kind: the header, the footer and the static head
// are the same on thousands of pages. Only parts that depend on nothing
// else may be cached; Chrome lets them see nothing else.
type cache struct {
	sets map[string]*template.Template // kind → its set
	mu   sync.Mutex
	done map[cacheKey]template.HTML
}

// cacheKey is what a cached part depends on besides the language.
type cacheKey struct {
	kind, name string
	root       bool
}

func (c *cache) render(name string, p *Page) (template.HTML, error) {
	key := cacheKey{p.Kind, name, p.Root}
	c.mu.Lock()
	h, ok := c.done[key]
	c.mu.Unlock()
	if ok {
		return h, nil
	}
	var b bytes.Buffer
	if err := c.sets[p.Kind].ExecuteTemplate(&b, name, Chrome{Site: p.Site, Lang: p.Lang, Kind: p.Kind, Root: p.Root}); err != nil {
		return "", err
	}
	h = template.HTML(b.String())
	c.mu.Lock()
	c.done[key] = h
	c.mu.Unlock()
	return h, nil
}

// redefined is the error for layout file f (source src) defining template
// name, which file first already defines.
func redefined(f string, src []byte, name, first string) error {
	msg := fmt.Sprintf("template %q is already defined in %s: one of them would replace the other; rename one (and its {{template}} calls)", name, first)
	if loc := regexp.MustCompile(`\{\{-?\s*(?:define|block)\s+"` + regexp.QuoteMeta(name) + `"`).FindIndex(src); loc != nil {
		return diag.At(f, src, loc[0], "%s", msg)
	}
	return &diag.Error{File: f, Msg: msg}
}
