package translation

import (
	"context"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"tact/internal/site"
)

// translatedFromLine finds a front matter's translatedFrom line. Like the
// package's other regular expressions it is compiled when first used, not
// at every start of the build command.
var translatedFromLine = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?m)^translatedFrom\s*=.*\n`)
})

// MarkTranslated records in each translation file (an article, or a
// language's quiz.toml) that it is now up to date with its source: it
// writes the source's current SourceHash into the file, as translatedFrom in
// an article's front matter or as a first-line comment in quiz texts. files
// are paths relative to root, the site's root directory on disk.
func MarkTranslated(ctx context.Context, root string, files []string) error {
	s, err := site.Load(ctx, os.DirFS(root), site.Options{Drafts: true})
	if err != nil {
		return err
	}
	if s.SourceLang() == "" {
		return fmt.Errorf("%s names no source language: add source = \"en\" (or another language code)", site.ConfigFile)
	}
	for _, f := range files {
		f = filepath.ToSlash(filepath.Clean(f))
		full := filepath.Join(root, filepath.FromSlash(f))
		b, err := os.ReadFile(full)
		if err != nil {
			return fmt.Errorf("mark %s: %w", f, err)
		}
		var out string
		if path.Base(f) == "quiz.toml" {
			srcQuiz, err := os.ReadFile(filepath.Join(root, site.ContentDir, s.SourceLang(), "quiz.toml"))
			if err != nil {
				return fmt.Errorf("mark %s: the source quiz texts: %w", f, err)
			}
			out = site.MarkQuiz(b, srcQuiz)
		} else {
			a := s.ArticleByFile(f)
			if a == nil {
				return fmt.Errorf("mark %s: not an article of the site", f)
			}
			if a.Lang.Code == s.SourceLang() {
				return fmt.Errorf("mark %s: this is the source (%s); mark its translations", f, s.SourceLang())
			}
			src := s.Article(a.Key, s.SourceLang())
			if src == nil {
				return fmt.Errorf("mark %s: article %q has no %s source", f, a.Key, s.SourceLang())
			}
			out = setTranslatedFrom(string(b), src.SourceHash)
		}
		if err := os.WriteFile(full, []byte(out), 0o644); err != nil {
			return fmt.Errorf("mark %s: %w", f, err)
		}
	}
	return nil
}

// setTranslatedFrom writes translatedFrom = "hash" into an article's front
// matter, replacing an earlier value or adding it after the key.
func setTranslatedFrom(src, hash string) string {
	line := `translatedFrom = "` + hash + "\"\n"
	if translatedFromLine().MatchString(src) {
		return translatedFromLine().ReplaceAllLiteralString(src, line)
	}
	i := strings.Index(src, "\nkey")
	if i < 0 {
		return strings.Replace(src, "+++\n", "+++\n"+line, 1)
	}
	j := strings.Index(src[i+1:], "\n")
	return src[:i+1+j+1] + line + src[i+1+j+1:]
}
