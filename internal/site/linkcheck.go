package site

import (
	"fmt"
	"net/url"
	"path"
	"regexp"
	"strings"

	"tact/internal/diag"
)

// scan is what the link checker needs from a rendered page.
type scan struct {
	ids   map[string]bool
	links []string // href and src values
}

// attrRe finds id, href and src attributes in minified HTML, where the
// minifier keeps every attribute value in double quotes.
var attrRe = regexp.MustCompile(`\s(id|href|src)="([^"]*)"`)

func scanHTML(b []byte) scan {
	sc := scan{ids: map[string]bool{}}
	for _, m := range attrRe.FindAllSubmatch(b, -1) {
		v := htmlUnescapeAttr(string(m[2]))
		if string(m[1]) == "id" {
			sc.ids[v] = true
		} else {
			sc.links = append(sc.links, v)
		}
	}
	return sc
}

func htmlUnescapeAttr(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	return strings.NewReplacer("&amp;", "&", "&#39;", "'", "&#34;", `"`, "&quot;", `"`, "&lt;", "<", "&gt;", ">").Replace(s)
}

// checkLinks reports internal links that lead nowhere: a path that is not
// an output file, or a #fragment that is not an id on its page.
func checkLinks(s *Site, pages []*Page, scans []scan, files map[string]bool) []error {
	byPath := map[string]int{}
	for i, p := range pages {
		byPath[p.Path] = i
		files[p.Path] = true
	}
	var errs []error
	for i, p := range pages {
		seen := map[string]bool{}
		for _, link := range scans[i].links {
			if seen[link] {
				continue
			}
			seen[link] = true
			target, frag, ok := s.internalTarget(p.URL, link)
			if !ok {
				continue
			}
			file := outputPath(s.BasePath, target)
			if !files[file] && files[file+"/index.html"] {
				file += "/index.html"
			}
			if !files[file] {
				errs = append(errs, &diag.Error{File: p.Path, Msg: fmt.Sprintf("broken link %q: no page or file at %s", link, target)})
				continue
			}
			if frag == "" {
				continue
			}
			if j, ok := byPath[file]; ok && !scans[j].ids[frag] {
				errs = append(errs, &diag.Error{File: p.Path, Msg: fmt.Sprintf("broken link %q: %s has no element with id %q", link, target, frag)})
			}
		}
	}
	return errs
}

// internalTarget resolves link, found on the page at pageURL, to a site path
// and fragment. ok is false for links that leave the site.
func (s *Site) internalTarget(pageURL, link string) (target, frag string, ok bool) {
	if s.BaseURL != "" && strings.HasPrefix(link, s.BaseURL) {
		link = s.BasePath + strings.TrimPrefix(link, s.BaseURL)
		if link == s.BasePath {
			link += "/"
		}
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

// checkTranslations reports articles and replies missing in a language, and
// alternates that do not point back (hreflang must be reciprocal).
func (s *Site) checkTranslations(pages []*Page) []error {
	var errs []error
	for _, key := range s.Keys {
		for _, lang := range s.Languages {
			if s.articles[key][lang.Code] == nil {
				errs = append(errs, &diag.Error{File: ContentDir + "/" + lang.Code, Msg: fmt.Sprintf("article %q is not translated into %s yet", key, lang.Name)})
			}
		}
	}
	byURL := map[string]*Page{}
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
