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
