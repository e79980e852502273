package build

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/tact-guide/tact/internal/assets"
	"github.com/tact-guide/tact/internal/csp"
	"github.com/tact-guide/tact/internal/diag"
	"github.com/tact-guide/tact/internal/render"
	"github.com/tact-guide/tact/internal/sig"
	"github.com/tact-guide/tact/internal/site"
	"github.com/tact-guide/tact/internal/sitefs"
	"github.com/tact-guide/tact/internal/sourcever"
)

// env is everything a build needs besides the content: the loader (the
// configuration, the interface strings, the Markdown converters), the
// assets and the templates. A Builder keeps it between builds until one
// of its files changes.
type env struct {
	fsys          fs.FS // guarded: every file opened is checked for links out of the site
	opts          Options
	loader        *site.Loader
	min           *assets.Minifier
	assets        assets.Set
	static        map[string][]byte // static/, published as it is
	policy        string            // the Content-Security-Policy, with tact.toml's [csp] additions
	templates     *render.Templates // once templatesDone is closed, unless templatesErr
	templatesDone chan struct{}
	templatesErr  error
	version       func() (uint64, error) // changes whenever anything here changes
}

// loadEnv reads everything but the content.
func loadEnv(fsys fs.FS, opts Options) (*env, error) {
	fsys = sitefs.Guard(fsys)
	cfg, err := site.LoadConfig(fsys)
	policy := csp.Base
	if cfg != nil { // (its [csp] table is checked even when the rest has problems)
		var perr error
		policy, perr = csp.Load(fsys, site.ConfigFile, cfg.CSP)
		err = joinErrs(err, perr)
	}
	if err != nil {
		return nil, err
	}
	// The assets are minified while the interface strings load.
	min := assets.NewMinifier(opts.Minify)
	var set assets.Set
	var setErr error
	var loading sync.WaitGroup
	loading.Go(func() { set, setErr = assets.Load(fsys, "assets", min); setErr = plainDiag(setErr) })
	loader, err := site.NewLoader(fsys, cfg, site.Options{BaseURL: opts.BaseURL, Drafts: opts.Drafts, Minifier: min})
	loading.Wait()
	static, staticErr := loadStatic(fsys)
	if err := joinErrs(joinErrs(err, setErr), staticErr); err != nil {
		return nil, err // (all reported: a broken message file, a broken asset, a bad static file)
	}
	e := &env{fsys: fsys, opts: opts, loader: loader, min: min, assets: set, static: static, policy: policy}
	codes := make([]string, len(loader.Config().Languages))
	for i, l := range loader.Config().Languages {
		codes[i] = l.Code
	}
	// The templates are made while the content loads (waitTemplates).
	e.templatesDone = make(chan struct{})
	go func() {
		defer close(e.templatesDone)
		e.templates, e.templatesErr = render.LoadTemplates(fsys, codes, loader.Catalog(), e.assets, loader.BasePath(), e.policy, e.min)
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
	h := sig.New()
	h.Str(fmt.Sprintf("%+v", e.opts)).Str(e.loader.BaseURL())
	for _, dir := range []string{site.ConfigFile, site.I18nDir, render.LayoutDir} {
		err := fs.WalkDir(e.fsys, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := fs.ReadFile(e.fsys, p)
			if err != nil {
				return err
			}
			h.Str(p).Num(sig.Bytes(b))
			return nil
		})
		if err != nil {
			return 0, fmt.Errorf("hash %s: %w", dir, err)
		}
	}
	for _, name := range slices.Sorted(maps.Keys(e.static)) {
		h.Str(name).Num(sig.Bytes(e.static[name]))
	}
	for _, name := range e.assets.Names() {
		h.Str(e.assets[name].Path)
	}
	return h.Sum(), nil
}

// touchesEnv reports whether a changed file is one of the env's inputs
// rather than content.
func touchesEnv(changed []string) bool {
	for _, c := range changed {
		c = path.Clean(strings.TrimPrefix(c, "./"))
		// (The snapshots of source texts are read by the site's Load, as
		// content is.)
		if !strings.HasPrefix(c, site.ContentDir+"/") && !strings.HasPrefix(c, sourcever.Dir+"/") {
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
func conversionKey(l *site.Loader, minify bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\x00%v", l.BasePath(), minify)
	for _, lc := range l.Config().Languages {
		fmt.Fprintf(&b, "\x00%s\x00%s\x00%q", lc.Code, lc.ReplySeg, lc.Quotes)
		T := l.Catalog().T(lc.Code)
		b.WriteString(T("bestMove") + "\x00" + T("replySubject"))
		for _, v := range site.Verdicts {
			if l.Catalog().Has(lc.Code, "verdict_"+v) {
				b.WriteString("\x00" + T("verdict_"+v))
			}
		}
	}
	return b.String()
}
