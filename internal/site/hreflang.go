package site

import (
	"fmt"

	"tact/internal/diag"
)

// hreflangCheck checks that every page's alternates point back to it
// (hreflang must be reciprocal; pages make them so, and this is the check
// that they did). It takes the pages in batches (a one-shot build makes
// them a language at a time and does not keep them) and keeps of each only
// its output file and its alternates' addresses, in flat slices.
type hreflangCheck struct {
	langs map[*Lang]int    // language → index in Site.Languages
	codes []string         // language codes, by index
	index map[string]int32 // page URL → page number
	alts  []string         // page n's alternates' URLs, by language index: alts[n*len(codes):][:len(codes)]
	pages []hreflangPage   // the pages to check, in order
	urls  []string         // URL of each page to check
	paths []string         // output file of each page to check
}

type hreflangPage struct {
	n      int32  // page number
	lang   int32  // language index
	exists uint64 // bit i: the alternate in language i exists
}

func (s *Site) newHreflangCheck() *hreflangCheck {
	h := &hreflangCheck{langs: map[*Lang]int{}, index: map[string]int32{}}
	for i, l := range s.Languages {
		h.langs[l] = i
		h.codes = append(h.codes, l.Code)
	}
	return h
}

// add records pages, which come after those of earlier calls.
func (h *hreflangCheck) add(pages []*Page) {
	for _, p := range pages {
		n := int32(len(h.alts) / len(h.codes))
		h.alts = append(h.alts, make([]string, len(h.codes))...)
		urls := h.alts[int(n)*len(h.codes):]
		var exists uint64
		for _, a := range p.Alternates {
			i, ok := h.langs[a.Lang]
			if !ok {
				continue
			}
			urls[i] = a.URL
			if a.Exists && !a.Current && i < 64 {
				exists |= 1 << i
			}
		}
		h.index[p.URL] = n
		if p.NoIndex || p.Root { // the root chooser is x-default, not a translation
			continue
		}
		h.pages = append(h.pages, hreflangPage{n: n, lang: int32(h.langs[p.Lang]), exists: exists})
		h.urls = append(h.urls, p.URL)
		h.paths = append(h.paths, p.Path)
	}
}

// errors returns an error for each alternate that does not point back.
func (h *hreflangCheck) errors() []error {
	var errs []error
	n := len(h.codes)
	for k, p := range h.pages {
		url := h.urls[k]
		for i := range h.codes {
			if p.exists&(1<<i) == 0 {
				continue
			}
			target := h.alts[int(p.n)*n+i]
			other, ok := h.index[target]
			if !ok || h.alts[int(other)*n+int(p.lang)] != url {
				errs = append(errs, &diag.Error{File: h.paths[k], Msg: fmt.Sprintf("hreflang %s points to %s, which does not point back", h.codes[i], target)})
			}
		}
	}
	return errs
}
