package site

import (
	"context"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"maps"
	"path"
	"strings"
	"sync"
	"time"

	"tact/internal/assets"
	"tact/internal/locale"
	"tact/internal/tmplexec"
)

// LayoutDir holds the templates: base.html, one file per page kind, and
// partials/*.html shared by them.
const LayoutDir = "layouts"

// templates holds one parsed template per page kind and language, built once
// per build: the language's T is bound when the set is cloned.
type templates struct {
	byLang map[string]map[string]*template.Template // lang → kind → template
	fast   map[string]map[string]*tmplexec.Program  // the same, compiled (nil: not compilable)
	files  map[string]layoutFile                    // template name → layout file

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
	parse := func(t *template.Template, files ...string) error {
		for _, f := range files {
			orig, err := fs.ReadFile(fsys, f)
			if err != nil {
				return fmt.Errorf("parse layouts: %w", err)
			}
			src, err := min.Template(orig)
			if err != nil {
				return fmt.Errorf("parse layouts: %s: %w", f, err)
			}
			name := path.Base(f)
			names[name] = layoutFile{f, orig}
			target := t
			if t.Name() != name {
				// (New with the name of t itself would replace t and lose its functions.)
				target = t.New(name)
			}
			if _, err := target.Parse(string(src)); err != nil {
				// Report the mistake where it is in the file as written.
				if _, serr := template.New(name).Funcs(funcs).Parse(string(orig)); serr != nil {
					err = serr
				}
				return layoutError(err, map[string]layoutFile{name: {f, orig}})
			}
		}
		return nil
	}
	base := template.New("base.html").Funcs(funcs)
	files := []string{path.Join(LayoutDir, "base.html")}
	partials, _ := fs.Glob(fsys, path.Join(LayoutDir, "partials", "*.html"))
	if err := parse(base, append(files, partials...)...); err != nil {
		return nil, err
	}
	t := &templates{byLang: map[string]map[string]*template.Template{}, fast: map[string]map[string]*tmplexec.Program{}, files: names}
	t.unminified = sync.OnceValues(func() (*templates, error) {
		if !min.On() {
			return t, nil
		}
		return loadTemplates(fsys, langs, cat, set, basePath, assets.NewMinifier(false))
	})
	// One set per kind and language, made on all cores: cloning, escaping
	// (html/template's, at the first execution) and compiling forty sets
	// is most of the real site's build time.
	type langSet struct {
		kind string
		k    *template.Template // the kind's set, for every language
		lang *Lang
		l    *template.Template
		fast *tmplexec.Program
		err  error
	}
	var sets []*langSet
	for _, kind := range kinds {
		k, err := base.Clone()
		if err != nil {
			return nil, fmt.Errorf("parse layouts: %w", err)
		}
		if err := parse(k, path.Join(LayoutDir, kind+".html")); err != nil {
			return nil, err
		}
		for _, lang := range langs {
			sets = append(sets, &langSet{kind: kind, k: k, lang: lang})
		}
	}
	_ = parallel(context.Background(), len(sets), func(i int) {
		ls := sets[i]
		l, err := ls.k.Clone()
		if err != nil {
			ls.err = fmt.Errorf("parse layouts: %w", err)
			return
		}
		T := cat.T(ls.lang.Code)
		own := template.FuncMap{
			"T":         func(id string) string { return T(id) },
			"Tn":        func(id string, n int) string { return T(id, n) },
			"Tf":        T,
			"verdict":   func(v string) string { return T("verdict_" + v) },
			"localDate": dateFormatter(T),
			"cached":    cacher(l),
		}
		l.Funcs(own)
		ls.l, ls.fast = l, compileFast(l, funcs, own)
	})
	for _, ls := range sets {
		if ls.err != nil {
			return nil, ls.err
		}
		code := ls.lang.Code
		if t.byLang[code] == nil {
			t.byLang[code] = map[string]*template.Template{}
			t.fast[code] = map[string]*tmplexec.Program{}
		}
		t.byLang[code][ls.kind] = ls.l
		t.fast[code][ls.kind] = ls.fast
	}
	return t, nil
}

func (t *templates) lookup(lang, kind string) *template.Template { return t.byLang[lang][kind] }

// render executes p's template with html/template, for its error.
func (t *templates) render(p *Page) error {
	return t.lookup(p.Lang.Code, p.Kind).ExecuteTemplate(io.Discard, "base", p)
}

// compileFast compiles the page template of set for package tmplexec, which
// runs it about five times faster with the same output, or returns nil when
// it cannot (pages are then rendered by html/template alone). html/template
// escapes the templates the first time it executes them: executing with no
// data does that, and then fails harmlessly.
func compileFast(set *template.Template, funcs ...template.FuncMap) *tmplexec.Program {
	_ = set.ExecuteTemplate(io.Discard, "base", nil)
	all := template.FuncMap{}
	for _, f := range funcs {
		maps.Copy(all, f)
	}
	p, err := tmplexec.Compile(set, "base", all)
	if err != nil {
		return nil
	}
	return p
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

// cacher returns the {{cached "name" .}} function of one template set: it
// renders template name with the page's Chrome (site, language, kind, root)
// once, and then returns the same HTML for every page. Only parts that
// depend on nothing else may be cached; Chrome lets them see nothing else.
func cacher(t *template.Template) func(name string, p *Page) (template.HTML, error) {
	var mu sync.Mutex
	done := map[string]template.HTML{}
	return func(name string, p *Page) (template.HTML, error) {
		key := name
		if p.Root {
			key += " root"
		}
		mu.Lock()
		defer mu.Unlock()
		if h, ok := done[key]; ok {
			return h, nil
		}
		var b strings.Builder
		if err := t.ExecuteTemplate(&b, name, Chrome{Site: p.Site, Lang: p.Lang, Kind: p.Kind, Root: p.Root}); err != nil {
			return "", err
		}
		done[key] = template.HTML(b.String())
		return done[key], nil
	}
}
