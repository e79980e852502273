package render

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/tact-guide/tact/internal/site"
)

type urlset struct {
	URLs []struct {
		Loc  string `xml:"loc"`
		Alts []struct {
			Hreflang string `xml:"hreflang,attr"`
		} `xml:"http://www.w3.org/1999/xhtml link"`
	} `xml:"url"`
}

type sitemapIndex struct {
	Sitemaps []struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod"`
	} `xml:"sitemap"`
}

// sitemaps returns the files sitemapFiles makes, in the order it makes them.
func sitemaps(t *testing.T, s *site.Site) (names []string, files map[string][]byte) {
	t.Helper()
	files = map[string][]byte{}
	err := SitemapFiles(s, Pages(s), func(name string, data []byte) error {
		if _, dup := files[name]; dup {
			t.Errorf("%s made twice", name)
		}
		names = append(names, name)
		files[name] = data
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return names, files
}

// A language with more pages than one sitemap may hold (50,000 URLs or
// 50 MiB, sitemaps.org) gets several sitemaps, all listed in the index,
// which together list every URL once, in the same order.
func TestSitemapsSplitAtTheProtocolLimits(t *testing.T) {
	s, _ := load(t, realSite, "https://example.org/guide/", false)
	locs := func(names []string, files map[string][]byte) map[string][]string {
		byLang := map[string][]string{}
		for _, name := range names {
			if name == "sitemap.xml" || name == "robots.txt" {
				continue
			}
			var set urlset
			if err := xml.Unmarshal(files[name], &set); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			code := strings.Split(strings.TrimSuffix(strings.TrimPrefix(name, "sitemap-"), ".xml"), "-")[0]
			for _, u := range set.URLs {
				byLang[code] = append(byLang[code], u.Loc)
			}
		}
		return byLang
	}
	names, files := sitemaps(t, s)
	whole := locs(names, files)
	if len(whole) != len(s.Languages) || len(names) != len(s.Languages)+2 {
		t.Fatalf("with the real limits: %q, want one sitemap per language, the index and robots.txt", names)
	}

	defer func(old struct{ urls, bytes int }) { sitemapLimits = old }(sitemapLimits)
	for _, limits := range []struct{ urls, bytes int }{{7, 50 << 20}, {50000, 4000}, {1, 50 << 20}} {
		t.Run(fmt.Sprintf("%d URLs, %d bytes", limits.urls, limits.bytes), func(t *testing.T) {
			sitemapLimits = limits
			names, files := sitemaps(t, s)
			if got := locs(names, files); !equalLocs(got, whole) {
				t.Errorf("the split sitemaps list other URLs than the whole ones")
			}
			var index sitemapIndex
			if err := xml.Unmarshal(files["sitemap.xml"], &index); err != nil {
				t.Fatal(err)
			}
			var listed []string
			for _, sm := range index.Sitemaps {
				listed = append(listed, strings.TrimPrefix(sm.Loc, "https://example.org/guide/"))
				if sm.LastMod == "" {
					t.Errorf("%s: no lastmod in the index", sm.Loc)
				}
			}
			parts := slices.DeleteFunc(slices.Clone(names), func(n string) bool { return n == "sitemap.xml" || n == "robots.txt" })
			if !slices.Equal(listed, parts) {
				t.Errorf("index lists %q, made %q", listed, parts)
			}
			for _, lang := range s.Languages {
				if !slices.Contains(parts, "sitemap-"+lang.Code+".xml") {
					t.Errorf("no sitemap-%s.xml: the first sitemap of a language keeps its name", lang.Code)
				}
			}
			if len(parts) <= len(s.Languages) {
				t.Errorf("made %d sitemaps, want more than one per language", len(parts))
			}
			for _, name := range parts {
				var set urlset
				_ = xml.Unmarshal(files[name], &set)
				if len(set.URLs) == 0 || len(set.URLs) > limits.urls {
					t.Errorf("%s lists %d URLs, want 1 to %d", name, len(set.URLs), limits.urls)
				}
				if len(files[name]) > limits.bytes && len(set.URLs) > 1 {
					t.Errorf("%s is %d bytes, over the limit of %d", name, len(files[name]), limits.bytes)
				}
				if !bytes.HasSuffix(files[name], []byte("</urlset>\n")) {
					t.Errorf("%s is not closed", name)
				}
			}
		})
	}
}

func equalLocs(a, b map[string][]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if !slices.Equal(v, b[k]) {
			return false
		}
	}
	return true
}
