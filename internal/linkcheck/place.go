package linkcheck

import (
	"fmt"
	"maps"
	"slices"

	"github.com/tact-guide/tact/internal/diag"
)

// PlaceAll reports the broken links among every page's problems (page
// index → its problems) where they are written, and returns them in page
// order. src gives the Markdown of page i's prose: a link found in it is
// reported at its line and column there, once for all the pages that show
// it (in a scenario: its article's page, its replies' pages, a quiz
// outcome), naming the first of them and how many others; a link a layout
// makes is reported on the first page it is on, once, with how many others
// it is on. A link that leads to no page gets the nearest
// existing one as a hint (of files, every output file).
func PlaceAll(problems map[int][]error, src func(i int) (file string, text []byte), basePath string, files map[string]int32) []error {
	var all []error
	type report struct {
		at     int    // index in all
		first  string // the first page showing it
		others int
	}
	reports := map[diag.Error]*report{} // a place and its message → its report
	for _, i := range slices.Sorted(maps.Keys(problems)) {
		ws := problems[i]
		for k, d := range place(ws, func() (string, []byte) { return src(i) }, basePath, files) {
			switch {
			case d == nil: // (not a broken link)
				all = append(all, ws[k])
				continue
			}
			key := *d
			if d.Line == 0 { // (not written in src: a layout's, on every page it makes)
				key.File = ""
			}
			if r := reports[key]; r != nil {
				r.others++
				continue
			}
			reports[key] = &report{at: len(all), first: ws[k].(*Error).Page}
			all = append(all, nil)
		}
	}
	for d, r := range reports {
		if d.File == "" {
			all[r.at] = &diag.Error{File: r.first, Msg: d.Msg + others(r.others, " (and %s)")}
			continue
		}
		all[r.at] = &diag.Error{File: d.File, Line: d.Line, Col: d.Col, Msg: d.Msg + " (on " + r.first + others(r.others, " and %s") + ")"}
	}
	return all
}

// others says how many other pages show a link, in format; "" for none.
func others(n int, format string) string {
	switch n {
	case 0:
		return ""
	case 1:
		return fmt.Sprintf(format, "1 other page")
	}
	return fmt.Sprintf(format, fmt.Sprintf("%d other pages", n))
}

// place returns where each of one page's problems ws is written: for a
// broken link found in src's text, its place there, without the page;
// for another broken link, the error on the page; nil for what is not a
// broken link. The hint names the nearest existing page when a link leads
// to none. src is read once, when a broken link needs it.
func place(ws []error, src func() (file string, text []byte), basePath string, files map[string]int32) []*diag.Error {
	out := make([]*diag.Error, len(ws))
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
			d = diag.At(file, text, off, "%s", d.Msg)
		}
		out[k] = d
	}
	return out
}
