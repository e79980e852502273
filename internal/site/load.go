package site

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"slices"
	"strings"

	"tact/internal/assets"
	"tact/internal/diag"
	"tact/internal/locale"
	"tact/internal/markdown"
	"tact/internal/markdown/reply"
	"tact/internal/slug"
)

// ContentDir and I18nDir are where content and interface strings live.
const (
	ContentDir = "content"
	I18nDir    = "i18n"
	HomeFile   = "_index.md"
)

// loader holds what loading needs, built once per build.
type loader struct {
	fsys        fs.FS
	cfg         *Config
	catalog     *locale.Catalog
	basePath    string
	drafts      bool
	converters  map[string]*markdown.Converter
	min         *assets.Minifier // minifies bodies once, as they are parsed
	lean        bool             // one-shot builds: drop each article's detail until its pages render, when the sources are large
	sourceBytes int64            // the size of the content files, known once they are listed
	leanAbove   int64            // the size above which lean applies: leanAbove (tests lower it)

	// Between the builds of a Builder: what the previous build parsed, and
	// which files changed since (nil: any file may have).
	cache   map[string]parsed
	changed map[string]bool
	parsed  map[string]parsed // filled by load: this build's results
}

type job struct {
	lang *Lang
	file string
}

// load reads and parses every content file into a Site, in parallel, and
// returns every problem found.
func (l *loader) load(ctx context.Context) (*Site, error) {
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
	if err := parallel(ctx, len(jobs), func(i int) { results[i], failures[i] = l.parse(jobs[i]) }); err != nil {
		return nil, err
	}
	l.parsed = map[string]parsed{}
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
			j.lang.Home = r
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
func (l *loader) listContent(s *Site) ([]job, error) {
	var errs diag.List
	entries, err := fs.ReadDir(l.fsys, ContentDir)
	if err != nil {
		return nil, &diag.Error{File: ContentDir, Msg: fmt.Sprintf("cannot read the content directory: %v (create it, or pass --content with the site's root)", unwrapPath(err))}
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
		if err := checkLink(l.fsys, dir); err != nil {
			errs.Add(err)
			continue
		}
		if !present[lang.Code] {
			errs.Addf(dir, 0, 0, "configured language %q has no content directory: create %s", lang.Code, dir)
			continue
		}
		files, err := fs.ReadDir(l.fsys, dir)
		if err != nil {
			errs.Addf(dir, 0, 0, "cannot read: %v", unwrapPath(err))
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
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") && name != HomeFile ||
		strings.HasSuffix(name, "~") || strings.HasSuffix(name, ".swp") || strings.HasSuffix(name, ".tmp")
}

// parsed is what parsing one content file gave, kept between the builds of
// a Builder.
type parsed struct {
	hash   uint64 // of the file's normalised bytes
	result any    // *Article or *Home, or nil
	err    error
}

func (l *loader) parse(j job) (any, error) {
	prev, cached := l.cache[j.file]
	if cached && l.changed != nil && !l.isChanged(j.file) {
		return prev.result, prev.err // not touched since the last build
	}
	src, err := readSource(l.fsys, j.file)
	if err != nil {
		return nil, err
	}
	h := hashBytes(src)
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

func (l *loader) parseSource(j job, src []byte) (any, error) {
	conv := l.converters[j.lang.Code]
	if path.Base(j.file) == HomeFile {
		h, err := parseHome(conv, j.lang.Quotes, j.file, src)
		if h != nil {
			h.Body = template.HTML(l.minifyBody(new(bytes.Buffer), []byte(h.Body)))
		}
		return h, err
	}
	a, err := l.parseArticle(j, src)
	if a != nil && l.lean && l.sourceBytes > l.leanAbove {
		a.dropDetail(func() (*Article, error) {
			src, err := readSource(l.fsys, j.file)
			if err != nil {
				return nil, err
			}
			return l.parseArticle(j, src)
		})
	}
	return a, err
}

// leanAbove is the size of the content files above which a one-shot build
// drops each article's detail until its pages render (detail.go): about a
// tenth of a 40,000-article site. Below it the details, a few times the
// sources' size, fit easily under the build's memory limit, and converting
// every article twice would cost a fifth of the build.
const leanAbove = 32 << 20

// parseArticle parses an article and renders and minifies its body.
func (l *loader) parseArticle(j job, src []byte) (*Article, error) {
	var html, min bytes.Buffer
	a, err := parseArticle(l.converters[j.lang.Code], j.lang, j.file, src, &html)
	if a == nil {
		return nil, err
	}
	a.body = template.HTML(l.minifyBody(&min, html.Bytes()))
	return a, err
}

// newConverters builds one Markdown converter per language.
func (l *loader) newConverters() {
	l.converters = map[string]*markdown.Converter{}
	for _, lc := range l.cfg.Languages {
		T := l.catalog.T(lc.Code)
		base := l.basePath + "/" + lc.Code + "/" + lc.ReplySeg + "/"
		l.converters[lc.Code] = markdown.New(markdown.Options{
			Quotes:       lc.Quotes,
			ReplyURL:     func(r *reply.Reply) string { return base + replySlug(r) + "/" },
			SubjectLabel: T("replySubject"),
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
func (l *loader) minifyBody(dst *bytes.Buffer, h []byte) []byte {
	if l.min == nil || !l.min.On() {
		return h
	}
	dst.Reset()
	if err := l.min.Minify(dst, "text/html", h); err != nil {
		return h
	}
	return dst.Bytes()
}

// isChanged reports whether file, or a directory holding it, is among the
// changed paths.
func (l *loader) isChanged(file string) bool {
	for p := file; p != "." && p != "/"; p = path.Dir(p) {
		if l.changed[p] {
			return true
		}
	}
	return false
}
