package linkcheck

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"

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

// PlaceAll places the problems of every page (page index → its problems)
// with Place, src reading the Markdown of page i's prose, and returns them
// in page order. A link written once and shown on several pages (in a
// scenario: on its article's page, its replies' pages, a quiz outcome) is
// reported once, naming the first of them and how many others.
func PlaceAll(problems map[int][]error, src func(i int) (file string, text []byte), basePath string, files map[string]int32) []error {
	var all []error
	type place struct {
		at     int    // index in all
		first  string // the first page showing it
		others int
	}
	placed := map[diag.Error]*place{} // position and message without the page → its report
	for _, i := range slices.Sorted(maps.Keys(problems)) {
		ws := problems[i]
		pages := make([]string, len(ws))
		for k, w := range ws {
			if le, ok := w.(*Error); ok {
				pages[k] = le.Page
			}
		}
		Place(ws, func() (string, []byte) { return src(i) }, basePath, files)
		for k, w := range ws {
			d, ok := w.(*diag.Error)
			suffix := " (on " + pages[k] + ")"
			if !ok || pages[k] == "" || d.Line == 0 || !strings.HasSuffix(d.Msg, suffix) {
				all = append(all, w) // (a link a layout makes: on the page itself)
				continue
			}
			key := *d
			key.Msg = strings.TrimSuffix(d.Msg, suffix)
			if p := placed[key]; p != nil {
				p.others++
				continue
			}
			placed[key] = &place{at: len(all), first: pages[k]}
			all = append(all, w)
		}
	}
	for key, p := range placed {
		if p.others == 0 {
			continue
		}
		others := "1 other page"
		if p.others > 1 {
			others = fmt.Sprintf("%d other pages", p.others)
		}
		all[p.at] = &diag.Error{File: key.File, Line: key.Line, Col: key.Col, Msg: fmt.Sprintf("%s (on %s and %s)", key.Msg, p.first, others)}
	}
	return all
}
