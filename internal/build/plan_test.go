package build

import (
	"context"
	"os"
	"reflect"
	"testing"

	"tact/internal/render"
	"tact/internal/site"
)

// A one-shot build knows every output file, and which page each is, before
// it makes the pages; it must know the same files as a build that makes
// every page first, and give each page its place in that build's order.
func TestPageIndexMatchesPages(t *testing.T) {
	for _, base := range []string{"", "https://example.org/guide/"} {
		e, err := loadEnv(os.DirFS("../.."), Options{BaseURL: base})
		if err != nil {
			t.Fatal(err)
		}
		s, _, err := e.loader.Load(context.Background(), site.LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		pages := render.Pages(s)
		index, n := pageIndex(s, siteUnits(s, render.SitePages(s)), e.assets)
		if have, want := index, outputFiles(s, pages, e.assets); !reflect.DeepEqual(have, want) {
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
