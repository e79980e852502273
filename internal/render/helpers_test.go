package render

import (
	"context"
	"io/fs"
	"os"
	"testing"

	"github.com/tact-guide/tact/internal/assets"
	"github.com/tact-guide/tact/internal/csp"
	"github.com/tact-guide/tact/internal/site"
)

// load loads the site in fsys and its templates, as a build does.
func load(tb testing.TB, fsys fs.FS, baseURL string, minify bool) (*site.Site, *Templates) {
	tb.Helper()
	min := assets.NewMinifier(minify)
	s, err := site.Load(context.Background(), fsys, site.Options{BaseURL: baseURL, Minifier: min})
	if err != nil {
		tb.Fatal(err)
	}
	set, err := assets.Load(fsys, "assets", min)
	if err != nil {
		tb.Fatal(err)
	}
	codes := make([]string, len(s.Languages))
	for i, l := range s.Languages {
		codes[i] = l.Code
	}
	t, err := LoadTemplates(fsys, codes, s.Catalog(), set, s.BasePath, csp.Base, min)
	if err != nil {
		tb.Fatal(err)
	}
	return s, t
}

// realSite is the repository's own site.
var realSite = os.DirFS("../..")
