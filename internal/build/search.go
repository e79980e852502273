package build

import (
	"context"
	"fmt"
	"sync"

	"tact/internal/diag"
	"tact/internal/parallel"
	"tact/internal/render"
	"tact/internal/search"
	"tact/internal/site"
)

// searchCollectors gather each language's search documents while a
// one-shot build renders its articles: each article's, made from the copy
// with its detail (the model's may have none), under the ids its place in
// Lang.Articles gives it.
type searchCollectors struct {
	byLang []*search.Collector   // by language index
	first  map[*site.Article]int // article → the id of its first document
}

func newSearchCollectors(s *site.Site) *searchCollectors {
	sc := &searchCollectors{byLang: make([]*search.Collector, len(s.Languages)), first: map[*site.Article]int{}}
	for i, l := range s.Languages {
		n := 0
		for _, a := range l.Articles {
			sc.first[a] = n
			n += 1 + len(a.Scenarios) + a.ReplyCount() // (search.Docs)
		}
		sc.byLang[i] = search.NewCollector(l.Code, n)
	}
	return sc
}

// add adds the documents of article a, given with its detail as full.
func (sc *searchCollectors) add(a, full *site.Article) {
	sc.byLang[a.Lang.Index()].Add(sc.first[a], search.Docs(full))
}

// collector returns language lang's collector.
func (sc *searchCollectors) collector(lang *site.Lang) (*search.Collector, error) {
	return sc.byLang[lang.Index()], nil
}

// modelCollector returns a collector of language lang's documents from the
// model, whose articles hold their detail (a Builder's).
func modelCollector(lang *site.Lang) (*search.Collector, error) {
	var docs []search.Doc
	for _, a := range lang.Articles {
		full, err := a.WithDetail()
		if err != nil {
			return nil, err
		}
		docs = append(docs, search.Docs(full)...)
	}
	c := search.NewCollector(lang.Code, len(docs))
	c.Add(0, docs)
	return c, nil
}

// searchFiles builds the search index of language lang from its collected
// documents and hands its files and its manifest to emit.
func searchFiles(s *site.Site, lang *site.Lang, c *search.Collector, emit func(name string, data []byte) error) error {
	T := s.Catalog().T(lang.Code)
	ix, err := c.Index(search.Options{BasePath: s.BasePath, Strings: map[string]string{
		"one": T("searchOne"), "other": T("searchOther"), "none": T("searchNone"),
		"scenarios": T("searchScenarios"), "replies": T("navReplies"), "articles": T("articlesHeading"),
	}})
	if err != nil {
		return fmt.Errorf("build: %w", err)
	}
	var errs diag.List
	for _, f := range ix.Files {
		errs.Add(emit(f.Path, f.Data))
	}
	errs.Add(emit(searchManifest(s, lang), ix.Manifest))
	return errs.Err()
}

// searchAll builds the search index of each of langs, in parallel, from
// the collector collect gives, and hands the files to emit (which must be
// safe for concurrent use); made records each language's files.
func searchAll(ctx context.Context, s *site.Site, langs []*site.Lang, collect func(*site.Lang) (*search.Collector, error), emit func(name string, data []byte) error) (made map[string][]string, err error) {
	made = map[string][]string{}
	var mu sync.Mutex
	var errs diag.List
	perr := parallel.For(ctx, len(langs), func(k int) {
		lang := langs[k]
		c, err := collect(lang)
		if err == nil {
			err = searchFiles(s, lang, c, func(name string, data []byte) error {
				mu.Lock()
				made[lang.Code] = append(made[lang.Code], name)
				mu.Unlock()
				return emit(name, data)
			})
		}
		mu.Lock()
		errs.Add(err)
		mu.Unlock()
	})
	errs.Add(perr)
	return made, errs.Err()
}

// searchManifest returns the output file of language lang's search manifest.
func searchManifest(s *site.Site, lang *site.Lang) string {
	return site.OutputPath(s.BasePath, render.SearchManifest(s, lang))
}
