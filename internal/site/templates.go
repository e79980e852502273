package site

import (
	"bytes"
	"context"
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

// templates holds the page templates of each page kind in each language,
// built once per build. html/template escapes each kind's templates once;
// package tmplexec compiles the escaped trees once, and each language binds
// its own T to the compiled programs; a language's html/template set is
// cloned only when a page needs it (a page tmplexec cannot render, an error
// to report).
type templates struct {
	byLang map[string]map[string]*langSet // lang → kind → its templates
	files  map[string]layoutFile          // template name → layout file

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
	base := template.New("base.html").Funcs(funcs)
	files := []string{path.Join(LayoutDir, "base.html")}
	partials, _ := fs.Glob(fsys, path.Join(LayoutDir, "partials", "*.html"))
	for _, f := range append(files, partials...) {
		name, src, err := read(f)
		if err != nil {
			return nil, err
		}
		if err := parse(base, name, src); err != nil {
			return nil, err
		}
	}
	t := &templates{byLang: map[string]map[string]*langSet{}, files: names}
	t.unminified = sync.OnceValues(func() (*templates, error) {
		if !min.On() {
			return t, nil
		}
		return loadTemplates(fsys, langs, cat, set, basePath, assets.NewMinifier(false))
	})
	// Each kind's set: base and the kind's file, parsed, escaped and
	// compiled once and bound per language, on all cores, while the content
	// loads.
	type kindSet struct {
		kind, name string
		src        []byte
		sets       map[string]*langSet
		err        error
	}
	var ks []*kindSet
	for _, kind := range kinds {
		name, src, err := read(path.Join(LayoutDir, kind+".html"))
		if err != nil {
			return nil, err
		}
		ks = append(ks, &kindSet{kind: kind, name: name, src: src})
	}
	_ = parallel(context.Background(), len(ks), func(i int) {
		k := ks[i]
		// newSet makes the kind's set anew: html/template escapes a set
		// when it first executes it, and clones only sets not yet
		// executed.
		newSet := func() (*template.Template, error) {
			set, err := base.Clone()
			if err != nil {
				return nil, fmt.Errorf("parse layouts: %w", err)
			}
			if err := parse(set, k.name, k.src); err != nil {
				return nil, err
			}
			return set, nil
		}
		set, err := newSet()
		if err != nil {
			k.err = err
			return
		}
		k.sets, k.err = compileKind(set, newSet, langs, cat, funcs)
	})
	for _, k := range ks {
		if k.err != nil {
			return nil, k.err
		}
		for code, ls := range k.sets {
			if t.byLang[code] == nil {
				t.byLang[code] = map[string]*langSet{}
			}
			t.byLang[code][k.kind] = ls
		}
	}
	return t, nil
}

// langSet is one page kind's templates in one language.
type langSet struct {
	fast   *tmplexec.Program                  // nil: not compilable (html/template renders)
	html   func() (*template.Template, error) // the html/template set, made on first use
	cached *cache                             // its {{cached}}
}

// compileKind makes the sets of a page kind, one per language, from set,
// the kind's templates as parsed. html/template escapes set (base, and the
// parts pages render with {{cached}}); tmplexec compiles those escaped
// trees once, and binds each language's functions to the programs. A
// language's html/template set is made by newSet when first needed.
func compileKind(set *template.Template, newSet func() (*template.Template, error), langs []*Lang, cat *locale.Catalog, funcs template.FuncMap) (map[string]*langSet, error) {
	// Executing with no data escapes, then fails harmlessly.
	entries := append([]string{"base"}, cachedNames(set)...)
	for _, name := range entries {
		_ = set.ExecuteTemplate(io.Discard, name, nil)
	}
	// Compiled once, with funcs' placeholders; each language binds its own
	// functions to the programs.
	progs := map[string]*tmplexec.Program{} // entry → compiled; missing: not compilable
	for _, name := range entries {
		if p, err := tmplexec.Compile(set, name, funcs); err == nil {
			progs[name] = p
		}
	}
	sets := map[string]*langSet{}
	for _, lang := range langs {
		T := cat.T(lang.Code)
		c := &cache{done: map[string]template.HTML{}, progs: map[string]*tmplexec.Program{}}
		own := template.FuncMap{
			"T":         func(id string) string { return T(id) },
			"Tn":        func(id string, n int) string { return T(id, n) },
			"Tf":        T,
			"verdict":   func(v string) string { return T("verdict_" + v) },
			"localDate": dateFormatter(T),
			"cached":    c.render,
		}
		ls := &langSet{html: sync.OnceValues(func() (*template.Template, error) {
			l, err := newSet()
			if err != nil {
				return nil, err
			}
			return l.Funcs(own), nil
		})}
		for name, p := range progs {
			p, err := p.Bind(own)
			if err != nil {
				return nil, fmt.Errorf("parse layouts: %w", err)
			}
			if name == "base" {
				ls.fast = p
			} else {
				c.progs[name] = p
			}
		}
		c.html, ls.cached = ls.html, c
		sets[lang.Code] = ls
	}
	return sets, nil
}

// lookup returns the html/template set of a kind in a language.
func (t *templates) lookup(lang, kind string) (*template.Template, error) {
	return t.byLang[lang][kind].html()
}

// render executes p's template with html/template, for its error.
func (t *templates) render(p *Page) error {
	l, err := t.lookup(p.Lang.Code, p.Kind)
	if err != nil {
		return err
	}
	return l.ExecuteTemplate(io.Discard, "base", p)
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

// cache is the {{cached "name" .}} function of one kind's templates in one
// language: it renders template name with the page's Chrome (site,
// language, kind, root) once, and then returns the same HTML for every
// page. Only parts that depend on nothing else may be cached; Chrome lets
// them see nothing else.
type cache struct {
	mu    sync.Mutex
	done  map[string]template.HTML
	progs map[string]*tmplexec.Program       // the cached parts, compiled
	html  func() (*template.Template, error) // for those that are not, and for errors
}

func (c *cache) render(name string, p *Page) (template.HTML, error) {
	key := name
	if p.Root {
		key += " root"
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if h, ok := c.done[key]; ok {
		return h, nil
	}
	data := Chrome{Site: p.Site, Lang: p.Lang, Kind: p.Kind, Root: p.Root}
	var b bytes.Buffer
	if prog := c.progs[name]; prog == nil || prog.Execute(&b, name, data) != nil {
		b.Reset()
		l, err := c.html()
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
