package build_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/tact-guide/tact/bench/corpus"
	"github.com/tact-guide/tact/internal/build"
)

// A one-shot build (site.Build, the build command) streams: it makes each
// page only to render it, and renders each article's pages from a copy of
// the article read back from disk. It must give what a Builder's first build
// (watch mode), which holds everything, gives: the same files, the same
// report, the same warnings in the same order, or the same errors.
func TestOneShotBuildEqualsBuilder(t *testing.T) {
	t.Parallel() // (a few builds of the real site: beside the other heavy tests)
	broken := t.TempDir()
	copyTree(t, broken)
	appendTo(t, filepath.Join(broken, "content", "en", "turning-down-an-introduction.md"),
		"\nSee [gone](/en/nope/), [no id](/en/networking-with-friends/#nope), [self](#nope-here) and [reply](/en/replies/nope/).\n")
	corpusDir := t.TempDir()
	if err := corpus.Write(corpusDir, 5, corpus.Options{Root: "../.."}); err != nil {
		t.Fatal(err)
	}
	// An article missing in one language (the corpus's quiz quotes the first ones).
	untranslated := t.TempDir()
	if err := corpus.Write(untranslated, 5, corpus.Options{Root: "../.."}); err != nil {
		t.Fatal(err)
	}
	spanish, _ := filepath.Glob(filepath.Join(untranslated, "content", "es", "*.md"))
	if len(spanish) < 3 {
		t.Fatalf("corpus: %d Spanish files", len(spanish))
	}
	gone, _ := os.ReadFile(spanish[len(spanish)-1])
	if err := os.Remove(spanish[len(spanish)-1]); err != nil {
		t.Fatal(err)
	}
	// The other Spanish articles' links to it go too (a link to no page
	// is an error).
	slug := regexp.MustCompile(`(?m)^slug = "([^"]+)"`).FindSubmatch(gone)
	toGone := regexp.MustCompile(`\[([^\]]*)\]\(/es/` + regexp.QuoteMeta(string(slug[1])) + `/[^)]*\)`)
	for _, f := range spanish[:len(spanish)-1] {
		b, _ := os.ReadFile(f)
		os.WriteFile(f, toGone.ReplaceAll(b, []byte("$1")), 0o644)
	}
	for _, c := range []struct {
		name string
		root string
		opts build.Options
	}{
		{"site", "../..", build.Options{Minify: true}},
		{"site with base URL", "../..", build.Options{BaseURL: "https://example.org/guide/"}},
		{"broken links", broken, build.Options{BaseURL: "https://example.org/"}},
		{"missing translation", untranslated, build.Options{BaseURL: "https://example.org/"}},
		{"corpus", corpusDir, build.Options{Minify: true, BaseURL: "https://example.org/"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			opts := c.opts
			opts.Out = filepath.Join(t.TempDir(), "once")
			once, onceErr := build.Build(context.Background(), os.DirFS(c.root), opts)
			onceOut := opts.Out
			opts.Out = filepath.Join(t.TempDir(), "builder")
			builder := build.NewBuilder(os.DirFS(c.root), opts)
			t.Cleanup(builder.Close)
			held, err := builder.Build(context.Background(), nil)
			if c.root == broken {
				// Links that lead nowhere fail both, with the same errors.
				if onceErr == nil || err == nil || onceErr.Error() != err.Error() {
					t.Errorf("one-shot error:\n%v\nBuilder error:\n%v\nwant the same broken links", onceErr, err)
				}
				return
			}
			if onceErr != nil || err != nil {
				t.Fatalf("one-shot: %v; Builder: %v", onceErr, err)
			}
			sameTree(t, snapshot(t, onceOut), snapshot(t, opts.Out))
			once.Duration, held.Duration = 0, 0
			if have, want := once.String(), held.String(); have != want {
				t.Errorf("one-shot report %q, Builder %q", have, want)
			}
			if have, want := strings.Join(warningsOf(once), "\n"), strings.Join(warningsOf(held), "\n"); have != want {
				t.Errorf("one-shot warnings:\n%s\nBuilder:\n%s", have, want)
			}
			if c.root == untranslated && len(once.Warnings) == 0 {
				t.Errorf("no warnings, want the missing translation")
			}
		})
	}
}
