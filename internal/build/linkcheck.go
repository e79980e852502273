package build

import (
	"bytes"
	"fmt"
	"net/url"
	"path"
	"slices"
	"strings"

	"tact/internal/diag"
	"tact/internal/render"
	"tact/internal/sig"
	"tact/internal/site"
)

// scan is what the link checker needs from a rendered page. Ids are kept
// as 32-bit hashes: a page has tens of ids, so a missing id passes for one
// that is there about once in a hundred million links, and the ids of
// 270,000 pages take half the memory of 64-bit ones.
type scan struct {
	ids   []uint32 // hashes of the page's element ids, sorted
	links []string // href and src values
}

// hasID reports whether the page has an element with id.
func (sc scan) hasID(id string) bool {
	_, ok := slices.BinarySearch(sc.ids, uint32(sig.String(id)))
	return ok
}

// scanHTML collects the id, href and src attribute values of the tags of
// minified HTML (the minifier keeps attribute values in double quotes). It
// is a plain byte scan, not a parser: the link checker reads every page of
// every build. Text and the contents of script elements are skipped.
func scanHTML(b []byte) scan {
	var sc scan
	sc.read(b)
	return sc
}

// read is scanHTML into sc, reusing its slices.
func (sc *scan) read(b []byte) {
	sc.ids, sc.links = sc.ids[:0], sc.links[:0]
	defer func() { slices.Sort(sc.ids) }()
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
					sc.ids = append(sc.ids, uint32(sig.Bytes(value))) // (the same hash as the string's)
				} else {
					sc.ids = append(sc.ids, uint32(sig.String(htmlUnescapeAttr(string(value)))))
				}
			case "href", "src":
				sc.links = append(sc.links, htmlUnescapeAttr(string(value)))
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

// fragmentLink is a link to an element of another page, checked once every
// page has been scanned.
type fragmentLink struct {
	from   int    // index of the page with the link, in the build's page order
	page   string // its output file
	link   string // as written
	target string // the site path it resolves to
	file   string // the output file of the target
	to     int32  // the target's index, once the engine resolved file
	frag   string // the element id
}

// checkLinks reports the internal links of page p, index i in the build's pages,
// that lead nowhere: a path that is not an output file, or a #fragment that
// is not an id on the page itself. Links to an element of another page are
// returned for later. exists reports whether a build writes the file name.
func checkLinks(s *site.Site, p *render.Page, i int, sc scan, exists func(name []byte) bool) ([]error, []fragmentLink) {
	var errs []error
	var later []fragmentLink
	seen := map[string]bool{}
	var buf [256]byte
	name := buf[:0] // the target's output file, built without allocating
	for _, link := range sc.links {
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
				errs = append(errs, &linkError{page: p.Path, link: strings.Clone(link), target: target})
			}
			continue
		}
		if string(name) == p.Path {
			if !sc.hasID(frag) {
				errs = append(errs, brokenFragment(p.Path, link, target, frag))
			}
			continue
		}
		// Kept after the page: its own copy of the link (the scan's may
		// be part of the page's bytes).
		link = strings.Clone(link)
		target, frag, _ = internalTarget(s, p.URL, link)
		later = append(later, fragmentLink{from: i, page: p.Path, link: link, target: target, file: string(name), frag: frag})
	}
	return errs, later
}

// inSet returns checkLinks's exists for a set of output files.
func inSet(files map[string]bool) func([]byte) bool {
	return func(name []byte) bool { return files[string(name)] }
}

func brokenFragment(page, link, target, frag string) error {
	return &linkError{page: page, link: link, target: target, frag: frag}
}

// linkError is a link that leads nowhere: to no file (frag ""), or to no
// element of the page it leads to. Once the build knows where the link is
// written, the engine replaces it with an error at that place (relocate).
type linkError struct {
	page, link, target, frag string
}

func (e *linkError) Error() string { return e.diag("").Error() }

// diag returns the error on the page, and hint after the message.
func (e *linkError) diag(hint string) *diag.Error {
	msg := fmt.Sprintf("broken link %q: no page or file at %s", e.link, e.target)
	if e.frag != "" {
		msg = fmt.Sprintf("broken link %q: %s has no element with id %q", e.link, e.target, e.frag)
	}
	return &diag.Error{File: e.page, Msg: msg + hint}
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
