// Package cli is the build command's command line: its flags, grouped in
// the help text (--help, and --help-all for the profiling flags), the
// checks that turn a mistyped command into a message saying what to type
// instead (exit status 2, as Go's flag package gives), the checks on the
// output directory (OutputDir), --version, the progress line a long build shows on a terminal, the exit status of a
// build stopped by Ctrl-C (130), and the report of a failed build.
//
// cmd/build stays a thin main: it parses the flags here, then calls the
// build, the preview (package devserver), translation.MarkTranslated or
// scaffold.Write. A --new-translation naming a file or a language the site
// does not have is a usage error too (scaffold.UsageError: status 2).
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/tact-guide/tact/internal/build"
)

// Name is the command's name in messages and in the help text: what
// `go install ./cmd/build` installs.
const Name = "build"

// Flags are the command's flags and arguments.
type Flags struct {
	Root    string // --content: the site root
	Out     string // --out, as given (relative to Root unless absolute)
	BaseURL string // --base-url
	Drafts  bool   // --drafts
	Minify  bool   // --minify
	Strict  bool   // --strict

	Watch        bool          // --watch
	Serve        bool          // --serve
	Port         int           // --port
	Poll         bool          // --poll
	PollInterval time.Duration // --poll-interval

	Mark  bool     // --mark-translated
	Files []string // its arguments

	NewTranslation string // --new-translation: the source article to make a skeleton of
	Lang           string // --lang: the language of the skeleton

	CPUProfile string // --cpuprofile
	MemProfile string // --memprofile
}

// OutDir returns the output directory: --out, relative to the site root.
func (f *Flags) OutDir() string {
	if filepath.IsAbs(f.Out) {
		return f.Out
	}
	return filepath.Join(f.Root, f.Out)
}

// BuildOptions returns the build's options, publishing to out.
func (f *Flags) BuildOptions(out string) build.Options {
	return build.Options{Out: out, BaseURL: f.BaseURL, Drafts: f.Drafts, Minify: f.Minify, Strict: f.Strict}
}

// group is a heading of the help text and the flags under it, in order.
type group struct {
	title string
	flags []string
	all   bool // shown only by --help-all
}

var groups = []group{
	{title: "Building", flags: []string{"content", "out", "base-url", "drafts", "strict", "minify"}},
	{title: "Watching and preview", flags: []string{"watch", "serve", "port", "poll", "poll-interval"}},
	{title: "Translators", flags: []string{"new-translation", "lang", "mark-translated"}},
	{title: "Diagnostics", flags: []string{"version", "help", "help-all"}},
	{title: "Profiling (see bench/README.md)", flags: []string{"cpuprofile", "memprofile"}, all: true},
}

// metavars name the values of the flags that take one, in the help text
// (the files --mark-translated is followed by, too).
var metavars = map[string]string{"content": "DIR", "out": "DIR", "base-url": "URL", "port": "N", "poll-interval": "D",
	"mark-translated": "FILE…", "new-translation": "FILE", "lang": "CODE", "cpuprofile": "FILE", "memprofile": "FILE"}

// previewFlags need --watch.
var previewFlags = []string{"serve", "port", "poll", "poll-interval"}

// newFlagSet returns the command's flags, bound to f.
func newFlagSet(f *Flags) (fs *flag.FlagSet, help, helpAll, version *bool) {
	fs = flag.NewFlagSet(Name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // (the messages are ours: usageError)
	fs.StringVar(&f.Root, "content", ".", "the site root: the directory holding tact.toml, content/, layouts/, assets/ and i18n/")
	fs.StringVar(&f.Out, "out", "public", "output directory, relative to the site root; replaced whole, atomically")
	fs.StringVar(&f.BaseURL, "base-url", "", "absolute URL the site is served from, such as https://example.org/ (overrides tact.toml's baseURL; canonical links, feeds, sitemaps and the embed snippet need one)")
	fs.BoolVar(&f.Drafts, "drafts", false, "include articles with draft = true")
	fs.BoolVar(&f.Minify, "minify", true, "minify HTML, CSS, JavaScript and JSON; --minify=false leaves them readable")
	fs.BoolVar(&f.Strict, "strict", false, "missing translations, non-reciprocal hreflang and scenarios the quiz does not reach are errors, not warnings (CI builds with it); a broken link is always one")
	fs.BoolVar(&f.Watch, "watch", false, "keep running: rebuild on every save under content/, layouts/, assets/, i18n/, static/ and to tact.toml")
	fs.BoolVar(&f.Serve, "serve", true, "with --watch: serve the site on 127.0.0.1 with live reload; --serve=false only rebuilds")
	fs.IntVar(&f.Port, "port", 1313, "with --watch: the port to serve on (the next free one if it is taken)")
	fs.BoolVar(&f.Poll, "poll", false, "with --watch: scan for changes instead of waiting for file events (Docker bind mounts, WSL, network drives)")
	fs.DurationVar(&f.PollInterval, "poll-interval", 500*time.Millisecond, "with --poll: the time between scans")
	fs.StringVar(&f.NewTranslation, "new-translation", "", "begin the translation of an article of the source language into the language of --lang: write its skeleton, the source's text with each passage to translate marked TODO(translate), which the build refuses until every mark is gone; it never replaces a file (docs/content.md)")
	fs.StringVar(&f.Lang, "lang", "", "with --new-translation: the language to translate into, by its code in tact.toml, such as nl")
	fs.BoolVar(&f.Mark, "mark-translated", false, "record that the translation files given as arguments are up to date with their source, then exit")
	fs.StringVar(&f.CPUProfile, "cpuprofile", "", "write a CPU profile of the build to a file (go tool pprof)")
	fs.StringVar(&f.MemProfile, "memprofile", "", "write an allocation profile of the build to a file (go tool pprof)")
	version = fs.Bool("version", false, "print the version of this program and of Go, then exit")
	help = fs.Bool("help", false, "print this help, then exit")
	helpAll = fs.Bool("help-all", false, "print this help with the profiling flags too, then exit")
	return fs, help, helpAll, version
}

// Parse parses the command line args (without the program name). When the
// command should stop at once, it has printed what there is to say (the
// help or the version on stdout, a usage error on stderr) and returns nil
// and the exit status: 0, or 2 for a usage error.
func Parse(args []string, stdout, stderr io.Writer) (*Flags, int) {
	f := new(Flags)
	fs, help, helpAll, version := newFlagSet(f)
	err := fs.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp): // -h
		*help = true
	case err != nil:
		return nil, usageError(stderr, fs, err.Error())
	}
	switch {
	case *help || *helpAll:
		Usage(stdout, fs, *helpAll)
		return nil, 0
	case *version:
		fmt.Fprintln(stdout, Version())
		return nil, 0
	}
	f.Files = fs.Args()
	if msg := check(fs, f); msg != "" {
		return nil, usageError(stderr, fs, msg)
	}
	return f, 0
}

// check returns what is wrong with a command line that parsed, or "".
func check(fs *flag.FlagSet, f *Flags) string {
	set := map[string]bool{}
	fs.Visit(func(fl *flag.Flag) { set[fl.Name] = true })
	if f.NewTranslation != "" || set["new-translation"] {
		return checkNewTranslation(f)
	}
	if set["lang"] {
		return "--lang goes with --new-translation, such as: " + Name + " --new-translation content/en/closing-the-loop.md --lang " + f.Lang
	}
	if f.Mark {
		switch {
		case f.Watch:
			return "--watch and --mark-translated do not go together: mark the files first, then start the preview"
		case len(f.Files) == 0:
			return "--mark-translated needs the translation files to mark, such as: " + Name + " --mark-translated content/nl/introducties.md"
		case slices.ContainsFunc(f.Files, isFlag):
			return fmt.Sprintf("flag %s comes after the files: put every flag before the first file", f.Files[slices.IndexFunc(f.Files, isFlag)])
		}
		return ""
	}
	if len(f.Files) > 0 {
		return strayArgument(fs, f.Files)
	}
	for _, name := range previewFlags {
		if set[name] && !f.Watch {
			return fmt.Sprintf("--%s is a preview flag: it needs --watch, such as: %s --watch --%s", name, Name, name+exampleValue(fs.Lookup(name)))
		}
	}
	if f.Port < 0 || f.Port > 65535 {
		return fmt.Sprintf("--port %d is not a port: use a number from 1 to 65535 (or 0 for any free port)", f.Port)
	}
	if f.Poll && f.PollInterval <= 0 {
		return fmt.Sprintf("--poll-interval %v is not a time between scans: use one such as 500ms or 2s", f.PollInterval)
	}
	return ""
}

// checkNewTranslation returns what is wrong with a command line that
// asks for a translation skeleton, or "".
func checkNewTranslation(f *Flags) string {
	example := Name + " --new-translation content/en/closing-the-loop.md --lang nl"
	switch {
	case f.NewTranslation == "" || isFlag(f.NewTranslation):
		return "--new-translation needs the source article right after it, such as: " + example
	case f.Mark:
		return "--new-translation and --mark-translated do not go together: write the translation first, then mark it"
	case f.Watch:
		return "--new-translation and --watch do not go together: make the skeleton first, then start the preview to write in it"
	case f.Lang == "" || isFlag(f.Lang):
		return "--new-translation needs --lang, the language to translate into, such as: " + example
	case len(f.Files) > 0:
		return fmt.Sprintf("unexpected argument %q: --new-translation takes one article, and --lang one language (run the command once for each)", f.Files[0])
	}
	return ""
}

// strayArgument says what is wrong with arguments given without
// --mark-translated, and what was likely meant.
func strayArgument(fs *flag.FlagSet, args []string) string {
	first := args[0]
	if i := slices.IndexFunc(args, isFlag); i > 0 {
		return fmt.Sprintf("unexpected argument %q before %s: flags come first, and arguments only follow --mark-translated", first, args[i])
	}
	hint := ""
	switch info, err := os.Stat(first); {
	case err == nil && info.IsDir():
		hint = fmt.Sprintf(": to build the site in %s, run %s --content %s", first, Name, first)
	case err == nil && strings.HasSuffix(first, ".md"):
		hint = fmt.Sprintf(": to record a translation as up to date, run %s --mark-translated %s", Name, first)
	case strings.HasPrefix(first, "–") || strings.HasPrefix(first, "—"):
		hint = ": it starts with a dash that is not a hyphen (–); type the flag with two hyphens (--)"
	}
	return fmt.Sprintf("unexpected argument %q: %s takes only flags (arguments are for --mark-translated)%s", first, Name, hint)
}

func isFlag(arg string) bool { return len(arg) > 1 && arg[0] == '-' }

// exampleValue returns " VALUE" for a flag that takes a value, "" for a
// boolean one, to quote it in a message.
func exampleValue(fl *flag.Flag) string {
	if b, ok := fl.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
		return ""
	}
	return " " + fl.DefValue
}

// usageError prints msg (with a nearby flag's name for an unknown one) and
// where the help is, and returns the exit status of a usage error.
func usageError(w io.Writer, fs *flag.FlagSet, msg string) int {
	const undefined = "flag provided but not defined: -"
	if name, ok := strings.CutPrefix(msg, undefined); ok {
		msg = fmt.Sprintf("unknown flag --%s", name)
		if near := nearest(fs, name); near != "" {
			msg += fmt.Sprintf(": did you mean --%s?", near)
		}
	}
	return printUsageError(w, msg)
}

// printUsageError prints msg and where the help is, and returns the exit
// status of a usage error.
func printUsageError(w io.Writer, msg string) int {
	fmt.Fprintf(w, "%s: %s\nRun '%s --help' for the flags.\n", Name, msg, Name)
	return 2
}

// nearest returns the flag whose name is closest to name, within two
// edits, or "".
func nearest(fs *flag.FlagSet, name string) string {
	best, dist := "", 3
	fs.VisitAll(func(fl *flag.Flag) {
		if d := editDistance(name, fl.Name); d < dist {
			best, dist = fl.Name, d
		}
	})
	return best
}

// editDistance is the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}
