package site

import (
	"crypto/sha256"
	"encoding/hex"
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

// MarkQuiz returns quiz texts marked as made from srcQuiz, the source
// language's quiz texts: a first line records its version.
func MarkQuiz(quiz, srcQuiz []byte) string {
	return quizMarkPrefix + `"` + SourceHash(withoutMark(srcQuiz)) + "\"\n" + string(withoutMark(quiz))
}

// QuizState returns the translation state of a language's quiz texts
// (Status…), "" when the site has no quiz or tact.toml names no source.
func (s *Site) QuizState(lang string) string { return s.quizStatus[lang] }
