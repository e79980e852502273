package site

import (
	"context"
	"os"
	"strings"
	"testing"
)

// The hreflang check reports an alternate whose page does not point back,
// and nothing on the real site.
func TestHreflangCheck(t *testing.T) {
	s, _, _, err := Load(context.Background(), os.DirFS("../.."), Options{})
	if err != nil {
		t.Fatal(err)
	}
	pages := s.pages()
	h := s.newHreflangCheck()
	h.add(pages[:len(pages)/2]) // in two batches, as a one-shot build adds them
	h.add(pages[len(pages)/2:])
	if errs := h.errors(); len(errs) != 0 {
		t.Fatalf("real site: %v", errs)
	}

	// Make the Spanish translation of an English article point elsewhere.
	var en, es *Page
	for _, p := range pages {
		if p.Kind == KindArticle && p.Lang.Code == "en" && en == nil {
			en = p
		}
	}
	for _, p := range pages {
		if p.Kind == KindArticle && p.Lang.Code == "es" && p.Article.Key == en.Article.Key {
			es = p
		}
	}
	alts := append([]Alternate(nil), es.Alternates...)
	for i := range alts {
		if alts[i].Lang.Code == "en" {
			alts[i].URL = "/en/somewhere-else/"
		}
	}
	es.Alternates = alts
	h = s.newHreflangCheck()
	h.add(pages)
	var have []string
	for _, err := range h.errors() {
		have = append(have, err.Error())
	}
	want := []string{
		es.Path + ": hreflang en points to /en/somewhere-else/, which does not point back",
		en.Path + ": hreflang es points to " + es.URL + ", which does not point back",
	}
	if strings.Join(have, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(have, "\n"), strings.Join(want, "\n"))
	}
}
