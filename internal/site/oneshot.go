package site

import (
	"cmp"
	"context"
	"io"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"
	"sync"
	"time"

	"tact/internal/diag"
	"tact/internal/output"
)

// buildOnce is Build: a build that never runs again (the build command
// without --watch). Its output is byte for byte that of a Builder's first
// build, but it keeps nothing for later and holds as little as it can at
// any time, so that memory does not grow with everything a large site
// renders:
//
//   - each article's detail (body, scenario texts, messages) goes to a
//     temporary file when it is parsed, and is read back into a copy of the
//     article while that article's page and its reply pages are rendered,
//     together (detail.go);
//   - pages are made a language at a time, and each language's sitemaps are
//     written from them before the next language is made;
//   - of each rendered page only its element ids (for links to fragments of
//     it) and its link problems are kept; no signatures or hashes.
func buildOnce(ctx context.Context, fsys fs.FS, opts Options) (*Report, error) {
	start := time.Now()
	e, err := loadEnv(fsys, opts)
	if err != nil {
		return nil, err
	}
	var spill *spillFile
	// Without a usable temporary directory the details stay in memory.
	if f, err := newSpillFile(); err == nil {
		spill = f
		defer spill.close()
	}
	s, _, err := e.loadSite(ctx, nil, nil, spill)
	if err != nil {
		return nil, err
	}
	stage, err := output.Begin(opts.Out)
	if err != nil {
		return nil, err
	}
	o := &once{e: e, s: s, sink: stage.WriteFile, create: stage.Create, ids: map[string][]uint32{}, warnings: map[int][]error{}}
	rep, err := o.run(ctx)
	if err == nil {
		err = stage.Commit()
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
	known  map[string]bool // every output file, for the link checker

	mu       sync.Mutex
	ids      map[string][]uint32 // page output file → its element ids (scan.ids)
	warnings map[int][]error     // page index (in Site.pages order) → its link problems
	broken   []fragmentLink      // links to elements of other pages that are not there
	later    []fragmentLink      // links to elements of pages not rendered yet
	errs     diag.List
	files    int // files written
}

func (o *once) run(ctx context.Context) (*Report, error) {
	s, e := o.s, o.e
	rep := &Report{Pages: map[string]int{}}
	o.known = s.outputFileSet(e.assets)

	// Side files and sitemaps are made while pages are rendered.
	emit := func(name string, data []byte) error {
		o.mu.Lock()
		o.files++
		o.mu.Unlock()
		return o.sink(name, data)
	}
	var side sync.WaitGroup
	var sideErr error
	side.Go(func() { sideErr = s.sideFiles(e.min, e.opts.Out, nil, emit) })
	var sitemaps *sitemapWriter
	sitemapQueue := make(chan []*Page) // (unbuffered: at most two languages' pages at a time)
	var sitemapErr error
	if s.BaseURL != "" {
		sitemaps = s.newSitemapWriter(func(name string) (io.WriteCloser, error) {
			o.mu.Lock()
			o.files++
			o.mu.Unlock()
			return o.create(name)
		})
		side.Go(func() {
			for _, lang := range s.Languages {
				if err := sitemaps.lang(lang, <-sitemapQueue); err != nil && sitemapErr == nil {
					sitemapErr = err
				}
			}
			if sitemapErr == nil {
				sitemapErr = sitemaps.finish()
			}
		})
	}

	writer := newFileWriter(o.sink)
	hreflang := s.newHreflangCheck()
	root := s.sitePages()
	groups := len(s.Languages) + 1
	first := 0 // index of the group's first page in Site.pages
	var err error
	for g := 0; g < groups && err == nil; g++ {
		ps := root
		if g > 0 {
			ps = s.langPages(s.Languages[g-1])
		}
		units := articleUnits(ps)
		err = parallel(ctx, len(units), func(k int) { o.render(ps, units[k], first, writer) })
		for _, p := range ps {
			if !p.Root {
				rep.Pages[p.Lang.Code]++
			}
		}
		rep.Rendered += len(ps)
		hreflang.add(ps)
		if sitemaps != nil && g > 0 {
			lang := s.Languages[g-1]
			var pages []*Page
			for _, p := range root {
				if p.Lang == lang {
					pages = append(pages, p)
				}
			}
			sitemapQueue <- append(pages, ps...)
		}
		first += len(ps)
	}
	for _, werr := range writer.close() {
		o.errs.Add(werr)
	}
	if err != nil {
		close(sitemapQueue) // (the sitemap goroutine gets nil pages for the rest)
		side.Wait()
		return nil, err
	}
	side.Wait()
	o.errs.Add(sideErr)
	o.errs.Add(sitemapErr)
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

// unit is pages rendered together: an article's page and its reply pages,
// which share the article's detail; or one other page.
type unit struct {
	article *Article // nil for a page of another kind
	pages   []int    // indexes in the group
}

// articleUnits groups pages into units, in the order of their first page.
func articleUnits(ps []*Page) []unit {
	var units []unit
	byArticle := map[*Article]int{}
	for i, p := range ps {
		var a *Article
		switch {
		case p.Article != nil:
			a = p.Article
		case p.Reply != nil:
			a = p.Reply.Article()
		}
		if a == nil {
			units = append(units, unit{pages: []int{i}})
			continue
		}
		k, ok := byArticle[a]
		if !ok {
			k = len(units)
			byArticle[a] = k
			units = append(units, unit{article: a})
		}
		units[k].pages = append(units[k].pages, i)
	}
	return units
}

// render renders a unit of the group ps, whose first page is page first
// of Site.pages, checks its links and hands the pages to writer.
func (o *once) render(ps []*Page, u unit, first int, writer *fileWriter) {
	var full *Article
	if u.article != nil {
		var err error
		if full, err = u.article.withDetail(); err != nil {
			o.fail(err)
			return
		}
	}
	for _, i := range u.pages {
		p := ps[i]
		if full != nil {
			p = p.withDetail(full)
		}
		buf := getBuf()
		out, err := renderPage(buf, o.e.templates, p)
		if err != nil {
			putBuf(buf)
			o.fail(err)
			continue
		}
		sc := scanHTML(out)
		warnings, frags := o.s.checkLinks(p, first+i, sc, o.known)
		o.mu.Lock()
		o.ids[p.Path] = sc.ids
		if len(warnings) > 0 {
			o.warnings[first+i] = warnings
		}
		for _, f := range frags {
			// Most such links go to a page rendered before (a reply page's
			// to its article's scenario): check them now, keep the rest.
			if ids, ok := o.ids[f.file]; !ok {
				o.later = append(o.later, f)
			} else if !(scan{ids: ids}).hasID(f.frag) {
				o.broken = append(o.broken, f)
			}
		}
		o.mu.Unlock()
		writer.add(p.Path, buf)
	}
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
		ids, page := o.ids[f.file]
		if page && !(scan{ids: ids}).hasID(f.frag) { // (not a page: an asset has no ids to check)
			o.broken = append(o.broken, f)
		}
	}
	slices.SortFunc(o.broken, func(a, b fragmentLink) int { return cmp.Or(a.from-b.from, strings.Compare(a.link, b.link)) })
	for _, f := range o.broken {
		o.warnings[f.from] = append(o.warnings[f.from], brokenFragment(f.page, f.link, f.target, f.frag))
	}
}
