package scaffold_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/tact-guide/tact/internal/build"
	"github.com/tact-guide/tact/internal/diag"
	"github.com/tact-guide/tact/internal/scaffold"
	"github.com/tact-guide/tact/internal/site"
	"github.com/tact-guide/tact/internal/sitefs"
	"github.com/tact-guide/tact/internal/sitetest"
	"github.com/tact-guide/tact/internal/sourcever"
)

const (
	srcFile = "content/en/closing-the-loop.md" // a real article of the source language
	nlFile  = "content/nl/bedanken-en-terugkoppelen.md"
	key     = "closing-the-loop"
)

// realSite copies the repository's site into a new directory without its
// Dutch translation of srcFile, and returns the directory.
func realSite(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	sitetest.Copy(t, "../..", root)
	if err := os.Remove(filepath.Join(root, nlFile)); err != nil {
		t.Fatal(err)
	}
	return root
}

// translate stands for a translator's work on a skeleton: the slug chosen,
// every other marked passage written (here: marked as Dutch).
func translate(skeleton string) string {
	s := regexp.MustCompile(`(?m)^slug = .*$`).ReplaceAllString(skeleton, `slug = "bedanken-en-terugkoppelen"`)
	return strings.ReplaceAll(s, sitefs.UntranslatedMark+": ", "NL ")
}

func read(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// A skeleton of a real article, once its text is written, loads and
// builds: its pages exist, link to their translations and back, and it is
// current with its source, with no --mark-translated needed.
func TestSkeletonBuildsOnceTranslated(t *testing.T) {
	root := realSite(t)
	if err := os.RemoveAll(filepath.Join(root, sourcever.Dir)); err != nil { // (the skeleton must keep its own)
		t.Fatal(err)
	}
	name, err := scaffold.Write(root, srcFile, "nl")
	if err != nil {
		t.Fatal(err)
	}
	if name != "content/nl/closing-the-loop.md" {
		t.Errorf("skeleton written to %s, want content/nl/closing-the-loop.md (the source's file name)", name)
	}
	file := filepath.Join(root, name)
	if err := os.WriteFile(file, []byte(translate(read(t, file))), 0o644); err != nil {
		t.Fatal(err)
	}

	s, err := site.Load(context.Background(), os.DirFS(root), site.Options{})
	if err != nil {
		t.Fatalf("the translated skeleton does not load:\n%v", err)
	}
	en, nl := s.Article(key, "en"), s.Article(key, "nl")
	if nl == nil || nl.File != name {
		t.Fatalf("no Dutch article with key %q from %s: %+v", key, name, nl)
	}
	if nl.TranslatedFrom != en.SourceHash {
		t.Errorf("translatedFrom = %q, want the source's SourceHash %q", nl.TranslatedFrom, en.SourceHash)
	}
	if got, want := shape(nl), shape(en); !slices.Equal(got, want) {
		t.Errorf("scenarios and replies:\n have %q\n want %q", got, want)
	}

	out := filepath.Join(root, "public")
	if _, err := build.Build(context.Background(), os.DirFS(root), build.Options{Out: out}); err != nil {
		t.Fatalf("the translated skeleton does not build:\n%v", err)
	}
	page := read(t, filepath.Join(out, "nl", "bedanken-en-terugkoppelen", "index.html"))
	for _, want := range []string{
		`hreflang="en" href="https://tact.example/en/closing-the-loop/"`,
		`hreflang="es" href="https://tact.example/es/`,
		"NL It worked",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the Dutch page lacks %q", want)
		}
	}
	if strings.Contains(page, "Deze vertaling is mogelijk verouderd") {
		t.Errorf("the Dutch page says it is out of date")
	}
	if enPage := read(t, filepath.Join(out, "en", "closing-the-loop", "index.html")); !strings.Contains(enPage, `hreflang="nl" href="https://tact.example/nl/bedanken-en-terugkoppelen/"`) {
		t.Errorf("the English page does not link to the new translation")
	}
	for _, sc := range nl.Scenarios {
		for _, r := range sc.Replies {
			if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(r.OutputFile()))); err != nil {
				t.Errorf("reply %s: %v", r.ID, err)
			}
		}
	}

	// The source text the skeleton was made from is kept: when the source
	// changes, /status/ shows the translator what changed since.
	if _, err := os.Stat(filepath.Join(root, filepath.FromSlash(sourcever.File(en.SourceHash, ".md")))); err != nil {
		t.Errorf("the source text the skeleton records was not kept: %v", err)
	}
	src := filepath.Join(root, filepath.FromSlash(srcFile))
	edited := strings.Replace(read(t, src), "+++\n\n", "+++\n\nA sentence the source gained.\n\n", 1)
	if err := os.WriteFile(src, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := build.Build(context.Background(), os.DirFS(root), build.Options{Out: out}); err != nil {
		t.Fatal(err)
	}
	if status := read(t, filepath.Join(out, "status", "index.html")); !strings.Contains(status, "A sentence the source gained.") {
		t.Errorf("after the source changed, /status/ does not show what changed in it")
	}
}

// shape lists what translations share: scenario ids and verdicts, reply
// ids, channels and number of placeholders.
func shape(a *site.Article) []string {
	var out []string
	for _, sc := range a.Scenarios {
		out = append(out, sc.ID+" "+sc.Verdict)
		for _, r := range sc.Replies {
			out = append(out, strings.Join([]string{r.ID, r.Channel, strings.Repeat("()", len(r.Placeholders))}, " "))
		}
	}
	return out
}

// An unfinished skeleton does not build: every mark left is an error at
// its place, so no page goes out in the source's words, and the list of
// errors is the list of what is left to write.
func TestUntranslatedSkeletonDoesNotBuild(t *testing.T) {
	root := realSite(t)
	name, err := scaffold.Write(root, srcFile, "nl")
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(root, name)
	skeleton := read(t, file)

	check := func(t *testing.T, text string) {
		t.Helper()
		out := filepath.Join(root, "public")
		_, err := build.Build(context.Background(), os.DirFS(root), build.Options{Out: out})
		var want []string
		for i, line := range strings.Split(text, "\n") {
			for col := strings.Index(line, sitefs.UntranslatedMark); col >= 0; {
				what := "text"
				if strings.HasPrefix(line, "slug") {
					what = "slug"
				}
				want = append(want, fmt.Sprintf("%s:%d:%d: untranslated %s", name, i+1, len([]rune(line[:col]))+1, what))
				next := strings.Index(line[col+1:], sitefs.UntranslatedMark)
				if next < 0 {
					break
				}
				col += 1 + next
			}
		}
		var have []string
		for _, e := range diag.Split(err) {
			msg := e.Error()
			if i := strings.Index(msg, "untranslated "); i >= 0 {
				msg = msg[:i] + strings.Join(strings.Fields(msg[i:])[:2], " ") // (internal/build's TestBuildErrors pins the messages)
			}
			have = append(have, msg)
		}
		if !slices.Equal(have, want) {
			t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(have, "\n"), strings.Join(want, "\n"))
		}
		if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("a failed build published %s", out)
		}
	}
	t.Run("untouched", func(t *testing.T) {
		// title, slug, summary and two tags; two paragraphs of
		// introduction; three scenarios of a heading, five paragraphs and a
		// reply (title, subject, message); a closing heading and paragraph.
		if n, want := strings.Count(skeleton, sitefs.UntranslatedMark), 5+2+3*(1+5+3)+2; n != want {
			t.Errorf("the skeleton has %d marks, want %d", n, want)
		}
		check(t, skeleton)
	})
	t.Run("one passage left", func(t *testing.T) {
		last := strings.LastIndex(skeleton, sitefs.UntranslatedMark)
		text := translate(skeleton[:last]) + skeleton[last:]
		os.WriteFile(file, []byte(text), 0o644)
		check(t, text)
	})
	t.Run("the slug left", func(t *testing.T) {
		text := strings.ReplaceAll(skeleton, sitefs.UntranslatedMark+": ", "NL ")
		text = strings.Replace(text, `slug = "NL `, `slug = "`+sitefs.UntranslatedMark+": ", 1)
		os.WriteFile(file, []byte(text), 0o644)
		check(t, text)
	})
}

// The skeleton never takes the place of a file, nor doubles a translation
// the language has under another name; a file or a language the site does
// not have is a usage error (status 2).
func TestSkeletonRefuses(t *testing.T) {
	full := t.TempDir()
	sitetest.Copy(t, "../..", full)
	root := realSite(t)
	sitetest.WriteTree(t, root, map[string]string{"content/nl/closing-the-loop.md": "mine\n"})
	for _, c := range []struct {
		name, root, file, lang string
		usage                  bool
		want                   string
	}{
		{"a translation under another name", full, srcFile, "nl", false,
			`content/nl/bedanken-en-terugkoppelen.md already translates content/en/closing-the-loop.md (key "closing-the-loop") into Nederlands: edit it rather than start again`},
		{"a file at its place", root, srcFile, "nl", false,
			"content/nl/closing-the-loop.md already exists: it is left as it is; rename or remove it to make the skeleton there"},
		{"an unknown language", root, srcFile, "fr", true,
			"--lang fr is not a language of the site: use one of es, nl, it (the languages of tact.toml)"},
		{"the source language", root, srcFile, "en", true,
			"--lang en is the source language: articles are translated from it, into es, nl, it"},
		{"a translation as the source", root, "content/es/contar-como-acabo.md", "nl", true,
			"content/es/contar-como-acabo.md is not an article of the source language (English): give one of its articles, content/en/<file>.md, from the site root"},
		{"the home page", root, "content/en/_index.md", "nl", true,
			"content/en/_index.md is not an article of the source language (English)"},
		{"the quiz texts", root, "content/en/quiz.toml", "nl", true,
			"content/en/quiz.toml is not an article of the source language (English)"},
		{"no such file", root, "content/en/closing-the-lop.md", "nl", true,
			"content/en/closing-the-lop.md does not exist: give an article of the source language, content/en/<file>.md, from the site root"},
		{"a path out of the site", root, "../content/en/closing-the-loop.md", "nl", true,
			"../content/en/closing-the-loop.md is not an article of the source language (English)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			before := sitetest.ReadTree(t, c.root)
			_, err := scaffold.Write(c.root, c.file, c.lang)
			if err == nil || !strings.HasPrefix(err.Error(), c.want) {
				t.Fatalf("error %v\nwant %s…", err, c.want)
			}
			if got := errors.As(err, new(*scaffold.UsageError)); got != c.usage {
				t.Errorf("a usage error: %v, want %v", got, c.usage)
			}
			if after := sitetest.ReadTree(t, c.root); len(after) != len(before) || after["content/nl/closing-the-loop.md"] != before["content/nl/closing-the-loop.md"] {
				t.Errorf("the site changed")
			}
		})
	}
}

// The source may be named from anywhere, by an absolute path into the site.
func TestSkeletonOfAnAbsolutePath(t *testing.T) {
	root := realSite(t)
	name, err := scaffold.Write(root, filepath.Join(root, filepath.FromSlash(srcFile)), "nl")
	if err != nil || name != "content/nl/closing-the-loop.md" {
		t.Fatalf("wrote %q, %v", name, err)
	}
}

// The front matter keeps what translations share and marks the rest; a
// draft's skeleton is a draft, so that it is not published before its
// source.
func TestSkeletonFrontMatter(t *testing.T) {
	root := t.TempDir()
	sitetest.Copy(t, "../..", root)
	src := "+++\ntitle = \"A \\\"quoted\\\" title\"\nkey = \"new-one\"\nslug = \"new-one\"\nsummary = \"Short.\"\ndate = 2026-10-01\nupdated = 2026-11-02\ntags = [\"a\"]\nrelated = [\"cold-outreach\"]\ndraft = true\n+++\n\nIntro.\n\n## Scenario {#new-scenario verdict=wait}\n\nSituation.\n\nWhy.\n\n```reply id=new-reply title=\"Do it\" slug=\"do-it-now\" channel=chat\nHi ((name)).\n```\n"
	sitetest.WriteTree(t, root, map[string]string{"content/en/new-one.md": src})
	name, err := scaffold.Write(root, "content/en/new-one.md", "es")
	if err != nil {
		t.Fatal(err)
	}
	text := read(t, filepath.Join(root, name))
	s, err := site.Load(context.Background(), os.DirFS(root), site.Options{Drafts: true})
	if err == nil {
		t.Fatalf("the untranslated skeleton loads")
	}
	_, body, _ := site.SplitArticle(name, []byte(src))
	want := `title = "TODO(translate): A \"quoted\" title"
key = "new-one"
translatedFrom = "` + sourcever.Hash(body) + `"
slug = "TODO(translate): new-one"
summary = "TODO(translate): Short."
date = 2026-10-01
updated = 2026-11-02
tags = ["TODO(translate): a"]
related = ["cold-outreach"]
draft = true
+++
`
	if !strings.Contains(text, want) {
		t.Errorf("front matter:\n%s\nwant it to end with:\n%s", text, want)
	}
	if !strings.Contains(text, "```reply id=new-reply title=\"TODO(translate): Do it\" channel=chat\nTODO(translate): Hi ((name)).\n```") {
		t.Errorf("the reply is not marked, or keeps its slug:\n%s", text)
	}
	translated := strings.Replace(translate(text), "bedanken-en-terugkoppelen", "nuevo", 1)
	os.WriteFile(filepath.Join(root, name), []byte(translated), 0o644)
	if s, err = site.Load(context.Background(), os.DirFS(root), site.Options{}); err != nil {
		t.Fatalf("the translated skeleton does not load:\n%v", err)
	}
	if a := s.Article("new-one", "es"); a != nil {
		t.Errorf("a draft's translation is published: %s", a.File)
	}
	if s, err = site.Load(context.Background(), os.DirFS(root), site.Options{Drafts: true}); err != nil {
		t.Fatal(err)
	}
	if a := s.Article("new-one", "es"); a == nil || a.Scenarios[0].Replies[0].URL() != "/es/respuestas/nl-do-it/" {
		t.Errorf("the reply's address does not come from its translated title: %+v", a)
	}
}
