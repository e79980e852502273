// Package scaffold starts a translation: from an article of the source
// language it makes the skeleton of the article in another language, for
// a translator to write in (build --new-translation FILE --lang CODE).
//
// # The skeleton
//
// The skeleton keeps everything translations share, as the build checks
// it: the key, the date (and updated, tags, related and draft, when the
// source has them), the scenarios' ids and verdicts, the replies' ids and
// channels, and each reply's placeholders, in the text they stand in. It
// records translatedFrom, the SourceHash of the source as it is now, so
// that the finished translation is current until the source changes.
//
// Every passage a translator writes stays in the source's words, marked
// sitefs.UntranslatedMark: the title, the summary, each tag, the slug (the
// translator chooses one), each heading, the first line of each paragraph,
// list item, quote paragraph and table row, each reply's title and
// subject, and the first line of each reply's message. A reply's slug
// attribute is dropped: the reply's address then comes from the
// translated title. Code blocks other than replies and link reference
// definitions are copied as they are. A comment at the top of the front
// matter says what to do.
//
// The build refuses an article with a mark left in it, and says where
// each one is (package site): a skeleton never publishes the source's
// text as a translation, and the marks a translator has not reached yet
// are the list of what is left. When every mark is gone the article
// builds like any translation.
//
// # The file
//
// The skeleton is written to content/<lang>/ under the source file's name,
// so that the pair is easy to see; the translator may rename it after the
// slug they choose, since the build goes by key, not by file name. It is
// never written over a file, nor beside a translation the language
// already has (whatever that file's name).
package scaffold

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/pelletier/go-toml/v2"

	"github.com/tact-guide/tact/internal/site"
	"github.com/tact-guide/tact/internal/sitefs"
	"github.com/tact-guide/tact/internal/sourcever"
)

// UsageError is a command line that names a file or a language the site
// does not have as it should: the command exits with status 2, as for
// any other mistyped command.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

func usagef(format string, args ...any) error {
	return &UsageError{Msg: fmt.Sprintf(format, args...)}
}

// Write writes the skeleton of the translation into lang of file, an
// article of the source language (a path from the site root, or one
// under root), into the site at root, and returns the path it wrote,
// relative to root. Nothing is written outside root, and no file is
// replaced.
func Write(root, file, lang string) (string, error) {
	r, err := os.OpenRoot(root)
	if err != nil {
		return "", fmt.Errorf("open the site: %w (run the build from the site's root or pass --content)", err)
	}
	defer r.Close()
	name, text, err := Skeleton(r.FS(), fromRoot(root, file), lang)
	if err != nil {
		return "", err
	}
	if err := r.MkdirAll(path.Dir(name), 0o755); err != nil {
		return "", fmt.Errorf("write %s: %w", name, err)
	}
	f, err := r.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return "", fmt.Errorf("%s already exists: it is left as it is; rename or remove it to make the skeleton there", name)
	}
	if err != nil {
		return "", fmt.Errorf("write %s: %w", name, err)
	}
	_, err = f.Write(text)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		r.Remove(name) // (never leave half a skeleton)
		return "", fmt.Errorf("write %s: %w", name, err)
	}
	return name, keepSource(r, fromRoot(root, file))
}

// keepSource keeps the source text the skeleton records (sourcever.Dir), as
// --mark-translated does: if the source changes before the translation is
// done, /status/ shows what changed since.
func keepSource(r *os.Root, file string) error {
	b, err := sitefs.ReadText(r.FS(), file)
	if err != nil {
		return err
	}
	_, body, err := site.SplitArticle(file, b)
	if err != nil {
		return err
	}
	name := sourcever.File(sourcever.Hash(body), ".md")
	if err := r.MkdirAll(sourcever.Dir, 0o755); err != nil {
		return fmt.Errorf("keep the source text: %w", err)
	}
	if err := r.WriteFile(name, body, 0o644); err != nil {
		return fmt.Errorf("keep the source text: %w", err)
	}
	return nil
}

// fromRoot returns file as a slash path from the site root: an absolute
// path under root is made relative to it.
func fromRoot(root, file string) string {
	if abs, err := filepath.Abs(root); err == nil && filepath.IsAbs(file) {
		if rel, err := filepath.Rel(abs, file); err == nil && filepath.IsLocal(rel) {
			file = rel
		}
	}
	return filepath.ToSlash(filepath.Clean(file))
}

// Skeleton returns the path and the text of the skeleton of the
// translation into lang of file, an article of the source language, in
// the site fsys. A file or a language the site does not have as the
// command needs is a *UsageError; a translation the language already has,
// or a file already at the path, is an error naming that file.
func Skeleton(fsys fs.FS, file, lang string) (name string, text []byte, err error) {
	fsys = sitefs.Guard(fsys)
	cfg, err := site.LoadConfig(fsys)
	if err != nil {
		return "", nil, err
	}
	if cfg.Source == "" {
		return "", nil, fmt.Errorf("%s names no source language: add source = \"en\" (or another language code)", site.ConfigFile)
	}
	var target, src *site.Language
	var others []string
	for i, l := range cfg.Languages {
		switch l.Code {
		case lang:
			target = &cfg.Languages[i]
		case cfg.Source:
			src = &cfg.Languages[i]
		}
		if l.Code != cfg.Source {
			others = append(others, l.Code)
		}
	}
	switch {
	case lang == cfg.Source:
		return "", nil, usagef("--lang %s is the source language: articles are translated from it, into %s", lang, strings.Join(others, ", "))
	case target == nil:
		return "", nil, usagef("--lang %s is not a language of the site: use one of %s (the languages of %s)", lang, strings.Join(others, ", "), site.ConfigFile)
	case src == nil:
		return "", nil, fmt.Errorf("%s: the source language %q is not one of its languages: add it, or fix source", site.ConfigFile, cfg.Source)
	}

	file = path.Clean(file)
	srcDir := path.Join(site.ContentDir, cfg.Source)
	example := path.Join(srcDir, "<file>.md")
	if path.Dir(file) != srcDir || !strings.HasSuffix(file, ".md") || strings.HasPrefix(path.Base(file), "_") {
		return "", nil, usagef("%s is not an article of the source language (%s): give one of its articles, %s, from the site root", file, src.Name, example)
	}
	if _, err := fs.Stat(fsys, file); errors.Is(err, fs.ErrNotExist) {
		return "", nil, usagef("%s does not exist: give an article of the source language, %s, from the site root", file, example)
	}
	b, err := sitefs.ReadText(fsys, file)
	if err != nil {
		return "", nil, err
	}
	fmText, body, err := site.SplitArticle(file, b)
	if err != nil {
		return "", nil, err
	}
	var fm site.FrontMatter
	if err := toml.Unmarshal(fmText, &fm); err != nil || fm.Key == "" {
		return "", nil, fmt.Errorf("%s: its front matter has no key to translate: build the site, fix what it reports in this file, and try again", file)
	}

	dir := path.Join(site.ContentDir, lang)
	if existing := translationOf(fsys, dir, fm.Key); existing != "" {
		return "", nil, fmt.Errorf("%s already translates %s (key %q) into %s: edit it rather than start again (after the source changed, compare it with the source and record it with build --mark-translated %s)", existing, file, fm.Key, target.Name, existing)
	}
	name = path.Join(dir, path.Base(file))
	if _, err := fs.Stat(fsys, name); err == nil {
		return "", nil, fmt.Errorf("%s already exists: it is left as it is; rename or remove it to make the skeleton there", name)
	}

	var out strings.Builder
	out.WriteString("+++\n")
	writeFrontMatter(&out, file, fm, sourcever.Hash(body), src.Name, target.Name)
	out.WriteString("+++\n")
	out.WriteString(markBody(string(body)))
	return name, []byte(out.String()), nil
}

// keyLine finds the key of an article whose front matter is not valid TOML.
var keyLine = regexp.MustCompile(`(?m)^\s*key\s*=\s*["']([^"'\n]*)["']`)

// translationOf returns the article file of dir with key, or "".
func translationOf(fsys fs.FS, dir, key string) string {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return ""
	}
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || !strings.HasSuffix(n, ".md") || strings.HasPrefix(n, "_") || strings.HasPrefix(n, ".") {
			continue
		}
		f := path.Join(dir, n)
		b, err := sitefs.ReadText(fsys, f)
		if err != nil {
			continue
		}
		fmText, _, err := site.SplitArticle(f, b)
		if err != nil {
			continue
		}
		var fm struct {
			Key string `toml:"key"`
		}
		if toml.Unmarshal(fmText, &fm) != nil {
			if m := keyLine.FindSubmatch(fmText); m != nil {
				fm.Key = string(m[1])
			}
		}
		if fm.Key == key {
			return f
		}
	}
	return ""
}

// mark is what the skeleton puts before each passage to translate.
const mark = sitefs.UntranslatedMark + ": "

// writeFrontMatter writes the skeleton's front matter: a comment saying
// what to do, then the source's fields, those to translate marked.
func writeFrontMatter(w *strings.Builder, file string, fm site.FrontMatter, hash, from, into string) {
	fmt.Fprintf(w, "# Begun with build --new-translation from %s.\n", file)
	fmt.Fprintf(w, "# Write each marked passage in %s in place of the source's words\n", into)
	fmt.Fprintf(w, "# (%s), and delete its mark: the build says where the marks left\n", from)
	fmt.Fprintf(w, "# are. Name the placeholders ((…)) in %s too, keeping as many;\n", into)
	fmt.Fprintf(w, "# choose the slug and name the file after it. Then delete these lines.\n")
	fmt.Fprintf(w, "# More in docs/content.md, \"Translating an article\".\n")
	fmt.Fprintf(w, "title = %s\n", quote(mark+fm.Title))
	fmt.Fprintf(w, "key = %s\n", quote(fm.Key))
	fmt.Fprintf(w, "translatedFrom = %s\n", quote(hash))
	fmt.Fprintf(w, "slug = %s\n", quote(mark+fm.Slug))
	fmt.Fprintf(w, "summary = %s\n", quote(mark+fm.Summary))
	fmt.Fprintf(w, "date = %s\n", fm.Date)
	if fm.Updated != nil {
		fmt.Fprintf(w, "updated = %s\n", *fm.Updated)
	}
	if len(fm.Tags) > 0 {
		tags := make([]string, len(fm.Tags))
		for i, t := range fm.Tags {
			tags[i] = mark + t
		}
		fmt.Fprintf(w, "tags = %s\n", list(tags))
	}
	if len(fm.Related) > 0 {
		fmt.Fprintf(w, "related = %s\n", list(fm.Related))
	}
	if fm.Draft {
		fmt.Fprintf(w, "draft = true\n")
	}
}

// quote returns s as a TOML basic string.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// list returns ss as a TOML array of basic strings.
func list(ss []string) string {
	q := slices.Clone(ss)
	for i, s := range q {
		q[i] = quote(s)
	}
	return "[" + strings.Join(q, ", ") + "]"
}
