package build

import (
	"cmp"
	"slices"

	"tact/internal/diag"
	"tact/internal/linkcheck"
	"tact/internal/sitefs"
)

// relocate reports each broken link where it is written: at its line and
// column in the Markdown file of the page's prose, when it is there (a
// link a layout makes stays on the page), with the nearest existing page
// when the link leads to none.
func (en *engine) relocate() {
	for i, ws := range en.warnings {
		var src []byte
		var file string
		for k, w := range ws {
			le, ok := w.(*linkcheck.Error)
			if !ok {
				continue
			}
			hint := ""
			if le.Frag == "" {
				if near := linkcheck.Nearest(le.Target, en.s.BasePath, en.known); near != "" {
					hint = " (did you mean " + near + "?)"
				}
			}
			d := le.Diag(hint)
			if src == nil && en.source != nil {
				if file = en.source(i); file != "" {
					src, _ = sitefs.ReadText(en.fsys, file)
				}
			}
			if off := linkcheck.Offset(src, le.Link); off >= 0 {
				d = diag.At(file, src, off, "%s (on %s)", d.Msg, le.Page)
			}
			ws[k] = d
		}
		// In the order they are written.
		slices.SortStableFunc(ws, func(a, b error) int {
			da, oka := a.(*diag.Error)
			db, okb := b.(*diag.Error)
			if !oka || !okb || da.File != db.File {
				return 0
			}
			return cmp.Or(da.Line-db.Line, da.Col-db.Col)
		})
	}
}
