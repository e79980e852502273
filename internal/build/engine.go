package build

import (
	"cmp"
	"context"
	"io/fs"
	"iter"
	"slices"
	"strings"
	"sync"

	"github.com/tact-guide/tact/internal/diag"
	"github.com/tact-guide/tact/internal/linkcheck"
	"github.com/tact-guide/tact/internal/parallel"
	"github.com/tact-guide/tact/internal/render"
	"github.com/tact-guide/tact/internal/site"
)

// unit is what one worker renders at a time: one page, or an article,
// whose page and reply pages are made when it is rendered (from the
// article with its detail, converted again when a lean load dropped it).
type unit struct {
	page    *render.Page
	article *site.Article
	index   int // of page, or of the article's page, in the build's page order
	replies int // index of the article's first reply page
}

// lang returns the code of the language of u's pages.
func (u unit) lang() string {
	if u.page != nil {
		return u.page.Lang.Code
	}
	return u.article.Lang.Code
}

// langRuns yields units in runs of one language each, in order.
func langRuns(units []unit) iter.Seq[[]unit] {
	return func(yield func([]unit) bool) {
		for len(units) > 0 {
			n := 1
			for n < len(units) && units[n].lang() == units[0].lang() {
				n++
			}
			if !yield(units[:n]) {
				return
			}
			units = units[n:]
		}
	}
}

// pageUnits returns a unit for each page of pages whose index is in todo.
func pageUnits(pages []*render.Page, todo []int) []unit {
	us := make([]unit, len(todo))
	for k, i := range todo {
		us[k] = unit{page: pages[i], index: i}
	}
	return us
}

// engine is the one way every build renders: the units of a plan in
// parallel, one language after another (the templates hold one language's
// strings at a time), each page's links scanned and checked as it is
// rendered, its bytes handed to one writer goroutine (creating files in
// the same directories from several threads contends for their locks: on
// ext4 two writers were three times slower than one), then the links to
// elements of other pages checked once every page's ids are known.
//
// The builds differ only by policy and sink: which units they render (all
// of them; the pages whose inputs changed; the pages of an edited
// article), what they keep of a rendered page (keep), what they know of
// the pages they do not render (prior), and where the bytes go (a staging
// directory, or the set of changed files).
type engine struct {
	s     *site.Site
	tmpl  *render.Templates
	known map[string]int32 // every output file → its page's index, -1 if not a page
	pages int              // the number of pages
	sink  func(name string, data []byte) error
	// progress, when set, counts the pages rendered.
	progress *Progress

	// keep, when set, sees each rendered page's bytes (valid during the
	// call) and scan.
	keep func(i int, out []byte, sc *linkcheck.Scan)
	// prior, when set, gives the scan of a page not rendered this time,
	// from the build that rendered it: asked for only when a link points
	// at one of its elements, or to check its links again.
	prior func(i int) (*render.Page, *linkcheck.Scan)
	// recheck: check the links of the pages not rendered again (files
	// came or went since they were), and return their problems too.
	recheck bool
	// source, when set, names the Markdown file whose prose page i shows
	// ("" for none): a broken link written there is reported there.
	source func(i int) string
	fsys   fs.FS
	// article, when set, sees each article unit's article and its copy
	// with the detail, once they are rendered (the search index's entries).
	article func(a, full *site.Article)

	mu       sync.Mutex
	ids      [][]uint32           // page index → its element ids; nil until known
	todo     []bool               // page index → to be rendered this time
	warnings map[int][]error      // page index → the links on it that lead nowhere
	broken   []linkcheck.Fragment // links to elements of other pages that are not there
	later    []linkcheck.Fragment // links to elements of pages not rendered yet
	errs     diag.List
	failed   render.Failures
	large    map[string]int // page kind → the buffer for its pages, when the last was larger than a pooled one
}

// run renders units and returns the build's errors, among them every link
// that leads nowhere on the pages rendered (and, with recheck, on every
// page).
func (en *engine) run(ctx context.Context, units []unit) error {
	en.ids = make([][]uint32, en.pages)
	en.todo = make([]bool, en.pages)
	for _, u := range units {
		en.todo[u.index] = true
		if u.article != nil {
			for i := range u.article.ReplyCount() {
				en.todo[u.replies+i] = true
			}
		}
	}
	en.warnings = map[int][]error{}
	en.large = map[string]int{}
	en.progress.rendering(countTrue(en.todo))
	writer := newFileWriter(en.sink)
	var err error
	// The templates hold one language's strings at a time: each language's
	// units render together, in parallel, before the next language's.
	for run := range langRuns(units) {
		en.tmpl.Bind(run[0].lang())
		if err = parallel.For(ctx, len(run), func(k int) { en.render(run[k], writer) }); err != nil {
			break
		}
	}
	for _, werr := range writer.close() {
		en.errs.Add(werr)
	}
	if err != nil {
		return err
	}
	for _, ferr := range en.failed.Errors(en.tmpl) {
		en.errs.Add(ferr)
	}
	if err := en.errs.Err(); err != nil {
		return err
	}
	if en.recheck {
		en.checkAgain()
	}
	en.checkFragments()
	// A link that leads nowhere is an error: a reader would follow it.
	if problems := en.brokenLinks(); len(problems) > 0 {
		var errs diag.List
		for _, p := range problems {
			errs.Add(p)
		}
		return errs.Err()
	}
	return nil
}

// render renders the pages of a unit.
func (en *engine) render(u unit, writer *fileWriter) {
	if u.page != nil {
		// A page of its own may be large (an index page: megabytes at
		// N = 10,000), and one language's is about as large as another's:
		// its buffer starts at that size instead of reaching it by
		// doubling, which allocates (and clears) twice the page.
		kind := u.page.Kind
		en.mu.Lock()
		hint := en.large[kind]
		en.mu.Unlock()
		if size := en.renderPage(u.page, u.index, writer, hint); size > maxPooledBuf {
			en.mu.Lock()
			en.large[kind] = size + size/8
			en.mu.Unlock()
		}
		return
	}
	full, err := u.article.WithDetail()
	if err != nil {
		en.mu.Lock()
		en.errs.Add(err)
		en.mu.Unlock()
		return
	}
	en.renderPage(render.ArticlePage(en.s, full), u.index, writer, 0)
	if en.article != nil {
		en.article(u.article, full)
	}
	i := u.replies
	for _, sc := range full.Scenarios {
		for _, r := range sc.Replies {
			en.renderPage(render.ReplyPage(en.s, r), i, writer, 0)
			i++
		}
	}
}

// renderPage renders page p, index i, into a buffer with room for at
// least size bytes, checks its links, hands it to writer, and returns the
// page's size.
func (en *engine) renderPage(p *render.Page, i int, writer *fileWriter, size int) int {
	buf := getBuf()
	buf.Grow(size)
	if err := en.tmpl.Execute(buf, p); err != nil {
		putBuf(buf)
		en.failed.Add(p, err)
		return 0
	}
	out := buf.Bytes()
	sc := new(linkcheck.Scan)
	sc.Read(out)
	warnings, frags := linkcheck.Check(en.s, p, i, *sc, en.exists)
	if en.keep != nil {
		en.keep(i, out, sc)
	}
	// Kept until the end: a copy of exactly the ids' size, never nil.
	ids := append(make([]uint32, 0, len(sc.IDs)), sc.IDs...)
	en.mu.Lock()
	en.ids[i] = ids
	if len(warnings) > 0 {
		en.warnings[i] = warnings
	}
	en.fragments(frags)
	en.mu.Unlock()
	n := len(out)
	writer.add(p.Path, buf)
	en.progress.rendered()
	return n
}

// fragments checks links to elements of other pages whose ids are known
// now (most go to a page rendered before: a reply page's to its article's
// scenario) and keeps the others for later. en.mu is held.
func (en *engine) fragments(frags []linkcheck.Fragment) {
	for _, f := range frags {
		f.To, f.File = en.known[f.File], ""
		switch ids := en.idsOf(f.To); {
		case f.To < 0:
			// Not a page: an asset has no ids to check.
		case ids == nil:
			en.later = append(en.later, f)
		case !(linkcheck.Scan{IDs: ids}).HasID(f.Frag):
			en.broken = append(en.broken, f)
		}
	}
}

// idsOf returns the element ids of page i (-1: not a page), or nil while
// they are not known: a page to be rendered this time that was not yet.
func (en *engine) idsOf(i int32) []uint32 {
	if i < 0 || en.ids[i] != nil || en.todo[i] || en.prior == nil {
		if i < 0 {
			return nil
		}
		return en.ids[i]
	}
	_, sc := en.prior(int(i))
	en.ids[i] = sc.IDs
	if en.ids[i] == nil {
		en.ids[i] = []uint32{} // (nil is "not known yet")
	}
	return en.ids[i]
}

// checkAgain checks the links of the pages not rendered this time, from
// their prior scan.
func (en *engine) checkAgain() {
	for i := range en.pages {
		if en.todo[i] {
			continue
		}
		p, sc := en.prior(i)
		warnings, frags := linkcheck.Check(en.s, p, i, *sc, en.exists)
		if len(warnings) > 0 {
			en.warnings[i] = warnings
		}
		for _, f := range frags {
			if f.To, f.File = en.known[f.File], ""; f.To >= 0 {
				en.later = append(en.later, f)
			}
		}
	}
}

// exists is checkLinks's: whether the build writes the file name.
func (en *engine) exists(name []byte) bool {
	_, ok := en.known[string(name)]
	return ok
}

// checkFragments checks the links left for later, now that every page's
// ids are known, and adds the broken ones to their pages' problems, in
// order.
func (en *engine) checkFragments() {
	for _, f := range en.later {
		if ids := en.idsOf(f.To); ids != nil && !(linkcheck.Scan{IDs: ids}).HasID(f.Frag) {
			en.broken = append(en.broken, f)
		}
	}
	slices.SortFunc(en.broken, func(a, b linkcheck.Fragment) int { return cmp.Or(a.From-b.From, strings.Compare(a.Link, b.Link)) })
	for _, f := range en.broken {
		en.warnings[f.From] = append(en.warnings[f.From], linkcheck.Broken(f.Page, f.Link, f.Target, f.Frag))
	}
}

// countTrue returns the number of true values in bs.
func countTrue(bs []bool) int {
	n := 0
	for _, b := range bs {
		if b {
			n++
		}
	}
	return n
}
