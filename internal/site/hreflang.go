package site

import (
	"fmt"

	"tact/internal/diag"
)

// hreflangErrors returns an error for each alternate of pages that does
// not point back (hreflang must be reciprocal; pages make them so, and
// this is the check that they did).
func hreflangErrors(pages []*Page) []error {
	var errs []error
	byURL := make(map[string]*Page, len(pages))
	for _, p := range pages {
		byURL[p.URL] = p
	}
	for _, p := range pages {
		if p.NoIndex || p.Root { // the root chooser is x-default, not a translation
			continue
		}
		for _, a := range p.Alternates {
			if !a.Exists || a.Current {
				continue
			}
			other := byURL[a.URL]
			if other == nil || other.Translation(p.Lang).URL != p.URL {
				errs = append(errs, &diag.Error{File: p.Path, Msg: fmt.Sprintf("hreflang %s points to %s, which does not point back", a.Lang.Code, a.URL)})
			}
		}
	}
	return errs
}

// hreflangCheck is hreflangErrors for a build that makes its pages a few
// at a time and does not keep them. It keeps of each page hashes of its
// address and its alternates' addresses only, and when they show that
// something does not point back, makes the pages again to report exactly
// what, as hreflangErrors does.
type hreflangCheck struct {
	s     *Site
	langs int
	index map[uint64]int32 // hash of a page's URL → page number
	alts  []uint64         // hashes of page n's alternates' URLs, by Lang.index: alts[n*langs:][:langs]
	pages []hreflangPage   // the pages to check
}

type hreflangPage struct {
	n, lang int32
	url     uint64 // hash of the page's URL
	exists  uint64 // bit i: the alternate in language i exists
}

func (s *Site) newHreflangCheck() *hreflangCheck {
	return &hreflangCheck{s: s, langs: len(s.Languages), index: map[uint64]int32{}}
}

// add records page p.
func (h *hreflangCheck) add(p *Page) {
	n := int32(len(h.alts) / h.langs)
	h.alts = append(h.alts, make([]uint64, h.langs)...)
	urls := h.alts[int(n)*h.langs:]
	var exists uint64
	for _, a := range p.Alternates {
		i := a.Lang.index
		urls[i] = hashString(a.URL)
		if a.Exists && !a.Current && i < 64 {
			exists |= 1 << i
		}
	}
	url := hashString(p.URL)
	h.index[url] = n
	if !p.NoIndex && !p.Root {
		h.pages = append(h.pages, hreflangPage{n: n, lang: int32(p.Lang.index), url: url, exists: exists})
	}
}

// errors returns hreflangErrors of the site's pages.
func (h *hreflangCheck) errors() []error {
	if h.reciprocal() {
		return nil
	}
	return hreflangErrors(h.s.pages())
}

// reciprocal reports whether every alternate of the pages added points back.
func (h *hreflangCheck) reciprocal() bool {
	for _, p := range h.pages {
		for i := range h.langs {
			if p.exists&(1<<i) == 0 {
				continue
			}
			other, ok := h.index[h.alts[int(p.n)*h.langs+i]]
			if !ok || h.alts[int(other)*h.langs+int(p.lang)] != p.url {
				return false
			}
		}
	}
	return true
}
