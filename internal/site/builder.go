package site

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
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

	env        *env
	cache      map[string]parsed    // content file → parse result
	out        map[string]published // output path → what is there
	primed     bool                 // the output directory holds our last build
	lists      map[string][]byte    // the last build's sitemaps and feeds
	files      map[string]bool      // the last build's files, as the link checker knows them (outputFiles)
	site       *Site                // the last build's model and pages, for the prose fast path
	pages      []*Page
	warned     []int // indexes in pages of the pages with link problems, in order
	lastReport *Report
	convKey    string // what the cached parse results were converted with (env.conversionKey)
	listSig    uint64 // and what they showed (Site.listingSig)
}

// published is what the Builder knows about one output file.
type published struct {
	page     bool    // the file is a page
	sig      uint64  // signature of the page's inputs (0 for non-pages)
	hash     uint64  // of the file's bytes
	scan     scan    // ids and links, for the link checker (pages)
	warnings []error // link problems found on the page
}

// NewBuilder returns a Builder of the site in fsys with the given options.
func NewBuilder(fsys fs.FS, opts Options) *Builder {
	return &Builder{fsys: guard(fsys), opts: opts}
}

// Build builds the site. changed lists the files (relative to the site
// root) that changed since the previous call; nil means any file may have.
// On error the output directory keeps the previous build.
func (b *Builder) Build(ctx context.Context, changed []string) (*Report, error) {
	start := time.Now()
	if b.env != nil && changed != nil && !touchesEnv(changed) {
		if rep, ok, err := b.prose(changed); ok {
			return rep, err
		}
	}
	if b.env == nil || changed == nil || touchesEnv(changed) {
		e, err := loadEnv(b.fsys, b.opts)
		if err != nil {
			b.env = nil // a later build must not go on with the old env
			return nil, err
		}
		if key := e.conversionKey(); key != b.convKey {
			// The converted bodies hold the base path, the reply words,
			// the quotes and the verdict labels: convert every file again.
			b.cache, b.convKey = nil, key
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
	s, parsed, err := b.env.loadSite(ctx, b.cache, changedSet, false)
	if parsed != nil {
		// Failed files are cached too: an unchanged broken file stays broken.
		b.cache = parsed
	}
	terr := b.env.waitTemplates()
	if terr != nil {
		b.env = nil // a later build must not go on with broken layouts
	}
	if err := joinErrs(err, terr); err != nil {
		return nil, err
	}
	r := &run{b: b, s: s, pages: s.pages()}
	if !b.primed {
		// A full build streams every file into a staging directory as it is
		// rendered (nothing is held in memory) and swaps it in at the end.
		stage, err := output.Begin(b.opts.Out)
		if err != nil {
			return nil, err
		}
		r.sink = stage.WriteFile
		if err := r.render(ctx); err != nil {
			stage.Abort()
			return nil, err
		}
		if err := r.check(); err != nil {
			stage.Abort()
			return nil, err
		}
		if err := stage.Commit(); err != nil {
			le := (*output.LeftoverError)(nil)
			if !errors.As(err, &le) {
				stage.Abort()
				return nil, err
			}
			r.rep.Warnings = append(r.rep.Warnings, le) // (the new site is out)
		}
		b.out, b.files, b.primed = r.next, r.known, true
		b.lists, b.listSig = r.lists, s.listingSig
	} else {
		// An incremental build holds the few files it changes, then updates
		// the output directory in place.
		r.files = map[string][]byte{}
		r.sink = func(name string, data []byte) error {
			r.mu.Lock()
			r.files[name] = data
			r.mu.Unlock()
			return nil
		}
		if err := r.render(ctx); err != nil {
			return nil, err
		}
		if err := r.check(); err != nil {
			return nil, err
		}
		if err := r.update(); err != nil {
			return nil, err
		}
	}
	r.rep.Duration = time.Since(start)
	b.site, b.pages, b.warned, b.lastReport = s, r.pages, r.warned, r.rep
	return r.rep, nil
}

// run is one build of a Builder.
type run struct {
	b     *Builder
	s     *Site
	pages []*Page
	rep   *Report

	sink         func(name string, data []byte) error // receives every file rendered this build
	files        map[string][]byte                    // incremental builds: what sink received
	fresh        map[string]bool                      // paths rendered or written this build
	next         map[string]published                 // the output after this build
	lists        map[string][]byte                    // this build's sitemaps and feeds
	known        map[string]bool                      // this build's files, as the link checker knows them
	warned       []int                                // see Builder.warned
	filesChanged bool                                 // files came or went since the last build
	mu           sync.Mutex
}

// render renders the pages whose inputs changed, checks their links, and
// computes every other output file; everything goes to r.sink.
func (r *run) render(ctx context.Context) error {
	e := r.b.env
	r.rep = &Report{Pages: map[string]int{}, BasePath: r.s.BasePath}
	r.fresh = map[string]bool{}
	r.next = make(map[string]published, len(r.pages)+len(e.assets)+16)
	files := r.s.outputFiles(r.pages, e.assets)
	r.known = files
	version, verr := e.version()
	if verr != nil {
		return verr
	}
	sigs := r.s.signatures(r.pages, version)
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
	pubs := make([]published, len(r.pages))
	var later []fragmentLink
	var errs diag.List
	var mu sync.Mutex
	var lists map[string][]byte
	if r.b.primed && r.b.listSig == r.s.listingSig {
		lists = r.b.lists
	}
	// Files that are not pages: a full build writes each as soon as it is
	// made; an incremental build holds them until it knows which changed.
	extra := map[string]uint64{} // name → hash
	r.lists = map[string][]byte{}
	var extraMu sync.Mutex
	emit := func(name string, data []byte) error {
		extraMu.Lock()
		defer extraMu.Unlock()
		if _, dup := extra[name]; dup {
			return fmt.Errorf("%s: written twice", name)
		}
		extra[name] = hashBytes(data)
		if isList(name) {
			r.lists[name] = data
		}
		return r.sink(name, data)
	}
	var extraErr error
	var wg sync.WaitGroup
	wg.Go(func() { extraErr = r.s.extraFiles(r.pages, e.min, r.b.opts.Out, lists, emit) })
	var writer *fileWriter
	if !r.b.primed {
		writer = newFileWriter(r.sink)
	}
	var failed renderFailures
	exists := inSet(files)
	err := parallel(ctx, len(todo), func(k int) {
		i := todo[k]
		buf := getBuf()
		out, err := renderPage(buf, e.templates, r.pages[i])
		if err != nil {
			putBuf(buf)
			failed.add(r.pages[i], err)
			return
		}
		sc := scanHTML(out)
		warnings, frags := r.s.checkLinks(r.pages[i], i, sc, exists)
		pubs[i] = published{page: true, sig: sigs[i], hash: hashBytes(out), scan: sc, warnings: warnings}
		mu.Lock()
		later = append(later, frags...)
		mu.Unlock()
		if writer != nil {
			writer.add(r.pages[i].Path, buf)
			return
		}
		err = r.sink(r.pages[i].Path, bytes.Clone(out)) // (out is buf's, which is reused)
		putBuf(buf)
		if err != nil {
			mu.Lock()
			errs.Add(err)
			mu.Unlock()
		}
	})
	if writer != nil {
		for _, werr := range writer.close() {
			errs.Add(werr)
		}
	}
	for _, ferr := range failed.errors(e.templates) {
		errs.Add(ferr)
	}
	wg.Wait()
	if err != nil {
		return err
	}
	errs.Add(extraErr)
	if err := errs.Err(); err != nil {
		return err
	}
	r.rep.Rendered = len(todo)
	for _, i := range todo {
		p := r.pages[i]
		r.fresh[p.Path] = true
		r.next[p.Path] = pubs[i]
	}
	r.recheck(files, &later)
	r.checkFragments(later)
	for _, name := range e.assets.Names() {
		a := e.assets[name]
		errs.Add(r.addFile(a.Path, a.Data))
		if name == embedScript {
			// Host pages load it by a fixed address, so it is published
			// unfingerprinted too (with a short cache lifetime in _headers).
			errs.Add(r.addFile(path.Base(name), a.Data))
		}
	}
	for name, hash := range extra {
		r.fresh[name] = true
		r.next[name] = published{hash: hash}
	}
	r.rep.Files = len(r.next)
	return errs.Err()
}

// recheck checks again the links of pages that were not rendered, when
// files came or went since the last build: a link in an article's prose to
// a renamed page now leads nowhere.
func (r *run) recheck(files map[string]bool, later *[]fragmentLink) {
	same := len(files) == len(r.b.files)
	for name := range files {
		if !same {
			break
		}
		same = r.b.files[name]
	}
	if same {
		return
	}
	r.filesChanged = true
	exists := inSet(files)
	for i, p := range r.pages {
		if r.fresh[p.Path] {
			continue
		}
		pub := r.next[p.Path]
		var frags []fragmentLink
		pub.warnings, frags = r.s.checkLinks(p, i, pub.scan, exists)
		*later = append(*later, frags...)
		r.next[p.Path] = pub
	}
}

// checkFragments checks links to elements of other pages, now that every
// page's ids are known.
func (r *run) checkFragments(later []fragmentLink) {
	slices.SortFunc(later, func(a, b fragmentLink) int { return cmp.Or(a.from-b.from, strings.Compare(a.link, b.link)) })
	for _, f := range later {
		target, ok := r.next[f.file]
		if !ok || !target.page || target.scan.hasID(f.frag) {
			continue // not a page (an asset has no ids to check), or fine
		}
		pub := r.next[f.page]
		pub.warnings = append(pub.warnings, brokenFragment(f.page, f.link, f.target, f.frag))
		r.next[f.page] = pub
	}
}

// addFile records and publishes a file that is not a page.
func (r *run) addFile(name string, data []byte) error {
	r.fresh[name] = true
	r.next[name] = published{hash: hashBytes(data)}
	return r.sink(name, data)
}

// check collects the link problems of every page and the translation checks;
// under Strict they are errors.
func (r *run) check() error {
	r.warned = nil
	for i, p := range r.pages {
		if w := r.next[p.Path].warnings; len(w) > 0 {
			r.rep.Warnings = append(r.rep.Warnings, w...)
			r.warned = append(r.warned, i)
		}
	}
	// The hreflang check walks every page's alternates; an incremental build
	// whose pages are the same as before has nothing new to find there.
	r.rep.Warnings = append(r.rep.Warnings, r.s.checkTranslations(r.pages, !r.b.primed || r.filesChanged)...)
	r.rep.Translations = r.s.TranslationStatus()
	if r.b.opts.Strict && len(r.rep.Warnings) > 0 {
		var strict diag.List
		for _, w := range r.rep.Warnings {
			strict.Add(w)
		}
		return strict.Err()
	}
	return nil
}

// update writes an incremental build into the output directory in place:
// the files whose bytes changed, then the removal of those that are gone.
func (r *run) update() error {
	var stale []string
	for name := range r.b.out {
		if _, ok := r.next[name]; !ok {
			stale = append(stale, name)
		}
	}
	slices.Sort(stale)
	changed := map[string][]byte{}
	for name, data := range r.files {
		if old, ok := r.b.out[name]; !ok || old.hash != r.next[name].hash {
			changed[name] = data
		}
	}
	if err := output.Update(r.b.opts.Out, changed, stale); err != nil {
		r.b.primed = false // the next build starts afresh
		return err
	}
	r.b.out, r.b.files = r.next, r.known
	r.b.lists, r.b.listSig = r.lists, r.s.listingSig
	return nil
}
