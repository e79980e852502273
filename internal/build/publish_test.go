package build_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tact-guide/tact/internal/build"
	"github.com/tact-guide/tact/internal/sitetest"
)

// besides lists what a build may leave next to the output directory.
func besides(t *testing.T, out string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Dir(out))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if e.Name() != filepath.Base(out) {
			names = append(names, e.Name())
		}
	}
	return names
}

// A failed build leaves the previous site exactly as it was, whether it
// fails while reading the content or while rendering pages.
func TestFailedBuildLeavesThePreviousOutputUntouched(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		edits []edit
		want  string // in the error
	}{
		{"bad content", []edit{replace(nlIntros, "verdict=accept", "verdict=maybe")}, `unknown verdict "maybe"`},
		{"page that fails to render", []edit{put("layouts/404.html", `{{define "main"}}{{(index .Site.Languages 99).Code}}{{end}}`)}, "index out of range"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "public")
			mustBuild(t, fixture(t), build.Options{Out: out, Minify: true})
			before := snapshot(t, out)
			if len(before) < 20 {
				t.Fatalf("first build wrote only %d files", len(before))
			}
			_, err := runBuild(t, apply(t, fixture(t), tt.edits...), build.Options{Out: out, Minify: true})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want it to mention %s", err, tt.want)
			}
			sameTree(t, snapshot(t, out), before)
			if left := besides(t, out); len(left) > 0 {
				t.Errorf("the failed build left %v beside the output", left)
			}
		})
	}
}

func TestSameInputGivesByteIdenticalOutput(t *testing.T) {
	t.Parallel()
	input := fixture(t)
	a := mustBuild(t, input, build.Options{Minify: true})
	b := mustBuild(t, input, build.Options{Minify: true})
	sameTree(t, snapshot(t, b), snapshot(t, a))
}

// Rebuilding without changes rewrites nothing: every file keeps its inode
// and modification time, so upload tools send nothing. A change rewrites
// only the files it affects.
func TestRebuildKeepsUnchangedFiles(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "public")
	input := fixture(t)
	mustBuild(t, input, build.Options{Out: out, Minify: true})
	past := time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)
	infos := map[string]os.FileInfo{}
	for name := range snapshot(t, out) {
		p := filepath.Join(out, filepath.FromSlash(name))
		if err := os.Chtimes(p, past, past); err != nil {
			t.Fatal(err)
		}
		info, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		infos[name] = info
	}

	mustBuild(t, input, build.Options{Out: out, Minify: true})
	for name, before := range infos {
		after, err := os.Stat(filepath.Join(out, filepath.FromSlash(name)))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if !os.SameFile(before, after) || !after.ModTime().Equal(past) {
			t.Errorf("%s was rewritten although nothing changed", name)
		}
	}

	changed := apply(t, input, replace("content/en/favours.md", "without wearing out a friendship", "without wearing anyone out"))
	mustBuild(t, changed, build.Options{Out: out, Minify: true})
	after, err := os.Stat(filepath.Join(out, "en/one-more-favour/index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if os.SameFile(infos["en/one-more-favour/index.html"], after) || after.ModTime().Equal(past) {
		t.Error("the changed article page kept the old file")
	}
	if !strings.Contains(readPage(t, out, "en/one-more-favour/index.html"), "without wearing anyone out") {
		t.Error("the changed article page does not show the change")
	}
	for _, name := range []string{"es/presentaciones/index.html", "nl/introducties/index.html", "es/respuestas/index.html"} {
		info, err := os.Stat(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		if !os.SameFile(infos[name], info) || !info.ModTime().Equal(past) {
			t.Errorf("%s was rewritten by a change to an English article", name)
		}
	}
}

// A deleted article's pages disappear with the next build, and its
// translations stop linking it.
func TestDeletedArticleDisappears(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "public")
	mustBuild(t, fixture(t), build.Options{Out: out})
	readPage(t, out, "en/one-more-favour/index.html")

	mustBuild(t, apply(t, fixture(t), del("content/en/favours.md")), build.Options{Out: out})
	files := snapshot(t, out)
	for _, gone := range []string{"en/one-more-favour/index.html", "en/replies/ask-with-an-easy-way-out/index.html"} {
		if _, ok := files[gone]; ok {
			t.Errorf("%s is still there after its article was deleted", gone)
		}
	}
	for name, data := range files {
		if strings.Contains(data, "/en/one-more-favour/") || strings.Contains(data, "/en/replies/ask-with-an-easy-way-out/") {
			t.Errorf("%s still links the deleted article", name)
		}
	}
	if have := switcher(t, files["es/pedir-otro-favor/index.html"]); len(have) != 3 || have[1] != (alternate{"en", "/en/", true}) {
		t.Errorf("Spanish favours page switcher = %v, want English marked untranslated", have)
	}
}

// TestBuildWithoutTempDir checks that a one-shot build, which keeps the
// articles' details (bodies, scenario texts, messages) in a temporary file,
// still builds the same site when the temporary directory cannot be written
// (it keeps them in memory instead).
func TestBuildWithoutTempDir(t *testing.T) {
	fsys := fixture(t)
	want := snapshot(t, mustBuild(t, fsys, build.Options{}))
	t.Setenv("TMPDIR", filepath.Join(t.TempDir(), "missing"))
	sameTree(t, snapshot(t, mustBuild(t, fsys, build.Options{})), want)
}

// A build cancelled at any moment (Ctrl-C) either finished before it saw
// the cancellation, and published the whole site, or fails with
// context.Canceled and leaves the previous output as it was: never a site
// with some files or some sitemap entries missing.
func TestCancelledBuildPublishesAllOrNothing(t *testing.T) {
	fsys := os.DirFS("../..")
	opts := build.Options{Minify: true, BaseURL: "https://example.org/"}
	want := snapshot(t, mustBuild(t, fsys, opts))
	out := filepath.Join(t.TempDir(), "public")
	sitetest.WriteTree(t, out, map[string]string{"index.html": "the previous build"})
	previous := snapshot(t, out)
	cancelled, finished := 0, 0
	for delay := time.Duration(0); delay < 150*time.Millisecond; delay += 3 * time.Millisecond {
		ctx, cancel := context.WithCancel(context.Background())
		timer := time.AfterFunc(delay, cancel)
		o := opts
		o.Out = out
		_, err := build.Build(ctx, fsys, o)
		timer.Stop()
		cancel()
		switch {
		case err == nil:
			finished++
			sameTree(t, snapshot(t, out), want)
			os.RemoveAll(out) // the next round starts from the previous build again
			sitetest.WriteTree(t, out, map[string]string{"index.html": "the previous build"})
		case errors.Is(err, context.Canceled):
			cancelled++
			sameTree(t, snapshot(t, out), previous)
		default:
			t.Fatalf("cancelled after %v: %v", delay, err)
		}
		if left, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".public.staging-*")); len(left) > 0 {
			t.Fatalf("cancelled after %v: staging directories left: %v", delay, left)
		}
	}
	if cancelled == 0 {
		t.Error("no build was cancelled: the delays are too long for this machine")
	}
	t.Logf("%d builds cancelled, %d finished first", cancelled, finished)
}

// Files under static/ are published as they are, at the same path, dot
// folders included, editors' droppings not; one that the build also makes
// is refused, naming both, and the previous output stays.
func TestStaticFiles(t *testing.T) {
	fsys := fixture(t)
	apply(t, fsys, put("static/CNAME", "tact.example\n"), put("static/.well-known/security.txt", "Contact: mailto:editors@tact.example\n"),
		put("static/img/diagram.png", "\x89PNG\r\n\x1a\n"), put("static/.nojekyll", ""),
		put("static/.well-known/.security.txt.swp", "swap"), put("static/img/.DS_Store", "finder"), put("static/CNAME~", "backup"))
	out := mustBuild(t, fsys, build.Options{})
	for _, name := range []string{".well-known/.security.txt.swp", "img/.DS_Store", "CNAME~"} {
		if _, err := os.Stat(filepath.Join(out, name)); err == nil {
			t.Errorf("the editor's dropping static/%s was published", name)
		}
	}
	if _, err := os.Stat(filepath.Join(out, ".nojekyll")); err != nil {
		t.Errorf("static/.nojekyll (read by GitHub Pages) was not published: %v", err)
	}
	for name, want := range map[string]string{"CNAME": "tact.example\n", ".well-known/security.txt": "Contact: mailto:editors@tact.example\n", "img/diagram.png": "\x89PNG\r\n\x1a\n"} {
		if have := readPage(t, out, name); have != want {
			t.Errorf("%s: %q, want %q", name, have, want)
		}
	}
	before := snapshot(t, out)
	for _, clash := range []struct{ file, want string }{
		{"static/_headers", "_headers would be written twice, for the generated file _headers and for static/_headers: the build makes this file: remove or rename the static one"},
		{"static/en/index.html", "en/index.html would be written twice, for the home page of language \"en\" and for static/en/index.html: the build makes this file: remove or rename the static one"},
	} {
		bad := apply(t, fixture(t), put(clash.file, "x"))
		_, err := build.Build(context.Background(), bad, build.Options{Out: out})
		if err == nil || !strings.Contains(err.Error(), clash.want) {
			t.Errorf("%s: error %v\nwant %q", clash.file, err, clash.want)
		}
	}
	sameTree(t, snapshot(t, out), before)
}
