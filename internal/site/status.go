package site

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"path"
	"strings"
)

// SourceHash identifies a version of a source text (an article's body, a
// quiz text file): a translation records the hash of the version it was
// made from, in its front matter as translatedFrom (or, for quiz texts, in
// a first line "# translatedFrom = ..."), and the build compares it with
// the source's current hash.
func SourceHash(body []byte) string {
	sum := sha256.Sum256(body)
	return hex.EncodeToString(sum[:6])
}

// Translation states.
const (
	StatusCurrent   = "current"   // made from the source as it is now
	StatusStale     = "stale"     // the source changed since
	StatusUntracked = "untracked" // records no source version
	StatusMissing   = "missing"   // not translated
)

// StatusRow is one language's translation status against the source.
type StatusRow struct {
	Lang     *Lang
	Articles map[string]int // state → number of articles
	Replies  map[string]int // state (of their article) → number of replies
	Quiz     string         // state of the quiz texts; "" without a quiz
	Items    []StatusItem   // every article that is not current
}

// StatusItem is one translation that needs a translator.
type StatusItem struct {
	Key, Title, State string
	File              string // the translation; "" when missing
	Source            *Article
}

// TranslationStatus compares every language with the source language. It
// returns nil when tact.toml names no source.
func (s *Site) TranslationStatus() []StatusRow {
	src := s.Lang(s.source)
	if src == nil {
		return nil
	}
	var rows []StatusRow
	for _, lang := range s.Languages {
		if lang == src {
			continue
		}
		row := StatusRow{Lang: lang, Articles: map[string]int{}, Replies: map[string]int{}}
		for _, a := range src.Articles {
			t := s.Article(a.Key, lang.Code)
			state := StatusMissing
			switch {
			case t == nil:
			case t.TranslatedFrom == "":
				state = StatusUntracked
			case t.TranslatedFrom == a.SourceHash:
				state = StatusCurrent
			default:
				state = StatusStale
			}
			row.Articles[state]++
			row.Replies[state] += a.ReplyCount()
			if state != StatusCurrent {
				item := StatusItem{Key: a.Key, Title: a.Title, State: state, Source: a}
				if t != nil {
					item.File = t.File
				}
				row.Items = append(row.Items, item)
			}
		}
		if s.Quiz != nil {
			row.Quiz = s.quizStatus[lang.Code]
		}
		rows = append(rows, row)
	}
	return rows
}

// StatusTable formats the status as the plain-text table the build prints.
func StatusTable(rows []StatusRow) string {
	var b strings.Builder
	count := func(m map[string]int) string {
		var parts []string
		for _, st := range []string{StatusCurrent, StatusStale, StatusUntracked, StatusMissing} {
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

// quizStatuses compares each language's quiz texts with the source's.
func quizStatuses(fsys fs.FS, source string, langs []string) map[string]string {
	if source == "" {
		return nil
	}
	srcBody, err := fs.ReadFile(fsys, path.Join(ContentDir, source, "quiz.toml"))
	if err != nil {
		return nil
	}
	want := SourceHash(withoutMark(srcBody))
	out := map[string]string{}
	for _, lang := range langs {
		if lang == source {
			continue
		}
		b, err := fs.ReadFile(fsys, path.Join(ContentDir, lang, "quiz.toml"))
		switch {
		case err != nil:
			out[lang] = StatusMissing
		case quizMark(b) == "":
			out[lang] = StatusUntracked
		case quizMark(b) == want:
			out[lang] = StatusCurrent
		default:
			out[lang] = StatusStale
		}
	}
	return out
}

const quizMarkPrefix = "# translatedFrom = "

// quizMark returns the source version recorded in a quiz text file's first
// line, or "".
func quizMark(b []byte) string {
	line, _, _ := strings.Cut(string(b), "\n")
	if v, ok := strings.CutPrefix(strings.TrimSpace(line), quizMarkPrefix); ok {
		return strings.Trim(v, `"`)
	}
	return ""
}

// withoutMark drops a quiz text file's mark line, so that marking the
// source itself does not change its hash.
func withoutMark(b []byte) []byte {
	if quizMark(b) == "" {
		return b
	}
	_, rest, _ := strings.Cut(string(b), "\n")
	return []byte(rest)
}
