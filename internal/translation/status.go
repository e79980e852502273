// Package translation tells translators where they stand: each
// language's articles, replies and quiz texts against the source language
// (current, stale, untracked or missing, by the source version a
// translation records), and marks translations current.
package translation

import (
	"fmt"
	"strings"

	"tact/internal/diag"
	"tact/internal/site"
)

// Translation states (the model's words for its quiz texts).
const (
	Current   = site.StatusCurrent   // made from the source as it is now
	Stale     = site.StatusStale     // the source changed since
	Untracked = site.StatusUntracked // records no source version
	Missing   = site.StatusMissing   // not translated
)

// Row is one language's translation status against the source.
type Row struct {
	Lang     *site.Lang
	Articles map[string]int // state → number of articles
	Replies  map[string]int // state (of their article) → number of replies
	Quiz     string         // state of the quiz texts; "" without a quiz
	Items    []Item         // every article that is not current
}

// Item is one translation that needs a translator.
type Item struct {
	Key, Title, State string
	File              string // the translation; "" when missing
	Source            *site.Article
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
				row.Items = append(row.Items, item)
			}
		}
		if s.Quiz != nil {
			row.Quiz = s.QuizState(lang.Code)
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
	fmt.Fprintf(&b, "%-8s %-40s %-40s %s\n", "language", "articles", "replies", "quiz")
	for _, r := range rows {
		fmt.Fprintf(&b, "%-8s %-40s %-40s %s\n", r.Lang.Code, count(r.Articles), count(r.Replies), r.Quiz)
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
