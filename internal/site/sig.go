package site

// signatures returns, for each page, a hash of everything the page shows:
// version covers the env (configuration, strings, layouts, assets,
// options); the rest is the page's own fields and the source hashes of the
// articles it draws on. Two builds that give a page the same signature
// render it to the same bytes, so an incremental build skips it.
func (s *Site) signatures(pages []*Page, version uint64) []uint64 {
	// What index pages show: what the language's articles show of
	// themselves in lists, and its home.
	langSig := map[*Lang]uint64{}
	quizSig := map[*Lang]uint64{}
	for _, l := range s.Languages {
		h := newHasher()
		if l.Home != nil {
			h.num(l.Home.srcHash)
		}
		for _, a := range l.Articles {
			h.num(a.listing())
		}
		langSig[l] = h.sum()
		// Quiz pages quote their outcomes' scenarios and replies in full.
		q := newHasher()
		if s.Quiz != nil {
			for _, o := range s.Quiz.Outcomes {
				if a := s.Article(o.Article, l.Code); a != nil {
					q.num(a.srcHash)
				}
			}
		}
		quizSig[l] = q.sum()
	}
	homes := newHasher()
	for _, l := range s.Languages {
		homes.num(langSig[l])
	}
	all := homes.sum()
	s.listingSig = newHasher().num(version).num(all).sum()
	quiz := uint64(0)
	if s.Quiz != nil {
		quiz = s.quizHash
	}
	sigs := make([]uint64, len(pages))
	for i, p := range pages {
		h := newHasher().num(version).str(p.Kind).str(p.URL).str(p.Title).str(p.Description).str(p.Image)
		h.num(uint64(p.LastMod.Unix()))
		for _, a := range p.Alternates {
			h.str(a.URL).str(a.Title)
			if a.Exists {
				h.num(1)
			}
		}
		switch {
		case p.Kind == KindStatus:
			h.num(all)
			for _, row := range p.Status {
				h.str(row.Lang.Code).str(row.Quiz)
				for _, it := range row.Items {
					h.str(it.Key).str(it.State).str(it.File).str(it.Title)
				}
			}
		case p.Root:
			h.num(all)
		case p.Article != nil:
			s.articleDeps(h, p.Article)
		case p.Reply != nil:
			s.articleDeps(h, p.Reply.Article())
		case p.QuizNode != nil:
			h.num(langSig[p.Lang]).num(quiz).num(quizSig[p.Lang])
		default: // index and embed pages
			h.num(langSig[p.Lang]).num(quiz)
		}
		sigs[i] = h.sum()
	}
	return sigs
}

// articleDeps adds what an article's page and its replies' pages show:
// the article itself, and what they show of the translations (the language
// switcher), the related articles and the neighbours.
func (s *Site) articleDeps(h *hasher, a *Article) {
	h.num(a.srcHash)
	for _, l := range s.Languages {
		if t := s.articles[a.Key][l.index]; t != nil {
			h.num(t.listing())
		}
	}
	for _, r := range a.RelatedArticles {
		h.num(r.listing())
	}
	for _, n := range []*Article{a.Prev, a.Next} {
		if n != nil {
			h.num(n.listing())
		}
	}
}

// listing hashes what other pages show of an article: its address, title,
// summary and dates, and its scenarios' and replies' ids, titles and
// verdicts. Editing an article's prose changes none of it, so the pages
// that list the article are not rendered again.
func (a *Article) listing() uint64 {
	if a.listSig != 0 {
		return a.listSig
	}
	h := newHasher().str(a.File).str(a.Key).str(a.Slug).str(a.Title).str(a.Summary)
	h.num(uint64(a.Date.Unix())).num(uint64(a.Updated.Unix()))
	for _, sc := range a.Scenarios {
		h.str(sc.ID).str(sc.Title).str(sc.Verdict)
		for _, r := range sc.Replies {
			h.str(r.ID).str(r.Title).str(r.Slug).str(r.Channel)
		}
	}
	a.listSig = h.sum()
	return a.listSig
}
