package search

import "tact/internal/site"

// Collectors gather each language's search documents while a
// one-shot build renders its articles: each article's, made from the copy
// with its detail (the model's may have none), under the ids its place in
// Lang.Articles gives it.
type Collectors struct {
	byLang []*Collector          // by language index
	first  map[*site.Article]int // article → the id of its first document
}

// NewCollectors returns the collectors of every language of s, ready
// for each article's documents.
func NewCollectors(s *site.Site) *Collectors {
	sc := &Collectors{byLang: make([]*Collector, len(s.Languages)), first: map[*site.Article]int{}}
	for i, l := range s.Languages {
		n := 0
		for _, a := range l.Articles {
			sc.first[a] = n
			n += 1 + len(a.Scenarios) + a.ReplyCount() // (Docs)
		}
		sc.byLang[i] = NewCollector(l.Code, n)
	}
	return sc
}

// Add adds the documents of article a, given with its detail as full.
// It is safe for concurrent use.
func (sc *Collectors) Add(a, full *site.Article) {
	sc.byLang[a.Lang.Index()].Add(sc.first[a], Docs(full))
}

// Of returns language lang's collector.
func (sc *Collectors) Of(lang *site.Lang) (*Collector, error) {
	return sc.byLang[lang.Index()], nil
}

// FromModel returns a collector of language lang's documents from the
// model, whose articles hold their detail (a watch Builder's).
func FromModel(lang *site.Lang) (*Collector, error) {
	var docs []Doc
	for _, a := range lang.Articles {
		full, err := a.WithDetail()
		if err != nil {
			return nil, err
		}
		docs = append(docs, Docs(full)...)
	}
	c := NewCollector(lang.Code, len(docs))
	c.Add(0, docs)
	return c, nil
}
