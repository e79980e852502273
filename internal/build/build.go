package build

import (
	"github.com/tact-guide/tact/internal/sitefs"
	"github.com/tact-guide/tact/internal/translation"

	"context"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/tact-guide/tact/internal/assets"
	"github.com/tact-guide/tact/internal/diag"
	"github.com/tact-guide/tact/internal/render"
	"github.com/tact-guide/tact/internal/shareimg"
	"github.com/tact-guide/tact/internal/site"
)

// Options control a build.
type Options struct {
	Out     string // output directory, on the real file system
	BaseURL string // absolute URL the site is served from; overrides tact.toml's baseURL
	Drafts  bool   // include articles with draft = true
	Minify  bool   // minify HTML, CSS, JS, JSON, SVG and XML
	Strict  bool   // missing translations, unreached scenarios and non-reciprocal hreflang are errors (broken links always are)

	Progress *Progress // if not nil, counts the work as the build goes, for a progress display
}

// Report summarises a successful build.
type Report struct {
	Pages    map[string]int // pages per language code
	Files    int            // files in the output
	Rendered int            // pages rendered (the others were unchanged)
	Duration time.Duration
	BasePath string  // the path the site was built under ("/guide"), "" for the root
	Warnings []error // missing translations, broken links: errors under Strict

	Translations []translation.Row // each language against the source language

	// Moved holds, after a Builder's later builds, the pages whose address
	// changed since its previous build (a new slug): old → new address.
	Moved map[string]string
}

// TranslationsBehind reports whether some translation is missing, stale or
// untracked.
func (r *Report) TranslationsBehind() bool {
	for _, row := range r.Translations {
		if len(row.Items) > 0 || row.Quiz != "" && row.Quiz != translation.Current || row.Strings != "" && row.Strings != translation.Current {
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
	return buildOnce(ctx, sitefs.Guard(fsys), opts)
}

// outputFiles is pageIndex for a list of pages.
func outputFiles(s *site.Site, pages []*render.Page, e *env) (map[string]int32, error) {
	all := make([]int, len(pages))
	for i := range all {
		all[i] = i
	}
	files, _, err := pageIndex(s, pageUnits(pages, all), e)
	return files, err
}

// addOtherFiles adds the assets and the extra files to files.
func addOtherFiles(s *site.Site, files map[string]bool, set assets.Set) map[string]bool {
	for name, a := range set {
		files[a.Path] = true
		if name == embedScript {
			files[path.Base(name)] = true
		}
	}
	for _, name := range extraNames(s) {
		files[name] = true
	}
	return files
}

// extraNames returns the paths of the files extraFiles makes, but for the
// second and later sitemaps of a language with more pages than one sitemap
// holds (nothing links to those but the sitemap index).
func extraNames(s *site.Site) []string {
	names := []string{"_headers", "_redirects"}
	for _, lang := range s.Languages {
		names = append(names, site.OutputPath(s.BasePath, lang.ShareImageURL()))
	}
	if s.BaseURL == "" {
		return names
	}
	names = append(names, "sitemap.xml", "robots.txt")
	for _, lang := range s.Languages {
		names = append(names, "sitemap-"+lang.Code+".xml", site.OutputPath(s.BasePath, lang.FeedURL()))
	}
	return names
}

// extraFiles makes the files that are not pages or assets: share images,
// _headers, _redirects and, when the site has a base URL, sitemaps, robots.txt and
// feeds, and hands each to emit (which owns its bytes from then on). The
// sitemaps, feeds and robots.txt are taken from lists when it is not nil:
// they show only what the listing signature covers, which did not change.
func extraFiles(s *site.Site, pages []*render.Page, min *assets.Minifier, policy, prev string, lists map[string][]byte, emit func(name string, data []byte) error) error {
	var errs diag.List
	errs.Add(sideFiles(s, min, policy, prev, lists, emit))
	if s.BaseURL != "" && lists == nil {
		errs.Add(render.SitemapFiles(s, pages, emit))
	}
	return errs.Err()
}

// sideFiles makes the extra files but the sitemaps and robots.txt: share
// images, _headers (with the Content-Security-Policy policy), _redirects
// and feeds (or, when lists is not nil, the lists).
func sideFiles(s *site.Site, min *assets.Minifier, policy, prev string, lists map[string][]byte, emit func(name string, data []byte) error) error {
	var errs diag.List
	// One after another: the pages are rendered meanwhile on the other
	// cores, and the images share their drawing and encoding buffers.
	var drawer shareimg.Drawer
	for _, lang := range s.Languages {
		name := site.OutputPath(s.BasePath, lang.ShareImageURL())
		// Same name, same image: take it from the previous build if it is there.
		img, err := os.ReadFile(filepath.Join(prev, filepath.FromSlash(name)))
		if err != nil {
			img, err = drawer.Render(s.Title, s.Tagline(lang))
		}
		if err != nil {
			errs.Add(err)
			continue
		}
		errs.Add(emit(name, img))
	}
	errs.Add(emit("_headers", render.HeadersFile(s, policy)))
	errs.Add(emit("_redirects", render.RedirectsFile(s)))
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
		feed, err := min.Bytes("application/xml", render.Feed(s, lang))
		if err != nil {
			errs.Add(err)
			continue
		}
		errs.Add(emit(site.OutputPath(s.BasePath, lang.FeedURL()), feed))
	}
	return errs.Err()
}

// isList reports whether the extra file name is one the listing signature
// covers: a sitemap, a feed or robots.txt.
func isList(name string) bool {
	return strings.HasSuffix(name, ".xml") || name == "robots.txt"
}

// embedScript is the asset host pages include to embed the quiz.
const embedScript = "js/embed.js"

// joinErrs returns the problems of a and b together, sorted as a build
// reports them, or nil.
func joinErrs(a, b error) error {
	var errs diag.List
	errs.Add(a)
	errs.Add(b)
	return errs.Err()
}

// publishAssets hands every asset to emit, under its fingerprinted name.
func publishAssets(set assets.Set, emit func(name string, data []byte) error) error {
	var errs diag.List
	for _, name := range set.Names() {
		a := set[name]
		errs.Add(emit(a.Path, a.Data))
		if name == embedScript {
			// Host pages load it by a fixed address, so it is published
			// unfingerprinted too (with a short cache lifetime in _headers).
			errs.Add(emit(path.Base(name), a.Data))
		}
	}
	return errs.Err()
}

// strict returns the warnings as errors when opts.Strict asks for it.
func strict(opts Options, warnings []error) error {
	if !opts.Strict || len(warnings) == 0 {
		return nil
	}
	var errs diag.List
	for _, w := range warnings {
		errs.Add(w)
	}
	return errs.Err()
}
