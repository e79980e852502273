package search

import (
	"sync"

	"github.com/tact-guide/tact/internal/site"
)

// Collectors gather each language's search documents while a
// one-shot build renders its articles: each article's, made from the copy
// with its detail (the model's may have none), under the ids its place in
// Lang.Articles gives it. A language's collector is handed over once its
// last article is in, so its index is built, and its postings freed, while
// the next language renders.
type Collectors struct {
	mu     sync.Mutex
	byLang []*Collector          // by language index; nil once handed over
	left   []int                 // by language index: articles not yet added
	first  map[*site.Article]int // article → the id of its first document
}

// NewCollectors returns the collectors of every language of s, ready
// for each article's documents.
func NewCollectors(s *site.Site) *Collectors {
	sc := &Collectors{byLang: make([]*Collector, len(s.Languages)), left: make([]int, len(s.Languages)), first: map[*site.Article]int{}}
	for i, l := range s.Languages {
		n := 0
		for _, a := range l.Articles {
			sc.first[a] = n
			n += 1 + len(a.Scenarios) + a.ReplyCount() // (Docs)
		}
		sc.byLang[i] = NewCollector(l.Code, n)
		sc.left[i] = len(l.Articles)
	}
	return sc
}

// Add adds the documents of article a, given with its detail as full, and
// returns its language's collector when a was the language's last article
// (nil otherwise); the collector is then the caller's. It is safe for
// concurrent use.
func (sc *Collectors) Add(a, full *site.Article) *Collector {
	i := a.Lang.Index()
	sc.mu.Lock()
	c := sc.byLang[i]
	sc.mu.Unlock()
	c.Add(sc.first[a], Docs(full))
	sc.mu.Lock()
	defer sc.mu.Unlock()
	if sc.left[i]--; sc.left[i] > 0 {
		return nil
	}
	sc.byLang[i] = nil
	return c
}

// Rest returns the languages whose collectors were not handed over by
// Add (a language without articles, an interrupted build), and their
// collectors, which are then the caller's.
func (sc *Collectors) Rest(s *site.Site) ([]*site.Lang, func(*site.Lang) (*Collector, error)) {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	var langs []*site.Lang
	rest := map[*site.Lang]*Collector{}
	for i, c := range sc.byLang {
		if c != nil {
			langs = append(langs, s.Languages[i])
			rest[s.Languages[i]] = c
			sc.byLang[i] = nil
		}
	}
	return langs, func(l *site.Lang) (*Collector, error) { return rest[l], nil }
}
