package build

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/tact-guide/tact/internal/diag"
	"github.com/tact-guide/tact/internal/linkcheck"
	"github.com/tact-guide/tact/internal/sitefs"
)

// brokenLinks returns every page's broken links, in page order, each where
// it is written: in the Markdown file of the page's prose
// (linkcheck.Place). A link written once and shown on several pages (in a
// scenario: on its article's page, its replies' pages, a quiz outcome) is
// reported once, naming the first of them and how many others.
func (en *engine) brokenLinks() []error {
	var all []error
	type place struct {
		at     int    // index in all
		first  string // the first page showing it
		others int
	}
	placed := map[diag.Error]*place{} // position and message without the page → its report
	for _, i := range slices.Sorted(maps.Keys(en.warnings)) {
		ws := en.warnings[i]
		pages := make([]string, len(ws))
		for k, w := range ws {
			if le, ok := w.(*linkcheck.Error); ok {
				pages[k] = le.Page
			}
		}
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
