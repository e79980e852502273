package build_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/tact-guide/tact/internal/build"
)

func warningsOf(rep *build.Report) []string {
	var ws []string
	for _, w := range rep.Warnings {
		ws = append(ws, w.Error())
	}
	return ws
}

// errorsOf returns a build error's problems, one per line.
func errorsOf(err error) string {
	if err == nil {
		return ""
	}
	return strings.Join(errLines(err), "\n")
}

// The link checker finds the links in an article's prose that lead
// nowhere, and fails the build with each where it is written; a later
// rename of a linked page is caught by an incremental build too.
func TestLinkChecker(t *testing.T) {
	t.Parallel() // (a few builds of the real site: beside the other heavy tests)
	root := t.TempDir()
	copyTree(t, root)
	src := filepath.Join(root, "content", "en", "turning-down-an-introduction.md")
	before, _ := os.ReadFile(src)
	line := strings.Count(string(before), "\n") + 2 // (the line appended)
	const added = "See [gone](/en/nope/), [no id](/en/networking-with-friends/#nope), [fine](/en/networking-with-friends/#be-direct), [self](#swamped) and [typo](/en/networking-with-friend/)."
	appendTo(t, src, "\n"+added+"\n")
	out := filepath.Join(t.TempDir(), "public")
	b := build.NewBuilder(os.DirFS(root), build.Options{Out: out})
	t.Cleanup(b.Close)
	_, err := b.Build(context.Background(), nil)
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
	if have := errorsOf(err); have != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", have, strings.Join(want, "\n"))
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a build with broken links published the site")
	}

	// Without them, the site builds; then rename the linked article: its
	// old address now leads nowhere, from a page the incremental build
	// does not render again.
	os.WriteFile(src, append(before, "\nSee [fine](/en/networking-with-friends/#be-direct).\n"...), 0o644)
	if _, err := b.Build(context.Background(), []string{"content/en/turning-down-an-introduction.md"}); err != nil {
		t.Fatal(err)
	}
	linked := filepath.Join(root, "content", "en", "networking-with-friends.md")
	s, _ := os.ReadFile(linked)
	renamed := filepath.Join(root, "content", "en", "friends.md")
	if err := os.WriteFile(renamed, []byte(strings.Replace(string(s), `slug = "networking-with-friends"`, `slug = "friends"`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(linked); err != nil {
		t.Fatal(err)
	}
	_, err = b.Build(context.Background(), []string{"content/en/networking-with-friends.md", "content/en/friends.md"})
	_, fullErr := build.Build(context.Background(), os.DirFS(root), build.Options{Out: filepath.Join(t.TempDir(), "q")})
	if have, want := errorsOf(err), errorsOf(fullErr); have != want || !strings.Contains(have, `broken link "/en/networking-with-friends/#be-direct"`) {
		t.Errorf("incremental build errors:\n%s\nfull build:\n%s\nwant the link to the renamed page in both", have, want)
	}
}

// An edit of an article's prose (the Builder's fast path, which renders
// only that article's pages) fails on a broken link exactly as a full
// build does, and succeeds again once it is mended.
func TestLinkProblemsAfterProseEdits(t *testing.T) {
	t.Parallel() // (a few builds of the real site: beside the other heavy tests)
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
	bld := build.NewBuilder(os.DirFS(root), build.Options{Out: filepath.Join(t.TempDir(), "public")})
	t.Cleanup(bld.Close)
	if _, err := bld.Build(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	for _, step := range []struct {
		file, extra string
		broken      bool
	}{
		{b, "\nSee [gone](/en/nope-too/).\n", true},
		{b, "\nSee [fine](/en/).\n", false},
		{a, "\nSee [gone](/en/nope/).\n", true},
		{a, "\nNothing to see.\n", false},
		{b, "\nSee [gone again](/en/nope-again/).\n", true},
	} {
		set(step.file, step.extra)
		_, err := bld.Build(context.Background(), []string{step.file})
		_, fullErr := build.Build(context.Background(), os.DirFS(root), build.Options{Out: filepath.Join(t.TempDir(), "full")})
		if have, want := errorsOf(err), errorsOf(fullErr); have != want || (have != "") != step.broken {
			t.Errorf("after editing %s: errors\n%s\nfull build (broken link %v):\n%s", step.file, have, step.broken, want)
		}
	}
}

// A broken link in a scenario's text is shown on several pages (the
// article's, each reply's, a quiz outcome's) but written once: it is
// reported once, where it is written, naming the article's page and how
// many others show it, by one-shot builds and Builders alike. One in a
// layout is on nearly every page: it too is reported once.
func TestBrokenLinkReportedOnce(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	copyTree(t, root)
	src := filepath.Join(root, "content", "en", "turning-down-an-introduction.md")
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	// The scenario's first two paragraphs: its situation (on the article
	// and reply pages) and why (there and on its quiz outcome).
	lines := strings.Split(string(b), "\n")
	head := slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, "{#swamped") })
	end := head + 1 + slices.IndexFunc(lines[head+1:], func(l string) bool { return strings.HasPrefix(l, "## ") })
	replies := 0
	for _, l := range lines[head:end] {
		if strings.HasPrefix(l, "```reply") {
			replies++
		}
	}
	situation, why := head+2, head+4 // (0-based: a blank line after the heading and between them)
	lines[situation] = "[Gone](/en/nope/) " + lines[situation]
	lines[why] = "[Gone](/en/gone/) " + lines[why]
	if err := os.WriteFile(src, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	footer := filepath.Join(root, "layouts", "partials", "footer.html")
	f, err := os.ReadFile(footer)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(footer, []byte(strings.Replace(string(f), "</footer>", `<a href="/en/nowhere/">x</a></footer>`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	const article = "en/turning-down-an-introduction/index.html"
	want := func(line, others int) string {
		target := map[int]string{situation: "/en/nope/", why: "/en/gone/"}[line]
		return fmt.Sprintf(`content/en/turning-down-an-introduction.md:%d:8: broken link %q: no page or file at %s (on %s and %d other pages)`, line+1, target, target, article, others)
	}
	builds := map[string]func() error{
		"one-shot": func() error {
			_, err := build.Build(context.Background(), os.DirFS(root), build.Options{Out: filepath.Join(t.TempDir(), "public")})
			return err
		},
		"Builder": func() error {
			b := build.NewBuilder(os.DirFS(root), build.Options{Out: filepath.Join(t.TempDir(), "public")})
			defer b.Close()
			_, err := b.Build(context.Background(), nil)
			return err
		},
	}
	for name, run := range builds {
		have := errLines(run())
		if len(have) != 3 || !regexp.MustCompile(`^index\.html: broken link "/en/nowhere/": no page or file at /en/nowhere/ \(and \d{3} other pages\)$`).MatchString(have[2]) {
			t.Fatalf("%s: errors:\n%s\nwant the footer's broken link once, on index.html and hundreds of other pages", name, strings.Join(have, "\n"))
		}
		if have[0] != want(situation, replies) || !strings.HasPrefix(have[1], want(why, 0)[:strings.Index(want(why, 0), " and ")]) {
			t.Fatalf("%s: errors:\n%s\nwant:\n%s\n%s", name, strings.Join(have, "\n"), want(situation, replies), want(why, replies+1))
		}
		// The quiz outcome quoting the why is one page more.
		if have[1] != want(why, replies+1) {
			t.Errorf("%s: %s\nwant %s", name, have[1], want(why, replies+1))
		}
	}
}
