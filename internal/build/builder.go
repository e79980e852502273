package build

import (
	"github.com/tact-guide/tact/internal/linkcheck"
	"github.com/tact-guide/tact/internal/search"
	"github.com/tact-guide/tact/internal/sitefs"
	"github.com/tact-guide/tact/internal/translation"

	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"sync"
	"time"

	"github.com/tact-guide/tact/internal/output"
	"github.com/tact-guide/tact/internal/render"
	"github.com/tact-guide/tact/internal/sig"
	"github.com/tact-guide/tact/internal/site"
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
// atomically; later builds, once the whole build succeeded in memory, write
// the files that changed into a twin of the output directory and swap that
// in, as atomically (output.Twin). The result is
// always byte-identical to a full build of the same input.
type Builder struct {
	fsys fs.FS
	opts Options

	env     *env
	convKey string               // what the cached parse results were converted with (conversionKey)
	cache   site.Cache           // content file → parse result
	out     map[string]published // output path → what is there
	primed  bool                 // the output directory holds our last build

	// The last build's model and pages (for the prose path), its files as
	// the link checker knows them, its sitemaps and feeds and what they
	// showed, its report.
	site    *site.Site
	pages   []*render.Page
	byArt   map[*site.Article][]int // each article's pages (its own, its replies'), by index in pages
	special []int                   // the pages a prose pass may render besides: quiz steps, status
	known   map[string]int32
	twin    *output.Twin // publishes later builds atomically
	lists   map[string][]byte
	listSig uint64
	report  *Report
	search  map[string][]string // language code → the files of its search index (and manifest)
	index   *search.Cache       // what the search index made of each article
}

// published is what the Builder knows about one output file.
type published struct {
	page bool            // the file is a page
	sig  uint64          // signature of the page's inputs (0 for non-pages, and for pages the prose path rendered)
	hash uint64          // of the file's bytes
	scan *linkcheck.Scan // ids and links, for the link checker (pages)
}

// NewBuilder returns a Builder of the site in fsys with the given options.
func NewBuilder(fsys fs.FS, opts Options) *Builder {
	return &Builder{fsys: sitefs.Guard(fsys), opts: opts, index: search.NewCache()}
}

// pass is one build of a Builder: what it renders and where it goes.
type pass struct {
	s       *site.Site
	pages   []*render.Page
	known   map[string]int32
	todo    []int    // indexes in pages of the pages to render
	sigs    []uint64 // of pages; nil on the prose path
	listing uint64
	extra   bool              // make the files that are not pages (not on the prose path)
	search  []*site.Lang      // the languages whose search index to build
	status  []translation.Row // the translation status, when already made
	rep     *Report
}

// Build builds the site. changed lists the files (relative to the site
// root) that changed since the previous call; nil means any file may have.
// On error the output directory keeps the previous build.
func (b *Builder) Build(ctx context.Context, changed []string) (*Report, error) {
	start := time.Now()
	var p *pass
	if b.primed && b.env != nil && changed != nil && !touchesEnv(changed) {
		if touched, ok := b.env.loader.TakeEdits(b.site, b.cache, changed); ok {
			p = b.prosePass(touched)
		}
	}
	if p == nil {
		var err error
		if p, err = b.fullPass(ctx, changed); err != nil {
			return nil, err
		}
	}
	prev := b.site
	rep, err := b.run(ctx, p)
	if err != nil {
		return nil, err
	}
	rep.Moved = movedPages(prev, b.site)
	rep.Duration = time.Since(start)
	return rep, nil
}

// movedPages returns the addresses of the articles, replies and about pages
// whose address changed between two builds (a new slug), old → new, so that
// the preview can follow a page a writer is looking at.
func movedPages(prev, s *site.Site) map[string]string {
	if prev == nil || prev == s {
		return nil
	}
	moved := map[string]string{}
	add := func(old, new string) {
		if old != new && new != "" {
			moved[old] = new
		}
	}
	for _, l := range prev.Languages {
		for _, a := range l.Articles {
			if na := s.Article(a.Key, l.Code); na != nil {
				add(a.URL(), na.URL())
			}
		}
		for _, r := range l.Replies {
			if nr := s.Reply(r.ID, l.Code); nr != nil {
				add(r.URL(), nr.URL())
			}
		}
		if nl := s.Lang(l.Code); l.About != nil && nl != nil && nl.About != nil {
			add(l.About.URL(), nl.About.URL())
		}
	}
	return moved
}

// fullPass loads the site (reusing what it can) and plans to render the
// pages whose signature changed.
func (b *Builder) fullPass(ctx context.Context, changed []string) (*pass, error) {
	if b.env == nil || changed == nil || touchesEnv(changed) {
		e, err := loadEnv(b.fsys, b.opts)
		if err != nil {
			b.env = nil // a later build must not go on with the old env
			return nil, err
		}
		if key := conversionKey(e.loader, b.opts.Minify); key != b.convKey {
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
	s, parsed, err := b.env.loader.Load(ctx, site.LoadOptions{Cache: b.cache, Changed: changedSet})
	if parsed != nil {
		b.cache = parsed // (failed files too: an unchanged broken file stays broken)
	}
	terr := b.env.waitTemplates()
	if terr != nil {
		b.env = nil // a later build must not go on with broken layouts
	}
	if err := joinErrs(err, terr); err != nil {
		return nil, err
	}
	version, err := b.env.version()
	if err != nil {
		return nil, err
	}
	p := &pass{s: s, pages: render.Pages(s), extra: true, search: s.Languages}
	if p.known, err = outputFiles(s, p.pages, b.env); err != nil {
		return nil, err
	}
	p.sigs, p.listing = signatures(s, p.pages, version)
	p.rep = &Report{Pages: map[string]int{}, BasePath: s.BasePath}
	for i, pg := range p.pages {
		if !pg.Root {
			p.rep.Pages[pg.Lang.Code]++
		}
		if old, ok := b.out[pg.Path]; !ok || !b.primed || old.sig != p.sigs[i] {
			p.todo = append(p.todo, i)
		}
	}
	return p, nil
}

// prosePass plans the prose path: the last build's model, into which
// TakeEdits copied the edited articles, and only the pages that show them:
// their pages and reply pages, the quiz pages of a language when one is an
// outcome there, and the translation status.
func (b *Builder) prosePass(touched map[*site.Article]bool) *pass {
	s := b.site
	for a := range touched {
		if a.Lang.Code == s.SourceLang() {
			// Its translations' pages say whether they are behind it.
			for _, t := range s.Translations(a.Key) {
				if t != nil && !touched[t] {
					touched[t] = true
				}
			}
		}
	}
	quizLangs := map[*site.Lang]bool{}
	if s.Quiz != nil {
		for _, o := range s.Quiz.Outcomes {
			for _, l := range s.Languages {
				if a := s.Article(o.Article, l.Code); touched[a] {
					quizLangs[l] = true
				}
			}
		}
	}
	status := translation.Status(s)
	p := &pass{s: s, pages: b.pages, known: b.known, listing: b.listSig, status: status}
	for _, l := range s.Languages {
		for a := range touched {
			if a.Lang == l {
				p.search = append(p.search, l) // (its index shows the article's prose)
				break
			}
		}
	}
	p.rep = &Report{Pages: b.report.Pages, BasePath: b.report.BasePath}
	for a := range touched {
		p.todo = append(p.todo, b.byArt[a]...)
	}
	for _, i := range b.special {
		switch pg := b.pages[i]; {
		case pg.Kind == render.KindStatus:
			pg.Status = status
			p.todo = append(p.todo, i)
		case pg.QuizNode != nil && quizLangs[pg.Lang]:
			if pg.QuizNode.Data != nil {
				pg.QuizNode.Data = render.NewQuizData(s, pg.Lang)
			}
			p.todo = append(p.todo, i)
		}
	}
	slices.Sort(p.todo)
	p.todo = slices.Compact(p.todo)
	return p
}

// indexPages notes, of a full pass's pages, each article's and those of
// other kinds a prose pass may render, so that it need not look at every
// page (27,000 at 1,000 articles a language).
func (b *Builder) indexPages() {
	b.byArt, b.special = map[*site.Article][]int{}, nil
	for i, pg := range b.pages {
		if a := render.PageArticle(pg); a != nil {
			b.byArt[a] = append(b.byArt[a], i)
		}
		if pg.Kind == render.KindStatus || pg.QuizNode != nil {
			b.special = append(b.special, i)
		}
	}
}

// run renders a pass with the engine and publishes it: a first build into
// a staging directory swapped in at the end, a later one as a set of
// changed files written in place once everything succeeded.
func (b *Builder) run(ctx context.Context, p *pass) (*Report, error) {
	e := b.env
	var filesMu sync.Mutex
	files := map[string][]byte{} // later builds: every file made this build
	keep := func(name string, data []byte) error {
		filesMu.Lock()
		files[name] = data
		filesMu.Unlock()
		return nil
	}
	// A page's bytes are a render buffer's, which is reused: kept as a
	// copy. The other files' are theirs alone (emit).
	sink := func(name string, data []byte) error { return keep(name, bytes.Clone(data)) }
	var stage *output.Staging
	if !b.primed {
		b.Close() // (the twin of an output about to be replaced)
		var err error
		if stage, err = output.Begin(b.opts.Out); err != nil {
			return nil, err
		}
		sink, keep = stage.WriteFile, stage.WriteFile
	}
	fail := func(err error) (*Report, error) {
		if stage != nil {
			stage.Abort()
		} else if !p.extra {
			b.primed = false // the prose path changed the model: start afresh next time
		}
		return nil, err
	}

	// The files that are not pages are made while the pages render; their
	// hashes are kept, and the sitemaps and feeds for the next build.
	var othersMu sync.Mutex
	others := map[string]uint64{} // name → hash
	lists := map[string][]byte{}
	// emit takes a file that is not a page; its data must not change
	// after (no caller hands it a buffer it reuses).
	emit := func(name string, data []byte) error {
		othersMu.Lock()
		_, dup := others[name]
		if !dup {
			others[name] = sig.Bytes(data)
			if isList(name) {
				lists[name] = data
			}
		}
		othersMu.Unlock()
		if dup {
			return fmt.Errorf("%s: written twice", name)
		}
		return keep(name, data)
	}
	var extraErr error
	var wg sync.WaitGroup
	if p.extra {
		var prev map[string][]byte
		if b.primed && b.listSig == p.listing {
			prev = b.lists // (what they show is unchanged: taken as they are)
		}
		wg.Go(func() { extraErr = extraFiles(p.s, p.pages, e.min, e.policy, b.opts.Out, prev, emit) })
	}
	var made map[string][]string // language code → its search files this build
	var searchErr error
	wg.Go(func() {
		made, searchErr = search.PublishAll(ctx, p.s, p.search, b.index.Collect, func(l *site.Lang) string { return searchManifest(p.s, l) }, emit)
	})

	pubs := make([]published, len(p.pages)) // of the pages rendered
	en := &engine{s: p.s, tmpl: e.templates, known: p.known, pages: len(p.pages), sink: sink, fsys: e.fsys, progress: e.opts.Progress,
		recheck: b.primed && p.extra && !sameKeys(p.known, b.known),
		source:  func(i int) string { return render.ProseFile(p.pages[i]) }}
	en.keep = func(i int, out []byte, sc *linkcheck.Scan) {
		pubs[i] = published{page: true, hash: sig.Bytes(out), scan: sc}
		if p.sigs != nil {
			pubs[i].sig = p.sigs[i]
		}
	}
	if b.primed {
		en.prior = func(i int) (*render.Page, *linkcheck.Scan) {
			sc := b.out[p.pages[i].Path].scan
			if sc == nil {
				sc = new(linkcheck.Scan)
			}
			return p.pages[i], sc
		}
	}
	err := en.run(ctx, pageUnits(p.pages, p.todo))
	wg.Wait()
	if err == nil {
		err = joinErrs(extraErr, searchErr)
	}
	if err == nil && p.extra {
		err = joinErrs(publishAssets(e.assets, emit), publishStatic(e.static, emit))
	}
	if err != nil {
		return fail(err)
	}
	var next map[string]published
	if p.extra {
		// A full pass: the output as it is after this build, file by file.
		rendered := make(map[int]bool, len(p.todo))
		for _, i := range p.todo {
			rendered[i] = true
		}
		next = make(map[string]published, len(p.pages)+len(others))
		for i, pg := range p.pages {
			if rendered[i] {
				next[pg.Path] = pubs[i]
			} else {
				next[pg.Path] = b.out[pg.Path]
			}
		}
		for name, h := range others {
			next[name] = published{hash: h}
		}
		p.rep.Files = len(next)
	} else {
		// The prose path: the same pages as before, a few rendered again,
		// and the search index of their languages made again.
		p.rep.Files = b.report.Files
		for code, names := range made {
			p.rep.Files += len(names) - len(b.search[code])
		}
	}
	p.rep.Rendered = len(p.todo)
	p.rep.Warnings = translation.Gaps(p.s)
	// The hreflang check walks every page's alternates; a build whose
	// pages are the same as before has nothing new to find there.
	if !b.primed || en.recheck {
		p.rep.Warnings = append(p.rep.Warnings, render.HreflangErrors(p.pages)...)
	}
	p.rep.Translations = p.status
	if p.rep.Translations == nil {
		p.rep.Translations = translation.Status(p.s)
	}
	if err := strict(b.opts, p.rep.Warnings); err != nil {
		return fail(err)
	}

	switch {
	case stage != nil:
		if err := stage.Commit(); err != nil {
			le := (*output.LeftoverError)(nil)
			if !errors.As(err, &le) {
				return fail(err)
			}
			p.rep.Warnings = append(p.rep.Warnings, le) // (the new site is out)
		}
		b.twin = output.NewTwin(b.opts.Out)
	case p.extra:
		if err := b.update(next, files); err != nil {
			b.primed = false // the next build starts afresh
			return nil, err
		}
	default:
		changed := map[string][]byte{}
		for _, i := range p.todo {
			name := p.pages[i].Path
			if b.out[name].hash != pubs[i].hash {
				changed[name] = files[name]
			}
			b.out[name] = pubs[i] // (signature 0: the next full pass renders it again, to the same bytes)
		}
		var stale []string
		for code, names := range made {
			for _, name := range names {
				if old, ok := b.out[name]; !ok || old.hash != others[name] {
					changed[name] = files[name]
				}
				b.out[name] = published{hash: others[name]}
			}
			for _, name := range b.search[code] {
				if !slices.Contains(names, name) {
					stale = append(stale, name)
					delete(b.out, name)
				}
			}
		}
		slices.Sort(stale)
		if err := b.twin.Update(changed, stale); err != nil {
			b.primed = false
			return nil, err
		}
		lists, next = b.lists, b.out
	}
	if p.extra {
		b.search = made
	} else {
		maps.Copy(b.search, made)
	}
	b.out, b.primed = next, true
	b.site, b.pages, b.known, b.lists, b.listSig, b.report = p.s, p.pages, p.known, lists, p.listing, p.rep
	if p.extra {
		b.indexPages()
	}
	return p.rep, nil
}

// Close removes what the Builder keeps beside the output directory (the
// twin through which later builds are published).
func (b *Builder) Close() {
	if b.twin != nil {
		b.twin.Close()
		b.twin = nil
	}
}

// update publishes a later build: the files whose bytes changed, and the
// removal of those that are gone, in one atomic step (output.Twin).
func (b *Builder) update(next map[string]published, files map[string][]byte) error {
	var stale []string
	for name := range b.out {
		if _, ok := next[name]; !ok {
			stale = append(stale, name)
		}
	}
	slices.Sort(stale)
	changed := map[string][]byte{}
	for name, data := range files {
		if old, ok := b.out[name]; !ok || old.hash != next[name].hash {
			changed[name] = data
		}
	}
	return b.twin.Update(changed, stale)
}

// sameKeys reports whether a and b have the same keys.
func sameKeys(a, b map[string]int32) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if _, ok := b[k]; !ok {
			return false
		}
	}
	return true
}
