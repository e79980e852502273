package build_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tact-guide/tact/internal/build"
	"github.com/tact-guide/tact/internal/sitetest"
	"github.com/tact-guide/tact/internal/sourcever"
	"github.com/tact-guide/tact/internal/translation"
)

// readTree returns every file under dir, by slash path.
func readTree(t *testing.T, dir string) map[string]string { return sitetest.ReadTree(t, dir) }

// firstDifference reports the first difference between two output trees.
func firstDifference(a, b map[string]string) string {
	for name, content := range a {
		other, ok := b[name]
		switch {
		case !ok:
			return "only in the incremental output: " + name
		case other != content:
			return "differs: " + name
		}
	}
	for name := range b {
		if _, ok := a[name]; !ok {
			return "only in the full build: " + name
		}
	}
	return ""
}

// TestIncrementalEqualsFullBuild applies random sequences of edits (change,
// add, rename and delete articles; change replies, translations, dates,
// layouts, strings, styles) and after each compares the output of the
// watching Builder with a fresh full build, byte for byte.
func TestIncrementalEqualsFullBuild(t *testing.T) {
	t.Parallel() // (a few builds of the real site: beside the other heavy tests)
	root := t.TempDir()
	copyTree(t, root)
	out := filepath.Join(t.TempDir(), "public")
	opts := build.Options{Out: out, Minify: true}
	b := build.NewBuilder(os.DirFS(root), opts)
	t.Cleanup(b.Close)
	if _, err := b.Build(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(7, 11))
	file := func(rel string) string { return filepath.Join(root, filepath.FromSlash(rel)) }
	read := func(rel string) string {
		data, err := os.ReadFile(file(rel))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	write := func(rel, s string) {
		if err := os.MkdirAll(filepath.Dir(file(rel)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file(rel), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	articles := func(lang string) []string {
		m, _ := filepath.Glob(filepath.Join(root, "content", lang, "*.md"))
		var rels []string
		for _, f := range m {
			if !strings.HasPrefix(filepath.Base(f), "_") { // (not _index.md, _about.md)
				rel, _ := filepath.Rel(root, f)
				rels = append(rels, filepath.ToSlash(rel))
			}
		}
		return rels
	}
	langs := []string{"es", "nl", "it", "en"}
	snapshots := func() []string {
		m, _ := filepath.Glob(filepath.Join(root, sourcever.Dir, "*"))
		var rels []string
		for _, f := range m {
			rels = append(rels, sourcever.Dir+"/"+filepath.Base(f))
		}
		return rels
	}
	pick := func(xs []string) string { return xs[rng.IntN(len(xs))] }
	// prefix puts a random word before message id of language lang.
	prefix := func(lang, id, word string) []string {
		f := "i18n/" + lang + ".toml"
		write(f, strings.Replace(read(f), id+` = "`, fmt.Sprintf(`%s = "%s%d `, id, word, rng.IntN(100)), 1))
		return []string{f}
	}
	added := 0
	edits := []struct {
		name  string
		apply func() []string
	}{
		{"change an article's prose", func() []string {
			f := pick(articles(pick(langs)))
			write(f, strings.Replace(read(f), "\n\n", fmt.Sprintf("\n\nEdited paragraph %d.\n\n", rng.IntN(1000)), 1))
			return []string{f}
		}},
		{"change an article's title", func() []string {
			f := pick(articles(pick(langs)))
			write(f, strings.Replace(read(f), `title = "`, fmt.Sprintf(`title = "T%d `, rng.IntN(100)), 1))
			return []string{f}
		}},
		{"change a reply's text", func() []string {
			f := pick(articles(pick(langs)))
			s := read(f)
			i := strings.Index(s, "```reply")
			j := i + strings.Index(s[i:], "\n")
			write(f, s[:j+1]+fmt.Sprintf("New first line %d.\n", rng.IntN(1000))+s[j+1:])
			return []string{f}
		}},
		{"change an article's date", func() []string {
			f := pick(articles(pick(langs)))
			s := read(f)
			i := strings.Index(s, "date = ")
			write(f, s[:i]+fmt.Sprintf("date = 2026-0%d-1%d", 1+rng.IntN(9), rng.IntN(10))+s[i+len("date = 2026-10-05"):])
			return []string{f}
		}},
		{"add an article in one language", func() []string {
			lang := pick(langs)
			src := read(pick(articles(lang)))
			added++
			key := fmt.Sprintf("added-%d", added)
			s := strings.Replace(src, `key = "`, `key = "`+key+`-`, 1)
			s = strings.Replace(s, `slug = "`, `slug = "`+key+`-`, 1)
			s = strings.ReplaceAll(s, "```reply id=", "```reply id="+key+"-")
			s = strings.ReplaceAll(s, `title="`, `title="`+key+` `)
			s = strings.ReplaceAll(s, ` slug="`, ` slug="`+key+`-`)
			f := "content/" + lang + "/" + key + ".md"
			write(f, s)
			return []string{f}
		}},
		{"rename an article (new slug and file)", func() []string {
			lang := pick(langs)
			f := pick(articles(lang))
			s := read(f)
			i := strings.Index(s, `slug = "`) + len(`slug = "`)
			s = s[:i] + fmt.Sprintf("renamed-%d-", rng.IntN(1000)) + s[i:]
			nf := strings.TrimSuffix(f, ".md") + "-r.md"
			if err := os.Remove(file(f)); err != nil {
				t.Fatal(err)
			}
			write(nf, s)
			return []string{f, nf}
		}},
		{"delete an added article", func() []string {
			for _, lang := range langs {
				for _, f := range articles(lang) {
					if strings.Contains(f, "added-") {
						if err := os.Remove(file(f)); err != nil {
							t.Fatal(err)
						}
						return []string{f}
					}
				}
			}
			return nil
		}},
		{"change a layout", func() []string {
			f := "layouts/partials/footer.html"
			write(f, strings.Replace(read(f), "</p>", fmt.Sprintf(" %d</p>", rng.IntN(100)), 1))
			return []string{f}
		}},
		{"change an interface string", func() []string { return prefix(pick(langs), "footerText", "v") }},
		{"change a string the search index carries", func() []string { return prefix(pick(langs), "searchNone", "n") }},
		{"change the base URL's path", func() []string {
			f := "tact.toml"
			s := read(f)
			i := strings.Index(s, `baseURL = "`)
			j := i + strings.Index(s[i:], "\n")
			write(f, s[:i]+fmt.Sprintf(`baseURL = "https://tact.example/g%d/"`, rng.IntN(100))+s[j:])
			return []string{f}
		}},
		{"change a verdict label", func() []string { return prefix(pick(langs), "verdict_accept", "V") }},
		{"change the stylesheet", func() []string {
			f := "assets/style.css"
			write(f, read(f)+fmt.Sprintf("\n.x%d { color: red; }\n", rng.IntN(1000)))
			return []string{f}
		}},
		{"change an English interface string", func() []string { return prefix("en", "navHome", "H") }},
		{"mark a translation (and keep its source's text)", func() []string {
			lang := pick(langs[:3])
			f := pick(append(articles(lang), "i18n/"+lang+".toml", "content/"+lang+"/quiz.toml"))
			before := snapshots()
			if err := translation.MarkTranslated(context.Background(), root, []string{f}); err != nil {
				return nil // (an added article has no source to be marked against)
			}
			return append(append([]string{f}, before...), snapshots()...)
		}},
		{"remove a kept source text", func() []string {
			kept := snapshots()
			if len(kept) == 0 {
				return nil
			}
			f := pick(kept)
			if err := os.Remove(file(f)); err != nil {
				t.Fatal(err)
			}
			return []string{f}
		}},
		{"change the home introduction", func() []string {
			f := "content/" + pick(langs) + "/_index.md"
			write(f, read(f)+fmt.Sprintf("\nMore %d.\n", rng.IntN(100)))
			return []string{f}
		}},
	}
	// Every kind of edit once, in an order the seed shuffles, then a few
	// more at random: each is checked at least once, after others.
	order := rng.Perm(len(edits))
	for range 3 {
		order = append(order, rng.IntN(len(edits)))
	}
	for step, k := range order {
		e := edits[k]
		changed := e.apply()
		if changed == nil {
			continue
		}
		rep, incErr := b.Build(context.Background(), changed)
		if incErr == nil {
			t.Logf("step %d: %s %v: rendered %d pages", step, e.name, changed, rep.Rendered)
		}
		fullOut := filepath.Join(t.TempDir(), "public")
		fo := opts
		fo.Out = fullOut
		_, fullErr := build.Build(context.Background(), os.DirFS(root), fo)
		if (incErr == nil) != (fullErr == nil) {
			t.Fatalf("step %d (%s): incremental error %v, full build error %v", step, e.name, incErr, fullErr)
		}
		if fullErr != nil {
			if incErr.Error() != fullErr.Error() {
				t.Fatalf("step %d (%s): errors differ:\nincremental %v\nfull %v", step, e.name, incErr, fullErr)
			}
			continue
		}
		if diff := firstDifference(readTree(t, out), readTree(t, fullOut)); diff != "" {
			t.Fatalf("step %d (%s): incremental output differs from a full build: %s", step, e.name, diff)
		}
	}
}

// copyTree copies the real site's sources into dir.
func copyTree(t *testing.T, dir string) { sitetest.Copy(t, "../..", dir) }

// A Builder reports the pages a build moved (a changed slug), old → new
// address, for the preview to follow: the article and its replies keep
// their addresses unless their own slugs change.
func TestBuilderReportsMovedPages(t *testing.T) {
	root := t.TempDir()
	copyTree(t, root)
	b := build.NewBuilder(os.DirFS(root), build.Options{Out: filepath.Join(t.TempDir(), "public")})
	t.Cleanup(b.Close)
	rep, err := b.Build(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Moved) != 0 {
		t.Errorf("the first build moved %v", rep.Moved)
	}
	file := filepath.Join(root, "content", "es", "contar-como-acabo.md")
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte(strings.Replace(string(src), `slug = "contar-como-acabo"`, `slug = "dar-las-gracias"`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	rep, err = b.Build(context.Background(), []string{"content/es/contar-como-acabo.md"})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"/es/contar-como-acabo/": "/es/dar-las-gracias/"}
	if fmt.Sprint(rep.Moved) != fmt.Sprint(want) {
		t.Errorf("Moved = %v, want %v", rep.Moved, want)
	}
}
