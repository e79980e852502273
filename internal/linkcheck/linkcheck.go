// Package linkcheck finds the links of a site's pages that lead nowhere:
// it reads each rendered page's element ids and links (Scan), resolves the
// site's own links to output files and fragments (Check), and says where
// a broken link is written in its Markdown and which page was likely
// meant (Offset, Nearest). The build decides which pages to read and
// keeps what it needs of each.
package linkcheck

import (
	"bytes"
	"fmt"
	"net/url"
	"path"
	"slices"
	"strings"

	"github.com/tact-guide/tact/internal/diag"
	"github.com/tact-guide/tact/internal/render"
	"github.com/tact-guide/tact/internal/sig"
	"github.com/tact-guide/tact/internal/site"
)

// Scan is what the link checker needs from a rendered page. Ids are kept
// as 32-bit hashes: a page has tens of ids, so a missing id passes for one
// that is there about once in a hundred million links, and the ids of
// 270,000 pages take half the memory of 64-bit ones.
type Scan struct {
	IDs   []uint32 // hashes of the page's element ids, sorted
	Links []string // href and src values
}

// HasID reports whether the page has an element with id.
func (sc Scan) HasID(id string) bool {
	_, ok := slices.BinarySearch(sc.IDs, uint32(sig.String(id)))
	return ok
}

// Read collects the id, href and src attribute values of the tags of
// minified HTML (the minifier keeps attribute values in double quotes). It
// is a plain byte scan, not a parser: the link checker reads every page of
// every build. Text and the contents of script elements are skipped.
func Read(b []byte) Scan {
	var sc Scan
	sc.Read(b)
	return sc
}

// Read is Read into sc, reusing its slices.
func (sc *Scan) Read(b []byte) {
	sc.IDs, sc.Links = sc.IDs[:0], sc.Links[:0]
	defer func() { slices.Sort(sc.IDs) }()
	for i := 0; i < len(b); {
		lt := bytes.IndexByte(b[i:], '<')
		if lt < 0 {
			break
		}
		i += lt + 1
		if i >= len(b) || !isLetter(b[i]) {
			continue
		}
		start := i
		for i < len(b) && isLetter(b[i]) {
			i++
		}
		tag := b[start:i]
		// Attributes, up to the end of the tag.
		for i < len(b) && b[i] != '>' {
			if b[i] == ' ' || b[i] == '\n' || b[i] == '\t' || b[i] == '/' {
				i++
				continue
			}
			nameStart := i
			for i < len(b) && b[i] != '=' && b[i] != ' ' && b[i] != '>' && b[i] != '\n' {
				i++
			}
			name := b[nameStart:i]
			if i >= len(b) || b[i] != '=' {
				continue
			}
			i++
			var value []byte
			if i < len(b) && (b[i] == '"' || b[i] == '\'') {
				end := bytes.IndexByte(b[i+1:], b[i])
				if end < 0 {
					return
				}
				value = b[i+1 : i+1+end]
				i += end + 2
			} else {
				vs := i
				for i < len(b) && b[i] != ' ' && b[i] != '>' {
					i++
				}
				value = b[vs:i]
			}
			switch string(name) { // (compared without a copy)
			case "id":
				if bytes.IndexByte(value, '&') < 0 {
					sc.IDs = append(sc.IDs, uint32(sig.Bytes(value))) // (the same hash as the string's)
				} else {
					sc.IDs = append(sc.IDs, uint32(sig.String(htmlUnescapeAttr(string(value)))))
				}
			case "href", "src":
				sc.Links = append(sc.Links, htmlUnescapeAttr(string(value)))
			}
		}
		if string(tag) == "script" || string(tag) == "style" {
			end := bytes.Index(b[i:], append([]byte("</"), tag...))
			if end < 0 {
				break
			}
			i += end
		}
	}
}

func isLetter(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

func htmlUnescapeAttr(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	return attrUnescaper.Replace(s)
}

// attrUnescaper undoes the character references html/template and the
// minifier write in attribute values.
var attrUnescaper = strings.NewReplacer("&amp;", "&", "&#39;", "'", "&#34;", `"`, "&quot;", `"`, "&lt;", "<", "&gt;", ">")

// Fragment is a link to an element of another page, checked once every
// page has been scanned.
type Fragment struct {
	From   int    // index of the page with the link, in the build's page order
	Page   string // its output file
	Link   string // as written
	Target string // the site path it resolves to
	File   string // the output file of the target
	To     int32  // the target's index, once the build resolved File
	Frag   string // the element id
}

// Check reports the internal links of page p, index i in the build's pages,
// that lead nowhere: a path that is not an output file, or a #fragment that
// is not an id on the page itself. Links to an element of another page are
// returned for later. exists reports whether a build writes the file name.
func Check(s *site.Site, p *render.Page, i int, sc Scan, exists func(name []byte) bool) ([]error, []Fragment) {
	var errs []error
	var later []Fragment
	seen := map[string]bool{}
	var buf [256]byte
	name := buf[:0] // the target's output file, built without allocating
	for _, link := range sc.Links {
		if seen[link] {
			continue
		}
		seen[link] = true
		target, frag, ok := internalTarget(s, p.URL, link)
		if !ok {
			continue
		}
		name = site.AppendOutputPath(name[:0], s.BasePath, target)
		found := exists(name)
		if !found {
			name = append(name, "/index.html"...)
			found = exists(name)
		}
		if !found || frag == "" {
			if !found {
				errs = append(errs, &Error{Page: p.Path, Link: strings.Clone(link), Target: target})
			}
			continue
		}
		if string(name) == p.Path {
			if !sc.HasID(frag) {
				errs = append(errs, Broken(p.Path, link, target, frag))
			}
			continue
		}
		// Kept after the page: its own copy of the link (the scan's may
		// be part of the page's bytes).
		link = strings.Clone(link)
		target, frag, _ = internalTarget(s, p.URL, link)
		later = append(later, Fragment{From: i, Page: p.Path, Link: link, Target: target, File: string(name), Frag: frag})
	}
	return errs, later
}

func Broken(page, link, target, frag string) error {
	return &Error{Page: page, Link: link, Target: target, Frag: frag}
}

// Error is a link that leads nowhere: to no file (frag ""), or to no
// element of the page it leads to. Once the build knows where the link is
// written, the build replaces it with an error at that place.
type Error struct {
	Page, Link, Target, Frag string
}

func (e *Error) Error() string { return e.Diag("").Error() }

// Diag returns the error on the page, and hint after the message.
func (e *Error) Diag(hint string) *diag.Error {
	msg := fmt.Sprintf("broken link %q: no page or file at %s", e.Link, e.Target)
	if e.Frag != "" {
		msg = fmt.Sprintf("broken link %q: %s has no element with id %q", e.Link, e.Target, e.Frag)
	}
	return &diag.Error{File: e.Page, Msg: msg + hint}
}

// internalTarget resolves link, found on the page at pageURL, to a site path
// and fragment. ok is false for links that leave the site.
func internalTarget(s *site.Site, pageURL, link string) (target, frag string, ok bool) {
	if s.BaseURL != "" && strings.HasPrefix(link, s.BaseURL) {
		link = s.BasePath + strings.TrimPrefix(link, s.BaseURL)
		if link == s.BasePath {
			link += "/"
		}
	}
	if plainPath(link) {
		// What url.Parse would find, without parsing: most links are
		// site paths, some with a fragment.
		p, frag, _ := strings.Cut(link, "#")
		return p, frag, true
	}
	u, err := url.Parse(link)
	if err != nil || u.Scheme != "" || u.Host != "" {
		return "", "", false
	}
	frag = u.Fragment
	p := u.Path
	switch {
	case p == "":
		p = pageURL
	case !strings.HasPrefix(p, "/"):
		p = path.Join(path.Dir(pageURL+"x"), p)
		if strings.HasSuffix(u.Path, "/") {
			p += "/"
		}
	}
	return p, frag, true
}

// plainPath reports whether link is an absolute path (not //host), with
// nothing url.Parse would decode or split off but a fragment.
func plainPath(link string) bool {
	if len(link) < 1 || link[0] != '/' || strings.HasPrefix(link, "//") {
		return false
	}
	for i := 0; i < len(link); i++ {
		switch c := link[i]; {
		case c == '#':
			return !strings.ContainsAny(link[i+1:], "%#")
		case c == '%' || c == '?' || c == '\\' || c < ' ' || c >= 0x7f:
			return false
		}
	}
	return true
}

// Offset returns where link is written in Markdown src as a link's
// destination, or -1.
func Offset(src []byte, link string) int {
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

// Nearest returns, of the output files, the address of the page nearest to
// target (a few edits away), or "". basePath is the site's.
func Nearest(target, basePath string, files map[string]int32) string {
	best, bestDist := "", max(3, len(target)/4) // (farther is no suggestion)
	for name := range files {
		if !strings.HasSuffix(name, "index.html") {
			continue
		}
		url := basePath + "/" + strings.TrimSuffix(name, "index.html")
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
