package cli

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/tact-guide/tact/internal/build"
	"github.com/tact-guide/tact/internal/scaffold"
)

var update = flag.Bool("update", false, "rewrite testdata/help*.txt with the current help text")

// The help text is a golden file: what it says is read by people, so a
// change to it is reviewed as a diff (go test ./internal/cli -update).
func TestHelpGolden(t *testing.T) {
	for _, c := range []struct{ arg, file string }{
		{"--help", "help.txt"},
		{"-h", "help.txt"},
		{"--help-all", "help-all.txt"},
	} {
		var stdout, stderr bytes.Buffer
		f, status := Parse([]string{c.arg}, &stdout, &stderr)
		if f != nil || status != 0 || stderr.Len() > 0 {
			t.Fatalf("%s: flags %v, status %d, stderr %q; want the help on stdout and status 0", c.arg, f, status, stderr.String())
		}
		golden := filepath.Join("testdata", c.file)
		if *update && c.arg != "-h" {
			if err := os.WriteFile(golden, stdout.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatal(err)
		}
		if stdout.String() != string(want) {
			t.Errorf("%s: the help text differs from %s (run go test ./internal/cli -update and read the diff):\n%s", c.arg, golden, stdout.String())
		}
	}
}

// The everyday help groups the flags, gives defaults and ends with
// examples; the profiling flags are only in --help-all.
func TestHelpContents(t *testing.T) {
	var help, all bytes.Buffer
	Parse([]string{"--help"}, &help, &bytes.Buffer{})
	Parse([]string{"--help-all"}, &all, &bytes.Buffer{})
	for _, want := range []string{"Building:", "Watching and preview:", "Translators:", "Diagnostics:", `(default "public")`, "(default 1313)", "(default 500ms)", "Examples:\n  build\n"} {
		if !strings.Contains(help.String(), want) {
			t.Errorf("--help lacks %q", want)
		}
	}
	for _, profiling := range []string{"--cpuprofile", "--memprofile"} {
		if strings.Contains(help.String(), profiling) {
			t.Errorf("--help lists %s, a flag for measuring the build", profiling)
		}
		if !strings.Contains(all.String(), profiling) {
			t.Errorf("--help-all does not list %s", profiling)
		}
	}
	// Every flag is in some group.
	fs, _, _, _ := newFlagSet(new(Flags))
	fs.VisitAll(func(fl *flag.Flag) {
		if !strings.Contains(all.String(), "  --"+fl.Name+"\n") && !strings.Contains(all.String(), "  --"+fl.Name+" ") {
			t.Errorf("--help-all does not list --%s", fl.Name)
		}
	})
}

// A command line that cannot be what was meant stops with status 2 and a
// message that says what to type instead, on stderr.
func TestUsageErrors(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"public"}, `unexpected argument "public": build takes only flags (arguments are for --mark-translated)`},
		{[]string{dir}, "to build the site in " + dir + ", run build --content " + dir},
		{[]string{"x", "--strict"}, `unexpected argument "x" before --strict: flags come first`},
		{[]string{"–strict"}, "a dash that is not a hyphen"},
		{[]string{"--stirct"}, "unknown flag --stirct: did you mean --strict?"},
		{[]string{"--port", "8080"}, "--port is a preview flag: it needs --watch, such as: build --watch --port 1313"},
		{[]string{"--poll"}, "--poll is a preview flag: it needs --watch, such as: build --watch --poll"},
		{[]string{"--mark-translated"}, "--mark-translated needs the translation files to mark"},
		{[]string{"--mark-translated", "a.md", "--strict"}, "flag --strict comes after the files"},
		{[]string{"--watch", "--mark-translated", "a.md"}, "--watch and --mark-translated do not go together"},
		{[]string{"--watch", "--port", "70000"}, "--port 70000 is not a port"},
		{[]string{"--new-translation", "content/en/a.md"}, "--new-translation needs --lang, the language to translate into, such as: build --new-translation content/en/closing-the-loop.md --lang nl"},
		{[]string{"--new-translation", "--lang", "nl", "content/en/a.md"}, "--new-translation needs the source article right after it"},
		{[]string{"--new-translation"}, "flag needs an argument: -new-translation"},
		{[]string{"--lang", "nl"}, "--lang goes with --new-translation, such as: build --new-translation content/en/closing-the-loop.md --lang nl"},
		{[]string{"--new-translation", "content/en/a.md", "--lang", "nl", "content/en/b.md"}, `unexpected argument "content/en/b.md": --new-translation takes one article`},
		{[]string{"--new-translation", "content/en/a.md", "--mark-translated", "--lang", "nl"}, "--new-translation and --mark-translated do not go together"},
		{[]string{"--watch", "--new-translation", "content/en/a.md", "--lang", "nl"}, "--new-translation and --watch do not go together"},
		{[]string{"--port", "x"}, `invalid value "x" for flag -port`},
	} {
		var stdout, stderr bytes.Buffer
		f, status := Parse(c.args, &stdout, &stderr)
		if f != nil || status != 2 {
			t.Errorf("%q: status %d, flags %v; want status 2", c.args, status, f)
		}
		if !strings.Contains(stderr.String(), c.want) || !strings.HasSuffix(stderr.String(), "Run 'build --help' for the flags.\n") {
			t.Errorf("%q: stderr %q; want %q and where the help is", c.args, stderr.String(), c.want)
		}
		if stdout.Len() > 0 {
			t.Errorf("%q: a usage error printed on stdout: %q", c.args, stdout.String())
		}
	}
}

func TestParse(t *testing.T) {
	f, status := Parse([]string{"--content", "site", "--out", "/tmp/o", "--strict", "--watch", "--poll"}, &bytes.Buffer{}, &bytes.Buffer{})
	if f == nil || status != 0 {
		t.Fatalf("status %d", status)
	}
	if f.Root != "site" || f.OutDir() != "/tmp/o" || !f.Strict || !f.Watch || !f.Poll || !f.Minify || f.Port != 1313 || f.PollInterval != 500*time.Millisecond {
		t.Errorf("parsed %+v", f)
	}
	f, _ = Parse([]string{"--content", "site", "--mark-translated", "content/nl/a.md", "content/it/a.md"}, &bytes.Buffer{}, &bytes.Buffer{})
	if f == nil || f.OutDir() != filepath.Join("site", "public") || len(f.Files) != 2 {
		t.Errorf("parsed %+v", f)
	}
	f, _ = Parse([]string{"--new-translation", "content/en/a.md", "--lang", "nl"}, &bytes.Buffer{}, &bytes.Buffer{})
	if f == nil || f.NewTranslation != "content/en/a.md" || f.Lang != "nl" || f.Mark || len(f.Files) != 0 {
		t.Errorf("parsed %+v", f)
	}
}

func TestVersion(t *testing.T) {
	var stdout bytes.Buffer
	if f, status := Parse([]string{"--version"}, &stdout, &bytes.Buffer{}); f != nil || status != 0 {
		t.Fatalf("--version: status %d", status)
	}
	if !strings.HasPrefix(stdout.String(), "build ") || !strings.Contains(stdout.String(), "built with go1.") {
		t.Errorf("--version printed %q", stdout.String())
	}
	vcs := func(rev, modified string) []debug.BuildSetting {
		return []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: rev}, {Key: "vcs.modified", Value: modified}}
	}
	for _, c := range []struct {
		info *debug.BuildInfo
		want string
	}{
		{nil, "build devel, built with go"},
		{&debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}}, "build devel, built with go1.26.8 for "},
		{&debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.2.0"}}, "build v1.2.0, built with go1.26.8 for "},
		{&debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}, Settings: vcs("928692f1a2b3c4d5e6f7", "true")}, "build devel (commit 928692f1a2b3, modified), built with go1.26.8"},
		{&debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}, Settings: vcs("928692f1a2b3c4d5e6f7", "false")}, "build devel (commit 928692f1a2b3), built with go1.26.8"},
		{&debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v0.0.0-20261206081438-928692f1a2b3+dirty"}, Settings: vcs("928692f1a2b3c4d5e6f7", "true")}, "build v0.0.0-20261206081438-928692f1a2b3+dirty, built with go1.26.8"},
	} {
		if got := versionText(c.info); !strings.HasPrefix(got, c.want) {
			t.Errorf("versionText(%+v) = %q, want it to start %q", c.info, got, c.want)
		}
	}
}

func TestProgressText(t *testing.T) {
	for _, c := range []struct {
		stage       build.Stage
		done, total int
		want        string
	}{
		{build.Loading, 0, 0, "reading the content"},
		{build.Rendering, 0, 7, "rendering 0/7 pages"},
		{build.Rendering, 999, 1000, "rendering 999/1,000 pages"},
		{build.Rendering, 12345, 27181, "rendering 12,345/27,181 pages"},
		{build.Rendering, 1234567, 1234567, "rendering 1,234,567/1,234,567 pages"},
		{build.Publishing, 5, 5, "publishing"},
	} {
		if got := ProgressText(c.stage, c.done, c.total); got != c.want {
			t.Errorf("ProgressText(%v, %d, %d) = %q, want %q", c.stage, c.done, c.total, got, c.want)
		}
	}
}

// On a terminal the line is redrawn in place (\r, then erase to the end
// of the line) and erased when the build ends, so that the summary line
// stands alone.
func TestProgressLineRedrawsInPlace(t *testing.T) {
	var w syncBuffer
	l := startProgress(&w, 0, time.Millisecond)
	time.Sleep(20 * time.Millisecond)
	l.Stop()
	got := w.String()
	if !strings.HasPrefix(got, "\rreading the content\x1b[K") || !strings.HasSuffix(got, "\r\x1b[K") || strings.Contains(got, "\n") {
		t.Errorf("progress line wrote %q; want it redrawn in place and erased at the end", got)
	}
}

// A build shorter than the delay shows nothing.
func TestProgressLineQuietForShortBuilds(t *testing.T) {
	var w syncBuffer
	l := startProgress(&w, time.Hour, time.Millisecond)
	l.Stop()
	if w.String() != "" {
		t.Errorf("a short build's progress line wrote %q", w.String())
	}
}

// When stderr is not a terminal (a pipe, a file, a CI log) there is no
// line and the build counts nothing.
func TestProgressLineNotOnAFile(t *testing.T) {
	f, err := os.Create(filepath.Join(t.TempDir(), "stderr"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	l := StartProgress(f)
	if l.Counter() != nil {
		t.Error("a progress line on a file counts the build's work")
	}
	l.Stop()
	if info, _ := f.Stat(); info.Size() != 0 {
		t.Errorf("a progress line on a file wrote %d bytes", info.Size())
	}
}

func TestExitStatus(t *testing.T) {
	var w bytes.Buffer
	if got := ExitStatus(context.Background(), nil, &w); got != 0 || w.Len() > 0 {
		t.Errorf("success: %d, %q", got, w.String())
	}
	if got := ExitStatus(context.Background(), errors.New("content/en/a.md:1:1: bad"), &w); got != 1 || !strings.Contains(w.String(), "build failed; the previous output is unchanged") {
		t.Errorf("failure: %d, %q", got, w.String())
	}
	// A maintenance action that fails built nothing, and says so.
	w.Reset()
	if got := ExitStatus(context.Background(), ActionFailed("--mark-translated", errors.New("mark content/nl/x.md: not an article of the site")), &w); got != 1 || w.String() != "mark content/nl/x.md: not an article of the site\n--mark-translated wrote nothing\n" {
		t.Errorf("a maintenance action's failure: status %d, %q; want 1 and no word of a build", got, w.String())
	}
	// A --new-translation naming what the site does not have is a usage
	// error, found once tact.toml is read: status 2, and where the help is.
	w.Reset()
	usage := fmt.Errorf("begin: %w", &scaffold.UsageError{Msg: "--lang fr is not a language of the site: use one of es, nl, it (the languages of tact.toml)"})
	w.Reset()
	if got := ExitStatus(context.Background(), usage, &w); got != 2 || w.String() != "build: --lang fr is not a language of the site: use one of es, nl, it (the languages of tact.toml)\nRun 'build --help' for the flags.\n" {
		t.Errorf("usage error: %d, %q; want 2 and the message", got, w.String())
	}
	ctx, cancel := context.WithCancelCause(context.Background())
	cancel(interrupted{syscall.SIGINT})
	w.Reset()
	if got := ExitStatus(ctx, context.Canceled, &w); got != 130 || w.String() != "build interrupted; the previous output is unchanged\n" {
		t.Errorf("Ctrl-C: %d, %q; want 130", got, w.String())
	}
	w.Reset()
	if got := ExitStatus(ctx, context.Cause(ctx), &w); got != 130 || w.Len() > 0 {
		t.Errorf("Ctrl-C in watch mode: %d, %q; want 130 and nothing said", got, w.String())
	}
	if got := ExitStatus(ctx, nil, &w); got != 0 || w.Len() > 0 {
		t.Errorf("Ctrl-C after the build was done: %d, %q; want 0", got, w.String())
	}
}

// In a watch session each build has its line, shown again for the next
// build after the last was erased.
func TestProgressLineForEachWatchBuild(t *testing.T) {
	var w syncBuffer
	l := newProgress(&w, 0, time.Millisecond)
	for i, want := range []string{"\rreading the content\x1b[K", "\rreading the content\x1b[K"} {
		before := len(w.String())
		l.Start()
		time.Sleep(20 * time.Millisecond)
		l.Stop()
		got := w.String()[before:]
		if !strings.HasPrefix(got, want) || !strings.HasSuffix(got, "\r\x1b[K") {
			t.Errorf("build %d: line %q; want it to start at %q and be erased", i+1, got, want)
		}
	}
}
