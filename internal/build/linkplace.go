package build

import (
	"github.com/tact-guide/tact/internal/linkcheck"
	"github.com/tact-guide/tact/internal/sitefs"
)

// relocate reports each page's broken links where they are written, in the
// Markdown file of the page's prose (linkcheck.Place).
func (en *engine) relocate() {
	for i, ws := range en.warnings {
		linkcheck.Place(ws, func() (string, []byte) {
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
}
