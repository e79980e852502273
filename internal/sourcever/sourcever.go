// Package sourcever is what a translation records of its source: the
// version (Hash) of the source text it was made from, written as
// translatedFrom in an article's front matter or as a first line of quiz
// texts and interface strings (Mark, MarkQuiz); the kept texts of those
// versions (Dir), which show a translator what changed since; and the
// translation states that follow (Current, Stale, Untracked, Missing).
package sourcever

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"path"
	"strings"

	"github.com/tact-guide/tact/internal/sitefs"
)

// Hash identifies a version of a source text (an article's body, a
// quiz text file, the interface strings): a translation records the hash
// of the version it was made from, in its front matter as translatedFrom
// (or, for quiz texts and interface strings, in a first line
// "# translatedFrom = ..."), and the build compares it with the source's
// current hash.
func Hash(body []byte) string {
	sum := sha256.Sum256(body)
	return hex.EncodeToString(sum[:6])
}

// Dir holds the versions of source texts that translations were
// made from, one file per version named by its Hash
// (File): build --mark-translated writes them, and the
// translation status diffs them against the source as it is now.
const Dir = "translated-from"

// File returns the file that keeps the source text of version
// hash; ext is the source's: ".md" for an article's body, ".toml" for quiz
// texts and interface strings.
func File(hash, ext string) string { return path.Join(Dir, hash+ext) }

// Translation states, of an article, a language's quiz texts or its
// interface strings.
const (
	Current   = "current"   // made from the source as it is now
	Stale     = "stale"     // the source changed since
	Untracked = "untracked" // records no source version
	Missing   = "missing"   // not translated
)

// Tracked is a source file of which each language keeps one translation
// that records its version in a first line: the quiz texts, the interface
// strings.
type Tracked struct {
	now   string            // the source's version
	text  []byte            // the source, without a mark line
	line  int               // of the source file, where text starts
	marks map[string]string // language → the version its file records ("" none); absent when it has no file
}

// Track reads a tracked file's source (file(source)) and each language's
// translation of it. It returns nil when the source cannot be read.
func Track(fsys fs.FS, source string, langs []string, file func(lang string) string) *Tracked {
	if source == "" {
		return nil
	}
	srcBody, err := fs.ReadFile(fsys, file(source))
	if err != nil {
		return nil
	}
	t := &Tracked{text: WithoutMark(srcBody), line: 1, marks: map[string]string{}}
	if len(t.text) < len(srcBody) {
		t.line = 2
	}
	t.now = Hash(t.text)
	for _, lang := range langs {
		if lang == source {
			continue
		}
		if b, err := fs.ReadFile(fsys, file(lang)); err == nil {
			t.marks[lang] = Mark(b)
		}
	}
	return t
}

// State returns the translation state of lang's file, "" when t is nil.
func (t *Tracked) State(lang string) string {
	if t == nil {
		return ""
	}
	mark, ok := t.marks[lang]
	switch {
	case !ok:
		return Missing
	case mark == "":
		return Untracked
	case mark == t.now:
		return Current
	}
	return Stale
}

// Source returns the source text, without its mark line, and the line of
// its file it starts on.
func (t *Tracked) Source() (text []byte, line int) { return t.text, t.line }

// Versions returns the version lang's file records and the source's now.
func (t *Tracked) Versions(lang string) (from, now string) {
	if t == nil {
		return "", ""
	}
	return t.marks[lang], t.now
}

const quizMarkPrefix = "# translatedFrom = "

// Mark returns the source version recorded in a quiz text file's (or
// an interface strings file's) first line, or "".
func Mark(b []byte) string {
	line, _, _ := strings.Cut(string(b), "\n")
	if v, ok := strings.CutPrefix(strings.TrimSpace(line), quizMarkPrefix); ok {
		return strings.Trim(v, `"`)
	}
	return ""
}

// WithoutMark drops a quiz text file's mark line, so that marking the
// source itself does not change its hash.
func WithoutMark(b []byte) []byte {
	if Mark(b) == "" {
		return b
	}
	_, rest, _ := strings.Cut(string(b), "\n")
	return []byte(rest)
}

// MarkQuiz returns quiz texts (or interface strings) marked as made from
// srcQuiz, the source language's: a first line records its version.
func MarkQuiz(quiz, srcQuiz []byte) string {
	return quizMarkPrefix + `"` + Hash(WithoutMark(srcQuiz)) + "\"\n" + string(WithoutMark(quiz))
}

// Texts are versions of source texts by Hash, each with the line of its
// file it starts on: what a translation was made from and the source now.
type Texts map[string]Text

// Text is a version of a source text, and the line of its file it starts on.
type Text struct {
	Text string
	Line int
}

// Get returns the text of version hash.
func (t Texts) Get(hash string) (text string, line int, ok bool) {
	v, ok := t[hash]
	return v.Text, v.Line, ok
}

// Keep keeps the texts of versions from and now, when from is stale: from's
// from its file in Dir (a file that does not hash to its name is not one),
// now's as current gives it (the source without its front matter or mark,
// and the line it starts on).
func (t Texts) Keep(fsys fs.FS, from, now, ext string, current func() ([]byte, int)) {
	if from == "" || from == now {
		return
	}
	if _, ok := t[from]; !ok {
		b, err := sitefs.ReadText(fsys, File(from, ext))
		if err != nil || Hash(b) != from {
			return
		}
		t[from] = Text{string(b), 1}
	}
	if _, ok := t[now]; !ok {
		if b, line := current(); Hash(b) == now {
			t[now] = Text{string(b), line}
		}
	}
}
