package build_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tact-guide/tact/internal/build"
)

// Static hosts serve each language's own 404 page for a missing address
// under it: Netlify by the rules of _redirects (each target a page the
// build writes), Cloudflare Pages by the nearest 404.html, GitHub Pages by
// the root 404.html. Under a base path the rules carry it, as _headers
// does.
func TestHostFilesGiveEachLanguageIts404(t *testing.T) {
	t.Parallel() // (a few builds of the real site: beside the other heavy tests)
	for _, c := range []struct{ baseURL, base string }{{"", ""}, {"https://example.org/guide/", "/guide"}} {
		out := mustBuild(t, fixture(t), build.Options{BaseURL: c.baseURL})
		got := readPage(t, out, "_redirects")
		var rules []string
		for _, line := range strings.Split(strings.TrimSpace(got), "\n") {
			if !strings.HasPrefix(line, "#") {
				rules = append(rules, line)
			}
		}
		want := []string{c.base + "/es/* " + c.base + "/es/404.html 404", c.base + "/en/* " + c.base + "/en/404.html 404", c.base + "/nl/* " + c.base + "/nl/404.html 404", c.base + "/* " + c.base + "/404.html 404"}
		if strings.Join(rules, "\n") != strings.Join(want, "\n") {
			t.Errorf("base %q: _redirects rules\n%s\nwant\n%s", c.base, strings.Join(rules, "\n"), strings.Join(want, "\n"))
		}
		for _, rule := range rules {
			target := strings.TrimPrefix(strings.Fields(rule)[1], c.base+"/")
			if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(target))); err != nil {
				t.Errorf("base %q: the rule %q sends readers to a page the build does not write: %v", c.base, rule, err)
			}
		}
		// The root 404 page, which GitHub Pages serves for every miss, holds
		// the message in every language and the script that puts the
		// reader's first.
		root := readPage(t, out, "404.html")
		for _, lang := range []string{"es", "en", "nl"} {
			if !strings.Contains(root, `data-lang-message="`+lang+`"`) {
				t.Errorf("base %q: the root 404 page has no message in %s", c.base, lang)
			}
		}
		if !strings.Contains(root, "/assets/js/notfound.") {
			t.Errorf("base %q: the root 404 page does not load notfound.js", c.base)
		}
	}
}

// The _headers rules that let any site frame the embedded quiz name the
// pages the build writes for it (in every language, whatever the quiz's
// URL word), so hosts apply them to the frame and to nothing else.
func TestHeadersLetTheEmbeddedQuizBeFramed(t *testing.T) {
	t.Parallel() // (a few builds of the real site: beside the other heavy tests)
	out := mustBuild(t, os.DirFS("../.."), build.Options{})
	lines := strings.Split(readPage(t, out, "_headers"), "\n")
	framed := 0
	for i, line := range lines {
		if i == 0 || !strings.Contains(line, "frame-ancestors *") {
			continue
		}
		framed++
		page := strings.TrimPrefix(lines[i-1], "/") + "index.html"
		if b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(page))); err != nil || !strings.Contains(string(b), "data-embed") {
			t.Errorf("frame-ancestors * is set for %s, which is not the embedded quiz (%v)", lines[i-1], err)
		}
	}
	if framed != 4 {
		t.Errorf("%d paths may be framed, want the embedded quiz of each of the 4 languages", framed)
	}
}
