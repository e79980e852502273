package site

import (
	"fmt"

	"tact/internal/diag"
)

// hreflangCheck checks that every page's alternates point back to it
// (hreflang must be reciprocal; pages make them so, and this is the check
// that they did). It takes the pages in batches (a one-shot build makes
// them a language at a time and does not keep them) and keeps of each only
// its address, output file and alternates' addresses.
type hreflangCheck struct {
	langs map[*Lang]int       // language → index in Site.Languages
	alts  map[string][]string // page URL → its alternates' URLs, by language index
	pages []hreflangPage      // the pages to check, in order
	codes []string
}

type hreflangPage struct {
	url, path string
	lang      int
	exists    uint64 // bit i: the alternate in language i exists
}

func (s *Site) newHreflangCheck() *hreflangCheck {
	h := &hreflangCheck{langs: map[*Lang]int{}, alts: map[string][]string{}}
	for i, l := range s.Languages {
		h.langs[l] = i
		h.codes = append(h.codes, l.Code)
	}
	return h
}

// add records pages, which come after those of earlier calls.
func (h *hreflangCheck) add(pages []*Page) {
	for _, p := range pages {
		urls := make([]string, len(h.codes))
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
		h.alts[p.URL] = urls
		if p.NoIndex || p.Root { // the root chooser is x-default, not a translation
			continue
		}
		h.pages = append(h.pages, hreflangPage{url: p.URL, path: p.Path, lang: h.langs[p.Lang], exists: exists})
	}
}

// errors returns an error for each alternate that does not point back.
func (h *hreflangCheck) errors() []error {
	var errs []error
	for _, p := range h.pages {
		for i := range h.codes {
			if p.exists&(1<<i) == 0 {
				continue
			}
			target := h.alts[p.url][i]
			other, ok := h.alts[target]
			if !ok || other[p.lang] != p.url {
				errs = append(errs, &diag.Error{File: p.path, Msg: fmt.Sprintf("hreflang %s points to %s, which does not point back", h.codes[i], target)})
			}
		}
	}
	return errs
}
