package translation

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"sync"

	"github.com/tact-guide/tact/internal/site"
	"github.com/tact-guide/tact/internal/sitefs"
	"github.com/tact-guide/tact/internal/sourcever"
)

// translatedFromLine finds a front matter's translatedFrom line. Like the
// package's other regular expressions it is compiled when first used, not
// at every start of the build command.
var translatedFromLine = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?m)^translatedFrom\s*=.*\n`)
})

// snapshotName matches the files of sourcever.Dir that MarkTranslated
// writes (and prunes).
var snapshotName = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^[0-9a-f]{12}\.(md|toml)$`)
})

// MarkTranslated records in each translation file (an article, a
// language's quiz.toml, or its interface strings, i18n/<lang>.toml) that it
// is now up to date with its source: it writes the source's current
// SourceHash into the file, as translatedFrom in an article's front matter
// or as a first-line comment in the others, and keeps the source text of
// that version in sourcever.Dir, for the translation status to show
// what changed in the source since. Snapshots no translation records any
// more are removed. files are paths relative to root, the site's root
// directory on disk.
func MarkTranslated(ctx context.Context, root string, files []string) error {
	s, err := site.Load(ctx, os.DirFS(root), site.Options{Drafts: true})
	if err != nil {
		return err
	}
	src := s.SourceLang()
	if src == "" {
		return fmt.Errorf("%s names no source language: add source = \"en\" (or another language code)", site.ConfigFile)
	}
	// The version each translation records, by file: what the snapshots
	// must keep once these files are marked.
	refs := map[string]string{}
	for _, lang := range s.Languages {
		if lang.Code == src {
			continue
		}
		for _, a := range lang.Articles {
			refs[a.File] = a.TranslatedFrom
		}
		for _, f := range []string{path.Join(site.ContentDir, lang.Code, "quiz.toml"), path.Join(site.I18nDir, lang.Code+".toml")} {
			if b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(f))); err == nil {
				refs[f] = sourcever.Mark(b)
			}
		}
	}
	snapshots := map[string][]byte{} // snapshot file → the source text it keeps
	for _, f := range files {
		f = filepath.ToSlash(filepath.Clean(f))
		full := filepath.Join(root, filepath.FromSlash(f))
		b, err := os.ReadFile(full)
		if err != nil {
			return fmt.Errorf("mark %s: %w", f, err)
		}
		var out string
		switch {
		case path.Base(f) == "quiz.toml", path.Dir(f) == site.I18nDir && path.Ext(f) == ".toml":
			srcFile := path.Join(site.ContentDir, src, "quiz.toml")
			if path.Dir(f) == site.I18nDir {
				srcFile = path.Join(site.I18nDir, src+".toml")
			}
			if f == srcFile {
				return fmt.Errorf("mark %s: this is the source (%s); mark its translations", f, src)
			}
			if _, ok := refs[f]; !ok {
				return fmt.Errorf("mark %s: not a file of a language of the site", f)
			}
			srcText, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(srcFile)))
			if err != nil {
				return fmt.Errorf("mark %s: the source: %w", f, err)
			}
			out = sourcever.MarkQuiz(b, srcText)
			body := sourcever.WithoutMark(srcText)
			refs[f] = sourcever.Hash(body)
			snapshots[sourcever.File(refs[f], ".toml")] = body
		default:
			a := s.ArticleByFile(f)
			if a == nil {
				return fmt.Errorf("mark %s: not an article of the site", f)
			}
			if a.Lang.Code == src {
				return fmt.Errorf("mark %s: this is the source (%s); mark its translations", f, src)
			}
			srcArticle := s.Article(a.Key, src)
			if srcArticle == nil {
				return fmt.Errorf("mark %s: article %q has no %s source", f, a.Key, src)
			}
			body, err := articleBody(root, srcArticle)
			if err != nil {
				return fmt.Errorf("mark %s: %w", f, err)
			}
			out = setTranslatedFrom(string(b), srcArticle.SourceHash)
			refs[f] = srcArticle.SourceHash
			snapshots[sourcever.File(refs[f], ".md")] = body
		}
		if err := os.WriteFile(full, []byte(out), 0o644); err != nil {
			return fmt.Errorf("mark %s: %w", f, err)
		}
	}
	return writeSnapshots(root, snapshots, refs)
}

// articleBody returns the body of a source article as the build hashes it.
func articleBody(root string, a *site.Article) ([]byte, error) {
	b, err := sitefs.ReadText(os.DirFS(root), a.File)
	if err != nil {
		return nil, err
	}
	_, body, err := site.SplitArticle(a.File, b)
	if err != nil {
		return nil, err
	}
	if sourcever.Hash(body) != a.SourceHash {
		return nil, fmt.Errorf("%s changed while it was being marked: mark again", a.File)
	}
	return body, nil
}

// writeSnapshots writes the new snapshots and removes those that no
// translation records (refs: file → version).
func writeSnapshots(root string, snapshots map[string][]byte, refs map[string]string) error {
	dir := filepath.Join(root, sourcever.Dir)
	if len(snapshots) > 0 {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	}
	for name, text := range snapshots {
		if err := os.WriteFile(filepath.Join(root, filepath.FromSlash(name)), text, 0o644); err != nil {
			return fmt.Errorf("keep the source text: %w", err)
		}
	}
	kept := map[string]bool{}
	for _, h := range refs {
		kept[h] = true
	}
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || !snapshotName().MatchString(name) || kept[strings.TrimSuffix(name, path.Ext(name))] {
			continue
		}
		if err := os.Remove(filepath.Join(dir, name)); err != nil {
			return fmt.Errorf("remove a source text no translation records: %w", err)
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
