package render

import (
	"strings"
	"testing"
)

// The hreflang check reports an alternate whose page does not point back,
// both ways (HreflangErrors, and HreflangCheck, which keeps only hashes),
// and nothing on the real site.
func TestHreflangCheck(t *testing.T) {
	s, _ := load(t, realSite, "", false)
	pages := Pages(s)
	check := func(pages []*Page) *HreflangCheck {
		h := NewHreflangCheck(s)
		for _, p := range pages {
			h.Add(p)
		}
		return h
	}
	if errs := HreflangErrors(pages); len(errs) != 0 {
		t.Fatalf("real site: %v", errs)
	}
	if h := check(pages); !h.reciprocal() || h.Errors() != nil {
		t.Fatalf("real site: hashes say the alternates do not point back")
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
	var have []string
	for _, err := range HreflangErrors(pages) {
		have = append(have, err.Error())
	}
	want := []string{
		es.Path + ": hreflang en points to /en/somewhere-else/, which does not point back",
		en.Path + ": hreflang es points to " + es.URL + ", which does not point back",
	}
	if strings.Join(have, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(have, "\n"), strings.Join(want, "\n"))
	}
	if check(pages).reciprocal() {
		t.Error("the hashes miss the alternate that does not point back")
	}

	// Now to another English article, which exists but points elsewhere.
	var other *Page
	for _, p := range pages {
		if p.Kind == KindArticle && p.Lang.Code == "en" && p != en {
			other = p
			break
		}
	}
	for i := range alts {
		if alts[i].Lang.Code == "en" {
			alts[i].URL = other.URL
		}
	}
	if check(pages).reciprocal() {
		t.Errorf("the hashes miss the alternate that points to %s, which points elsewhere", other.URL)
	}
	if len(HreflangErrors(pages)) == 0 {
		t.Errorf("HreflangErrors misses the alternate that points to %s, which points elsewhere", other.URL)
	}
}
