package search

import (
	"maps"
	"slices"
	"unicode/utf8"
)

// delta is what a Cache's collector changes of the memo's index when a
// few articles were edited and each kept its number of documents: every
// other document keeps its id, so a term's documents change only inside
// the edited articles' ranges of ids, and only the terms of their old and
// new text need looking at. A rebuild after one edit at 1,000 articles
// then costs microseconds here instead of the milliseconds of gathering
// and inverting every document again (fill, invert).
type delta struct {
	edits []edit
	count []int32           // by word id: the documents holding it, after the edits
	has   func(string) bool // whether a word is in any document, after the edits
}

// edit is one edited article: its first document's id, before and after.
type edit struct {
	first    int32
	was, now *cached
}

// maxEdits is the most articles a delta takes; a bigger change (a switch
// of branch) is made from scratch.
const maxEdits = 16

// delta returns the delta from the memo's index to the documents of
// arts, or nil when the index must be made from scratch: no index yet,
// articles added or removed, an article in a place that held another
// number of documents, too many edits, or (in a language that indexes
// compounds by their parts) a word appearing or disappearing, which can
// change the parts of words anywhere. (An article in the place of another
// with as many documents is an edit of that place like any other.)
func (lc *langCache) delta(arts []*cached, r *Rules) *delta {
	m := &lc.memo
	if m.index == nil || len(arts) != len(m.arts) || m.count == nil {
		return nil
	}
	d := &delta{}
	first := int32(0)
	for i, ca := range arts {
		was := m.arts[i]
		if ca != was {
			if len(ca.rows) != len(was.rows) || len(d.edits) == maxEdits {
				return nil
			}
			d.edits = append(d.edits, edit{first, was, ca})
		}
		first += int32(len(ca.rows))
	}
	d.count = make([]int32, len(lc.words))
	copy(d.count, m.count)
	for _, e := range d.edits {
		for _, ws := range e.was.words {
			for _, x := range ws {
				d.count[x>>1]--
			}
		}
		for _, ws := range e.now.words {
			for _, x := range ws {
				d.count[x>>1]++
			}
		}
	}
	if r.Compound {
		for _, e := range d.edits {
			for _, ws := range [][][]int32{e.was.words, e.now.words} {
				for _, w := range ws {
					for _, x := range w {
						if i := x >> 1; int(i) >= len(m.count) || (m.count[i] > 0) != (d.count[i] > 0) {
							return nil
						}
					}
				}
			}
		}
	}
	d.has = func(w string) bool {
		id, ok := lc.vocab[w]
		return ok && d.count[id] > 0
	}
	return d
}

// apply returns the postings, title postings and sorted terms of the
// memo's index with the edits made, leaving that index as it was.
func (d *delta) apply(old *Index, vocab []string, r *Rules) (post, head map[string][]int32, terms []string) {
	post, head = maps.Clone(old.post), maps.Clone(old.head)
	added, removed := false, false
	for _, e := range d.edits {
		end := e.first + int32(len(e.now.rows))
		// The terms of the old text lose the edited range; those of the
		// new text gain its documents that hold them.
		touched := map[string]bool{}
		for _, ws := range e.was.words {
			for _, x := range ws {
				for _, t := range wordStems(vocab[x>>1], r, d.has) {
					if t != "" {
						touched[t] = true
					}
				}
			}
		}
		all, title := map[string][]int32{}, map[string][]int32{}
		for j, ws := range e.now.words {
			id := e.first + int32(j)
			for _, x := range ws {
				for k, t := range wordStems(vocab[x>>1], r, d.has) {
					if t == "" {
						continue
					}
					touched[t] = true
					all[t] = appendOnce(all[t], id)
					if k == 0 && x&1 == 1 {
						title[t] = appendOnce(title[t], id)
					}
				}
			}
		}
		for t := range touched {
			_, had := post[t]
			if ids := splice(post[t], e.first, end, all[t]); len(ids) > 0 {
				post[t] = ids
				added = added || !had
			} else if had {
				delete(post, t)
				removed = true
			}
			if ids := splice(head[t], e.first, end, title[t]); len(ids) > 0 {
				head[t] = ids
			} else {
				delete(head, t)
			}
		}
	}
	terms = old.terms
	if added || removed {
		terms = slices.Sorted(maps.Keys(post))
	}
	return post, head, terms
}

// wordStems returns the terms word w is indexed under: its stem first
// (the term of the documents with w in their title), then, in a language
// that splits compounds, the stems of its last parts that are words of
// the language's documents (has). A term too short to index (under two
// letters) is "".
func wordStems(w string, r *Rules, has func(string) bool) []string {
	stems := []string{r.Stem(w)}
	if r.Compound {
		stems = append(stems, splitCompound(w, has, r)...)
	}
	for k, t := range stems {
		if utf8.RuneCountInString(t) < 2 {
			stems[k] = ""
		}
	}
	return stems
}

// appendOnce appends id to ascending ids unless it is already the last.
func appendOnce(ids []int32, id int32) []int32 {
	if n := len(ids); n > 0 && ids[n-1] == id {
		return ids
	}
	return append(ids, id)
}

// splice returns ascending ids with those in [from, to) replaced by
// with (ascending, all in that range), in a new slice.
func splice(ids []int32, from, to int32, with []int32) []int32 {
	lo, _ := slices.BinarySearch(ids, from)
	hi, _ := slices.BinarySearch(ids, to)
	out := make([]int32, 0, lo+len(with)+len(ids)-hi)
	out = append(out, ids[:lo]...)
	out = append(out, with...)
	return append(out, ids[hi:]...)
}
