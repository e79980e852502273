package build

import (
	"bytes"
	"cmp"
	"slices"
	"strings"

	"tact/internal/diag"
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
			le, ok := w.(*linkError)
			if !ok {
				continue
			}
			hint := ""
			if le.frag == "" {
				if near := en.nearest(le.target); near != "" {
					hint = " (did you mean " + near + "?)"
				}
			}
			d := le.diag(hint)
			if src == nil && en.source != nil {
				if file = en.source(i); file != "" {
					src, _ = sitefs.ReadText(en.fsys, file)
				}
			}
			if off := linkOffset(src, le.link); off >= 0 {
				d = diag.At(file, src, off, "%s (on %s)", d.Msg, le.page)
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

// linkOffset returns where link is written in Markdown src as a link's
// destination, or -1.
func linkOffset(src []byte, link string) int {
	if len(src) == 0 {
		return -1
	}
	for _, form := range []string{"](" + link, "](<" + link, "<" + link + ">", "]: " + link} {
		if i := bytes.Index(src, []byte(form)); i >= 0 {
			return i + strings.Index(form, link)
		}
	}
	return -1
}

// nearest returns the address of the page whose address is nearest to
// target (a few edits away), or "".
func (en *engine) nearest(target string) string {
	best, bestDist := "", max(3, len(target)/4) // (farther is no suggestion)
	for name := range en.known {
		if !strings.HasSuffix(name, "index.html") {
			continue
		}
		url := en.s.BasePath + "/" + strings.TrimSuffix(name, "index.html")
		// (Ties go to the first address in order: the same every build.)
		if d := editDistance(url, target, bestDist+1); d < bestDist || d == bestDist && (best == "" || url < best) {
			best, bestDist = url, d
		}
	}
	return best
}

// editDistance returns the Levenshtein distance of a and b, or limit when
// it is limit or more.
func editDistance(a, b string, limit int) int {
	if d := len(a) - len(b); d >= limit || -d >= limit {
		return limit
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		low := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			low = min(low, cur[j])
		}
		if low >= limit {
			return limit
		}
		prev, cur = cur, prev
	}
	return min(prev[len(b)], limit)
}
