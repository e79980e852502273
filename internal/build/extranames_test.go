package build

import (
	"context"
	"os"

	"slices"
	"testing"

	"github.com/tact-guide/tact/internal/assets"
	"github.com/tact-guide/tact/internal/csp"
	"github.com/tact-guide/tact/internal/render"
	"github.com/tact-guide/tact/internal/site"
)

// The link checker learns the extra files' names before they are made.
func TestExtraNamesMatchExtraFiles(t *testing.T) {
	for _, base := range []string{"", "https://example.org/guide/"} {
		s, err := site.Load(context.Background(), os.DirFS("../.."), site.Options{BaseURL: base})
		if err != nil {
			t.Fatal(err)
		}
		var have []string
		err = extraFiles(s, render.Pages(s), assets.NewMinifier(false), csp.Base, t.TempDir(), nil, func(name string, _ []byte) error {
			have = append(have, name)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		want := extraNames(s)
		slices.Sort(have)
		slices.Sort(want)
		if !slices.Equal(have, want) {
			t.Errorf("base %q: extraFiles makes %q\nextraNames says %q", base, have, want)
		}
	}
}
