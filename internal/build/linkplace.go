package build

import (
	"github.com/tact-guide/tact/internal/linkcheck"
	"github.com/tact-guide/tact/internal/sitefs"
)

// brokenLinks returns every page's broken links, in page order, each where
// it is written: in the Markdown file of the page's prose, once for all
// the pages showing it (linkcheck.PlaceAll).
func (en *engine) brokenLinks() []error {
	return linkcheck.PlaceAll(en.warnings, func(i int) (string, []byte) {
		if en.source == nil {
			return "", nil
		}
		file := en.source(i)
		if file == "" {
			return "", nil
		}
		src, _ := sitefs.ReadText(en.fsys, file)
		return file, src
	}, en.s.BasePath, en.known)
}
