package site

import (
	"path"
	"slices"
	"strings"

	"github.com/tact-guide/tact/internal/sig"
	"github.com/tact-guide/tact/internal/sitefs"
)

// TakeEdits takes into s, the site of the last Load (with cache its parse
// results), the changed files when every one is an article whose edit
// leaves alone everything other pages show of it (Article.Listing:
// address, title, summary, dates, scenario and reply ids, titles and
// verdicts, related articles, placeholders). The site's structure is then
// the same as before and only the pages of the edited articles change:
// it returns those articles, or ok=false when some edit needs a Load.
func (l *Loader) TakeEdits(s *Site, cache Cache, changed []string) (touched map[*Article]bool, ok bool) {
	if s == nil || len(changed) == 0 {
		return nil, false
	}
	type edit struct {
		old, new *Article
		hash     uint64
	}
	var edits []edit
	for _, c := range changed {
		c = path.Clean(c)
		prev, cached := cache[c]
		old, isArticle := prev.result.(*Article)
		if !cached || !isArticle || prev.err != nil || old == nil || !strings.HasSuffix(c, ".md") || s.ArticleByFile(c) != old {
			return nil, false
		}
		src, err := sitefs.ReadText(l.fsys, c)
		if err != nil {
			return nil, false
		}
		h := sig.Bytes(src)
		if h == prev.hash {
			continue
		}
		na, err := l.parseArticle(job{lang: old.Lang, file: c}, src)
		// (A source article whose text changed makes its translations
		// stale: their pages say so, which the prose path does not redo.
		// A translation that records another version needs that version's
		// text for the status page's diff, which a Load reads.)
		if err != nil || na == nil || !sameShape(old, na) || old.Lang.Code == s.SourceLang() && na.SourceHash != old.SourceHash || na.TranslatedFrom != old.TranslatedFrom {
			return nil, false
		}
		na.srcHash = h
		edits = append(edits, edit{old, na, h})
	}
	touched = map[*Article]bool{}
	for _, e := range edits {
		e.old.takeProse(e.new)
		cache[e.old.File] = parsed{hash: e.hash, result: e.old}
		touched[e.old] = true
	}
	return touched, true
}

// sameShape reports whether an edited article shows the same to other
// pages as before, and keeps its structure (so the model can take its
// prose in place).
func sameShape(old, na *Article) bool {
	if old.Listing() != na.Listing() || old.Draft != na.Draft || !slices.Equal(old.Related, na.Related) || len(old.Scenarios) != len(na.Scenarios) {
		return false
	}
	for i, sc := range old.Scenarios {
		ns := na.Scenarios[i]
		if len(sc.Replies) != len(ns.Replies) {
			return false
		}
		for j, r := range sc.Replies {
			if r.slots != ns.Replies[j].slots {
				return false // translation parity depends on it
			}
		}
	}
	return true
}

// takeProse copies into a what an edit changed that stays within its own
// pages.
func (a *Article) takeProse(na *Article) {
	a.body, a.reload, a.dropped, a.Tags, a.TranslatedFrom, a.SourceHash, a.srcHash = na.body, na.reload, na.dropped, na.Tags, na.TranslatedFrom, na.SourceHash, na.srcHash
	a.Minutes = na.Minutes
	a.fields = na.fields
	for i, sc := range a.Scenarios {
		ns := na.Scenarios[i]
		sc.ScenarioText, sc.line, sc.col = ns.ScenarioText, ns.line, ns.col
		for j, r := range sc.Replies {
			nr := ns.Replies[j]
			r.Message, r.slots, r.line, r.col = nr.Message, nr.slots, nr.line, nr.col
		}
	}
}
