package build_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tact/internal/build"
)

func warningsOf(rep *build.Report) []string {
	var ws []string
	for _, w := range rep.Warnings {
		ws = append(ws, w.Error())
	}
	return ws
}

// The link checker finds links in an article's prose that lead nowhere, as
// warnings, or errors under Strict; a later rename of a linked page is
// caught by an incremental build too.
func TestLinkChecker(t *testing.T) {
	root := t.TempDir()
	copyTree(t, root)
	src := filepath.Join(root, "content", "en", "turning-down-an-introduction.md")
	before, _ := os.ReadFile(src)
	line := strings.Count(string(before), "\n") + 2 // (the line appended)
	const added = "See [gone](/en/nope/), [no id](/en/networking-with-friends/#nope), [fine](/en/networking-with-friends/#be-direct), [self](#swamped) and [typo](/en/networking-with-friend/)."
	appendTo(t, src, "\n"+added+"\n")
	out := filepath.Join(t.TempDir(), "public")
	b := build.NewBuilder(os.DirFS(root), build.Options{Out: out})
	rep, err := b.Build(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	// Each where it is written, with the nearest page when there is one.
	at := func(link string) string {
		return fmt.Sprintf("content/en/turning-down-an-introduction.md:%d:%d: ", line, strings.Index(added, "]("+link)+3)
	}
	const page = " (on en/turning-down-an-introduction/index.html)"
	want := []string{
		at("/en/nope/") + `broken link "/en/nope/": no page or file at /en/nope/` + page,
		at("/en/networking-with-friends/#nope") + `broken link "/en/networking-with-friends/#nope": /en/networking-with-friends/ has no element with id "nope"` + page,
		at("/en/networking-with-friend/") + `broken link "/en/networking-with-friend/": no page or file at /en/networking-with-friend/ (did you mean /en/networking-with-friends/?)` + page,
	}
	if have := warningsOf(rep); strings.Join(have, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(have, "\n"), strings.Join(want, "\n"))
	}
	if _, err := build.Build(context.Background(), os.DirFS(root), build.Options{Out: filepath.Join(t.TempDir(), "p"), Strict: true}); err == nil || !strings.Contains(err.Error(), `broken link "/en/nope/"`) {
		t.Errorf("strict build: %v, want the broken link as an error", err)
	}

	// Rename the linked article: its old address now leads nowhere, from a
	// page the incremental build does not render again.
	linked := filepath.Join(root, "content", "en", "networking-with-friends.md")
	s, _ := os.ReadFile(linked)
	renamed := filepath.Join(root, "content", "en", "friends.md")
	if err := os.WriteFile(renamed, []byte(strings.Replace(string(s), `slug = "networking-with-friends"`, `slug = "friends"`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(linked); err != nil {
		t.Fatal(err)
	}
	rep, err = b.Build(context.Background(), []string{"content/en/networking-with-friends.md", "content/en/friends.md"})
	if err != nil {
		t.Fatal(err)
	}
	full, err := build.Build(context.Background(), os.DirFS(root), build.Options{Out: filepath.Join(t.TempDir(), "q")})
	if err != nil {
		t.Fatal(err)
	}
	if have, want := strings.Join(warningsOf(rep), "\n"), strings.Join(warningsOf(full), "\n"); have != want {
		t.Errorf("incremental warnings:\n%s\nfull build:\n%s", have, want)
	}
	if !strings.Contains(strings.Join(warningsOf(rep), "\n"), `broken link "/en/networking-with-friends/#be-direct"`) {
		t.Errorf("the link to the renamed page is not reported: %q", warningsOf(rep))
	}
}

// An edit of an article's prose (the Builder's fast path, which renders
// only that article's pages) reports the same link problems as a full
// build: the edited page's new ones, and the other pages' as they were.
func TestLinkProblemsAfterProseEdits(t *testing.T) {
	root := t.TempDir()
	copyTree(t, root)
	file := func(rel string) string { return filepath.Join(root, filepath.FromSlash(rel)) }
	const a, b = "content/en/turning-down-an-introduction.md", "content/en/networking-with-friends.md"
	orig := map[string]string{}
	for _, f := range []string{a, b} {
		s, err := os.ReadFile(file(f))
		if err != nil {
			t.Fatal(err)
		}
		orig[f] = string(s)
	}
	set := func(f, extra string) {
		if err := os.WriteFile(file(f), []byte(orig[f]+extra), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	set(a, "\nSee [gone](/en/nope/).\n")
	bld := build.NewBuilder(os.DirFS(root), build.Options{Out: filepath.Join(t.TempDir(), "public")})
	if _, err := bld.Build(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	for _, step := range []struct {
		file, extra string
		want        int // problems
	}{
		{b, "\nSee [also gone](/en/nope-too/).\n", 2},
		{b, "\nSee [fine](/en/).\n", 1},
		{a, "\nNothing to see.\n", 0},
		{b, "\nSee [gone again](/en/nope-again/).\n", 1},
	} {
		set(step.file, step.extra)
		rep, err := bld.Build(context.Background(), []string{step.file})
		if err != nil {
			t.Fatal(err)
		}
		full, err := build.Build(context.Background(), os.DirFS(root), build.Options{Out: filepath.Join(t.TempDir(), "full")})
		if err != nil {
			t.Fatal(err)
		}
		have, want := warningsOf(rep), warningsOf(full)
		if strings.Join(have, "\n") != strings.Join(want, "\n") || len(have) != step.want {
			t.Errorf("after editing %s: warnings\n%s\nfull build (%d wanted):\n%s", step.file, strings.Join(have, "\n"), step.want, strings.Join(want, "\n"))
		}
	}
}
