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
// render the pages that are most of every site (articles, replies, homes,
// indexes) without falling back, so a change that made them fall back
// (slow, but correct) fails here rather than only in a benchmark.
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
			fellBack := map[string]int{}
			for _, p := range s.pages() {
				var want bytes.Buffer
				if err := tm.lookup(p.Lang.Code, p.Kind).ExecuteTemplate(&want, "base", p); err != nil {
					t.Fatalf("%s: html/template: %v", p.Path, err)
				}
				fast := tm.fast[p.Lang.Code][p.Kind]
				var have bytes.Buffer
				if fast == nil || fast.Execute(&have, "base", p) != nil {
					fellBack[p.Kind]++
					continue
				}
				if have.String() != want.String() {
					t.Errorf("%s: compiled template output differs from html/template's:\n%s", p.Path, firstDiff(want.String(), have.String()))
				}
			}
			for _, kind := range []string{KindArticle, KindReply, KindHome, KindReplies} {
				if fellBack[kind] > 0 {
					t.Errorf("%d %s pages fell back to html/template", fellBack[kind], kind)
				}
			}
			t.Logf("rendered by html/template instead: %v", fellBack)
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
