package site

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"maps"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"tact/internal/assets"
	"tact/internal/diag"
	"tact/internal/shareimg"
)

// Options control a build.
type Options struct {
	Out     string // output directory, on the real file system
	BaseURL string // absolute URL the site is served from; overrides tact.toml's baseURL
	Drafts  bool   // include articles with draft = true
	Minify  bool   // minify HTML, CSS, JS, JSON, SVG and XML
	Strict  bool   // missing translations and broken internal links are errors
}

// Report summarises a successful build.
type Report struct {
	Pages    map[string]int // pages per language code
	Files    int            // files in the output
	Rendered int            // pages rendered (the others were unchanged)
	Duration time.Duration
	BasePath string  // the path the site was built under ("/guide"), "" for the root
	Warnings []error // missing translations, broken links: errors under Strict

	Translations []StatusRow // each language against the source language
}

// TranslationsBehind reports whether some translation is missing, stale or
// untracked.
func (r *Report) TranslationsBehind() bool {
	for _, row := range r.Translations {
		if len(row.Items) > 0 || row.Quiz != "" && row.Quiz != StatusCurrent {
			return true
		}
	}
	return false
}

func (r *Report) String() string {
	var parts []string
	total := 0
	for _, lang := range slices.Sorted(maps.Keys(r.Pages)) {
		parts = append(parts, fmt.Sprintf("%s %d", lang, r.Pages[lang]))
		total += r.Pages[lang]
	}
	if r.Rendered < total {
		return fmt.Sprintf("built %d pages (%s; %d rendered, the rest unchanged), %d files in %v", total, strings.Join(parts, ", "), r.Rendered, r.Files, r.Duration.Round(100*time.Microsecond))
	}
	return fmt.Sprintf("built %d pages (%s), %d files in %v", total, strings.Join(parts, ", "), r.Files, r.Duration.Round(time.Millisecond))
}

// Build reads the site in fsys (its root holds tact.toml, content/, layouts/,
// assets/ and i18n/) and writes it to opts.Out. On any error the previous
// output is left untouched and every problem found is returned, joined.
func Build(ctx context.Context, fsys fs.FS, opts Options) (*Report, error) {
	fsys = guard(fsys)
	return buildOnce(ctx, fsys, opts)
}

// Load reads, checks and links the site without writing anything.
func Load(ctx context.Context, fsys fs.FS, opts Options) (*Site, *templates, assets.Set, error) {
	fsys = guard(fsys)
	e, err := loadEnv(fsys, opts)
	if err != nil {
		return nil, nil, nil, err
	}
	s, _, err := e.loadSite(ctx, nil, nil, false)
	if err := joinErrs(err, e.waitTemplates()); err != nil {
		return nil, nil, nil, err
	}
	return s, e.templates, e.assets, nil
}

// BasePath returns the path the site is built under: that of --base-url
// (opts.BaseURL), or else of tact.toml's baseURL; "" for the root. The
// preview server serves the site there, so that its links work.
func BasePath(fsys fs.FS, opts Options) (string, error) {
	fsys = guard(fsys)
	base := opts.BaseURL
	if base == "" {
		cfg, err := loadConfig(fsys)
		if err != nil {
			return "", err
		}
		base = cfg.BaseURL
	}
	return basePathOf(base)
}

func basePathOf(base string) (string, error) {
	if base == "" {
		return "", nil
	}
	if msg := badBaseURL(base); msg != "" {
		return "", fmt.Errorf("base URL %q %s", base, msg)
	}
	u, _ := url.Parse(base)
	return strings.TrimSuffix(u.Path, "/"), nil
}

// badBaseURL says what is wrong with an absolute URL the site is served
// from, or returns "". Its path reaches _headers, sitemaps, feeds and every
// page's links, so only a plain path is accepted: no query, fragment, user
// name, dot segments, spaces, quotes or control characters, even encoded.
func badBaseURL(base string) string {
	u, err := url.Parse(base)
	switch {
	case err != nil || u.Scheme != "https" && u.Scheme != "http" || u.Host == "" || u.Opaque != "":
		return "is not an absolute http(s) URL such as https://example.org/"
	case u.User != nil:
		return "must not hold a user name or password"
	case u.RawQuery != "" || u.ForceQuery:
		return "must not have a query (?…)"
	case u.Fragment != "" || strings.Contains(base, "#"):
		return "must not have a fragment (#…)"
	case strings.ContainsFunc(base+u.Path, func(r rune) bool { return r <= ' ' || r == 0x7f || strings.ContainsRune("\"'<>`\\", r) }):
		return "must not contain spaces, quotes or control characters (even percent-encoded)"
	case u.Port() != "" && strings.Trim(u.Port(), "0123456789") != "":
		return "has a port that is not a number"
	}
	for _, seg := range strings.Split(u.Path, "/") {
		if seg == "." || seg == ".." {
			return "must not have . or .. segments in its path"
		}
	}
	return ""
}

// renderPage executes the page's template into buf and returns buf's bytes:
// a caller that keeps them copies them. Layouts and Markdown bodies were
// minified when they were loaded, so the result needs no further pass.
func renderPage(buf *bytes.Buffer, t *templates, p *Page) ([]byte, error) {
	if err := t.execute(buf, p); err != nil {
		return nil, err // (renderFailures says which page)
	}
	return buf.Bytes(), nil
}

// outputFiles returns the path of every file a build writes, known before
// anything is rendered, for the link checker.
func (s *Site) outputFiles(pages []*Page, set assets.Set) map[string]bool {
	files := make(map[string]bool, len(pages)+len(set)+16)
	for _, p := range pages {
		files[p.Path] = true
	}
	return s.addOtherFiles(files, set)
}

// addOtherFiles adds the assets and the extra files to files.
func (s *Site) addOtherFiles(files map[string]bool, set assets.Set) map[string]bool {
	for name, a := range set {
		files[a.Path] = true
		if name == embedScript {
			files[path.Base(name)] = true
		}
	}
	for _, name := range s.extraNames() {
		files[name] = true
	}
	return files
}

// extraNames returns the paths of the files extraFiles makes, but for the
// second and later sitemaps of a language with more pages than one sitemap
// holds (nothing links to those but the sitemap index).
func (s *Site) extraNames() []string {
	names := []string{"_headers"}
	for _, lang := range s.Languages {
		names = append(names, outputPath(s.BasePath, lang.ShareImageURL()))
	}
	if s.BaseURL == "" {
		return names
	}
	names = append(names, "sitemap.xml", "robots.txt")
	for _, lang := range s.Languages {
		names = append(names, "sitemap-"+lang.Code+".xml", outputPath(s.BasePath, lang.FeedURL()))
	}
	return names
}

// extraFiles makes the files that are not pages or assets: share images,
// _headers and, when the site has a base URL, sitemaps, robots.txt and
// feeds, and hands each to emit (which owns its bytes from then on). The
// sitemaps, feeds and robots.txt are taken from lists when it is not nil:
// they show only what the listing signature covers, which did not change.
func (s *Site) extraFiles(pages []*Page, min *assets.Minifier, prev string, lists map[string][]byte, emit func(name string, data []byte) error) error {
	var errs diag.List
	errs.Add(s.sideFiles(min, prev, lists, emit))
	if s.BaseURL != "" && lists == nil {
		errs.Add(s.sitemapFiles(pages, emit))
	}
	return errs.Err()
}

// sideFiles makes the extra files but the sitemaps and robots.txt: share
// images, _headers and feeds (or, when lists is not nil, the lists).
func (s *Site) sideFiles(min *assets.Minifier, prev string, lists map[string][]byte, emit func(name string, data []byte) error) error {
	var errs diag.List
	// One after another: the pages are rendered meanwhile on the other
	// cores, and the images share their drawing and encoding buffers.
	for _, lang := range s.Languages {
		name := outputPath(s.BasePath, lang.ShareImageURL())
		// Same name, same image: take it from the previous build if it is there.
		img, err := os.ReadFile(filepath.Join(prev, filepath.FromSlash(name)))
		if err != nil {
			img, err = shareimg.Render(s.Title, s.tagline(lang))
		}
		if err != nil {
			errs.Add(err)
			continue
		}
		errs.Add(emit(name, img))
	}
	errs.Add(emit("_headers", s.headersFile()))
	if s.BaseURL == "" {
		return errs.Err()
	}
	if lists != nil {
		for _, name := range slices.Sorted(maps.Keys(lists)) {
			errs.Add(emit(name, lists[name]))
		}
		return errs.Err()
	}
	for _, lang := range s.Languages {
		feed, err := min.Bytes("application/xml", s.feed(lang))
		if err != nil {
			errs.Add(err)
			continue
		}
		errs.Add(emit(outputPath(s.BasePath, lang.FeedURL()), feed))
	}
	return errs.Err()
}

// isList reports whether the extra file name is one the listing signature
// covers: a sitemap, a feed or robots.txt.
func isList(name string) bool {
	return strings.HasSuffix(name, ".xml") || name == "robots.txt"
}

// tagline is the home page title without a leading "<site title>:".
func (s *Site) tagline(lang *Lang) string {
	if lang.Home == nil {
		return ""
	}
	t := strings.TrimSpace(strings.TrimPrefix(lang.Home.Title, s.Title+":"))
	if r, size := utf8.DecodeRuneInString(t); size > 0 {
		t = string(unicode.ToUpper(r)) + t[size:]
	}
	return t
}

// embedScript is the asset host pages include to embed the quiz.
const embedScript = "js/embed.js"

// builderMessages are the interface strings the builder itself uses (the
// templates' are checked when they run).
var builderMessages = []string{
	"bestMove", "repliesTitle", "repliesIntro", "notFoundTitle", "quizTitle", "quizIntro",
	"embedTitle", "embedIntro", "monthNames", "dateFormat",
}

// joinErrs returns the problems of a and b together, sorted as a build
// reports them, or nil.
func joinErrs(a, b error) error {
	var errs diag.List
	errs.Add(a)
	errs.Add(b)
	return errs.Err()
}
