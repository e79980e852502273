package site

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"tact/internal/diag"
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

// Translation states, of an article or of a language's quiz texts.
const (
	StatusCurrent   = "current"   // made from the source as it is now
	StatusStale     = "stale"     // the source changed since
	StatusUntracked = "untracked" // records no source version
	StatusMissing   = "missing"   // not translated
)

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

// TranslationGaps reports articles missing in a language and scenarios the
// quiz does not reach.
func (s *Site) TranslationGaps() []error {
	var errs []error
	for _, key := range s.Keys {
		for _, lang := range s.Languages {
			if s.articles[key][lang.index] == nil {
				errs = append(errs, &diag.Error{File: ContentDir + "/" + lang.Code, Msg: fmt.Sprintf("article %q is not translated into %s yet", key, lang.Name)})
			}
		}
	}
	if s.Quiz != nil {
		errs = append(errs, s.Quiz.Uncovered...)
	}
	return errs
}

// QuizMark returns the first line a translation's quiz texts carry to
// record that they are made from srcQuiz, the source language's quiz texts.
func QuizMark(srcQuiz []byte) string {
	return quizMarkPrefix + `"` + SourceHash(withoutMark(srcQuiz)) + "\"\n"
}

// WithoutQuizMark returns quiz texts without their mark line.
func WithoutQuizMark(b []byte) []byte { return withoutMark(b) }

// QuizState returns the translation state of a language's quiz texts
// (Status…), "" when the site has no quiz or tact.toml names no source.
func (s *Site) QuizState(lang string) string { return s.quizStatus[lang] }
