package e2e

import (
	"bytes"
	"compress/gzip"
	"encoding/xml"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

func gzipSize(b []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	_, _ = w.Write(b)
	_ = w.Close()
	return buf.Len()
}

var (
	scriptRe     = regexp.MustCompile(`<script\b([^>]*)>`)
	stylesheetRe = regexp.MustCompile(`<link rel="stylesheet" href="([^"]+)"`)
	imgRe        = regexp.MustCompile(`<img\b[^>]*>`)
	srcRe        = regexp.MustCompile(`src="([^"]+)"`)
)

// TestPerformanceBudget checks every built page: under 30 KB gzipped with
// its CSS, no render-blocking script, images with width and height, and at
// most 8 KB of gzipped JavaScript on article pages.
func TestPerformanceBudget(t *testing.T) {
	t.Parallel() // (loads pages and reads them: no focus or keyboard, so beside the others)
	dir := siteDir(t)
	pages := 0
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || !strings.HasSuffix(p, ".html") {
			return err
		}
		pages++
		rel, _ := filepath.Rel(dir, p)
		html, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		total := append([]byte(nil), html...)
		for _, m := range stylesheetRe.FindAllSubmatch(html, -1) {
			css, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(strings.TrimPrefix(string(m[1]), "/"))))
			if err != nil {
				t.Errorf("%s: stylesheet %s: %v", rel, m[1], err)
				continue
			}
			total = append(total, css...)
		}
		if n := gzipSize(total); n > 30*1024 {
			t.Errorf("%s: %d bytes gzipped with its CSS, over the 30 KB budget", rel, n)
		}
		js := 0
		for _, m := range scriptRe.FindAllSubmatch(html, -1) {
			attrs := string(m[1])
			if strings.Contains(attrs, `type="application/ld+json"`) || strings.Contains(attrs, `type="application/json"`) {
				continue
			}
			if !strings.Contains(attrs, " defer") && !strings.Contains(attrs, " async") {
				t.Errorf("%s: render-blocking script %s", rel, attrs)
			}
			src := srcRe.FindStringSubmatch(attrs)
			if src == nil {
				t.Errorf("%s: inline script", rel)
				continue
			}
			b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(strings.TrimPrefix(src[1], "/"))))
			if err != nil {
				t.Errorf("%s: script %s: %v", rel, src[1], err)
				continue
			}
			js += gzipSize(b)
		}
		if isArticle(rel) && js > 8*1024 {
			t.Errorf("%s: %d bytes of gzipped JavaScript, over the 8 KB article budget", rel, js)
		}
		for _, img := range imgRe.FindAll(html, -1) {
			if !bytes.Contains(img, []byte(" width=")) || !bytes.Contains(img, []byte(" height=")) {
				t.Errorf("%s: image without width and height: %s", rel, img)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages < 100 {
		t.Fatalf("only %d pages checked", pages)
	}
}

// isArticle reports whether an output path is an article page:
// <lang>/<slug>/index.html.
func isArticle(rel string) bool {
	parts := strings.Split(filepath.ToSlash(rel), "/")
	return len(parts) == 3 && parts[2] == "index.html" && parts[1] != "quiz" && parts[1] != "embed"
}

// TestFeedsAndSitemapsParse parses the sitemaps and feeds as XML and checks
// the elements their schemas require.
func TestFeedsAndSitemapsParse(t *testing.T) {
	t.Parallel() // (loads pages and reads them: no focus or keyboard, so beside the others)
	dir := siteDir(t)
	s := loadModel(t)
	var index struct {
		XMLName  xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 sitemapindex"`
		Sitemaps []struct {
			Loc string `xml:"loc"`
		} `xml:"sitemap"`
	}
	readXML(t, filepath.Join(dir, "sitemap.xml"), &index)
	if len(index.Sitemaps) != len(s.Languages) {
		t.Fatalf("sitemap index lists %d sitemaps, want one per language (%d)", len(index.Sitemaps), len(s.Languages))
	}
	for _, sm := range index.Sitemaps {
		var set struct {
			XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
			URLs    []struct {
				Loc     string `xml:"loc"`
				LastMod string `xml:"lastmod"`
				Links   []struct {
					Rel      string `xml:"rel,attr"`
					Hreflang string `xml:"hreflang,attr"`
					Href     string `xml:"href,attr"`
				} `xml:"http://www.w3.org/1999/xhtml link"`
			} `xml:"url"`
		}
		readXML(t, filepath.Join(dir, path.Base(sm.Loc)), &set)
		if len(set.URLs) == 0 {
			t.Errorf("%s has no URLs", sm.Loc)
		}
		for _, u := range set.URLs {
			if !strings.HasPrefix(u.Loc, "https://") {
				t.Errorf("%s: loc %q is not absolute", sm.Loc, u.Loc)
			}
			if _, err := time.Parse("2006-01-02", u.LastMod); err != nil {
				t.Errorf("%s: %s: lastmod %q", sm.Loc, u.Loc, u.LastMod)
			}
			self, xdefault := false, false
			for _, l := range u.Links {
				self = self || l.Href == u.Loc
				xdefault = xdefault || l.Hreflang == "x-default"
			}
			if !self || !xdefault {
				t.Errorf("%s: %s: alternates lack itself (%v) or x-default (%v)", sm.Loc, u.Loc, self, xdefault)
			}
		}
	}
	for _, lang := range s.Languages {
		var feed struct {
			XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
			ID      string   `xml:"id"`
			Title   string   `xml:"title"`
			Updated string   `xml:"updated"`
			Entries []struct {
				ID      string `xml:"id"`
				Title   string `xml:"title"`
				Updated string `xml:"updated"`
				Link    struct {
					Href string `xml:"href,attr"`
				} `xml:"link"`
			} `xml:"entry"`
		}
		readXML(t, filepath.Join(dir, lang.Code, "feed.xml"), &feed)
		if feed.ID == "" || feed.Title == "" {
			t.Errorf("%s feed lacks id or title", lang.Code)
		}
		if _, err := time.Parse(time.RFC3339, feed.Updated); err != nil {
			t.Errorf("%s feed: updated %q", lang.Code, feed.Updated)
		}
		if want := min(len(lang.Articles), 50); len(feed.Entries) != want {
			t.Errorf("%s feed has %d entries, want %d", lang.Code, len(feed.Entries), want)
		}
		for _, e := range feed.Entries {
			if e.ID == "" || e.Title == "" || e.Link.Href == "" {
				t.Errorf("%s feed: incomplete entry %+v", lang.Code, e)
			}
			if _, err := time.Parse(time.RFC3339, e.Updated); err != nil {
				t.Errorf("%s feed: %s: updated %q", lang.Code, e.Title, e.Updated)
			}
		}
	}
}

func readXML(t *testing.T, file string, v any) {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := xml.Unmarshal(b, v); err != nil {
		t.Fatalf("%s does not parse: %v", file, err)
	}
}

// TestNarrowScreens loads every page kind at 320 px wide: no horizontal
// scrolling, and every control at least 44 px tall.
func TestNarrowScreens(t *testing.T) {
	t.Parallel() // (loads pages and reads them: no focus or keyboard, so beside the others)
	base := serve(t, siteDir(t))
	ctx := newBrowser(t)
	// A phone-sized viewport (a window cannot be made this narrow).
	if err := chromedp.Run(ctx, emulation.SetDeviceMetricsOverride(320, 800, 2, true)); err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"es", "en"} {
		for _, k := range pageKinds(t, lang) {
			var res struct {
				ScrollWidth int      `json:"scrollWidth"`
				Small       []string `json:"small"`
			}
			actions := []chromedp.Action{chromedp.Navigate("about:blank"), chromedp.Navigate(base + k.url), chromedp.WaitReady("body", chromedp.ByQuery)}
			if k.act != nil {
				actions = append(actions, k.act)
			}
			actions = append(actions, chromedp.Evaluate(`(function () {
  var small = [];
  document.querySelectorAll("button, input, .button, .option, .site-nav a, .lang-switch a, .pager a, .quiz-nav a").forEach(function (e) {
    var r = e.getBoundingClientRect();
    // (half a pixel for sub-pixel layout, mid-animation: 43.99 is 44)
    if (r.width > 0 && r.height > 0 && r.height < 43.5) small.push(e.tagName + "." + e.className + " " + Math.round(r.height) + "px");
  });
  return {scrollWidth: document.documentElement.scrollWidth, small: small};
})()`, &res))
			if err := chromedp.Run(ctx, actions...); err != nil {
				t.Errorf("%s %s: %v", lang, k.name, err)
				continue
			}
			if res.ScrollWidth > 320 {
				t.Errorf("%s %s: the page is %d px wide at a 320 px viewport: it scrolls sideways", lang, k.name, res.ScrollWidth)
			}
			for _, s := range res.Small {
				t.Errorf("%s %s: tap target under 44 px: %s", lang, k.name, s)
			}
		}
	}
}

// assetRe finds the site's files a page loads (style sheet, scripts, icon).
var assetRe = regexp.MustCompile(`(?:src|href)="(/assets/[^"]+)"`)

// TestEmbedBudget keeps the embed light for host pages: the loader they
// include under 1.5 KB gzipped, and the framed quiz under 30 KB gzipped
// with everything it loads: its page, style sheet, scripts and icon, and
// the largest outcome page it fetches reply templates from. Each file is
// compressed on its own, as a server sends it.
func TestEmbedBudget(t *testing.T) {
	t.Parallel() // (loads pages and reads them: no focus or keyboard, so beside the others)
	dir := siteDir(t)
	s := loadModel(t)
	read := func(rel string) []byte {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(strings.TrimPrefix(rel, "/"))))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	if n := gzipSize(read("embed.js")); n >= 1536 {
		t.Errorf("embed.js is %d bytes gzipped, over the loader's 1.5 KB budget", n)
	} else {
		t.Logf("embed.js: %d bytes gzipped", n)
	}
	for _, lang := range s.Languages {
		page := read(lang.QuizEmbedURL() + "index.html")
		total := gzipSize(page)
		for _, m := range assetRe.FindAllSubmatch(page, -1) {
			total += gzipSize(read(string(m[1])))
		}
		outcome := 0
		for _, o := range s.Quiz.Outcomes {
			outcome = max(outcome, gzipSize(read(lang.QuizURL(o.ID)+"index.html")))
		}
		if total+outcome >= 30*1024 {
			t.Errorf("%s: the framed quiz loads %d bytes gzipped, and %d more for an outcome's replies: over the 30 KB budget", lang.Code, total, outcome)
		} else {
			t.Logf("%s: the framed quiz loads %d bytes gzipped, and at most %d more for an outcome's replies", lang.Code, total, outcome)
		}
	}
}
