package site

import (
	"bytes"
	"path"
	"slices"
	"strings"
	"time"

	"tact/internal/diag"
	"tact/internal/output"
)

// prose is the fast path of an incremental build: when every changed file
// is an article whose edit leaves everything other pages show of it alone
// (see Article.listing: address, title, summary, dates, scenario and reply
// ids, titles and verdicts, related articles, placeholders), the site's
// structure is the same as in the last build. The new content is copied
// into the last build's model, and only the pages that show it are rendered
// again: the article's page, its reply pages, the quiz pages when the
// article is an outcome, and the translation status. It returns ok=false
// when the edit needs the full path.
func (b *Builder) prose(changed []string) (rep *Report, ok bool, err error) {
	start := time.Now()
	if b.site == nil || !b.primed || len(changed) == 0 {
		return nil, false, nil
	}
	type edit struct {
		old, new *Article
		hash     uint64
	}
	var edits []edit
	for _, c := range changed {
		c = path.Clean(c)
		prev, cached := b.cache[c]
		old, isArticle := prev.result.(*Article)
		if !cached || !isArticle || prev.err != nil || old == nil || !strings.HasSuffix(c, ".md") || b.site.articleByFile(c) != old {
			return nil, false, nil
		}
		src, err := readSource(b.fsys, c)
		if err != nil {
			return nil, false, nil
		}
		h := hashBytes(src)
		if h == prev.hash {
			continue
		}
		res, err := b.env.loader.parseSource(job{lang: old.Lang, file: c}, src)
		na, _ := res.(*Article)
		if err != nil || na == nil || !sameShape(old, na) {
			return nil, false, nil
		}
		na.srcHash = h
		edits = append(edits, edit{old, na, h})
	}
	s := b.site
	touched := map[*Article]bool{}
	for _, e := range edits {
		e.old.takeProse(e.new)
		b.cache[e.old.File] = parsed{hash: e.hash, result: e.old}
		touched[e.old] = true
	}
	// Which pages show the new prose.
	quizLangs := map[*Lang]bool{}
	if s.Quiz != nil {
		for _, o := range s.Quiz.Outcomes {
			for _, l := range s.Languages {
				if a := s.Article(o.Article, l.Code); touched[a] {
					quizLangs[l] = true
				}
			}
		}
	}
	status := s.TranslationStatus()
	var todo []int // indexes in b.pages
	for i, p := range b.pages {
		switch {
		case p.Article != nil && touched[p.Article],
			p.Reply != nil && touched[p.Reply.Article()],
			p.Kind == KindStatus:
			todo = append(todo, i)
		case p.QuizNode != nil && quizLangs[p.Lang]:
			if p.QuizNode.Data != nil {
				p.QuizNode.Data = s.quizData(p.Lang)
			}
			todo = append(todo, i)
		}
		if p.Kind == KindStatus {
			p.Status = status
		}
	}
	exists := inSet(b.files)
	changedFiles := map[string][]byte{}
	var errs diag.List
	var buf bytes.Buffer
	var failed renderFailures
	for _, i := range todo {
		p := b.pages[i]
		buf.Reset()
		out, err := renderPage(&buf, b.env.templates, p)
		if err != nil {
			failed.add(p, err)
			continue
		}
		sc := scanHTML(out)
		warnings, frags := s.checkLinks(p, i, sc, exists)
		for _, f := range frags {
			if t, ok := b.out[f.file]; ok && t.page && !t.scan.hasID(f.frag) {
				warnings = append(warnings, brokenFragment(f.page, f.link, f.target, f.frag))
			}
		}
		// Signature 0: the next full-path build renders the page again
		// (to the same bytes) and records its real signature.
		pub := published{page: true, hash: hashBytes(out), scan: sc, warnings: warnings}
		if old := b.out[p.Path]; old.hash != pub.hash {
			changedFiles[p.Path] = bytes.Clone(out)
		}
		b.out[p.Path] = pub
		// Keep warned in order: drop i, add it back if it has problems now.
		b.warned = slices.DeleteFunc(b.warned, func(w int) bool { return w == i })
		if len(warnings) > 0 {
			at, _ := slices.BinarySearch(b.warned, i)
			b.warned = slices.Insert(b.warned, at, i)
		}
	}
	for _, ferr := range failed.errors(b.env.templates) {
		errs.Add(ferr)
	}
	if err := errs.Err(); err != nil {
		b.primed = false // start afresh next time
		return nil, true, err
	}
	rep = &Report{Pages: b.lastReport.Pages, Files: b.lastReport.Files, Rendered: len(todo), BasePath: b.lastReport.BasePath, Translations: status}
	for _, i := range b.warned {
		rep.Warnings = append(rep.Warnings, b.out[b.pages[i].Path].warnings...)
	}
	rep.Warnings = append(rep.Warnings, s.checkTranslations(b.pages, false)...)
	if b.opts.Strict && len(rep.Warnings) > 0 {
		var strict diag.List
		for _, w := range rep.Warnings {
			strict.Add(w)
		}
		b.primed = false
		return nil, true, strict.Err()
	}
	if err := output.Update(b.opts.Out, changedFiles, nil); err != nil {
		b.primed = false
		return nil, true, err
	}
	rep.Duration = time.Since(start)
	return rep, true, nil
}

// sameShape reports whether an edited article shows the same to other
// pages as before, and keeps its structure (so the model can take its
// prose in place).
func sameShape(old, na *Article) bool {
	if old.listing() != na.listing() || old.Draft != na.Draft || !slices.Equal(old.Related, na.Related) || len(old.Scenarios) != len(na.Scenarios) {
		return false
	}
	for i, sc := range old.Scenarios {
		ns := na.Scenarios[i]
		if len(sc.Replies) != len(ns.Replies) {
			return false
		}
		for j, r := range sc.Replies {
			if r.slots != ns.Replies[j].slots {
				return false // translation parity depends on it
			}
		}
	}
	return true
}

// takeProse copies into a what an edit changed that stays within its own
// pages.
func (a *Article) takeProse(na *Article) {
	a.body, a.reload, a.dropped, a.Tags, a.TranslatedFrom, a.SourceHash, a.srcHash = na.body, na.reload, na.dropped, na.Tags, na.TranslatedFrom, na.SourceHash, na.srcHash
	a.fields = na.fields
	for i, sc := range a.Scenarios {
		ns := na.Scenarios[i]
		sc.ScenarioText, sc.line, sc.col = ns.ScenarioText, ns.line, ns.col
		for j, r := range sc.Replies {
			nr := ns.Replies[j]
			r.Message, r.slots, r.line, r.col = nr.Message, nr.slots, nr.line, nr.col
		}
	}
}
