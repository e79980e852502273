package site

import (
	"bytes"
	"context"
	"io/fs"
	"path"
	"runtime"
	"slices"
	"sync"
	"time"

	"tact/internal/diag"
	"tact/internal/output"
)

// Builder builds a site, and builds it again after changes (watch mode)
// doing only the work the changes call for. It keeps between builds:
//
//   - the env (configuration, strings, templates, assets) until one of its
//     files changes;
//   - every content file's parse result, reused while the file is unchanged;
//   - every output file's signature and hash: a page is rendered again only
//     when something it shows changed (its article, the translations,
//     related and neighbouring articles, the language's article list for
//     index pages, the quiz for quiz pages, or anything in the env), and a
//     file is written only when its bytes changed.
//
// The first build writes a fresh output directory and swaps it in
// atomically; later builds update the output directory in place, file by
// file, and only after the whole build succeeded in memory. The result is
// always byte-identical to a full build of the same input.
type Builder struct {
	fsys fs.FS
	opts Options

	env    *env
	cache  map[string]parsed    // content file → parse result
	out    map[string]published // output path → what is there
	primed bool                 // the output directory holds our last build
}

// published is what the Builder knows about one output file.
type published struct {
	sig      uint64  // signature of the page's inputs (0 for non-pages)
	hash     uint64  // of the file's bytes
	scan     scan    // ids and links, for the link checker (pages)
	warnings []error // link problems found on the page
}

// NewBuilder returns a Builder of the site in fsys with the given options.
func NewBuilder(fsys fs.FS, opts Options) *Builder {
	return &Builder{fsys: fsys, opts: opts}
}

// Build builds the site. changed lists the files (relative to the site
// root) that changed since the previous call; nil means any file may have.
// On error the output directory keeps the previous build.
func (b *Builder) Build(ctx context.Context, changed []string) (*Report, error) {
	start := time.Now()
	if b.env == nil || changed == nil || touchesEnv(changed) {
		e, err := loadEnv(b.fsys, b.opts)
		if err != nil {
			return nil, err
		}
		b.env = e
	}
	var changedSet map[string]bool
	if changed != nil {
		changedSet = map[string]bool{}
		for _, c := range changed {
			changedSet[path.Clean(c)] = true
		}
	}
	s, parsed, err := b.env.loadSite(ctx, b.cache, changedSet)
	if parsed != nil {
		// Failed files are cached too: an unchanged broken file stays broken.
		b.cache = parsed
	}
	if err != nil {
		return nil, err
	}
	r := &run{b: b, s: s, pages: s.pages()}
	if err := r.render(ctx); err != nil {
		return nil, err
	}
	if err := r.check(); err != nil {
		return nil, err
	}
	if err := r.publish(); err != nil {
		return nil, err
	}
	r.rep.Duration = time.Since(start)
	return r.rep, nil
}

// run is one build of a Builder.
type run struct {
	b     *Builder
	s     *Site
	pages []*Page
	rep   *Report

	files map[string][]byte    // output path → bytes, for files written this build
	next  map[string]published // the output after this build
}

// render renders the pages whose inputs changed and computes every other
// output file.
func (r *run) render(ctx context.Context) error {
	e := r.b.env
	r.rep = &Report{Pages: map[string]int{}}
	r.files = map[string][]byte{}
	r.next = make(map[string]published, len(r.pages)+len(e.assets)+16)
	sigs := r.s.signatures(r.pages, e.version)
	var todo []int
	for i, p := range r.pages {
		if !p.Root {
			r.rep.Pages[p.Lang.Code]++
		}
		if old, ok := r.b.out[p.Path]; ok && r.b.primed && old.sig == sigs[i] {
			r.next[p.Path] = old
			continue
		}
		todo = append(todo, i)
	}
	outs := make([][]byte, len(r.pages))
	var errs diag.List
	var mu sync.Mutex
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(runtime.GOMAXPROCS(0), max(len(todo), 1)) {
		wg.Go(func() {
			var buf bytes.Buffer
			for i := range next {
				buf.Reset()
				out, err := renderPage(&buf, e.templates, r.pages[i])
				if err != nil {
					mu.Lock()
					errs.Add(err)
					mu.Unlock()
					continue
				}
				outs[i] = out
			}
		})
	}
	var extra map[string][]byte
	var extraErr error
	wg.Go(func() { extra, extraErr = r.s.extraFiles(r.pages, e.min, r.b.opts.Out) })
	for _, i := range todo {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return err
	}
	errs.Add(extraErr)
	if err := errs.Err(); err != nil {
		return err
	}
	r.rep.Rendered = len(todo)
	for _, i := range todo {
		p := r.pages[i]
		r.files[p.Path] = outs[i]
		r.next[p.Path] = published{sig: sigs[i], hash: hashBytes(outs[i]), scan: scanHTML(outs[i])}
	}
	for _, name := range e.assets.Names() {
		a := e.assets[name]
		r.addFile(a.Path, a.Data)
		if name == embedScript {
			// Host pages load it by a fixed address, so it is published
			// unfingerprinted too (with a short cache lifetime in _headers).
			r.addFile(path.Base(name), a.Data)
		}
	}
	for name, data := range extra {
		r.addFile(name, data)
	}
	r.rep.Files = len(r.next)
	return nil
}

func (r *run) addFile(name string, data []byte) {
	r.files[name] = data
	r.next[name] = published{hash: hashBytes(data)}
}

// check runs the link checker on the pages rendered this build (the others
// keep the findings of the build that rendered them) and the translation
// checks; under Strict their findings are errors.
func (r *run) check() error {
	files := make(map[string]bool, len(r.next))
	for name := range r.next {
		files[name] = true
	}
	// When files came or went, a page that did not change may now link
	// nowhere (a link in an article's prose to a renamed page): check all.
	all := len(r.next) != len(r.b.out)
	for name := range r.next {
		if _, ok := r.b.out[name]; !ok {
			all = true
			break
		}
	}
	scans := make([]scan, len(r.pages))
	var fresh []int
	for i, p := range r.pages {
		scans[i] = r.next[p.Path].scan
		if _, ok := r.files[p.Path]; ok || all {
			fresh = append(fresh, i)
		}
	}
	for _, i := range fresh {
		p := r.pages[i]
		pub := r.next[p.Path]
		pub.warnings = checkPageLinks(r.s, r.pages, scans, files, i)
		r.next[p.Path] = pub
	}
	for _, p := range r.pages {
		r.rep.Warnings = append(r.rep.Warnings, r.next[p.Path].warnings...)
	}
	r.rep.Warnings = append(r.rep.Warnings, r.s.checkTranslations(r.pages)...)
	if r.b.opts.Strict && len(r.rep.Warnings) > 0 {
		var strict diag.List
		for _, w := range r.rep.Warnings {
			strict.Add(w)
		}
		return strict.Err()
	}
	return nil
}

// publish writes the build: the first time into a staging directory that is
// swapped in, afterwards into the output directory in place.
func (r *run) publish() error {
	names := make([]string, 0, len(r.files))
	for name := range r.files {
		names = append(names, name)
	}
	slices.Sort(names)
	if !r.b.primed {
		stage, err := output.Begin(r.b.opts.Out)
		if err != nil {
			return err
		}
		var errs diag.List
		for _, name := range names {
			errs.Add(stage.WriteFile(name, r.files[name]))
		}
		if err := errs.Err(); err != nil {
			stage.Abort()
			return err
		}
		if err := stage.Commit(); err != nil {
			stage.Abort()
			return err
		}
		r.b.out, r.b.primed = r.next, true
		return nil
	}
	var stale []string
	for name := range r.b.out {
		if _, ok := r.next[name]; !ok {
			stale = append(stale, name)
		}
	}
	slices.Sort(stale)
	var changed []string
	for _, name := range names {
		if old, ok := r.b.out[name]; ok && old.hash == r.next[name].hash {
			continue
		}
		changed = append(changed, name)
	}
	files := make(map[string][]byte, len(changed))
	for _, name := range changed {
		files[name] = r.files[name]
	}
	if err := output.Update(r.b.opts.Out, files, stale); err != nil {
		r.b.primed = false // the next build starts afresh
		return err
	}
	r.b.out = r.next
	return nil
}
