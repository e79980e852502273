package site

import (
	"context"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/tact-guide/tact/internal/assets"
)

// realSite returns the repository's site as a MapFS, with edits: file →
// a replacement of its first old by new.
func realSite(t *testing.T, file, old, new string) fs.FS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS("../.."), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if !strings.HasPrefix(p, "content/") && !strings.HasPrefix(p, "i18n/") && p != "tact.toml" {
			return nil
		}
		b, err := os.ReadFile("../../" + p)
		m[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	f := m[file]
	if f == nil || !strings.Contains(string(f.Data), old) {
		t.Fatalf("%s does not contain %q", file, old)
	}
	f.Data = []byte(strings.Replace(string(f.Data), old, new, 1))
	return m
}

// Quiz pages are addressed in each language's words: a question's slug
// from its texts, an outcome's scenario anchor; two questions may not share
// an address.
func TestQuizAddressesInTheLanguagesWords(t *testing.T) {
	opts := Options{Minifier: assets.NewMinifier(true)}
	s, err := Load(context.Background(), os.DirFS("../.."), opts)
	if err != nil {
		t.Fatal(err)
	}
	es := s.Lang("es")
	if got, want := es.QuizURL("asked-me"), "/es/cuestionario/te-piden-algo/"; got != want {
		t.Errorf("QuizURL(asked-me) = %q, want %q", got, want)
	}
	if got, want := es.QuizURL("swamped"), "/es/cuestionario/vas-hasta-arriba/"; got != want {
		t.Errorf("QuizURL(swamped) = %q, want %q (the scenario's anchor)", got, want)
	}
	if got, want := es.QuizURL(""), "/es/cuestionario/"; got != want {
		t.Errorf("QuizURL of the start = %q, want %q", got, want)
	}
	if got, want := es.QuizEmbedURL(), "/es/quiz/embed/"; got != want {
		t.Errorf("QuizEmbedURL = %q, want %q (the address snippets use)", got, want)
	}

	_, err = Load(context.Background(), realSite(t, "content/es/quiz.toml", `slug = "te-piden-algo"`, `slug = "sin-respuesta"`), opts)
	want := `content/es/quiz.toml: question "no-reply" has the slug "sin-respuesta", which is already the address of question "asked-me": give it slug = "…" of its own under [no-reply]`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("two questions with one slug: error %v, want %s", err, want)
	}
}

// An article's reading time counts its words at 200 a minute, at least one.
func TestReadingTime(t *testing.T) {
	words := strings.Repeat("palabra ", 1000)
	fsys := realSite(t, "content/es/contar-como-acabo.md", "\n+++\n", "\n+++\n\n"+words+"\n")
	s, err := Load(context.Background(), fsys, Options{Minifier: assets.NewMinifier(false)})
	if err != nil {
		t.Fatal(err)
	}
	before, err := Load(context.Background(), os.DirFS("../.."), Options{Minifier: assets.NewMinifier(false)})
	if err != nil {
		t.Fatal(err)
	}
	a, b := s.Article("closing-the-loop", "es"), before.Article("closing-the-loop", "es")
	if a.Minutes != b.Minutes+5 {
		t.Errorf("1,000 more words: %d minutes, want %d + 5", a.Minutes, b.Minutes)
	}
	if b.Minutes < 1 {
		t.Errorf("reading time %d, want at least 1", b.Minutes)
	}
}
