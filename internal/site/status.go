package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"path"
	"strings"

	"tact/internal/sitefs"
)

// SourceHash identifies a version of a source text (an article's body, a
// quiz text file, the interface strings): a translation records the hash
// of the version it was made from, in its front matter as translatedFrom
// (or, for quiz texts and interface strings, in a first line
// "# translatedFrom = ..."), and the build compares it with the source's
// current hash.
func SourceHash(body []byte) string {
	sum := sha256.Sum256(body)
	return hex.EncodeToString(sum[:6])
}

// SnapshotDir holds the versions of source texts that translations were
// made from, one file per version named by its SourceHash
// (SnapshotFile): build --mark-translated writes them, and the
// translation status diffs them against the source as it is now.
const SnapshotDir = "translated-from"

// SnapshotFile returns the file that keeps the source text of version
// hash; ext is the source's: ".md" for an article's body, ".toml" for quiz
// texts and interface strings.
func SnapshotFile(hash, ext string) string { return path.Join(SnapshotDir, hash+ext) }

// Translation states, of an article, a language's quiz texts or its
// interface strings.
const (
	StatusCurrent   = "current"   // made from the source as it is now
	StatusStale     = "stale"     // the source changed since
	StatusUntracked = "untracked" // records no source version
	StatusMissing   = "missing"   // not translated
)

// tracked is a source file of which each language keeps one translation
// that records its version in a first line: the quiz texts, the interface
// strings.
type tracked struct {
	now   string            // the source's version
	text  []byte            // the source, without a mark line
	line  int               // of the source file, where text starts
	marks map[string]string // language → the version its file records ("" none); absent when it has no file
}

// track reads a tracked file's source (file(source)) and each language's
// translation of it. It returns nil when the source cannot be read.
func track(fsys fs.FS, source string, langs []string, file func(lang string) string) *tracked {
	if source == "" {
		return nil
	}
	srcBody, err := fs.ReadFile(fsys, file(source))
	if err != nil {
		return nil
	}
	t := &tracked{text: withoutMark(srcBody), line: 1, marks: map[string]string{}}
	if len(t.text) < len(srcBody) {
		t.line = 2
	}
	t.now = SourceHash(t.text)
	for _, lang := range langs {
		if lang == source {
			continue
		}
		if b, err := fs.ReadFile(fsys, file(lang)); err == nil {
			t.marks[lang] = quizMark(b)
		}
	}
	return t
}

// state returns the translation state of lang's file, "" when t is nil.
func (t *tracked) state(lang string) string {
	if t == nil {
		return ""
	}
	mark, ok := t.marks[lang]
	switch {
	case !ok:
		return StatusMissing
	case mark == "":
		return StatusUntracked
	case mark == t.now:
		return StatusCurrent
	}
	return StatusStale
}

// versions returns the version lang's file records and the source's now.
func (t *tracked) versions(lang string) (from, now string) {
	if t == nil {
		return "", ""
	}
	return t.marks[lang], t.now
}

const quizMarkPrefix = "# translatedFrom = "

// quizMark returns the source version recorded in a quiz text file's (or
// an interface strings file's) first line, or "".
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

// MarkQuiz returns quiz texts (or interface strings) marked as made from
// srcQuiz, the source language's: a first line records its version.
func MarkQuiz(quiz, srcQuiz []byte) string {
	return quizMarkPrefix + `"` + SourceHash(withoutMark(srcQuiz)) + "\"\n" + string(withoutMark(quiz))
}

// Mark returns the version a quiz text file or interface strings file
// records in its first line, or "".
func Mark(b []byte) string { return quizMark(b) }

// WithoutMark returns a quiz text file or interface strings file without
// its mark line: the text whose SourceHash a translation records.
func WithoutMark(b []byte) []byte { return withoutMark(b) }

// QuizState returns the translation state of a language's quiz texts
// (Status…), "" when the site has no quiz or tact.toml names no source.
func (s *Site) QuizState(lang string) string {
	if s.Quiz == nil {
		return ""
	}
	return s.quizTrack.state(lang)
}

// QuizVersions returns the version of the source's quiz texts that
// lang's records, and the source's version now.
func (s *Site) QuizVersions(lang string) (from, now string) { return s.quizTrack.versions(lang) }

// StringsState returns the translation state of a language's interface
// strings (i18n/<lang>.toml), "" when tact.toml names no source.
func (s *Site) StringsState(lang string) string { return s.stringsTrack.state(lang) }

// StringsVersions returns the version of the source's interface strings
// that lang's records, and the source's version now.
func (s *Site) StringsVersions(lang string) (from, now string) {
	return s.stringsTrack.versions(lang)
}

// SourceText returns the source text of version hash, when the build has
// it: for every stale translation, the version it was made from (from its
// snapshot, SnapshotFile) and the source as it is now, so that the
// translation status can show what changed.
// line is the line of the source file the text starts on, for the
// source as it is now (1 for a snapshot).
func (s *Site) SourceText(hash string) (text string, line int, ok bool) {
	t, ok := s.sources[hash]
	return t.text, t.line, ok
}

// sourceText is a version of a source text, and the line of its file it
// starts on.
type sourceText struct {
	text string
	line int
}

// loadVersions reads what the translation status compares: each
// language's quiz texts and interface strings against the source's, and,
// for every stale translation, the source text it was made from and the
// source text now.
func (s *Site) loadVersions(fsys fs.FS, langs []string) {
	if s.Quiz != nil {
		s.quizTrack = track(fsys, s.source, langs, func(l string) string { return path.Join(ContentDir, l, "quiz.toml") })
	}
	s.stringsTrack = track(fsys, s.source, langs, func(l string) string { return path.Join(I18nDir, l+".toml") })
	if s.source == "" {
		return
	}
	s.sources = map[string]sourceText{}
	// want keeps the texts of versions from and now, when from is stale and
	// its snapshot is there (a snapshot that does not hash to its name is
	// not one).
	want := func(from, now, ext string, current func() ([]byte, int)) {
		if from == "" || from == now {
			return
		}
		if _, ok := s.sources[from]; !ok {
			b, err := sitefs.ReadText(fsys, SnapshotFile(from, ext))
			if err != nil || SourceHash(b) != from {
				return
			}
			s.sources[from] = sourceText{string(b), 1}
		}
		if _, ok := s.sources[now]; !ok {
			if b, line := current(); SourceHash(b) == now {
				s.sources[now] = sourceText{string(b), line}
			}
		}
	}
	for _, lang := range s.Languages {
		if lang.Code == s.source {
			continue
		}
		for _, a := range lang.Articles {
			if src := s.Article(a.Key, s.source); src != nil {
				want(a.TranslatedFrom, src.SourceHash, ".md", func() ([]byte, int) {
					b, err := sitefs.ReadText(fsys, src.File)
					if err != nil {
						return nil, 0
					}
					_, body, _, off, err := splitFrontMatter(src.File, b)
					if err != nil {
						return nil, 0
					}
					return body, 1 + bytes.Count(b[:off], []byte("\n"))
				})
			}
		}
		for _, t := range []*tracked{s.quizTrack, s.stringsTrack} {
			if t != nil {
				want(t.marks[lang.Code], t.now, ".toml", func() ([]byte, int) { return t.text, t.line })
			}
		}
	}
}
