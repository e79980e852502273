package build_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/tact-guide/tact/internal/build"
	"github.com/tact-guide/tact/internal/site"
)

var (
	metaRe         = regexp.MustCompile(`<meta property="([^"]+)" content="([^"]*)">`)
	headHreflangRe = regexp.MustCompile(`<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">`)
	canonicalRe    = regexp.MustCompile(`<link rel="canonical" href="([^"]+)">`)
	jsonLDRe       = regexp.MustCompile(`<script type="application/ld\+json">(.*?)</script>`)
)

// Every article page of the real site carries what search engines and link
// previews read: a canonical link, hreflang for every translation including
// itself plus x-default, Open Graph with og:locale and its alternates, and
// JSON-LD Article and BreadcrumbList data in the page's language.
func TestHeadForSearchAndPreviews(t *testing.T) {
	t.Parallel() // (a few builds of the real site: beside the other heavy tests)
	out := filepath.Join(t.TempDir(), "public")
	if _, err := build.Build(context.Background(), os.DirFS("../.."), build.Options{Out: out}); err != nil {
		t.Fatal(err)
	}
	s, err := site.Load(context.Background(), os.DirFS("../.."), site.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range s.Languages {
		for _, a := range lang.Articles {
			b, err := os.ReadFile(filepath.Join(out, lang.Code, a.Slug, "index.html"))
			if err != nil {
				t.Fatal(err)
			}
			page := string(b)
			self := s.AbsURL(a.URL())
			if m := canonicalRe.FindStringSubmatch(page); m == nil || m[1] != self {
				t.Errorf("%s: canonical %v, want %s", a.File, m, self)
			}
			alts := map[string]string{}
			for _, m := range headHreflangRe.FindAllStringSubmatch(page, -1) {
				alts[m[1]] = m[2]
			}
			for _, l := range s.Languages {
				if want := s.AbsURL(s.Article(a.Key, l.Code).URL()); alts[l.Code] != want {
					t.Errorf("%s: hreflang %s = %q, want %q", a.File, l.Code, alts[l.Code], want)
				}
			}
			if alts["x-default"] != s.XDefault() {
				t.Errorf("%s: x-default %q", a.File, alts["x-default"])
			}
			meta := map[string][]string{}
			for _, m := range metaRe.FindAllStringSubmatch(page, -1) {
				meta[m[1]] = append(meta[m[1]], m[2])
			}
			if got := meta["og:locale"]; len(got) != 1 || got[0] != lang.Locale {
				t.Errorf("%s: og:locale %v, want %s", a.File, got, lang.Locale)
			}
			if got := meta["og:locale:alternate"]; len(got) != len(s.Languages)-1 || slices.Contains(got, lang.Locale) {
				t.Errorf("%s: og:locale:alternate %v", a.File, got)
			}
			if got := meta["og:url"]; len(got) != 1 || got[0] != self {
				t.Errorf("%s: og:url %v", a.File, got)
			}
			if got := meta["og:image"]; len(got) != 1 || !strings.HasPrefix(got[0], "https://") {
				t.Errorf("%s: og:image %v", a.File, got)
			}
			m := jsonLDRe.FindStringSubmatch(page)
			if m == nil {
				t.Fatalf("%s: no JSON-LD", a.File)
			}
			var items []map[string]any
			if err := json.Unmarshal([]byte(m[1]), &items); err != nil {
				t.Fatalf("%s: JSON-LD does not parse: %v", a.File, err)
			}
			types := map[string]map[string]any{}
			for _, it := range items {
				types[it["@type"].(string)] = it
			}
			art := types["Article"]
			if art == nil || art["inLanguage"] != lang.Code || art["datePublished"] != a.Date.Format("2006-01-02") || art["dateModified"] == nil || art["headline"] != a.Title {
				t.Errorf("%s: JSON-LD Article %v", a.File, art)
			}
			if types["BreadcrumbList"] == nil {
				t.Errorf("%s: no BreadcrumbList", a.File)
			}
		}
		home, _ := os.ReadFile(filepath.Join(out, lang.Code, "index.html"))
		if !strings.Contains(string(home), `"@type":"WebSite"`) {
			t.Errorf("%s home: no WebSite JSON-LD", lang.Code)
		}
	}
}
