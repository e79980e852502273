package site

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"sync"

	"tact/internal/assets"
	"tact/internal/diag"
	"tact/internal/locale"
	"tact/internal/shareimg"
)

// env is everything a build needs besides the content: the configuration,
// the interface strings, the Markdown converters, the assets and the
// templates. A Builder keeps it between builds until one of its files
// changes.
type env struct {
	fsys          fs.FS
	opts          Options
	cfg           *Config
	baseURL       string // without trailing slash
	basePath      string
	catalog       *locale.Catalog
	min           *assets.Minifier
	assets        assets.Set
	templates     *templates // once templatesDone is closed, unless templatesErr
	templatesDone chan struct{}
	templatesErr  error
	loader        *loader
	version       func() (uint64, error) // changes whenever anything here changes
}

// loadEnv reads everything but the content.
func loadEnv(fsys fs.FS, opts Options) (*env, error) {
	fsys = guard(fsys) // (every file opened from here on is checked for links out)
	cfg, err := loadConfig(fsys)
	if err != nil {
		return nil, err
	}
	baseURL := cmp.Or(opts.BaseURL, cfg.BaseURL)
	basePath, err := basePathOf(baseURL)
	if err != nil {
		return nil, err
	}
	codes := make([]string, len(cfg.Languages))
	for i, l := range cfg.Languages {
		codes[i] = l.Code
	}
	// The assets are minified while the interface strings load.
	min := assets.NewMinifier(opts.Minify)
	var set assets.Set
	var setErr error
	var loading sync.WaitGroup
	loading.Go(func() { set, setErr = assets.Load(fsys, "assets", min); setErr = plainDiag(setErr) })
	cat, err := locale.Load(fsys, I18nDir, codes)
	if err == nil {
		err = cat.Require(codes, builderMessages)
	}
	loading.Wait()
	if err := joinErrs(err, setErr); err != nil {
		return nil, err // (both reported: a broken message file and a broken asset)
	}
	e := &env{fsys: fsys, opts: opts, cfg: cfg, baseURL: strings.TrimSuffix(baseURL, "/"), basePath: basePath, catalog: cat, min: min, assets: set}
	e.loader = &loader{fsys: fsys, cfg: cfg, catalog: cat, basePath: basePath, drafts: opts.Drafts, min: min, leanAbove: leanAbove}
	e.loader.newConverters()
	langs := make([]*Lang, len(cfg.Languages))
	for i, lc := range cfg.Languages {
		langs[i] = &Lang{Language: lc}
	}
	// The templates are made while the content loads (waitTemplates).
	e.templatesDone = make(chan struct{})
	go func() {
		defer close(e.templatesDone)
		e.templates, e.templatesErr = loadTemplates(fsys, langs, cat, e.assets, basePath, e.min)
		e.templatesErr = plainDiag(e.templatesErr)
	}()
	// Only a Builder needs the version (one-shot builds have nothing to
	// compare it with): it is made on first use.
	e.version = sync.OnceValues(e.hashInputs)
	return e, nil
}

// waitTemplates waits until the templates are made and returns what went
// wrong making them. Nothing may use e.templates before it returns nil.
func (e *env) waitTemplates() error {
	<-e.templatesDone
	return e.templatesErr
}

// hashInputs returns a hash of every input outside content/ and of the
// options, which every page depends on.
func (e *env) hashInputs() (uint64, error) {
	h := newHasher()
	h.str(fmt.Sprintf("%+v", e.opts)).str(e.baseURL)
	for _, dir := range []string{ConfigFile, I18nDir, LayoutDir} {
		err := fs.WalkDir(e.fsys, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := fs.ReadFile(e.fsys, p)
			if err != nil {
				return err
			}
			h.str(p).num(hashBytes(b))
			return nil
		})
		if err != nil {
			return 0, fmt.Errorf("hash %s: %w", dir, err)
		}
	}
	for _, name := range e.assets.Names() {
		h.str(e.assets[name].Path)
	}
	return h.sum(), nil
}

// loadSite loads and links the content, reusing what cache holds for files
// not in changed (nil: any file may have changed). It returns the site and
// this build's parse results, for the next build's cache.
// Article bodies go to bodies when it is not nil.
func (e *env) loadSite(ctx context.Context, cache map[string]parsed, changed map[string]bool, lean bool) (*Site, map[string]parsed, error) {
	l := *e.loader
	l.cache, l.changed, l.lean = cache, changed, lean
	var errs diag.List
	s, err := l.load(ctx)
	errs.Add(err)
	if s != nil {
		errs.Add(s.loadQuiz(e.fsys))
		if s.Quiz != nil {
			for _, lang := range s.Languages {
				lang.quizStart = s.Quiz.Start
			}
			errs.Add(s.restoreQuoted())
		}
	}
	if err := errs.Err(); err != nil {
		return nil, l.parsed, err
	}
	s.BaseURL = e.baseURL
	s.cat = e.catalog
	s.source = e.cfg.Source
	if s.Quiz != nil {
		codes := make([]string, len(s.Languages))
		for i, l := range s.Languages {
			codes[i] = l.Code
		}
		s.quizStatus = quizStatuses(e.fsys, s.source, codes)
	}
	for _, lang := range s.Languages {
		lang.shareURL = lang.URL() + "share." + shareimg.Key(s.Title, s.tagline(lang)) + ".png"
	}
	return s, l.parsed, nil
}

// touchesEnv reports whether a changed file is one of the env's inputs
// rather than content.
func touchesEnv(changed []string) bool {
	for _, c := range changed {
		c = path.Clean(strings.TrimPrefix(c, "./"))
		if !strings.HasPrefix(c, ContentDir+"/") {
			return true
		}
	}
	return false
}

// plainDiag returns the positioned error inside err, if any, without the
// wrapping that only says which stage met it: "assets/env.css: symbolic
// link…" rather than "load assets: assets/env.css: symbolic link…".
func plainDiag(err error) error {
	if d := (*diag.Error)(nil); errors.As(err, &d) {
		var j interface{ Unwrap() []error }
		if !errors.As(err, &j) { // (a list of problems stays a list)
			return d
		}
	}
	return err
}

// conversionKey returns what converting a content file depends on besides
// the file: the base path, each language's reply word, quotes and verdict
// labels, and whether bodies are minified. A Builder converts every file
// again when it changes (a new baseURL, a relabelled verdict).
func (e *env) conversionKey() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\x00%v", e.basePath, e.opts.Minify)
	for _, l := range e.cfg.Languages {
		fmt.Fprintf(&b, "\x00%s\x00%s\x00%q", l.Code, l.ReplySeg, l.Quotes)
		T := e.catalog.T(l.Code)
		b.WriteString(T("bestMove") + "\x00" + T("replySubject"))
		for _, v := range Verdicts {
			if e.catalog.Has(l.Code, "verdict_"+v) {
				b.WriteString("\x00" + T("verdict_"+v))
			}
		}
	}
	return b.String()
}
