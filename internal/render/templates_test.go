package render

import (
	"bytes"
	"strings"
	"testing"
)

// TestLanguagesShareTheSets renders each language's home page, then the
// others', then its own again: each time it must come out the same, in its
// own language, whatever language the sets held before (Bind), with the
// header and footer ({{cached}}) of its own language too.
func TestLanguagesShareTheSets(t *testing.T) {
	s, tmpl := load(t, realSite, "", false)
	exec := func(p *Page) string {
		t.Helper()
		var b bytes.Buffer
		tmpl.Bind(p.Lang.Code)
		if err := tmpl.Execute(&b, p); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	first := map[string]string{}
	var homes []*Page
	for _, l := range s.Languages {
		home := HeadPages(s, l)[0]
		homes = append(homes, home)
		first[l.Code] = exec(home)
	}
	for _, l := range s.Languages {
		for _, other := range homes {
			if other.Lang != l {
				exec(other)
			}
			home := HeadPages(s, l)[0]
			if got := exec(home); got != first[l.Code] {
				t.Fatalf("%s's home page changed after rendering %s's", l.Code, other.Lang.Code)
			}
		}
		page := first[l.Code]
		if !strings.Contains(page, `<html lang="`+l.Code+`"`) {
			t.Errorf("%s's home page: no <html lang=%q>", l.Code, l.Code)
		}
		// The skip link, in the header, comes from the language's strings.
		skip := s.Catalog().T(l.Code)("skipToContent")
		if skip == "" || !strings.Contains(page, skip) {
			t.Errorf("%s's home page lacks its skip link %q", l.Code, skip)
		}
	}
	// A page whose language is not bound is refused, not rendered with
	// another language's strings.
	tmpl.Bind(s.Languages[0].Code)
	if err := tmpl.Execute(&bytes.Buffer{}, homes[1]); err == nil {
		t.Errorf("rendered %s's home page with %s's strings bound", homes[1].Lang.Code, s.Languages[0].Code)
	}
}
