package site

import (
	"bytes"
	"io/fs"
	"path"

	"github.com/tact-guide/tact/internal/sitefs"
	"github.com/tact-guide/tact/internal/sourcever"
)

// QuizTexts returns the translation state of each language's quiz texts (nil,
// whose states are "", without a quiz or a source); Strings, of i18n/<lang>.toml.
func (s *Site) QuizTexts() *sourcever.Tracked { return s.quizTrack }

func (s *Site) Strings() *sourcever.Tracked { return s.stringsTrack }

// SourceText returns the source text of version hash, when the build has
// it: for every stale translation, the version it was made from (from its
// snapshot, sourcever.File) and the source as it is now, so that the
// translation status can show what changed. line is the line of the
// source file the text starts on (1 for a snapshot).
func (s *Site) SourceText(hash string) (text string, line int, ok bool) { return s.sources.Get(hash) }

// loadVersions reads what the translation status compares: each language's
// quiz texts and strings against the source's, and the texts of every stale
// translation's source, then and now.
func (s *Site) loadVersions(fsys fs.FS, langs []string) {
	if s.Quiz != nil {
		s.quizTrack = sourcever.Track(fsys, s.source, langs, func(l string) string { return path.Join(ContentDir, l, "quiz.toml") })
	}
	s.stringsTrack = sourcever.Track(fsys, s.source, langs, func(l string) string { return path.Join(I18nDir, l+".toml") })
	if s.source == "" {
		return
	}
	s.sources = sourcever.Texts{}
	for _, lang := range s.Languages { // (the source's own records none: Keep skips them)
		for _, a := range lang.Articles {
			if src := s.Article(a.Key, s.source); src != nil {
				s.sources.Keep(fsys, a.TranslatedFrom, src.SourceHash, ".md", func() ([]byte, int) {
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
		for _, t := range []*sourcever.Tracked{s.quizTrack, s.stringsTrack} {
			from, now := t.Versions(lang.Code) // ("" from a nil t: nothing kept, t.Source not called)
			s.sources.Keep(fsys, from, now, ".toml", t.Source)
		}
	}
}
