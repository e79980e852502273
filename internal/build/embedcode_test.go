package build_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/tact-guide/tact/internal/build"
)

// The embed snippet carries the site's address from --base-url; a site
// without a base URL explains that the snippet needs one.
func TestEmbedSnippetBaseURL(t *testing.T) {
	t.Parallel() // (a few builds of the real site: beside the other heavy tests)
	root := t.TempDir()
	copyTree(t, root)
	out := filepath.Join(t.TempDir(), "public")
	if _, err := build.Build(context.Background(), os.DirFS(root), build.Options{Out: out, BaseURL: "https://careers.example.edu/tact/"}); err != nil {
		t.Fatal(err)
	}
	page, _ := os.ReadFile(filepath.Join(out, "nl", "embed", "index.html"))
	for _, want := range []string{
		`&lt;script src=&#34;https://careers.example.edu/tact/embed.js&#34; async&gt;&lt;/script&gt;`,
		`data-lang=&#34;nl&#34;`,
		`https://careers.example.edu/tact/nl/quiz/`,
	} {
		if !strings.Contains(string(page), want) {
			t.Errorf("the snippet lacks %s", want)
		}
	}
	// Without JavaScript the options stay hidden: the plain snippet is the
	// one to copy. Every page's footer links the embed page.
	if !regexp.MustCompile(`<fieldset class="embed-form" data-embed-form [^>]*hidden>`).Match(page) {
		t.Error("the embed page's options are not hidden without JavaScript")
	}
	home, _ := os.ReadFile(filepath.Join(out, "nl", "index.html"))
	if _, footer, _ := strings.Cut(string(home), "<footer"); !strings.Contains(footer, `<a href="/tact/nl/embed/">`) {
		t.Error("the footer does not link the embed page")
	}

	cfg := filepath.Join(root, "tact.toml")
	b, _ := os.ReadFile(cfg)
	os.WriteFile(cfg, []byte(strings.Replace(string(b), `baseURL = "https://tact.example/"`, "", 1)), 0o644)
	out2 := filepath.Join(t.TempDir(), "public")
	if _, err := build.Build(context.Background(), os.DirFS(root), build.Options{Out: out2}); err != nil {
		t.Fatal(err)
	}
	page, _ = os.ReadFile(filepath.Join(out2, "en", "embed", "index.html"))
	if !strings.Contains(string(page), "--base-url") || strings.Contains(string(page), "embed.js") {
		t.Errorf("without a base URL the embed page should explain the snippet needs one:\n%s", page)
	}
}
