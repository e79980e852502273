package site

import (
	"cmp"
	"context"
	"errors"
	"io"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"
	"sync"
	"time"

	"tact/internal/assets"
	"tact/internal/diag"
	"tact/internal/output"
)

// buildOnce is Build: a build that never runs again (the build command
// without --watch). Its output, report and warnings are those of a
// Builder's first build, but it keeps nothing for later and holds as little
// as it can at any time, so that memory does not grow with everything a
// large site renders:
//
//   - each article's detail (body, scenario texts, messages) is dropped
//     when it is parsed, and converted again from the file into a copy of
//     the article while that article's page and its reply pages are made
//     and rendered, together (detail.go);
//   - there is no page list: pages are made when they are rendered, and
//     made again one at a time, in order, for the sitemaps (written
//     straight to disk) and the hreflang check (which keeps two sums);
//   - of each rendered page only its element ids (for links to its
//     elements) and its link problems are kept; no signatures or hashes.
func buildOnce(ctx context.Context, fsys fs.FS, opts Options) (*Report, error) {
	start := time.Now()
	e, err := loadEnv(fsys, opts)
	if err != nil {
		return nil, err
	}
	s, _, err := e.loadSite(ctx, nil, nil, true)
	if err := joinErrs(err, e.waitTemplates()); err != nil {
		return nil, err
	}
	stage, err := output.Begin(opts.Out)
	if err != nil {
		return nil, err
	}
	o := &once{e: e, s: s, sink: stage.WriteFile, create: stage.Create, warnings: map[int][]error{}, large: map[string]int{}}
	rep, err := o.run(ctx)
	if err == nil {
		err = stage.Commit()
		if le := (*output.LeftoverError)(nil); errors.As(err, &le) {
			rep.Warnings, err = append(rep.Warnings, le), nil // (the new site is out)
		}
	}
	if err != nil {
		stage.Abort()
		return nil, err
	}
	rep.Duration = time.Since(start)
	return rep, nil
}

// once is the state of a one-shot build.
type once struct {
	e      *env
	s      *Site
	sink   func(name string, data []byte) error // the staging directory
	create func(name string) (io.WriteCloser, error)
	known  map[string]int32 // every output file → its page's index in Site.pages, -1 if not a page

	mu       sync.Mutex
	ids      [][]uint32      // page index → its element ids (scan.ids); nil until rendered
	warnings map[int][]error // page index (in Site.pages order) → its link problems
	broken   []fragmentLink  // links to elements of other pages that are not there
	later    []fragmentLink  // links to elements of pages not rendered yet (file: "", to: set)
	errs     diag.List
	failed   renderFailures
	files    int            // files written
	large    map[string]int // page kind → the buffer for its pages of their own, when the last was larger than a pooled one
}

func (o *once) run(ctx context.Context) (*Report, error) {
	s, e := o.s, o.e
	rep := &Report{Pages: map[string]int{}, BasePath: s.BasePath}
	root := s.sitePages() // (the status page's table takes a walk over the site: once)
	units := s.units(root)
	var pages int
	o.known, pages = s.pageIndex(units, e.assets)
	o.ids = make([][]uint32, pages)
	count := func() {
		o.mu.Lock()
		o.files++
		o.mu.Unlock()
	}
	emit := func(name string, data []byte) error {
		count()
		return o.sink(name, data)
	}

	// While pages are rendered: the side files, and the listing of every
	// page in order (made again, one at a time) for the sitemaps, the
	// hreflang check and the count.
	var side sync.WaitGroup
	var sideErr, sitemapErr error
	side.Go(func() { sideErr = s.sideFiles(e.min, e.opts.Out, nil, emit) })
	hreflang := s.newHreflangCheck()
	side.Go(func() {
		var sitemaps *sitemapWriter
		if s.BaseURL != "" {
			sitemaps = s.newSitemapWriter(func(name string) (io.WriteCloser, error) {
				count()
				return o.create(name)
			})
		}
		for _, p := range root {
			hreflang.add(p)
		}
		rep.Rendered += len(root)
		for _, lang := range s.Languages {
			all := func(yield func(*Page) bool) {
				for _, p := range root { // (the chooser is in the first language's sitemap)
					if p.Lang == lang && !yield(p) {
						return
					}
				}
				for p := range s.langPageSeq(lang) {
					if ctx.Err() != nil {
						return // (the build stops: no need to list the rest)
					}
					rep.Pages[lang.Code]++
					rep.Rendered++
					hreflang.add(p)
					if !yield(p) {
						return
					}
				}
			}
			if sitemaps == nil {
				for range all {
				}
				continue
			}
			if err := sitemaps.lang(lang, all); err != nil && sitemapErr == nil {
				sitemapErr = err
			}
		}
		if sitemaps != nil && sitemapErr == nil {
			sitemapErr = sitemaps.finish()
		}
	})

	writer := newFileWriter(o.sink)
	err := parallel(ctx, len(units), func(k int) { o.render(units[k], writer) })
	for _, werr := range writer.close() {
		o.errs.Add(werr)
	}
	side.Wait()
	if err == nil {
		err = ctx.Err() // (interrupted after the last page: the listing may be cut short)
	}
	if err != nil {
		return nil, err
	}
	o.errs.Add(sideErr)
	o.errs.Add(sitemapErr)
	for _, ferr := range o.failed.errors(e.templates) {
		o.errs.Add(ferr)
	}
	for _, name := range e.assets.Names() {
		a := e.assets[name]
		o.errs.Add(emit(a.Path, a.Data))
		if name == embedScript {
			// Host pages load it by a fixed address, so it is published
			// unfingerprinted too (with a short cache lifetime in _headers).
			o.errs.Add(emit(path.Base(name), a.Data))
		}
	}
	if err := o.errs.Err(); err != nil {
		return nil, err
	}
	rep.Files = o.files + rep.Rendered
	o.checkFragments()
	for _, i := range slices.Sorted(maps.Keys(o.warnings)) {
		rep.Warnings = append(rep.Warnings, o.warnings[i]...)
	}
	rep.Warnings = append(rep.Warnings, s.translationGaps()...)
	rep.Warnings = append(rep.Warnings, hreflang.errors()...)
	rep.Translations = s.TranslationStatus()
	if e.opts.Strict && len(rep.Warnings) > 0 {
		var strict diag.List
		for _, w := range rep.Warnings {
			strict.Add(w)
		}
		return nil, strict.Err()
	}
	return rep, nil
}

// unit is what one worker renders at a time: a page that is neither an
// article's nor a reply's, or an article, whose page and reply pages are
// made when it is rendered, from the article with its detail converted again.
type unit struct {
	page    *Page
	article *Article
	index   int // of page, or of the article's page, in Site.pages
	replies int // index in Site.pages of the article's first reply page
}

// units lists the site's units, in the order of Site.pages; root is
// sitePages. Only the pages of other kinds are made now: a few per language.
func (s *Site) units(root []*Page) []unit {
	var us []unit
	for _, p := range root {
		us = append(us, unit{page: p, index: len(us)})
	}
	first := len(us) // index of the language's first page
	for _, lang := range s.Languages {
		head, quiz := s.headPages(lang), s.finish(s.quizPages(lang))
		for i, p := range head {
			us = append(us, unit{page: p, index: first + i})
		}
		articles := first + len(head)
		replies := articles + len(lang.Articles) + len(quiz)
		for i, a := range lang.Articles {
			// lang.Replies holds each article's replies together, in order.
			us = append(us, unit{article: a, index: articles + i, replies: replies})
			replies += a.ReplyCount()
		}
		for i, p := range quiz {
			us = append(us, unit{page: p, index: articles + len(lang.Articles) + i})
		}
		first = replies
	}
	return us
}

// render renders the pages of a unit, checks their links and hands them to
// writer.
func (o *once) render(u unit, writer *fileWriter) {
	if u.page != nil {
		// A page of its own may be large (an index page: megabytes at
		// N = 10,000), and one language's is about as large as another's:
		// its buffer starts at that size instead of reaching it by
		// doubling, which allocates (and clears) twice the page.
		kind := u.page.Kind
		o.mu.Lock()
		hint := o.large[kind]
		o.mu.Unlock()
		if size := o.renderPage(u.page, u.index, writer, hint); size > maxPooledBuf {
			o.mu.Lock()
			o.large[kind] = size + size/8
			o.mu.Unlock()
		}
		return
	}
	full, err := u.article.withDetail()
	if err != nil {
		o.fail(err)
		return
	}
	o.renderPage(o.s.articlePage(full), u.index, writer, 0)
	i := u.replies
	for _, sc := range full.Scenarios {
		for _, r := range sc.Replies {
			o.renderPage(o.s.replyPage(r), i, writer, 0)
			i++
		}
	}
}

// renderPage renders page p, index i in Site.pages, into a buffer with
// room for at least size bytes, and returns the page's size.
func (o *once) renderPage(p *Page, i int, writer *fileWriter, size int) int {
	buf := getBuf()
	buf.Grow(size)
	out, err := renderPage(buf, o.e.templates, p)
	if err != nil {
		putBuf(buf)
		o.failed.add(p, err)
		return 0
	}
	sc := new(scan)
	sc.read(out)
	warnings, frags := o.s.checkLinks(p, i, *sc, o.exists)
	// Kept until the end: a copy of exactly the ids' size, never nil.
	ids := append(make([]uint32, 0, len(sc.ids)), sc.ids...)
	o.mu.Lock()
	o.ids[i] = ids
	if len(warnings) > 0 {
		o.warnings[i] = warnings
	}
	for _, f := range frags {
		f.to, f.file = o.known[f.file], ""
		switch {
		case f.to < 0:
			// Not a page: an asset has no ids to check.
		case o.ids[f.to] == nil:
			o.later = append(o.later, f)
		case !(scan{ids: o.ids[f.to]}).hasID(f.frag):
			// Most such links go to a page rendered before (a reply
			// page's to its article's scenario): checked now.
			o.broken = append(o.broken, f)
		}
	}
	o.mu.Unlock()
	n := len(out)
	writer.add(p.Path, buf)
	return n
}

// exists is checkLinks's: whether the build writes the file name.
func (o *once) exists(name []byte) bool {
	_, ok := o.known[string(name)]
	return ok
}

// pageIndex returns every file the build writes, each page's mapped to its
// index in Site.pages (the units'), the others' to -1, and the number of
// pages.
func (s *Site) pageIndex(units []unit, set assets.Set) (map[string]int32, int) {
	size := len(set) + 32
	for _, u := range units {
		size++
		if u.article != nil {
			size += u.article.ReplyCount()
		}
	}
	files := make(map[string]int32, size) // (a map grown to size holds up to twice the memory)
	n := int32(0)
	for _, u := range units {
		if u.page != nil {
			files[u.page.Path] = int32(u.index)
			n = max(n, int32(u.index)+1)
			continue
		}
		files[u.article.path] = int32(u.index)
		i := int32(u.replies)
		for _, sc := range u.article.Scenarios {
			for _, r := range sc.Replies {
				files[r.path] = i
				i++
			}
		}
		n = max(n, int32(u.index)+1, i)
	}
	for name := range s.addOtherFiles(map[string]bool{}, set) {
		if _, ok := files[name]; !ok {
			files[name] = -1
		}
	}
	return files, int(n)
}

func (o *once) fail(err error) {
	o.mu.Lock()
	o.errs.Add(err)
	o.mu.Unlock()
}

// checkFragments checks the links to elements of other pages left for
// later, now that every page's ids are known, and adds the broken ones to
// their pages' problems, in order.
func (o *once) checkFragments() {
	for _, f := range o.later {
		if !(scan{ids: o.ids[f.to]}).hasID(f.frag) {
			o.broken = append(o.broken, f)
		}
	}
	slices.SortFunc(o.broken, func(a, b fragmentLink) int { return cmp.Or(a.from-b.from, strings.Compare(a.link, b.link)) })
	for _, f := range o.broken {
		o.warnings[f.from] = append(o.warnings[f.from], brokenFragment(f.page, f.link, f.target, f.frag))
	}
}
