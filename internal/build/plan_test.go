package build

import (
	"context"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/tact-guide/tact/internal/render"
	"github.com/tact-guide/tact/internal/site"
)

// A one-shot build knows every output file, and which page each is, before
// it makes the pages; it must know the same files as a build that makes
// every page first, and give each page its place in that build's order.
func TestPageIndexMatchesPages(t *testing.T) {
	for _, base := range []string{"", "https://example.org/guide/"} {
		e, s := loadReal(t, base)
		pages := render.Pages(s)
		index, n, err := pageIndex(s, siteUnits(s, render.SitePages(s)), e)
		if err != nil {
			t.Fatal(err)
		}
		want, err := outputFiles(s, pages, e)
		if err != nil {
			t.Fatal(err)
		}
		if have := index; !reflect.DeepEqual(have, want) {
			t.Errorf("base %q: pageIndex\n%v\noutputFiles\n%v", base, have, want)
		}
		if n != len(pages) {
			t.Errorf("base %q: pageIndex counts %d pages, the build makes %d", base, n, len(pages))
		}
		for i, p := range pages {
			if index[p.Path] != int32(i) {
				t.Errorf("base %q: pageIndex puts %s at %d, the build at %d", base, p.Path, index[p.Path], i)
			}
		}
	}
}

// Two sources that would write the same output file make the build fail
// with an error naming both, whatever the kind of page: the net under the
// reserved words.
func TestCollidingOutputFilesAreAnError(t *testing.T) {
	e, s := loadReal(t, "")
	pages := render.Pages(s)
	var article, home *render.Page
	for _, p := range pages {
		switch {
		case p.Kind == render.KindArticle && article == nil:
			article = p
		case p.Kind == render.KindHome && home == nil:
			home = p
		}
	}
	article.Path = home.Path // as if a new page kind took an article's address
	_, err := outputFiles(s, pages, e)
	want := home.Path + " would be written twice, for the home page of language \"" + home.Lang.Code + "\" and for " + article.Article.File
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("error = %v\nwant one saying %q", err, want)
	}
}

// loadReal loads the repository's own site with base URL base, and its env.
func loadReal(t *testing.T, base string) (*env, *site.Site) {
	t.Helper()
	e, err := loadEnv(os.DirFS("../.."), Options{BaseURL: base})
	if err != nil {
		t.Fatal(err)
	}
	s, _, err := e.loader.Load(context.Background(), site.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return e, s
}
