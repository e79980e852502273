package search

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// The query, as the script runs it (assets/js/search.js): this Go copy is
// what tests and benchmarks measure the index with.

// PerKind is the most results of each kind a query shows.
const PerKind = 6

// MinPrefix is the fewest letters of a query stem matched as a prefix of
// the index's stems; a shorter one must match a stem exactly.
const MinPrefix = 3

// Result is one document a query found.
type Result struct {
	ID    int
	Score int
	Doc   Entry
}

// QueryTerms returns the stems a query searches for: folded, cut into
// words, stop words out, stemmed, each once.
func (r *Rules) QueryTerms(q string) []string {
	var out []string
	for _, w := range Words(Fold(q)) {
		if r.stop[w] {
			continue
		}
		if t := r.Stem(w); utf8.RuneCountInString(t) >= 2 && !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

// Search returns every document that matches each stem of q, best first,
// and the addresses of the files a reader's browser downloads to show the
// first PerKind of each kind (the manifest not counted).
func (ix *Index) Search(q string) (results []Result, files []string) {
	fetched := map[string]bool{}
	var scores map[int]int
	for _, q := range ix.rules.QueryTerms(q) {
		for _, s := range ix.shardsFor(q) {
			fetched[ix.shards[s]] = true
		}
		best := map[int]int{}
		for _, t := range ix.matching(q) {
			w := 1
			if t == q {
				w = 2
			}
			for _, id := range ix.post[t] {
				best[int(id)] = max(best[int(id)], w)
			}
			for _, id := range ix.head[t] {
				best[int(id)] = max(best[int(id)], w+2)
			}
		}
		if scores == nil {
			scores = best
			continue
		}
		for id, s := range scores {
			if b, ok := best[id]; ok {
				scores[id] = s + b
			} else {
				delete(scores, id)
			}
		}
	}
	for id, s := range scores {
		results = append(results, Result{ID: id, Score: s, Doc: ix.docs[id]})
	}
	slices.SortFunc(results, func(a, b Result) int { return cmp.Or(b.Score-a.Score, a.ID-b.ID) })
	shown := map[Kind]int{}
	for _, r := range results {
		if shown[r.Doc.Kind] < PerKind {
			shown[r.Doc.Kind]++
			fetched[ix.chunks[r.ID/ix.chunk]] = true
		}
	}
	files = make([]string, 0, len(fetched))
	for f := range fetched {
		files = append(files, f)
	}
	slices.Sort(files)
	return results, files
}

// matching returns the index's stems that q matches: q itself, and every
// stem it begins when it is MinPrefix letters or longer.
func (ix *Index) matching(q string) []string {
	if utf8.RuneCountInString(q) < MinPrefix {
		if _, ok := ix.post[q]; ok {
			return []string{q}
		}
		return nil
	}
	i := sort.SearchStrings(ix.terms, q)
	j := i
	for j < len(ix.terms) && strings.HasPrefix(ix.terms[j], q) {
		j++
	}
	return ix.terms[i:j]
}

// shardsFor returns the shards that hold the stems q matches.
func (ix *Index) shardsFor(q string) []int {
	// The shard whose range holds q, and the next ones while they begin
	// with q.
	i := sort.Search(len(ix.firsts), func(k int) bool { return ix.firsts[k] > q }) - 1
	i = max(i, 0)
	out := []int{i}
	if utf8.RuneCountInString(q) >= MinPrefix {
		for k := i + 1; k < len(ix.firsts) && strings.HasPrefix(ix.firsts[k], q); k++ {
			out = append(out, k)
		}
	}
	return out
}

// Size returns the size in bytes of the index file at address u.
func (ix *Index) Size(u string) int { return ix.size[u] }
