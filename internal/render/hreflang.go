package render

import (
	"fmt"
	"math/bits"

	"github.com/tact-guide/tact/internal/diag"
	"github.com/tact-guide/tact/internal/sig"
	"github.com/tact-guide/tact/internal/site"
)

// HreflangErrors returns an error for each alternate of pages that does
// not point back (hreflang must be reciprocal; pages make them so, and
// this is the check that they did).
func HreflangErrors(pages []*Page) []error {
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

// HreflangCheck is HreflangErrors for a build that makes its pages a few
// at a time and does not keep them, in constant memory. Each alternate of
// a page is an edge from the page's URL and language to the alternate's;
// the alternates point back when every edge has its reverse, that is when
// the multiset of edges equals the multiset of their reverses. The check
// adds up a 64-bit hash of every edge and of every edge's reverse: equal
// sums say the multisets are equal (a difference that sums to zero is a
// one in 2^64 chance). When they differ, it makes the pages again to
// report exactly what does not point back, as HreflangErrors does.
//
// Like HreflangErrors it leaves out pages not to be indexed and the root
// chooser (x-default, not a translation). An indexed page's alternate that
// points at such a page makes the sums differ; HreflangErrors then decides.
type HreflangCheck struct {
	s        *site.Site
	edges    uint64 // sum of the hashes of the edges
	reverses uint64 // sum of the hashes of their reverses
}

func NewHreflangCheck(s *site.Site) *HreflangCheck { return &HreflangCheck{s: s} }

// Add records page p.
func (h *HreflangCheck) Add(p *Page) {
	if p.NoIndex || p.Root {
		return
	}
	url := sig.String(p.URL)
	for _, a := range p.Alternates {
		if !a.Exists || a.Current {
			continue
		}
		alt := sig.String(a.URL)
		h.edges += edgeHash(url, alt, p.Lang.Index(), a.Lang.Index())
		h.reverses += edgeHash(alt, url, a.Lang.Index(), p.Lang.Index())
	}
}

// edgeHash hashes the edge from the page at URL hash from, in language
// index fromLang, to the page at URL hash to, in language toLang.
func edgeHash(from, to uint64, fromLang, toLang int) uint64 {
	x := from*0x9e3779b97f4a7c15 ^ bits.RotateLeft64(to, 29) ^ uint64(fromLang)<<48 ^ uint64(toLang)<<56
	// splitmix64's finalizer: every input bit reaches every output bit.
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ x>>31
}

// Errors returns HreflangErrors of the site's pages.
func (h *HreflangCheck) Errors() []error {
	if h.reciprocal() {
		return nil
	}
	return HreflangErrors(Pages(h.s))
}

// reciprocal reports whether every alternate of the pages added points back.
func (h *HreflangCheck) reciprocal() bool { return h.edges == h.reverses }
