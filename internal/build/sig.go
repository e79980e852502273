package build

import (
	"github.com/tact-guide/tact/internal/render"
	"github.com/tact-guide/tact/internal/sig"
	"github.com/tact-guide/tact/internal/site"
	"github.com/tact-guide/tact/internal/translation"
)

// signatures returns, for each page, a hash of everything the page shows:
// version covers the env (configuration, strings, layouts, assets,
// options); the rest is the page's own fields and the source hashes of the
// articles it draws on. Two builds that give a page the same signature
// render it to the same bytes, so an incremental build skips it. listing
// covers what the sitemaps and feeds show.
func signatures(s *site.Site, pages []*render.Page, version uint64) (sigs []uint64, listing uint64) {
	// What index pages show: what the language's articles show of
	// themselves in lists, and its home.
	langSig := map[*site.Lang]uint64{}
	quizSig := map[*site.Lang]uint64{}
	chrome := map[*site.Lang]uint64{} // what every page of a language shows of its about page
	for _, l := range s.Languages {
		h := sig.New()
		if l.Home != nil {
			h.Num(l.Home.FileHash())
		}
		if l.About != nil {
			h.Num(l.About.FileHash()) // (the about page, an index-like page)
			// Every page's footer links it, by its title.
			chrome[l] = sig.New().Str(l.About.Title).Str(l.About.URL()).Sum()
		}
		for _, a := range l.Articles {
			h.Num(a.Listing())
		}
		langSig[l] = h.Sum()
		// Quiz pages quote their outcomes' scenarios and replies in full.
		q := sig.New()
		if s.Quiz != nil {
			for _, o := range s.Quiz.Outcomes {
				if a := s.Article(o.Article, l.Code); a != nil {
					q.Num(a.FileHash())
				}
			}
		}
		quizSig[l] = q.Sum()
	}
	homes := sig.New()
	for _, l := range s.Languages {
		homes.Num(langSig[l])
	}
	all := homes.Sum()
	listing = sig.New().Num(version).Num(all).Sum()
	quiz := uint64(0)
	if s.Quiz != nil {
		quiz = s.QuizHash()
	}
	sigs = make([]uint64, len(pages))
	for i, p := range pages {
		h := sig.New().Num(version).Str(p.Kind).Str(p.URL).Str(p.Title).Str(p.Description).Str(p.Image)
		h.Num(uint64(p.LastMod.Unix())).Num(chrome[p.Lang])
		for _, a := range p.Alternates {
			h.Str(a.URL).Str(a.Title)
			if a.Exists {
				h.Num(1)
			}
		}
		switch {
		case p.Kind == render.KindStatus:
			h.Num(all)
			for _, row := range p.Status {
				h.Str(row.Lang.Code).Str(row.Quiz).Str(row.Strings)
				for _, it := range row.Items {
					h.Str(it.Key).Str(it.State).Str(it.File).Str(it.Title)
					diffSig(h, it.Diff)
				}
				diffSig(h, row.QuizDiff)
				if row.StringsKnown {
					h.Num(1)
				}
				for _, c := range row.StringChanges {
					h.Str(c.ID).Str(c.Old).Str(c.New)
				}
			}
		case p.Root:
			h.Num(all)
		case p.Article != nil:
			articleDeps(s, h, p.Article)
		case p.Reply != nil:
			articleDeps(s, h, p.Reply.Article())
		case p.QuizNode != nil:
			h.Num(langSig[p.Lang]).Num(quiz).Num(quizSig[p.Lang])
		default: // index and embed pages
			h.Num(langSig[p.Lang]).Num(quiz)
		}
		sigs[i] = h.Sum()
	}
	return sigs, listing
}

// diffSig adds what the status page shows of a diff.
func diffSig(h *sig.Hasher, d translation.Diff) {
	if !d.Known {
		return
	}
	h.Str(d.File).Num(uint64(len(d.Hunks)) + 1)
	for _, hk := range d.Hunks {
		h.Num(uint64(hk.Line))
		for _, s := range hk.Spans {
			h.Num(uint64(s.Op)).Str(s.Text)
		}
	}
}

// articleDeps adds what an article's page and its replies' pages show:
// the article itself, and what they show of the translations (the language
// switcher), the related articles and the neighbours.
func articleDeps(s *site.Site, h *sig.Hasher, a *site.Article) {
	h.Num(a.FileHash())
	for _, l := range s.Languages {
		if t := s.Translations(a.Key)[l.Index()]; t != nil {
			h.Num(t.Listing())
			h.Str(t.SourceHash) // (a translation says when its source changed since)
		}
	}
	for _, r := range a.RelatedArticles {
		h.Num(r.Listing())
	}
	for _, n := range []*site.Article{a.Prev, a.Next} {
		if n != nil {
			h.Num(n.Listing())
		}
	}
}
