package site_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tact/internal/site"
)

func warningsOf(rep *site.Report) []string {
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
	appendTo(t, filepath.Join(root, "content", "en", "turning-down-an-introduction.md"),
		"\nSee [gone](/en/nope/), [no id](/en/networking-with-friends/#nope), [fine](/en/networking-with-friends/#be-direct) and [self](#swamped).\n")
	out := filepath.Join(t.TempDir(), "public")
	b := site.NewBuilder(os.DirFS(root), site.Options{Out: out})
	rep, err := b.Build(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`en/turning-down-an-introduction/index.html: broken link "/en/nope/": no page or file at /en/nope/`,
		`en/turning-down-an-introduction/index.html: broken link "/en/networking-with-friends/#nope": /en/networking-with-friends/ has no element with id "nope"`,
	}
	if have := warningsOf(rep); strings.Join(have, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(have, "\n"), strings.Join(want, "\n"))
	}
	if _, err := site.Build(context.Background(), os.DirFS(root), site.Options{Out: filepath.Join(t.TempDir(), "p"), Strict: true}); err == nil || !strings.Contains(err.Error(), `broken link "/en/nope/"`) {
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
	full, err := site.Build(context.Background(), os.DirFS(root), site.Options{Out: filepath.Join(t.TempDir(), "q")})
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
