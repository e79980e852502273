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

// searchEntries holds a language's search entries while a one-shot build
// renders its articles: each article's, made from the copy with its detail
// (the model's may have none), in the slot of its place in Lang.Articles.
type searchEntries struct {
	slots [][][]search.Entry    // language index → article index → its entries
	at    map[*site.Article]int // article → its index in its language
}

func newSearchEntries(s *site.Site) *searchEntries {
	se := &searchEntries{slots: make([][][]search.Entry, len(s.Languages)), at: map[*site.Article]int{}}
	for i, l := range s.Languages {
		se.slots[i] = make([][]search.Entry, len(l.Articles))
		for k, a := range l.Articles {
			se.at[a] = k
		}
	}
	return se
}

// add keeps the entries of article a, given with its detail as full. Each
// article is added by one goroutine, in a slot of its own.
func (se *searchEntries) add(a, full *site.Article) {
	se.slots[a.Lang.Index()][se.at[a]] = search.Prepare(a.Lang.Code, search.Docs(full))
}

// lang returns the entries of language lang, in order.
func (se *searchEntries) lang(lang *site.Lang) []search.Entry {
	var es []search.Entry
	for _, e := range se.slots[lang.Index()] {
		es = append(es, e...)
	}
	return es
}

// modelEntries returns the entries of language lang from the model, whose
// articles hold their detail (a Builder's).
func modelEntries(lang *site.Lang) ([]search.Entry, error) {
	var es []search.Entry
	for _, a := range lang.Articles {
		full, err := a.WithDetail()
		if err != nil {
			return nil, err
		}
		es = append(es, search.Prepare(lang.Code, search.Docs(full))...)
	}
	return es, nil
}

// searchFiles builds the search index of language lang from its entries
// and hands its files and its manifest to emit.
func searchFiles(s *site.Site, lang *site.Lang, entries []search.Entry, emit func(name string, data []byte) error) error {
	T := s.Catalog().T(lang.Code)
	ix, err := search.BuildEntries(lang.Code, entries, search.Options{BasePath: s.BasePath, Strings: map[string]string{
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
// the entries entries gives, and hands the files to emit (which must be
// safe for concurrent use); made records each language's files.
func searchAll(ctx context.Context, s *site.Site, langs []*site.Lang, entries func(*site.Lang) ([]search.Entry, error), emit func(name string, data []byte) error) (made map[string][]string, err error) {
	made = map[string][]string{}
	var mu sync.Mutex
	var errs diag.List
	perr := parallel.For(ctx, len(langs), func(k int) {
		lang := langs[k]
		es, err := entries(lang)
		if err == nil {
			err = searchFiles(s, lang, es, func(name string, data []byte) error {
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
