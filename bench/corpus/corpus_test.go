package corpus_test

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/tact-guide/tact/bench/corpus"
	"github.com/tact-guide/tact/internal/build"
)

// repoRoot is the repository root, whose layouts, assets and i18n the
// generated sites copy.
const repoRoot = "../.."

// tree reads every file under dir, by slash-separated relative path.
func tree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func sameTrees(t *testing.T, a, b map[string][]byte) {
	t.Helper()
	for name, data := range a {
		other, ok := b[name]
		switch {
		case !ok:
			t.Errorf("%s: written by the first run only", name)
		case !bytes.Equal(data, other):
			t.Errorf("%s: differs between two runs", name)
		}
	}
	for name := range b {
		if _, ok := a[name]; !ok {
			t.Errorf("%s: written by the second run only", name)
		}
	}
}

func TestSameNGivesIdenticalFiles(t *testing.T) {
	const n = 40
	a, b := t.TempDir(), t.TempDir()
	for _, dir := range []string{a, b} {
		if err := corpus.Write(filepath.Join(dir, "tact"), n, corpus.Options{Root: repoRoot}); err != nil {
			t.Fatal(err)
		}
		if err := corpus.WriteHugo(filepath.Join(dir, "hugo"), n, corpus.HugoOptions{}); err != nil {
			t.Fatal(err)
		}
		if err := corpus.WriteHugo(filepath.Join(dir, "hugo-replies"), n, corpus.HugoOptions{Replies: true}); err != nil {
			t.Fatal(err)
		}
	}
	ta, tb := tree(t, a), tree(t, b)
	if len(ta) < 2*4*n {
		t.Fatalf("only %d files written for n = %d", len(ta), n)
	}
	sameTrees(t, ta, tb)

	// A different n is a different corpus, not a prefix of this one.
	c := t.TempDir()
	if err := corpus.Write(c, n+1, corpus.Options{}); err != nil {
		t.Fatal(err)
	}
	tc := tree(t, c)
	if want := 4*(n+2) + 1; len(tc) != want {
		t.Errorf("n = %d: %d files, want %d", n+1, len(tc), want)
	}
	same := 0
	for name, data := range tc {
		if strings.HasSuffix(name, ".md") && !strings.HasSuffix(name, "_index.md") && bytes.Equal(data, ta["github.com/tact-guide/tact/"+name]) {
			same++
		}
	}
	if same > 0 {
		t.Errorf("n = %d and n = %d share %d identical articles: the corpus should depend on n", n, n+1, same)
	}
}

var (
	scenarioRE = regexp.MustCompile(`(?m)^## .* \{#([a-z0-9-]+) verdict=([a-z]+)\}$`)
	replyRE    = regexp.MustCompile("(?m)^```reply id=([a-z0-9-]+) ")
	linkRE     = regexp.MustCompile(`\]\(/(es|nl|it|en)/[a-z0-9-]+/(#[a-z0-9-]+)?\)`)
)

// TestArticlesHaveTheRightShape checks sizes and structure on a corpus
// large enough to draw every kind of article.
func TestArticlesHaveTheRightShape(t *testing.T) {
	n := 150
	if testing.Short() {
		n = 30
	}
	dir := t.TempDir()
	if err := corpus.Write(dir, n, corpus.Options{}); err != nil {
		t.Fatal(err)
	}
	replyIDs := map[string]map[string]bool{} // lang → ids
	for _, lang := range corpus.Languages {
		files, err := filepath.Glob(filepath.Join(dir, "content", lang, "*.md"))
		if err != nil {
			t.Fatal(err)
		}
		if len(files) != n+1 {
			t.Fatalf("%s: %d files, want %d articles and _index.md", lang, len(files), n)
		}
		replyIDs[lang] = map[string]bool{}
		lists, links := 0, 0
		for _, f := range files {
			if filepath.Base(f) == "_index.md" {
				continue
			}
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if len(data) < corpus.MinSize || len(data) > corpus.MaxSize {
				t.Errorf("%s: %d bytes, want %d–%d", f, len(data), corpus.MinSize, corpus.MaxSize)
			}
			if s := len(scenarioRE.FindAll(data, -1)); s < 3 || s > 5 {
				t.Errorf("%s: %d scenarios, want 3–5", f, s)
			}
			for _, m := range replyRE.FindAllSubmatch(data, -1) {
				id := string(m[1])
				if replyIDs[lang][id] {
					t.Errorf("%s: reply id %q is used twice in %s", f, id, lang)
				}
				replyIDs[lang][id] = true
			}
			if bytes.Contains(data, []byte("\n- ")) || bytes.Contains(data, []byte("\n1. ")) {
				lists++
			}
			if linkRE.Match(data) {
				links++
			}
		}
		if lists != n || links != n {
			t.Errorf("%s: %d articles with a list and %d with a link, want all %d", lang, lists, links, n)
		}
	}
	for _, lang := range corpus.Languages[1:] {
		if !mapsEqual(replyIDs[lang], replyIDs[corpus.Languages[0]]) {
			t.Errorf("%s has other reply ids than %s", lang, corpus.Languages[0])
		}
	}
}

func mapsEqual(a, b map[string]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return true
}

// TestTactBuildsTheCorpus builds a small corpus with the real layouts: the
// builder's checks (strict front matter, translation parity, related keys,
// URL clashes, reply syntax) all pass.
func TestTactBuildsTheCorpus(t *testing.T) {
	for _, n := range []int{3, 25} {
		if n > 3 && testing.Short() {
			continue
		}
		dir := t.TempDir()
		if err := corpus.Write(dir, n, corpus.Options{Root: repoRoot}); err != nil {
			t.Fatal(err)
		}
		rep, err := build.Build(context.Background(), os.DirFS(dir), build.Options{Out: filepath.Join(t.TempDir(), "public"), Minify: true})
		if err != nil {
			t.Fatalf("n = %d: %v", n, err)
		}
		for _, lang := range corpus.Languages {
			if rep.Pages[lang] < n {
				t.Errorf("n = %d: %d pages in %s, want at least one per article", n, rep.Pages[lang], lang)
			}
			if rep.Pages[lang] != rep.Pages["en"] {
				t.Errorf("n = %d: %d pages in %s but %d in en", n, rep.Pages[lang], lang, rep.Pages["en"])
			}
		}
	}
}

// TestHugoBuildsTheCorpus runs Hugo on a small corpus when Hugo is
// installed (bench/compare.sh installs it).
func TestHugoBuildsTheCorpus(t *testing.T) {
	hugo, err := exec.LookPath("hugo")
	if err != nil {
		t.Skip("hugo is not installed (apt-get install hugo)")
	}
	const n = 3
	dir, out := t.TempDir(), t.TempDir()
	if err := corpus.WriteHugo(dir, n, corpus.HugoOptions{}); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(hugo, "--minify", "--quiet", "-s", dir, "-d", out)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("hugo: %v\n%s", err, msg)
	}
	for _, lang := range corpus.Languages {
		pages, _ := filepath.Glob(filepath.Join(out, lang, "*", "index.html"))
		if len(pages) != n {
			t.Errorf("%s: %d article pages, want %d", lang, len(pages), n)
		}
		for _, p := range pages {
			data, _ := os.ReadFile(p)
			if c := strings.Count(string(data), "hreflang="); c < 2*len(corpus.Languages) {
				t.Errorf("%s: %d hreflang attributes, want alternates and a switcher for every language", p, c)
			}
		}
		if _, err := os.Stat(filepath.Join(out, lang, "index.html")); err != nil {
			t.Errorf("%s: no home page: %v", lang, err)
		}
	}
}

// TestHugoWithRepliesBuildsTactsReplyPages builds the corpus with Tact and,
// with HugoOptions.Replies, with Hugo: both write a page at every reply
// address, each Hugo reply page shows its message and links to its
// translations, and both have a reply index per language.
func TestHugoWithRepliesBuildsTactsReplyPages(t *testing.T) {
	hugo, err := exec.LookPath("hugo")
	if err != nil {
		t.Skip("hugo is not installed (apt-get install hugo)")
	}
	const n = 3
	src := t.TempDir()
	tactOut, hugoOut := filepath.Join(t.TempDir(), "public"), t.TempDir()
	if err := corpus.Write(filepath.Join(src, "tact"), n, corpus.Options{Root: repoRoot}); err != nil {
		t.Fatal(err)
	}
	if err := corpus.WriteHugo(filepath.Join(src, "hugo"), n, corpus.HugoOptions{Replies: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := build.Build(context.Background(), os.DirFS(filepath.Join(src, "tact")), build.Options{Out: tactOut, Minify: true}); err != nil {
		t.Fatal(err)
	}
	if msg, err := exec.Command(hugo, "--minify", "--quiet", "-s", filepath.Join(src, "hugo"), "-d", hugoOut).CombinedOutput(); err != nil {
		t.Fatalf("hugo: %v\n%s", err, msg)
	}
	for lang, replies := range map[string]string{"es": "respuestas", "nl": "antwoorden", "it": "risposte", "en": "replies"} {
		tactPages, _ := filepath.Glob(filepath.Join(tactOut, lang, replies, "*", "index.html"))
		hugoPages, _ := filepath.Glob(filepath.Join(hugoOut, lang, replies, "*", "index.html"))
		if len(tactPages) < n || len(hugoPages) != len(tactPages) {
			t.Errorf("%s: Tact wrote %d reply pages, Hugo %d: want the same, at least %d", lang, len(tactPages), len(hugoPages), n)
		}
		for _, p := range tactPages {
			rel, _ := filepath.Rel(tactOut, p)
			data, err := os.ReadFile(filepath.Join(hugoOut, rel))
			if err != nil {
				t.Errorf("Hugo wrote no %s, which Tact has", rel)
				continue
			}
			page := string(data)
			if !strings.Contains(page, "<pre class=reply-text>") || !strings.Contains(page, "((") {
				t.Errorf("%s: no message with its placeholders", rel)
			}
			if c := strings.Count(page, "<li><a href=/"); c < len(corpus.Languages)-1 {
				t.Errorf("%s: %d links to translations, want %d", rel, c, len(corpus.Languages)-1)
			}
		}
		for _, out := range []string{tactOut, hugoOut} {
			if _, err := os.Stat(filepath.Join(out, lang, replies, "index.html")); err != nil {
				t.Errorf("no reply index: %v", err)
			}
		}
	}
}

func TestWriteRefusesANonEmptyDirectory(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "keep.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := corpus.Write(dir, 3, corpus.Options{}); err == nil || !strings.Contains(err.Error(), "not empty") {
		t.Errorf("Write into a non-empty directory: err = %v, want a refusal", err)
	}
	if err := corpus.WriteHugo(dir, 3, corpus.HugoOptions{}); err == nil {
		t.Error("WriteHugo into a non-empty directory succeeded")
	}
	entries, _ := os.ReadDir(dir)
	if names := len(entries); names != 1 {
		t.Errorf("the directory now holds %d entries, want only keep.txt", names)
	}
}
