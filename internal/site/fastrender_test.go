package site

import (
	"bytes"
	"context"
	"os"
	"testing"

	"tact/internal/corpus"
)

// TestCompiledTemplatesMatchHTMLTemplate renders every page of the real
// site, with and without a base URL, and of a small synthetic corpus, both
// with the compiled templates (package tmplexec) and with html/template,
// and requires the same bytes. It also requires the compiled templates to
// render every page without falling back, so a change that made some fall
// back (slow, but correct) fails here rather than only in a benchmark.
func TestCompiledTemplatesMatchHTMLTemplate(t *testing.T) {
	corpusDir := t.TempDir()
	if err := corpus.Write(corpusDir, 3, corpus.Options{Root: "../.."}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		root string
		opts Options
	}{
		{"site", "../..", Options{Minify: true}},
		{"site with base URL", "../..", Options{Minify: true, BaseURL: "https://example.org/guide/"}},
		{"site unminified", "../..", Options{}},
		{"corpus", corpusDir, Options{Minify: true, BaseURL: "https://example.org/"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, tm, _, err := Load(context.Background(), os.DirFS(c.root), c.opts)
			if err != nil {
				t.Fatal(err)
			}
			// The parts pages render with {{cached}}, compiled, against
			// html/template, before any page caches them.
			for _, lang := range s.Languages {
				lt := tm.byLang[lang.Code]
				html, err := lt.html()
				if err != nil {
					t.Fatal(err)
				}
				for _, kind := range kinds {
					if len(tm.cachedNames) == 0 {
						t.Fatal("no cached part")
					}
					for _, part := range tm.cachedNames {
						name := tm.layouts.name(kind, part)
						prog := lt.progs[name]
						if prog == nil {
							t.Errorf("%s %s %s: not compiled", lang.Code, kind, part)
							continue
						}
						for _, root := range []bool{false, true} {
							data := Chrome{Site: s, Lang: lang, Kind: kind, Root: root}
							var want, have bytes.Buffer
							if err := html.ExecuteTemplate(&want, name, data); err != nil {
								t.Fatalf("%s %s %s: html/template: %v", lang.Code, kind, part, err)
							}
							if err := prog.Execute(&have, name, data); err != nil {
								t.Errorf("%s %s %s: the compiled part fails: %v", lang.Code, kind, part, err)
							} else if have.String() != want.String() {
								t.Errorf("%s %s %s: compiled output differs from html/template's:\n%s", lang.Code, kind, part, firstDiff(want.String(), have.String()))
							}
						}
					}
				}
			}
			fellBack := map[string]int{}
			for _, p := range s.pages() {
				var want bytes.Buffer
				lt, name := tm.byLang[p.Lang.Code], tm.layouts.name(p.Kind, "base")
				html, err := lt.html()
				if err != nil {
					t.Fatal(err)
				}
				if err := html.ExecuteTemplate(&want, name, p); err != nil {
					t.Fatalf("%s: html/template: %v", p.Path, err)
				}
				fast := lt.progs[name]
				var have bytes.Buffer
				if fast == nil || fast.Execute(&have, name, p) != nil {
					fellBack[p.Kind]++
					continue
				}
				if have.String() != want.String() {
					t.Errorf("%s: compiled template output differs from html/template's:\n%s", p.Path, firstDiff(want.String(), have.String()))
				}
			}
			for _, kind := range kinds {
				if fellBack[kind] > 0 {
					t.Errorf("%d %s pages fell back to html/template", fellBack[kind], kind)
				}
			}
		})
	}
}

// firstDiff shows where two outputs part.
func firstDiff(want, have string) string {
	i := 0
	for i < len(want) && i < len(have) && want[i] == have[i] {
		i++
	}
	from := max(0, i-80)
	return "want …" + want[from:min(len(want), i+80)] + "…\nhave …" + have[from:min(len(have), i+80)] + "…"
}
