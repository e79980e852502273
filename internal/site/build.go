package site

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"tact/internal/assets"
	"tact/internal/diag"
	"tact/internal/locale"
	"tact/internal/output"
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
	Files    int            // files written
	Duration time.Duration
	Warnings []error // missing translations, broken links: errors under Strict
}

func (r *Report) String() string {
	var parts []string
	total := 0
	for _, lang := range sortedKeysInt(r.Pages) {
		parts = append(parts, fmt.Sprintf("%s %d", lang, r.Pages[lang]))
		total += r.Pages[lang]
	}
	return fmt.Sprintf("built %d pages (%s), %d files in %v", total, strings.Join(parts, ", "), r.Files, r.Duration.Round(time.Millisecond))
}

// Build reads the site in fsys (its root holds tact.toml, content/, layouts/,
// assets/ and i18n/) and writes it to opts.Out. On any error the previous
// output is left untouched and every problem found is returned, joined.
func Build(ctx context.Context, fsys fs.FS, opts Options) (*Report, error) {
	start := time.Now()
	s, t, set, err := Load(ctx, fsys, opts)
	if err != nil {
		return nil, err
	}
	stage, err := output.Begin(opts.Out)
	if err != nil {
		return nil, err
	}
	rep, err := write(ctx, s, t, set, stage, opts)
	if err != nil {
		stage.Abort()
		return nil, err
	}
	if err := stage.Commit(); err != nil {
		stage.Abort()
		return nil, err
	}
	rep.Duration = time.Since(start)
	return rep, nil
}

// Load reads, checks and links the site without writing anything.
func Load(ctx context.Context, fsys fs.FS, opts Options) (*Site, *templates, assets.Set, error) {
	cfg, err := loadConfig(fsys)
	if err != nil {
		return nil, nil, nil, err
	}
	baseURL := cmp.Or(opts.BaseURL, cfg.BaseURL)
	basePath, err := basePathOf(baseURL)
	if err != nil {
		return nil, nil, nil, err
	}
	codes := make([]string, len(cfg.Languages))
	for i, l := range cfg.Languages {
		codes[i] = l.Code
	}
	var errs diag.List
	cat, err := locale.Load(fsys, I18nDir, codes)
	if err != nil {
		return nil, nil, nil, err
	}
	if err := cat.Require(codes, builderMessages); err != nil {
		return nil, nil, nil, err
	}
	min := assets.NewMinifier(opts.Minify)
	l := &loader{fsys: fsys, cfg: cfg, catalog: cat, basePath: basePath, drafts: opts.Drafts, min: min}
	l.newConverters()
	s, err := l.load(ctx)
	errs.Add(err)
	if s != nil {
		errs.Add(s.loadQuiz(fsys))
		if s.Quiz != nil {
			for _, lang := range s.Languages {
				lang.quizStart = s.Quiz.Start
			}
		}
	}
	set, err := assets.Load(fsys, "assets", min)
	errs.Add(err)
	if err := errs.Err(); err != nil {
		return nil, nil, nil, err
	}
	s.BaseURL = strings.TrimSuffix(baseURL, "/")
	s.cat = cat
	for _, lang := range s.Languages {
		lang.shareKey = shareimg.Key(s.Title, s.tagline(lang))
	}
	t, err := loadTemplates(fsys, s.Languages, cat, set, basePath, min)
	if err != nil {
		return nil, nil, nil, err
	}
	return s, t, set, nil
}

func basePathOf(base string) (string, error) {
	if base == "" {
		return "", nil
	}
	u, err := url.Parse(base)
	if err != nil || u.Scheme != "https" && u.Scheme != "http" || u.Host == "" {
		return "", fmt.Errorf("base URL %q is not an absolute http(s) URL such as https://example.org/", base)
	}
	return strings.TrimSuffix(u.Path, "/"), nil
}

// write renders every page and copies every asset into the staging directory.
func write(ctx context.Context, s *Site, t *templates, set assets.Set, stage *output.Staging, opts Options) (*Report, error) {
	min := assets.NewMinifier(opts.Minify)
	pages := s.pages()
	rep := &Report{Pages: map[string]int{}}
	var errs diag.List
	var mu sync.Mutex
	var wg sync.WaitGroup
	scans := make([]scan, len(pages))
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			var buf bytes.Buffer
			for i := range next {
				buf.Reset()
				out, err := renderPage(&buf, t, pages[i])
				if err == nil {
					scans[i] = scanHTML(out)
					err = stage.WriteFile(pages[i].Path, out)
				}
				if err != nil {
					mu.Lock()
					errs.Add(err)
					mu.Unlock()
				}
			}
		})
	}
	var extra map[string][]byte
	var extraErr error
	wg.Go(func() { extra, extraErr = s.extraFiles(pages, min, opts.Out) })
	for i, p := range pages {
		if ctx.Err() != nil {
			break
		}
		next <- i
		if !p.Root {
			rep.Pages[p.Lang.Code]++
		}
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	errs.Add(extraErr)
	for _, name := range set.Names() {
		a := set[name]
		errs.Add(stage.WriteFile(a.Path, a.Data))
		if name == embedScript {
			// Host pages load it by a fixed address, so it is published
			// unfingerprinted too (with a short cache lifetime in _headers).
			errs.Add(stage.WriteFile(path.Base(name), a.Data))
		}
	}
	for _, name := range sortedKeysBytes(extra) {
		errs.Add(stage.WriteFile(name, extra[name]))
	}
	rep.Files = len(pages) + len(set) + len(extra)
	if err := errs.Err(); err != nil {
		return nil, err
	}
	files := map[string]bool{}
	for _, a := range set {
		files[a.Path] = true
	}
	for name := range extra {
		files[name] = true
	}
	if _, ok := set[embedScript]; ok {
		files[path.Base(embedScript)] = true
	}
	rep.Warnings = append(rep.Warnings, checkLinks(s, pages, scans, files)...)
	rep.Warnings = append(rep.Warnings, s.checkTranslations(pages)...)
	if opts.Strict && len(rep.Warnings) > 0 {
		var strict diag.List
		for _, w := range rep.Warnings {
			strict.Add(w)
		}
		return nil, strict.Err()
	}
	return rep, nil
}

// renderPage executes the page's template. Layouts and Markdown bodies were
// minified when they were loaded, so the result needs no further pass.
func renderPage(buf *bytes.Buffer, t *templates, p *Page) ([]byte, error) {
	tmpl := t.lookup(p.Lang.Code, p.Kind)
	if err := tmpl.ExecuteTemplate(buf, "base", p); err != nil {
		return nil, fmt.Errorf("render %s: %w", p.Path, err)
	}
	return bytes.Clone(buf.Bytes()), nil
}

func sortedKeysInt(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// extraFiles returns the files that are not pages or assets: share images
// and, when the site has a base URL, sitemaps, robots.txt and feeds.
func (s *Site) extraFiles(pages []*Page, min *assets.Minifier, prev string) (map[string][]byte, error) {
	files := map[string][]byte{}
	var errs diag.List
	for _, lang := range s.Languages {
		name := outputPath(s.BasePath, lang.ShareImageURL())
		// Same name, same image: take it from the previous build if it is there.
		img, err := os.ReadFile(filepath.Join(prev, filepath.FromSlash(name)))
		if err != nil {
			img, err = shareimg.Render(s.Title, s.tagline(lang))
			errs.Add(err)
		}
		files[name] = img
	}
	files["_headers"] = s.headersFile()
	if s.BaseURL == "" {
		return files, errs.Err()
	}
	for name, data := range s.sitemapFiles(pages) {
		files[name] = data
	}
	for _, lang := range s.Languages {
		feed, err := min.Bytes("application/xml", s.feed(lang))
		errs.Add(err)
		files[outputPath(s.BasePath, lang.FeedURL())] = feed
	}
	return files, errs.Err()
}

func sortedKeysBytes(m map[string][]byte) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
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
