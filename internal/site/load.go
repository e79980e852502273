package site

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/tact-guide/tact/internal/assets"
	"github.com/tact-guide/tact/internal/diag"
	"github.com/tact-guide/tact/internal/locale"
	"github.com/tact-guide/tact/internal/markdown"
	"github.com/tact-guide/tact/internal/markdown/reply"
	"github.com/tact-guide/tact/internal/parallel"
	"github.com/tact-guide/tact/internal/shareimg"
	"github.com/tact-guide/tact/internal/sig"
	"github.com/tact-guide/tact/internal/sitefs"
	"github.com/tact-guide/tact/internal/slug"
)

// ContentDir and I18nDir are where content and interface strings live.
const (
	ContentDir = "content"
	I18nDir    = "i18n"
	HomeFile   = "_index.md"
	AboutFile  = "_about.md" // a language's about page: who writes the guide, privacy
)

// Options control loading.
type Options struct {
	BaseURL  string           // absolute URL the site is served from; overrides tact.toml's baseURL
	Drafts   bool             // include articles with draft = true
	Minifier *assets.Minifier // minifies article bodies as they are parsed; nil for none
}

// A Loader reads a site's content into a checked Site. It reads tact.toml
// and the interface strings once (NewLoader); Load may then run again and
// again, reusing the parse results of files that did not change.
type Loader struct {
	fsys       fs.FS
	cfg        *Config
	catalog    *locale.Catalog
	baseURL    string // without trailing slash
	basePath   string
	drafts     bool
	converters map[string]*markdown.Converter
	min        *assets.Minifier // minifies bodies once, as they are parsed
	leanAbove  int64            // the content size above which a lean load drops details: leanAbove (tests lower it)
}

// NewLoader reads the interface strings of the site in fsys, whose
// tact.toml is cfg (LoadConfig). Every file it or its Loads open is
// refused when it is, or lies under, a symbolic link out of the site.
func NewLoader(fsys fs.FS, cfg *Config, opts Options) (*Loader, error) {
	fsys = sitefs.Guard(fsys)
	baseURL := cmp.Or(opts.BaseURL, cfg.BaseURL)
	basePath, err := basePathOf(baseURL)
	if err != nil {
		return nil, err
	}
	codes := make([]string, len(cfg.Languages))
	for i, l := range cfg.Languages {
		codes[i] = l.Code
	}
	cat, err := locale.Load(fsys, I18nDir, codes)
	if err == nil {
		err = cat.Require(codes, builderMessages)
	}
	if err != nil {
		return nil, err
	}
	l := &Loader{fsys: fsys, cfg: cfg, catalog: cat, baseURL: strings.TrimSuffix(baseURL, "/"), basePath: basePath,
		drafts: opts.Drafts, min: opts.Minifier, leanAbove: leanAbove}
	l.newConverters()
	return l, nil
}

// Config returns tact.toml as read.
func (l *Loader) Config() *Config { return l.cfg }

// Catalog returns the interface strings.
func (l *Loader) Catalog() *locale.Catalog { return l.catalog }

// BasePath returns the path the site is built under ("/guide"), "" for the root.
func (l *Loader) BasePath() string { return l.basePath }

// BaseURL returns the URL the site is built for, without trailing slash; "" when none.
func (l *Loader) BaseURL() string { return l.baseURL }

// FS returns the site's files, guarded against links out of the site.
func (l *Loader) FS() fs.FS { return l.fsys }

// Load reads the site in fsys and checks it: a Loader's one Load.
func Load(ctx context.Context, fsys fs.FS, opts Options) (*Site, error) {
	cfg, err := LoadConfig(sitefs.Guard(fsys))
	if err != nil {
		return nil, err
	}
	l, err := NewLoader(fsys, cfg, opts)
	if err != nil {
		return nil, err
	}
	s, _, err := l.Load(ctx, LoadOptions{})
	return s, err
}

// LoadOptions say what a Load may reuse and what it may leave out.
type LoadOptions struct {
	// Cache holds the previous Load's parse results; Changed lists the
	// files changed since (nil: any file may have). A file not changed, or
	// changed back to the same bytes, is not parsed again.
	Cache   Cache
	Changed map[string]bool
	// Lean drops each article's detail (body, scenario texts, messages)
	// as soon as it is parsed, when the content is large (reload.go):
	// for builds that render each article once and keep nothing.
	Lean bool
}

// Cache is what a Load parsed, by content file, for the next Load.
type Cache map[string]parsed

// Load loads and links the content and the quiz. It returns the site and
// this Load's parse results (failed files too: an unchanged broken file
// stays broken), for the next Load's Cache.
func (l *Loader) Load(ctx context.Context, opts LoadOptions) (*Site, Cache, error) {
	run := &loading{Loader: l, cache: opts.Cache, changed: opts.Changed, lean: opts.Lean}
	var errs diag.List
	s, err := run.load(ctx)
	errs.Add(err)
	if s != nil {
		errs.Add(s.loadQuiz(l.fsys))
		if s.Quiz != nil {
			for _, lang := range s.Languages {
				lang.quizStart = s.Quiz.Start
			}
			errs.Add(s.restoreQuoted())
		}
	}
	if err := errs.Err(); err != nil {
		return nil, run.parsed, err
	}
	s.BaseURL = l.baseURL
	s.cat = l.catalog
	s.source = l.cfg.Source
	codes := make([]string, len(s.Languages))
	for i, l := range s.Languages {
		codes[i] = l.Code
	}
	s.loadVersions(l.fsys, codes)
	for _, lang := range s.Languages {
		lang.shareURL = lang.URL() + "share." + shareimg.Key(s.Title, s.Tagline(lang)) + ".png"
	}
	return s, run.parsed, nil
}

// loading is one Load.
type loading struct {
	*Loader
	lean        bool  // see LoadOptions.Lean
	sourceBytes int64 // the size of the content files, known once they are listed
	cache       Cache
	changed     map[string]bool
	parsed      Cache // filled by load: this Load's results
}

// Tagline is the line under the site's name on a language's link-preview
// image: its home page title.
func (s *Site) Tagline(lang *Lang) string {
	if lang.Home == nil {
		return ""
	}
	return shareimg.Tagline(s.Title, lang.Home.Title)
}

// builderMessages are the interface strings the builder itself uses (the
// templates' are checked when they run).
var builderMessages = []string{
	"bestMove", "repliesTitle", "repliesIntro", "notFoundTitle", "quizTitle", "quizIntro",
	"embedTitle", "embedIntro", "monthNames", "dateFormat",
}

type job struct {
	lang *Lang
	file string
}

// load reads and parses every content file into a Site, in parallel, and
// returns every problem found.
func (l *loading) load(ctx context.Context) (*Site, error) {
	s := &Site{Title: l.cfg.Title, BasePath: l.basePath, drafts: map[string]bool{}}
	var errs diag.List
	for i, lc := range l.cfg.Languages {
		lang := &Lang{Language: lc, index: i, byKey: map[string]*Article{}}
		lang.setURLs(l.basePath)
		s.Languages = append(s.Languages, lang)
	}
	jobs, err := l.listContent(s)
	errs.Add(err)
	results := make([]any, len(jobs))
	failures := make([]error, len(jobs))
	if err := parallel.For(ctx, len(jobs), func(i int) { results[i], failures[i] = l.parse(jobs[i]) }); err != nil {
		return nil, err
	}
	l.parsed = Cache{}
	for i, j := range jobs {
		errs.Add(failures[i])
		var h uint64
		switch r := results[i].(type) {
		case *Home:
			h = r.srcHash
		case *Article:
			h = r.srcHash
		}
		l.parsed[j.file] = parsed{hash: h, result: results[i], err: failures[i]}
		switch r := results[i].(type) {
		case *Home:
			if path.Base(j.file) == AboutFile {
				r.url, r.path = addresses(l.basePath, j.lang.URL()+r.Slug+"/")
				j.lang.About = r
			} else {
				j.lang.Home = r
			}
		case *Article:
			r.reset(j.lang)
			if r.Draft && !l.drafts {
				s.drafts[r.Key] = true
				continue
			}
			j.lang.Articles = append(j.lang.Articles, r)
		}
	}
	errs.Add(link(s))
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return s, nil
}

// listContent returns the files to parse, sorted, and reports directories
// that do not match the configuration.
func (l *loading) listContent(s *Site) ([]job, error) {
	var errs diag.List
	entries, err := fs.ReadDir(l.fsys, ContentDir)
	if err != nil {
		return nil, &diag.Error{File: ContentDir, Msg: fmt.Sprintf("cannot read the content directory: %v (create it, or pass --content with the site's root)", sitefs.UnwrapPath(err))}
	}
	l.sourceBytes = 0
	present := map[string]bool{}
	for _, e := range entries {
		if !e.IsDir() || ignored(e.Name()) {
			continue
		}
		present[e.Name()] = true
		if s.Lang(e.Name()) == nil {
			errs.Addf(path.Join(ContentDir, e.Name()), 0, 0, "language %q is not configured: add a [[languages]] table with code = %q to %s, or rename the directory", e.Name(), e.Name(), ConfigFile)
		}
	}
	var jobs []job
	for _, lang := range s.Languages {
		dir := path.Join(ContentDir, lang.Code)
		if err := sitefs.CheckLink(l.fsys, dir); err != nil {
			errs.Add(err)
			continue
		}
		if !present[lang.Code] {
			errs.Addf(dir, 0, 0, "configured language %q has no content directory: create %s", lang.Code, dir)
			continue
		}
		files, err := fs.ReadDir(l.fsys, dir)
		if err != nil {
			errs.Addf(dir, 0, 0, "cannot read: %v", sitefs.UnwrapPath(err))
			continue
		}
		hasHome := false
		for _, f := range files {
			name := f.Name()
			if f.IsDir() && !ignored(name) {
				errs.Addf(path.Join(dir, name), 0, 0, "folders inside %s/ are not read: move the articles into %s/ itself", dir, dir)
				continue
			}
			if f.IsDir() || ignored(name) || !strings.HasSuffix(name, ".md") {
				continue
			}
			if name == HomeFile {
				hasHome = true
			}
			if info, err := f.Info(); err == nil {
				l.sourceBytes += info.Size()
			}
			jobs = append(jobs, job{lang: lang, file: path.Join(dir, name)})
		}
		if !hasHome {
			errs.Addf(path.Join(dir, HomeFile), 0, 0, "missing home page introduction: create it (see docs/content.md)")
		}
	}
	slices.SortFunc(jobs, func(a, b job) int { return strings.Compare(a.file, b.file) })
	return jobs, errs.Err()
}

// ignored reports whether a file name is an editor's or the system's, not content.
func ignored(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") && name != HomeFile && name != AboutFile ||
		strings.HasSuffix(name, "~") || strings.HasSuffix(name, ".swp") || strings.HasSuffix(name, ".tmp")
}

// parsed is what parsing one content file gave, kept between the builds of
// a Builder.
type parsed struct {
	hash   uint64 // of the file's normalised bytes
	result any    // *Article or *Home, or nil
	err    error
}

func (l *loading) parse(j job) (any, error) {
	prev, cached := l.cache[j.file]
	if cached && l.changed != nil && !l.isChanged(j.file) {
		return prev.result, prev.err // not touched since the last build
	}
	src, err := sitefs.ReadText(l.fsys, j.file)
	if err != nil {
		return nil, err
	}
	h := sig.Bytes(src)
	if cached && prev.hash == h {
		return prev.result, prev.err
	}
	res, err := l.parseSource(j, src)
	switch r := res.(type) {
	case *Article:
		if r == nil {
			return nil, err
		}
		r.srcHash = h
	case *Home:
		if r == nil {
			return nil, err
		}
		r.srcHash = h
	}
	return res, err
}

func (l *loading) parseSource(j job, src []byte) (any, error) {
	conv := l.converters[j.lang.Code]
	if base := path.Base(j.file); base == HomeFile || base == AboutFile {
		h, err := parseHome(conv, j.lang, j.file, src, base == AboutFile)
		if h != nil {
			h.Body = template.HTML(l.minifyBody(new(bytes.Buffer), []byte(h.Body)))
		}
		return h, err
	}
	a, err := l.parseArticle(j, src)
	if a != nil && l.lean && l.sourceBytes > l.leanAbove {
		a.dropDetail(func() (*Article, error) {
			src, err := sitefs.ReadText(l.fsys, j.file)
			if err != nil {
				return nil, err
			}
			return l.parseArticle(j, src)
		})
	}
	return a, err
}

// leanAbove is the size of the content files above which a one-shot build
// drops each article's detail until its pages render (reload.go): about a
// tenth of a 40,000-article site. Below it the details, a few times the
// sources' size, fit easily under the build's memory limit, and converting
// every article twice would cost a fifth of the build.
const leanAbove = 32 << 20

// parseArticle parses an article and renders and minifies its body.
func (l *Loader) parseArticle(j job, src []byte) (*Article, error) {
	var html, min bytes.Buffer
	html.Grow(2 * len(src)) // (the HTML of a Markdown text is a little larger: one allocation, not a doubling series)
	a, err := parseArticle(l.converters[j.lang.Code], j.lang, j.file, src, &html)
	if a == nil {
		return nil, err
	}
	a.body = template.HTML(l.minifyBody(&min, html.Bytes()))
	return a, err
}

// newConverters builds one Markdown converter per language.
func (l *Loader) newConverters() {
	l.converters = map[string]*markdown.Converter{}
	for _, lc := range l.cfg.Languages {
		T := l.catalog.T(lc.Code)
		base := l.basePath + "/" + lc.Code + "/" + lc.ReplySeg + "/"
		l.converters[lc.Code] = markdown.New(markdown.Options{
			Quotes:       lc.Quotes,
			ReplyURL:     func(r *reply.Reply) string { return base + replySlug(r) + "/" },
			SubjectLabel: T("replySubject"),
			AnchorLabel:  T("anchorLabel"),
			Verdict: func(v string) (string, string) {
				id := "verdict_" + v
				if !l.catalog.Has(lc.Code, id) {
					return T("bestMove"), v
				}
				return T("bestMove"), T(id)
			},
		})
	}
}

func replySlug(r *reply.Reply) string {
	if r.Slug != "" {
		return r.Slug
	}
	return slug.Make(r.Title)
}

// minifyBody minifies a rendered Markdown body into dst and returns it; on
// failure it returns the body as it is.
func (l *Loader) minifyBody(dst *bytes.Buffer, h []byte) []byte {
	if l.min == nil || !l.min.On() {
		return h
	}
	dst.Reset()
	dst.Grow(len(h))
	if err := l.min.Minify(dst, "text/html", h); err != nil {
		return h
	}
	return dst.Bytes()
}

// isChanged reports whether file, or a directory holding it, is among the
// changed paths.
func (l *loading) isChanged(file string) bool {
	for p := file; p != "." && p != "/"; p = path.Dir(p) {
		if l.changed[p] {
			return true
		}
	}
	return false
}
