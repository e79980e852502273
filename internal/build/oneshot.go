package build

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/tact-guide/tact/internal/search"
	"github.com/tact-guide/tact/internal/translation"

	"context"
	"errors"
	"io"
	"io/fs"
	"sync"
	"sync/atomic"
	"time"

	"github.com/tact-guide/tact/internal/diag"
	"github.com/tact-guide/tact/internal/output"
	"github.com/tact-guide/tact/internal/render"
	"github.com/tact-guide/tact/internal/site"
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
//     and rendered, together (site/reload.go);
//   - there is no page list: pages are made when they are rendered, and
//     made again one at a time, in order, for the sitemaps (written
//     straight to disk) and the hreflang check (which keeps two sums);
//   - of each rendered page only its element ids (for links to its
//     elements) and its broken links are kept; no signatures or hashes.
func buildOnce(ctx context.Context, fsys fs.FS, opts Options) (*Report, error) {
	start := time.Now()
	opts.Progress.enter(Loading)
	e, err := loadEnv(fsys, opts)
	if err != nil {
		return nil, err
	}
	s, _, err := e.loader.Load(ctx, site.LoadOptions{Lean: true})
	if err := joinErrs(err, e.waitTemplates()); err != nil {
		return nil, err
	}
	stage, err := output.Begin(opts.Out)
	if err != nil {
		return nil, err
	}
	o := &once{e: e, s: s, sink: stage.WriteFile, create: stage.Create}
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

// once is a one-shot build's rendering.
type once struct {
	e      *env
	s      *site.Site
	sink   func(name string, data []byte) error // the staging directory
	create func(name string) (io.WriteCloser, error)
	files  atomic.Int64 // files written besides the pages
}

func (o *once) run(ctx context.Context) (*Report, error) {
	s, e := o.s, o.e
	rep := &Report{Pages: map[string]int{}, BasePath: s.BasePath}
	root := render.SitePages(s) // (the status page's table takes a walk over the site: once)
	units := siteUnits(s, root)
	known, pages, err := pageIndex(s, units, e)
	if err != nil {
		return nil, err
	}
	emit := func(name string, data []byte) error {
		o.files.Add(1)
		return o.sink(name, data)
	}

	// While pages are rendered: the side files, and the listing of every
	// page in order (made again, one at a time) for the sitemaps, the
	// hreflang check and the count.
	var side sync.WaitGroup
	var sideErr, sitemapErr error
	side.Go(func() { sideErr = sideFiles(s, e.min, e.policy, e.opts.Out, nil, emit) })
	hreflang := render.NewHreflangCheck(s)
	side.Go(func() {
		var sitemaps *render.SitemapWriter
		if s.BaseURL != "" {
			sitemaps = render.NewSitemapWriter(s, func(name string) (io.WriteCloser, error) {
				o.files.Add(1)
				return o.create(name)
			})
		}
		for _, p := range root {
			hreflang.Add(p)
		}
		rep.Rendered += len(root)
		for _, lang := range s.Languages {
			all := func(yield func(*render.Page) bool) {
				for _, p := range root { // (the chooser is in the first language's sitemap)
					if p.Lang == lang && !yield(p) {
						return
					}
				}
				for p := range render.LangPageSeq(s, lang) {
					if ctx.Err() != nil {
						return // (the build stops: no need to list the rest)
					}
					rep.Pages[lang.Code]++
					rep.Rendered++
					hreflang.Add(p)
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
			if err := sitemaps.Lang(lang, all); err != nil && sitemapErr == nil {
				sitemapErr = err
			}
		}
		if sitemaps != nil && sitemapErr == nil {
			sitemapErr = sitemaps.Finish()
		}
	})

	// Each language's search index is made as soon as its last article
	// has rendered, beside the next language's pages, so one language's
	// postings are in memory at a time, not every language's.
	sc := search.NewCollectors(s)
	var searchMu sync.Mutex
	var searchErrs diag.List
	var indexing sync.WaitGroup
	collected := func(a, full *site.Article) {
		if c := sc.Add(a, full); c != nil {
			indexing.Go(func() {
				err := search.Publish(s, a.Lang, c, searchManifest(s, a.Lang), emit)
				searchMu.Lock()
				searchErrs.Add(err)
				searchMu.Unlock()
			})
		}
	}
	en := &engine{s: s, tmpl: e.templates, known: known, pages: pages, sink: o.sink, fsys: e.fsys, progress: e.opts.Progress,
		source: func(i int) string { return sourceFile(units, i) }, article: collected}
	err = en.run(ctx, units)
	e.opts.Progress.enter(Publishing)
	indexing.Wait()
	side.Wait()
	if err == nil {
		err = ctx.Err() // (interrupted after the last page: the listing may be cut short)
	}
	if err != nil {
		return nil, err
	}
	var errs diag.List
	errs.Add(sideErr)
	errs.Add(sitemapErr)
	errs.Add(publishAssets(e.assets, emit))
	errs.Add(publishStatic(e.static, emit))
	errs.Add(searchErrs.Err())
	rest, collector := sc.Rest(s)
	_, serr := search.PublishAll(ctx, s, rest, collector, func(l *site.Lang) string { return searchManifest(s, l) }, emit)
	errs.Add(serr)
	if err := errs.Err(); err != nil {
		return nil, err
	}
	rep.Files = int(o.files.Load()) + rep.Rendered
	rep.Warnings = translation.Gaps(s)
	rep.Warnings = append(rep.Warnings, hreflang.Errors()...)
	rep.Translations = translation.Status(s)
	return rep, strict(e.opts, rep.Warnings)
}

// siteUnits lists the site's units, in the order of render.Pages; root is
// render.SitePages. Only the pages of other kinds are made now: a few per language.
func siteUnits(s *site.Site, root []*render.Page) []unit {
	var us []unit
	for _, p := range root {
		us = append(us, unit{page: p, index: len(us)})
	}
	first := len(us) // index of the language's first page
	for _, lang := range s.Languages {
		head, quiz := render.HeadPages(s, lang), render.QuizPages(s, lang)
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

// pageIndex returns every file the build writes, each page's mapped to its
// index in render.Pages (the units'), the others' to -1, and the number of
// pages. Two sources that would write the same file are an error naming
// both: the reserved words of tact.toml and the front matter keep every
// known case apart, and this is the net under them.
func pageIndex(s *site.Site, units []unit, e *env) (map[string]int32, int, error) {
	set := e.assets
	size := len(set) + 32
	for _, u := range units {
		size++
		if u.article != nil {
			size += u.article.ReplyCount()
		}
	}
	files := make(map[string]int32, size) // (a map grown to size holds up to twice the memory)
	var errs diag.List
	claim := func(name string, i int32, by func() string) {
		if j, dup := files[name]; dup {
			second, fix := by(), "give one of them another address (slug, reply slug, language code, quiz node id)"
			if strings.HasPrefix(second, StaticDir+"/") {
				fix = "the build makes this file: remove or rename the static one"
			}
			errs.Add(fmt.Errorf("%s would be written twice, for %s and for %s: %s", name, describeIndex(units, j, name), second, fix))
			return
		}
		files[name] = i
	}
	n := int32(0)
	for _, u := range units {
		if u.page != nil {
			claim(u.page.Path, int32(u.index), func() string { return render.Describe(u.page) })
			n = max(n, int32(u.index)+1)
			continue
		}
		claim(u.article.OutputFile(), int32(u.index), func() string { return u.article.File })
		i := int32(u.replies)
		for _, sc := range u.article.Scenarios {
			for _, r := range sc.Replies {
				claim(r.OutputFile(), i, func() string { return render.DescribeReply(r) })
				i++
			}
		}
		n = max(n, int32(u.index)+1, i)
	}
	for _, name := range slices.Sorted(maps.Keys(addOtherFiles(s, map[string]bool{}, set))) {
		claim(name, -1, func() string { return "the generated file " + name })
	}
	for _, name := range slices.Sorted(maps.Keys(e.static)) {
		claim(name, -1, func() string { return StaticDir + "/" + name })
	}
	return files, int(n), errs.Err()
}

// unitAt returns the unit that makes the page at index i, and the reply
// when it is one of an article unit's reply pages; ok is false when no
// unit makes it.
func unitAt(units []unit, i int) (u unit, r *site.Reply, ok bool) {
	for _, u := range units {
		switch {
		case u.index == i:
			return u, nil, true
		case u.article != nil && i >= u.replies && i < u.replies+u.article.ReplyCount():
			k := i - u.replies
			for _, sc := range u.article.Scenarios {
				if k < len(sc.Replies) {
					return u, sc.Replies[k], true
				}
				k -= len(sc.Replies)
			}
		}
	}
	return unit{}, nil, false
}

// describeIndex names the source of output file name, at index i of
// pageIndex's table: a page's, or (-1) a generated file's.
func describeIndex(units []unit, i int32, name string) string {
	u, r, ok := unitAt(units, int(i))
	switch {
	case !ok || i < 0:
		return "the generated file " + name
	case u.page != nil:
		return render.Describe(u.page)
	case r != nil:
		return render.DescribeReply(r)
	}
	return u.article.File
}

// sourceFile returns the Markdown file whose prose the page at index i
// shows, or "".
func sourceFile(units []unit, i int) string {
	u, _, ok := unitAt(units, i)
	switch {
	case !ok:
		return ""
	case u.page != nil:
		return render.ProseFile(u.page)
	}
	return u.article.File
}

// searchManifest returns the output file of language lang's search manifest.
func searchManifest(s *site.Site, lang *site.Lang) string {
	return site.OutputPath(s.BasePath, render.SearchManifest(s, lang))
}
