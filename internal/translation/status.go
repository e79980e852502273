// Package translation tells translators where they stand: each
// language's articles, replies, quiz texts and interface strings against
// the source language (current, stale, untracked or missing, by the source
// version a translation records), and, for a stale one, what changed in
// the source since (from the source text kept when it was marked); and it
// marks translations current.
package translation

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/tact-guide/tact/internal/diag"
	"github.com/tact-guide/tact/internal/locale"
	"github.com/tact-guide/tact/internal/site"
	"github.com/tact-guide/tact/internal/sourcever"
	"github.com/tact-guide/tact/internal/textdiff"
)

// Translation states (the model's words for its quiz texts).
const (
	Current   = sourcever.Current   // made from the source as it is now
	Stale     = sourcever.Stale     // the source changed since
	Untracked = sourcever.Untracked // records no source version
	Missing   = sourcever.Missing   // not translated
)

// Row is one language's translation status against the source.
type Row struct {
	Lang     *site.Lang
	Articles map[string]int // state → number of articles
	Replies  map[string]int // state (of their article) → number of replies
	Quiz     string         // state of the quiz texts; "" without a quiz
	Items    []Item         // every article that is not current
	QuizDiff Diff           // what changed in the source's quiz texts, when Quiz is stale
	Strings  string         // state of the interface strings (i18n/<lang>.toml); "" without a source
	// The source's interface strings that changed since the language's
	// were translated (when Strings is stale), by id; StringsKnown is
	// false when the version they were made from was not kept.
	StringChanges []StringChange
	StringsKnown  bool
}

// Todo reports whether the row lists anything for a translator to do.
func (r Row) Todo() bool {
	return len(r.Items) > 0 || r.Quiz == Stale || r.Strings == Stale
}

// StringsFile returns the language's interface strings file.
func (r Row) StringsFile() string { return site.I18nDir + "/" + r.Lang.Code + ".toml" }

// QuizFile returns the language's quiz texts.
func (r Row) QuizFile() string { return site.ContentDir + "/" + r.Lang.Code + "/quiz.toml" }

// Item is one translation that needs a translator.
type Item struct {
	Key, Title, State string
	File              string // the translation; "" when missing
	Source            *site.Article
	Diff              Diff // what changed in the source since, when State is stale
}

// Diff is what changed in a source text since a translation was made from
// it. Known is false when the version it was made from was not kept (no
// snapshot: the translation was marked before they were kept).
type Diff struct {
	Known bool
	File  string          // the source file
	Hunks []textdiff.Hunk // Line: the line of File
}

// StringChange is one interface string of the source language that is new
// or changed since a language's strings were translated.
type StringChange struct {
	ID       string
	Old, New string // the source's text then ("" when new) and now
	Spans    []textdiff.Span
}

// diff returns what changed between two versions of the source text in
// file.
func diff(s *site.Site, file, from, now string) Diff {
	old, _, ok1 := s.SourceText(from)
	cur, line, ok2 := s.SourceText(now)
	if !ok1 || !ok2 {
		return Diff{}
	}
	d := Diff{Known: true, File: file, Hunks: textdiff.Hunks(old, cur)}
	for i := range d.Hunks {
		d.Hunks[i].Line += line - 1
	}
	return d
}

// stringChanges returns the source's interface strings that are new or
// changed between two versions of its message file, by id; ok is false
// when either version's text is not there.
func stringChanges(s *site.Site, from, now string) (changes []StringChange, ok bool) {
	old, _, ok1 := s.SourceText(from)
	cur, _, ok2 := s.SourceText(now)
	if !ok1 || !ok2 {
		return nil, false
	}
	before, err1 := locale.Texts([]byte(old))
	after, err2 := locale.Texts([]byte(cur))
	if err1 != nil || err2 != nil {
		return nil, false
	}
	for _, id := range slices.Sorted(maps.Keys(after)) {
		if was, ok := before[id]; !ok || was != after[id] {
			changes = append(changes, StringChange{ID: id, Old: was, New: after[id], Spans: textdiff.Words(was, after[id])})
		}
	}
	return changes, true
}

// StaleSource returns the source of article a, when a is a translation whose
// source changed since it was translated (it records the version it was
// made from, and that is no longer the source's); nil otherwise.
func StaleSource(s *site.Site, a *site.Article) *site.Article {
	if a.Lang.Code == s.SourceLang() || a.TranslatedFrom == "" {
		return nil
	}
	if src := s.Article(a.Key, s.SourceLang()); src != nil && src.SourceHash != a.TranslatedFrom {
		return src
	}
	return nil
}

// Status compares every language of s with the source language. It
// returns nil when tact.toml names no source.
func Status(s *site.Site) []Row {
	src := s.Lang(s.SourceLang())
	if src == nil {
		return nil
	}
	var rows []Row
	for _, lang := range s.Languages {
		if lang == src {
			continue
		}
		row := Row{Lang: lang, Articles: map[string]int{}, Replies: map[string]int{}}
		for _, a := range src.Articles {
			t := s.Article(a.Key, lang.Code)
			state := Missing
			switch {
			case t == nil:
			case t.TranslatedFrom == "":
				state = Untracked
			case StaleSource(s, t) == nil:
				state = Current
			default:
				state = Stale
			}
			row.Articles[state]++
			row.Replies[state] += a.ReplyCount()
			if state != Current {
				item := Item{Key: a.Key, Title: a.Title, State: state, Source: a}
				if t != nil {
					item.File = t.File
				}
				if state == Stale {
					item.Diff = diff(s, a.File, t.TranslatedFrom, a.SourceHash)
				}
				row.Items = append(row.Items, item)
			}
		}
		if s.Quiz != nil {
			row.Quiz = s.QuizTexts().State(lang.Code)
			if row.Quiz == Stale {
				from, now := s.QuizTexts().Versions(lang.Code)
				row.QuizDiff = diff(s, site.ContentDir+"/"+src.Code+"/quiz.toml", from, now)
			}
		}
		row.Strings = s.Strings().State(lang.Code)
		if row.Strings == Stale {
			from, now := s.Strings().Versions(lang.Code)
			row.StringChanges, row.StringsKnown = stringChanges(s, from, now)
		}
		rows = append(rows, row)
	}
	return rows
}

// Table formats the status as the plain-text table the build prints.
func Table(rows []Row) string {
	var b strings.Builder
	count := func(m map[string]int) string {
		var parts []string
		for _, st := range []string{Current, Stale, Untracked, Missing} {
			if m[st] > 0 {
				parts = append(parts, fmt.Sprintf("%d %s", m[st], st))
			}
		}
		return strings.Join(parts, ", ")
	}
	strs := func(r Row) string {
		if r.Strings == Stale && r.StringsKnown {
			return fmt.Sprintf("%d %s", len(r.StringChanges), Stale)
		}
		return r.Strings
	}
	fmt.Fprintf(&b, "%-8s %-40s %-40s %-10s %s\n", "language", "articles", "replies", "quiz", "strings")
	for _, r := range rows {
		fmt.Fprintf(&b, "%-8s %-40s %-40s %-10s %s\n", r.Lang.Code, count(r.Articles), count(r.Replies), r.Quiz, strs(r))
	}
	return b.String()
}

// Gaps reports articles missing in a language and scenarios the quiz does
// not reach: the warnings of every build.
func Gaps(s *site.Site) []error {
	var errs []error
	for _, key := range s.Keys {
		for _, lang := range s.Languages {
			if s.Translations(key)[lang.Index()] == nil {
				errs = append(errs, &diag.Error{File: site.ContentDir + "/" + lang.Code, Msg: fmt.Sprintf("article %q is not translated into %s yet", key, lang.Name)})
			}
		}
	}
	if s.Quiz != nil {
		errs = append(errs, s.Quiz.Uncovered...)
	}
	return errs
}
