package contentcheck_test

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/tact-guide/tact/internal/build"
)

// The guide (issue 23, "From pilot to guide"): ten scenario articles in each language,
// and at least 35 reply templates a reader can copy in each.
const (
	minArticles = 10
	minReplies  = 35
)

func TestEveryLanguageHasEveryArticleAndEnoughReplies(t *testing.T) {
	s := guide(t)
	if len(s.Keys) < minArticles {
		t.Errorf("the guide has %d articles (%v), want at least %d", len(s.Keys), s.Keys, minArticles)
	}
	for _, lang := range s.Languages {
		for _, key := range s.Keys {
			if s.Article(key, lang.Code) == nil {
				t.Errorf("content/%s: article %q is missing", lang.Code, key)
			}
		}
		ids := map[string]bool{}
		for _, r := range lang.Replies {
			ids[r.ID] = true
		}
		if len(ids) < minReplies {
			t.Errorf("content/%s: %d distinct reply templates, want at least %d", lang.Code, len(ids), minReplies)
		}
	}
}

// attrRe reads the attributes of one tag, quoted or not (minified HTML).
var (
	linkTagRe = regexp.MustCompile(`<link\s[^>]*>`)
	attrRe    = regexp.MustCompile(`([a-zA-Z-]+)=(?:"([^"]*)"|([^\s">]+))`)
)

func attrs(tag string) map[string]string {
	m := map[string]string{}
	for _, a := range attrRe.FindAllStringSubmatch(tag, -1) {
		m[strings.ToLower(a[1])] = a[2] + a[3]
	}
	return m
}

// TestBuiltArticlesLinkEveryTranslation builds the real site as it ships
// (minified) and checks that every article page names its translation in
// every language with an hreflang alternate that leads to that page.
func TestBuiltArticlesLinkEveryTranslation(t *testing.T) {
	s := guide(t)
	out := filepath.Join(t.TempDir(), "public")
	if _, err := build.Build(context.Background(), os.DirFS(repoRoot), build.Options{Out: out, Minify: true}); err != nil {
		t.Fatalf("the real site does not build:\n%s", err)
	}
	pages := 0
	for _, lang := range s.Languages {
		for _, a := range lang.Articles {
			pages++
			file := strings.TrimPrefix(strings.TrimPrefix(a.URL(), s.BasePath), "/") + "index.html"
			data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(file)))
			if err != nil {
				t.Errorf("%s (%s): page not built: %v", file, a.File, err)
				continue
			}
			hreflang := map[string]string{}
			for _, tag := range linkTagRe.FindAllString(string(data), -1) {
				if at := attrs(tag); at["rel"] == "alternate" && at["hreflang"] != "" {
					hreflang[at["hreflang"]] = at["href"]
				}
			}
			for _, other := range s.Languages {
				tr := s.Article(a.Key, other.Code)
				if tr == nil {
					t.Errorf("%s: no %s translation of %q to link", file, other.Code, a.Key)
					continue
				}
				want := s.AbsURL(tr.URL())
				if have, ok := hreflang[other.Code]; !ok {
					t.Errorf("%s: no hreflang=%s alternate (want %s)", file, other.Code, want)
				} else if have != want {
					t.Errorf("%s: hreflang=%s links %s, want %s", file, other.Code, have, want)
				}
				target := strings.TrimPrefix(strings.TrimPrefix(tr.URL(), s.BasePath), "/") + "index.html"
				if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(target))); err != nil {
					t.Errorf("%s: the %s translation %s was not built", file, other.Code, target)
				}
			}
		}
	}
	if want := len(s.Keys) * len(s.Languages); pages != want || pages < minArticles*4 {
		t.Errorf("checked %d article pages, want %d (every article in every language)", pages, want)
	}
}

// The real site builds under --strict: no translation missing, no broken
// internal link, every hreflang answered.
func TestRealSiteBuildsStrictly(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	rep, err := build.Build(context.Background(), os.DirFS(repoRoot), build.Options{Out: out, Minify: true, Strict: true})
	if err != nil {
		t.Fatalf("the real site does not build with Strict:\n%s", err)
	}
	for _, w := range rep.Warnings {
		t.Error(w)
	}
}

// TestEveryPageLinksItsAboutPage: every language has an about page (who
// writes the guide, how, corrections, privacy), linked from the footer of
// every page of that language, with its translations as alternates.
func TestEveryPageLinksItsAboutPage(t *testing.T) {
	s := guide(t)
	out := filepath.Join(t.TempDir(), "public")
	if _, err := build.Build(context.Background(), os.DirFS(repoRoot), build.Options{Out: out, Minify: true}); err != nil {
		t.Fatalf("the real site does not build:\n%s", err)
	}
	for _, lang := range s.Languages {
		about := lang.About
		if about == nil {
			t.Errorf("%s has no about page: write content/%s/_about.md", lang.Code, lang.Code)
			continue
		}
		link := `<a href=` + about.URL() + `>`
		dir := filepath.Join(out, lang.Code)
		n := 0
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
				return err
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			footer := string(data)
			i := strings.Index(footer, "<footer")
			if i < 0 {
				return nil // (the embedded quiz: no site around it)
			}
			footer = footer[i:]
			if !strings.Contains(footer, link) && !strings.Contains(footer, `<a href="`+about.URL()+`">`) {
				t.Errorf("%s: the footer does not link %s", p, about.URL())
			}
			n++
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		page, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(strings.TrimPrefix(about.URL(), "/")), "index.html"))
		if err != nil {
			t.Fatalf("%s: the about page was not built: %v", lang.Code, err)
		}
		for _, other := range s.Languages {
			if other != lang && !strings.Contains(string(page), `hreflang=`+other.Code+` `) && !strings.Contains(string(page), `hreflang="`+other.Code+`"`) {
				t.Errorf("%s: the about page does not link its %s translation", about.File, other.Code)
			}
		}
		if n < 20 {
			t.Errorf("%s: only %d pages checked", lang.Code, n)
		}
	}
}
