package site

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"
	"sync"
	"text/template/parse"
	"time"

	"tact/internal/assets"
	"tact/internal/locale"
	"tact/internal/tmplexec"
)

// LayoutDir holds the templates: base.html, one file per page kind, and
// partials/*.html shared by them.
const LayoutDir = "layouts"

// templates holds the page templates of every page kind in each language,
// built once per build. html/template escapes the layouts once (a
// layoutSet); package tmplexec compiles the escaped trees once, and each
// language binds its own T to the compiled programs; a language's
// html/template set is made only when a page needs it (a page tmplexec
// cannot render, an error to report).
type templates struct {
	layouts     *layoutSet
	byLang      map[string]*langTemplates // lang → its templates
	files       map[string]layoutFile     // template name → layout file
	cachedNames []string                  // the parts pages render with {{cached}}

	// unminified returns the same templates parsed from the layouts as
	// written, for errors to name places in them (layouterr.go); t itself
	// when the layouts are not minified.
	unminified func() (*templates, error)
}

var kinds = []string{KindHome, KindArticle, KindReplies, KindReply, KindNotFound, KindChooser, KindQuiz, KindQuizEmbed, KindEmbedCode, KindStatus}

func loadTemplates(fsys fs.FS, langs []*Lang, cat *locale.Catalog, set assets.Set, basePath string, min *assets.Minifier) (*templates, error) {
	funcs := template.FuncMap{
		// Bound per language below: T "id" (a plain message), Tn "id" count
		// (a plural), Tf "id" "Key" value… (a message with data), verdict v.
		"T":         func(string) string { return "" },
		"Tn":        func(string, int) string { return "" },
		"Tf":        func(string, ...any) string { return "" },
		"verdict":   func(string) string { return "" },
		"cached":    func(string, *Page) (template.HTML, error) { return "", nil }, // bound per template set below
		"localDate": func(time.Time) string { return "" },                          // bound per language below
		"asset": func(name string) (string, error) {
			a, ok := set[name]
			if !ok {
				return "", fmt.Errorf("asset %q does not exist in assets/", name)
			}
			return basePath + "/" + a.Path, nil
		},
		"segments":  SegmentsHTML,
		"inOutcome": func(r *Reply) ReplyCard { return ReplyCard{Reply: r, InOutcome: true} },
		"card":      func(r *Reply) ReplyCard { return ReplyCard{Reply: r} },
		"csp":       func() string { return ContentSecurityPolicy },
		"TL":        func(lang, id string) string { return cat.T(lang)(id) },
		"date":      func(t time.Time) string { return t.Format("2006-01-02") },
		"lower":     strings.ToLower,
	}
	// Every layout file is minified (actions intact) before it is parsed, so
	// pages come out minified without a pass over each page.
	names := map[string]layoutFile{} // template name → layout file
	read := func(f string) (name string, src []byte, err error) {
		orig, err := fs.ReadFile(fsys, f)
		if err != nil {
			return "", nil, fmt.Errorf("parse layouts: %w", err)
		}
		if src, err = min.Template(orig); err != nil {
			return "", nil, fmt.Errorf("parse layouts: %s: %w", f, err)
		}
		name = path.Base(f)
		names[name] = layoutFile{f, orig}
		return name, src, nil
	}
	parse := func(t *template.Template, name string, src []byte) error {
		target := t
		if t.Name() != name {
			// (New with the name of t itself would replace t and lose its functions.)
			target = t.New(name)
		}
		if _, err := target.Parse(string(src)); err != nil {
			// Report the mistake where it is in the file as written.
			lf := names[name]
			if _, serr := template.New(name).Funcs(funcs).Parse(string(lf.src)); serr != nil {
				err = serr
			}
			return layoutError(err, map[string]layoutFile{name: lf})
		}
		return nil
	}
	// The layouts are read and minified once; parseAll parses them into a
	// layoutSet, the one the pages render with and, anew, a language's
	// html/template set when one is needed.
	type source struct {
		name string
		src  []byte
	}
	var shared, kindSrc []source
	partials, _ := fs.Glob(fsys, path.Join(LayoutDir, "partials", "*.html"))
	for _, f := range append([]string{path.Join(LayoutDir, "base.html")}, partials...) {
		name, src, err := read(f)
		if err != nil {
			return nil, err
		}
		shared = append(shared, source{name, src})
	}
	for _, kind := range kinds {
		name, src, err := read(path.Join(LayoutDir, kind+".html"))
		if err != nil {
			return nil, err
		}
		kindSrc = append(kindSrc, source{name, src})
	}
	parseAll := func() (*layoutSet, error) {
		set := template.New("base.html").Funcs(funcs)
		for _, f := range shared {
			if err := parse(set, f.name, f.src); err != nil {
				return nil, err
			}
		}
		l := newLayoutSet(set)
		for i, kind := range kinds {
			kt := template.New(kindSrc[i].name).Funcs(funcs)
			if err := parse(kt, kindSrc[i].name, kindSrc[i].src); err != nil {
				return nil, err
			}
			if err := l.add(kind, kt); err != nil {
				if nc, ok := errors.AsType[*nameClash](err); ok {
					return nil, nc.at(names[nc.file])
				}
				return nil, err
			}
		}
		return l, nil
	}
	l, err := parseAll()
	if err != nil {
		return nil, err
	}
	t := &templates{layouts: l, byLang: map[string]*langTemplates{}, files: names, cachedNames: cachedNames(l.set)}
	t.unminified = sync.OnceValues(func() (*templates, error) {
		if !min.On() {
			return t, nil
		}
		return loadTemplates(fsys, langs, cat, set, basePath, assets.NewMinifier(false))
	})
	progs := l.compile(kinds, t.cachedNames, funcs)
	for _, lang := range langs {
		T := cat.T(lang.Code)
		lt := &langTemplates{progs: map[string]*tmplexec.Program{}}
		c := &cache{layouts: l, lang: lt, done: map[cacheKey]template.HTML{}}
		own := template.FuncMap{
			"T":         func(id string) string { return T(id) },
			"Tn":        func(id string, n int) string { return T(id, n) },
			"Tf":        T,
			"verdict":   func(v string) string { return T("verdict_" + v) },
			"localDate": dateFormatter(T),
			"cached":    c.render,
		}
		lt.html = sync.OnceValues(func() (*template.Template, error) {
			l, err := parseAll()
			if err != nil {
				return nil, err
			}
			return l.set.Funcs(own), nil
		})
		for name, p := range progs {
			p, err := p.Bind(own)
			if err != nil {
				return nil, fmt.Errorf("parse layouts: %w", err)
			}
			lt.progs[name] = p
		}
		t.byLang[lang.Code] = lt
	}
	return t, nil
}

// langTemplates are the templates of one language.
type langTemplates struct {
	progs map[string]*tmplexec.Program       // entry's name in the layoutSet → compiled; missing: not compilable (html/template renders)
	html  func() (*template.Template, error) // the html/template set, made on first use
}

// render executes p's template with html/template, for its error.
func (t *templates) render(p *Page) error {
	l, err := t.byLang[p.Lang.Code].html()
	if err != nil {
		return err
	}
	return l.ExecuteTemplate(io.Discard, t.layouts.name(p.Kind, "base"), p)
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
// it renders template name, as the page's kind sees it, with the page's
// Chrome (site, language, kind, root) once, and then returns the same HTML
// for every page of that kind. Only parts that depend on nothing else may
// be cached; Chrome lets them see nothing else.
type cache struct {
	layouts *layoutSet
	lang    *langTemplates // the templates it renders
	mu      sync.Mutex
	done    map[cacheKey]template.HTML
}

// cacheKey is what a cached part depends on besides the language.
type cacheKey struct {
	kind, name string
	root       bool
}

func (c *cache) render(name string, p *Page) (template.HTML, error) {
	key := cacheKey{p.Kind, name, p.Root}
	c.mu.Lock()
	defer c.mu.Unlock()
	if h, ok := c.done[key]; ok {
		return h, nil
	}
	data := Chrome{Site: p.Site, Lang: p.Lang, Kind: p.Kind, Root: p.Root}
	name = c.layouts.name(p.Kind, name)
	var b bytes.Buffer
	if prog := c.lang.progs[name]; prog == nil || prog.Execute(&b, name, data) != nil {
		b.Reset()
		l, err := c.lang.html()
		if err != nil {
			return "", err
		}
		if err := l.ExecuteTemplate(&b, name, data); err != nil {
			return "", err
		}
	}
	c.done[key] = template.HTML(b.String())
	return c.done[key], nil
}

// cachedNames returns the names that the templates of set pass to
// {{cached}} as a literal string, sorted.
func cachedNames(set *template.Template) []string {
	names := map[string]bool{}
	var walk func(n parse.Node)
	branch := func(b *parse.BranchNode) {
		walk(b.Pipe)
		walk(b.List)
		walk(b.ElseList)
	}
	walk = func(n parse.Node) {
		switch n := n.(type) {
		case *parse.ListNode:
			if n != nil {
				for _, c := range n.Nodes {
					walk(c)
				}
			}
		case *parse.ActionNode:
			walk(n.Pipe)
		case *parse.TemplateNode:
			walk(n.Pipe)
		case *parse.IfNode:
			branch(&n.BranchNode)
		case *parse.RangeNode:
			branch(&n.BranchNode)
		case *parse.WithNode:
			branch(&n.BranchNode)
		case *parse.PipeNode:
			if n == nil {
				return
			}
			for _, cmd := range n.Cmds {
				if len(cmd.Args) >= 2 {
					if id, ok := cmd.Args[0].(*parse.IdentifierNode); ok && id.Ident == "cached" {
						if s, ok := cmd.Args[1].(*parse.StringNode); ok {
							names[s.Text] = true
						}
					}
				}
				for _, a := range cmd.Args {
					walk(a)
				}
			}
		}
	}
	for _, t := range set.Templates() {
		if t.Tree != nil {
			walk(t.Tree.Root)
		}
	}
	return slices.Sorted(maps.Keys(names))
}
