// Command build turns Tact's content, layouts and assets into the static site
// in public/.
//
// Usage:
//
//	build [--content DIR] [--out DIR] [--base-url URL] [--drafts] [--minify=false] [--strict]
//	build --mark-translated FILE…
//	build --watch [--serve=false] [--port N] [--poll [--poll-interval D]] [build flags]
//
// It prints one summary line and exits 0, or prints every problem found as
// file:line:col: message and exits 1, leaving the previous output untouched.
//
// With --watch it keeps running: it rebuilds on every change to the sources
// and serves the site on 127.0.0.1 with live reload (package devserver), until
// Ctrl-C.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"tact/internal/cgroupmem"
	"tact/internal/devserver"
	"tact/internal/hugepages"
	"tact/internal/memlimit"
	"tact/internal/site"
)

func main() {
	root := flag.String("content", ".", "site root: the directory holding tact.toml, content/, layouts/, assets/ and i18n/")
	out := flag.String("out", "public", "output directory")
	baseURL := flag.String("base-url", "", "absolute URL the site is served from, e.g. https://example.org/ (needed for canonical links, feeds and the embed snippet)")
	drafts := flag.Bool("drafts", false, "include draft articles")
	minify := flag.Bool("minify", true, "minify HTML, CSS, JavaScript and JSON")
	strict := flag.Bool("strict", false, "treat missing translations, broken internal links and non-reciprocal hreflang as errors")
	mark := flag.Bool("mark-translated", false, "record that the translation files given as arguments are up to date with their source, then exit")
	watch := flag.Bool("watch", false, "keep running: rebuild on every change under content/, layouts/, assets/, i18n/ and to tact.toml")
	serve := flag.Bool("serve", true, "with --watch: serve the output on 127.0.0.1 with live reload")
	port := flag.Int("port", 1313, "with --serve: the port to serve on (the next free one if it is taken)")
	poll := flag.Bool("poll", false, "with --watch: look for changes by scanning the sources, for file systems without change events (Docker bind mounts, WSL, network drives)")
	pollInterval := flag.Duration("poll-interval", 500*time.Millisecond, "with --poll: time between scans")
	cpuProfile := flag.String("cpuprofile", "", "write a CPU profile of the build to this file (go tool pprof)")
	memProfile := flag.String("memprofile", "", "write an allocation profile of the build to this file (go tool pprof)")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: build [flags]\n\nBuilds the Tact site into the output directory.\n\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() > 0 && !*mark || *mark && flag.NArg() == 0 {
		flag.Usage()
		os.Exit(2)
	}
	if !*watch {
		for _, name := range []string{"serve", "port", "poll", "poll-interval"} {
			if isSet(name) {
				fmt.Fprintf(os.Stderr, "build: --%s needs --watch\n", name)
				os.Exit(2)
			}
		}
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	outDir := *out
	if !filepath.IsAbs(outDir) {
		outDir = filepath.Join(*root, outDir)
	}
	if *mark {
		if err := site.MarkTranslated(ctx, *root, flag.Args()); err != nil {
			report(err)
			os.Exit(1)
		}
		fmt.Printf("marked %d file(s) as translated from the current source\n", flag.NArg())
		return
	}

	// The memory limit of the process's cgroup (below), read while huge
	// pages are prepared: its few files take up to a millisecond.
	cgroupLimit := make(chan int64, 1)
	go func() {
		l, _ := cgroupmem.Limit()
		cgroupLimit <- l
	}()

	// A build's time is largely page faults on the machines it is measured
	// on; huge pages take most of them away (internal/hugepages). Only
	// builds: not a usage error, --help or --mark-translated. The heap may
	// grow to half that memory before the collector runs (the floor of
	// internal/memlimit, below): a small site is then built with one or no
	// collection, a site of 4,000 articles with 11 instead of about 40. Half:
	// the heap's own bookkeeping and fragmentation use more than the goal.
	var floor int64
	if hugepages.Advise() {
		floor = hugepages.Size / 2
	}

	// A container's memory (or a service's MemoryMax): past it the kernel
	// kills the process, so Go's memory limit stays under it, in watch mode
	// too (GOMEMLIMIT overrides). A fifth is left for what that limit does
	// not count: the program's code, the kernel's share of the output.
	hard := (<-cgroupLimit) / 5 * 4

	fsys := os.DirFS(*root)
	opts := site.Options{Out: outDir, BaseURL: *baseURL, Drafts: *drafts, Minify: *minify, Strict: *strict}

	if *watch {
		go func() {
			<-ctx.Done()
			stop() // from now on a second Ctrl-C kills at once
		}()
		memlimit.Bound(hard)
		// One Builder for the whole session: each save rebuilds only what
		// the changed files affect.
		builder := site.NewBuilder(fsys, opts)
		build := func(ctx context.Context, changed []string) (devserver.Result, error) {
			rep, err := builder.Build(ctx, changed)
			if err != nil {
				return devserver.Result{}, err
			}
			return devserver.Result{Summary: rep.String(), Warnings: rep.Warnings, BasePath: rep.BasePath}, nil
		}
		// The first build reports a broken tact.toml; until then, serve at
		// the root.
		basePath, _ := site.BasePath(fsys, opts)
		dopts := devserver.Options{Root: *root, Out: outDir, BasePath: basePath, Serve: *serve, Port: *port, Poll: *poll, PollInterval: *pollInterval}
		if err := devserver.Run(ctx, dopts, build, os.Stdout); err != nil {
			fmt.Fprintln(os.Stderr, "build:", err)
			os.Exit(1)
		}
		return
	}

	// Peak memory stays under 512 MiB for sites whose live data allows it
	// at little cost (internal/memlimit; GOMEMLIMIT overrides), and under
	// hard in any case. Not in watch mode, which keeps every page's state
	// and idles between builds (nor the floor, then: Go's defaults).
	defer memlimit.Start(memlimit.Limits{Ceiling: 448 << 20, Floor: floor, Max: hard})()

	stopProfiles, err := startProfiles(*cpuProfile, *memProfile)
	if err != nil {
		fmt.Fprintln(os.Stderr, "build:", err)
		os.Exit(1)
	}
	rep, err := site.Build(ctx, fsys, opts)
	stopProfiles()
	if err != nil {
		report(err)
		os.Exit(1)
	}
	for _, w := range rep.Warnings {
		fmt.Fprintln(os.Stderr, "warning:", w)
	}
	if rep.TranslationsBehind() {
		fmt.Print("translations behind their source (details at /status/):\n", site.StatusTable(rep.Translations))
	}
	fmt.Println(rep)
}

// isSet reports whether the flag name was given on the command line.
func isSet(name string) bool {
	set := false
	flag.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// report prints each joined error on its own line.
func report(err error) {
	if errors.Is(err, context.Canceled) {
		fmt.Fprintln(os.Stderr, "build interrupted; the previous output is unchanged")
		return
	}
	var j interface{ Unwrap() []error }
	if errors.As(err, &j) {
		errs := j.Unwrap()
		for _, e := range errs {
			fmt.Fprintln(os.Stderr, e)
		}
		fmt.Fprintf(os.Stderr, "build failed: %d problem(s); the previous output is unchanged\n", len(errs))
		return
	}
	fmt.Fprintln(os.Stderr, err)
	fmt.Fprintln(os.Stderr, "build failed; the previous output is unchanged")
}
