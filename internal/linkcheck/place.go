package linkcheck

import (
	"cmp"
	"slices"

	"github.com/tact-guide/tact/internal/diag"
)

// Place reports the broken links among one page's problems ws where they
// are written: at their line and column in file, the Markdown of the
// page's prose, whose text src reads (a link a layout makes stays on the
// page; src may say nothing), with the nearest existing page (of files,
// every output file) when a link leads to none. Problems come out in the
// order they are written.
func Place(ws []error, src func() (file string, text []byte), basePath string, files map[string]int32) {
	var text []byte
	var file string
	read := false
	for k, w := range ws {
		le, ok := w.(*Error)
		if !ok {
			continue
		}
		hint := ""
		if le.Frag == "" {
			if near := Nearest(le.Target, basePath, files); near != "" {
				hint = " (did you mean " + near + "?)"
			}
		}
		d := le.Diag(hint)
		if !read {
			file, text = src()
			read = true
		}
		if off := Offset(text, le.Link); off >= 0 {
			d = diag.At(file, text, off, "%s (on %s)", d.Msg, le.Page)
		}
		ws[k] = d
	}
	slices.SortStableFunc(ws, func(a, b error) int {
		da, oka := a.(*diag.Error)
		db, okb := b.(*diag.Error)
		if !oka || !okb || da.File != db.File {
			return 0
		}
		return cmp.Or(da.Line-db.Line, da.Col-db.Col)
	})
}
