package search

import (
	"context"
	"fmt"
	"sync"

	"github.com/tact-guide/tact/internal/diag"
	"github.com/tact-guide/tact/internal/parallel"
	"github.com/tact-guide/tact/internal/site"
)

// Publish builds the search index of language lang from its collected
// documents and hands its files, each as soon as it is made when no Cache
// keeps them, then its manifest as the output file manifest, to emit.
func Publish(s *site.Site, lang *site.Lang, c *Collector, manifest string, emit func(name string, data []byte) error) error {
	T := s.Catalog().T(lang.Code)
	ix, err := c.Index(Options{BasePath: s.BasePath, Emit: emit, Strings: map[string]string{
		"one": T("searchOne"), "other": T("searchOther"), "none": T("searchNone"),
		"scenarios": T("searchScenarios"), "replies": T("navReplies"), "articles": T("articlesHeading"),
	}})
	if err != nil {
		return fmt.Errorf("search index of %s: %w", lang.Code, err)
	}
	var errs diag.List
	for _, f := range ix.Files { // (a Cache's index: Emit took none of them)
		errs.Add(emit(f.Path, f.Data))
	}
	errs.Add(emit(manifest, ix.Manifest))
	return errs.Err()
}

// PublishAll builds the search index of each of langs, in parallel, from
// the collector collect gives, and hands the files, the manifests as
// manifest names them, to emit (which must be safe for concurrent use);
// made records each language's files.
func PublishAll(ctx context.Context, s *site.Site, langs []*site.Lang, collect func(*site.Lang) (*Collector, error), manifest func(*site.Lang) string, emit func(name string, data []byte) error) (made map[string][]string, err error) {
	made = map[string][]string{}
	var mu sync.Mutex
	var errs diag.List
	perr := parallel.For(ctx, len(langs), func(k int) {
		lang := langs[k]
		c, err := collect(lang)
		if err == nil {
			err = Publish(s, lang, c, manifest(lang), func(name string, data []byte) error {
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
