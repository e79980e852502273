package site

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/tact-guide/tact/internal/diag"
)

// link connects the parsed articles: it indexes them by key, checks that the
// translations agree (scenario ids and verdicts, reply ids and placeholder
// counts), resolves related articles and neighbours, and checks that no two
// pages share a URL.
func link(s *Site) error {
	var errs diag.List
	s.articles = map[string][]*Article{}
	s.replies = map[string][]*Reply{}
	for _, lang := range s.Languages {
		indexLang(s, lang, &errs)
	}
	s.Keys = make([]string, 0, len(s.articles))
	for key := range s.articles {
		s.Keys = append(s.Keys, key)
	}
	slices.Sort(s.Keys)
	checkParity(s, &errs)
	for _, lang := range s.Languages {
		for i, a := range lang.Articles {
			if i > 0 {
				a.Prev = lang.Articles[i-1]
			}
			if i+1 < len(lang.Articles) {
				a.Next = lang.Articles[i+1]
			}
			for j, key := range a.Related {
				ts := s.articles[key]
				a.Related[j] = sharedString(ts, key, func(t *Article) string { return t.Key })
				if r := lang.byKey[key]; r != nil && r != a {
					a.RelatedArticles = append(a.RelatedArticles, r)
				} else if ts == nil && !s.drafts[key] {
					errs.Add(a.errorAt("related", "related article %q does not exist: use the key of another article", key))
				}
			}
		}
	}
	return errs.Err()
}

// indexLang sorts a language's articles and indexes them and their replies.
func indexLang(s *Site, lang *Lang, errs *diag.List) {
	slices.SortFunc(lang.Articles, func(a, b *Article) int {
		return cmp.Or(b.Date.Compare(a.Date), strings.Compare(a.Key, b.Key), strings.Compare(a.File, b.File))
	})
	urls := map[string]string{} // URL segment → file that claims it
	// claim records that a file's page takes a URL; at and what make the
	// error only when there is one (this runs for every page of every build).
	claim := func(seg, file string, at func() *diag.Error, what func() string) {
		if other, ok := urls[seg]; ok {
			e := at()
			e.Msg = fmt.Sprintf("%s gives the URL /%s/%s/, which %s already uses: change one of them", what(), lang.Code, seg, other)
			errs.Add(e)
			return
		}
		urls[seg] = file
	}
	if a := lang.About; a != nil {
		claim(a.Slug, a.File, func() *diag.Error { return &diag.Error{File: a.File} }, func() string { return fmt.Sprintf("slug %q", a.Slug) })
	}
	kept := lang.Articles[:0]
	for _, a := range lang.Articles {
		// Translations share one copy of their key and reply ids: at
		// tens of thousands of articles, the copies are megabytes.
		a.Key = sharedString(s.articles[a.Key], a.Key, func(t *Article) string { return t.Key })
		if other := lang.byKey[a.Key]; other != nil {
			errs.Add(a.errorAt("key", "key %q is also used by %s in the same language: each article needs its own key", a.Key, other.File))
			continue
		}
		lang.byKey[a.Key] = a
		kept = append(kept, a)
		claim(a.Slug, a.File, func() *diag.Error { return a.errorAt("slug", "") }, func() string { return fmt.Sprintf("slug %q", a.Slug) })
		if s.articles[a.Key] == nil {
			s.articles[a.Key] = make([]*Article, len(s.Languages))
		}
		s.articles[a.Key][lang.index] = a
		scenarioIDs := map[string]bool{}
		for _, sc := range a.Scenarios {
			if scenarioIDs[sc.ID] {
				errs.Addf(a.File, int(sc.line), int(sc.col), "scenario id %q is used twice in this article", sc.ID)
			}
			scenarioIDs[sc.ID] = true
			for _, r := range sc.Replies {
				r.ID = sharedString(s.replies[r.ID], r.ID, func(t *Reply) string { return t.ID })
				if s.replies[r.ID] == nil {
					s.replies[r.ID] = make([]*Reply, len(s.Languages))
				}
				if other := s.replies[r.ID][lang.index]; other != nil {
					errs.Addf(a.File, int(r.line), int(r.col), "reply id %q is already used in %s: reply ids are unique across the site", r.ID, other.Scenario.Article.File)
					continue
				}
				s.replies[r.ID][lang.index] = r
				lang.Replies = append(lang.Replies, r)
				claim(r.seg(), a.File, func() *diag.Error { return &diag.Error{File: a.File, Line: int(r.line), Col: int(r.col)} },
					func() string { return fmt.Sprintf("reply %q", r.ID) })
			}
		}
	}
	lang.Articles = kept
}

// checkParity reports translations that disagree with each other. The first
// configured language that has the article is the reference.
func checkParity(s *Site, errs *diag.List) {
	for _, key := range s.Keys {
		var ref *Article
		for _, lang := range s.Languages {
			a := s.articles[key][lang.index]
			if a == nil {
				continue
			}
			if ref == nil {
				ref = a
				continue
			}
			compareArticles(ref, a, errs)
		}
	}
}

func known(verdict string) bool { return slices.Contains(Verdicts, verdict) }

func compareArticles(ref, a *Article, errs *diag.List) {
	for _, sc := range a.Scenarios {
		rs := ref.Scenario(sc.ID)
		if rs == nil {
			errs.Addf(a.File, int(sc.line), int(sc.col), "scenario %q is not in %s: every translation needs the same scenario ids", sc.ID, ref.File)
			continue
		}
		if rs.Verdict != sc.Verdict && known(rs.Verdict) && known(sc.Verdict) { // (an unknown one is reported where it is written: the cause first, alone)
			errs.Addf(a.File, int(sc.line), int(sc.col), "scenario %q has verdict %q here but %q in %s: translations share the verdict", sc.ID, sc.Verdict, rs.Verdict, ref.File)
		}
		for _, r := range sc.Replies {
			rr := findReply(rs, r.ID)
			switch {
			case rr == nil:
				errs.Addf(a.File, int(r.line), int(r.col), "reply %q is not in scenario %q of %s: every translation needs the same reply ids", r.ID, sc.ID, ref.File)
			case rr.slots != r.slots:
				errs.Addf(a.File, int(r.line), int(r.col), "reply %q has %d placeholders here but %d in %s: translations need the same placeholders", r.ID, r.slots, rr.slots, ref.File)
			}
		}
		for _, rr := range rs.Replies {
			if findReply(sc, rr.ID) == nil {
				errs.Addf(a.File, int(sc.line), int(sc.col), "scenario %q lacks reply %q, which %s has", sc.ID, rr.ID, ref.File)
			}
		}
	}
	for _, rs := range ref.Scenarios {
		if a.Scenario(rs.ID) == nil {
			errs.Addf(a.File, 0, 0, "scenario %q of %s is missing here: every translation needs the same scenario ids", rs.ID, ref.File)
		}
	}
}

func findReply(sc *Scenario, id string) *Reply {
	for _, r := range sc.Replies {
		if r.ID == id {
			return r
		}
	}
	return nil
}

// sharedString returns the string that the first translation in ts has
// (get says which), or s when there is none: the same text, one copy.
func sharedString[T any](ts []*T, s string, get func(*T) string) string {
	for _, t := range ts {
		if t != nil {
			return get(t)
		}
	}
	return s
}
