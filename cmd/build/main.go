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
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"tact/internal/build"
	"tact/internal/devserver"
	"tact/internal/site"
	"tact/internal/translation"
)

func main() {
	root := flag.String("content", ".", "site root: the directory holding tact.toml, content/, layouts/, assets/ and i18n/")
	out := flag.String("out", "public", "output directory")
	baseURL := flag.String("base-url", "", "absolute URL the site is served from, e.g. https://example.org/ (needed for canonical links, feeds and the embed snippet)")
	drafts := flag.Bool("drafts", false, "include draft articles")
	minify := flag.Bool("minify", true, "minify HTML, CSS, JavaScript and JSON")
	strict := flag.Bool("strict", false, "treat missing translations and non-reciprocal hreflang as errors (broken links always are)")
	mark := flag.Bool("mark-translated", false, "record that the translation files given as arguments are up to date with their source, then exit")
	watch := flag.Bool("watch", false, "keep running: rebuild on every change under content/, layouts/, assets/, i18n/ and to tact.toml")
	serve := flag.Bool("serve", true, "with --watch: serve the output on 127.0.0.1 with live reload")
	port := flag.Int("port", 1313, "with --serve: the port to serve on (the next free one if it is taken)")
	poll := flag.Bool("poll", false, "with --watch: look for changes by scanning the sources, for file systems without change events (Docker bind mounts, WSL, network drives)")
	pollInterval := flag.Duration("poll-interval", 500*time.Millisecond, "with --poll: time between scans")
	cpuProfile := flag.String("cpuprofile", "", "write a CPU profile of the build to this file (go tool pprof)")
	memProfile := flag.String("memprofile", "", "write an allocation profile of the build to this file (go tool pprof)")
	flag.Usage = usage
	flag.Parse()
	checkUsage(*mark, *watch)

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	outDir := *out
	if !filepath.IsAbs(outDir) {
		outDir = filepath.Join(*root, outDir)
	}
	// The site is read through an os.Root: no path or link leaves it.
	fsys, outDir, err := openSite(*root, outDir, *mark)
	if err != nil {
		report(err)
		os.Exit(1)
	}
	opts := build.Options{Out: outDir, BaseURL: *baseURL, Drafts: *drafts, Minify: *minify, Strict: *strict}
	setMemoryLimit(*watch)

	switch {
	case *mark:
		if err = translation.MarkTranslated(ctx, *root, flag.Args()); err == nil {
			fmt.Printf("marked %d file(s) as translated from the current source\n", flag.NArg())
		}
	case *watch:
		go func() {
			<-ctx.Done()
			stop() // from now on a second Ctrl-C kills at once
		}()
		// The first build reports a broken tact.toml; until then, serve at the root.
		basePath, _ := site.BasePath(fsys, opts.BaseURL)
		dopts := devserver.Options{Root: *root, Out: outDir, BasePath: basePath, Serve: *serve, Port: *port, Poll: *poll, PollInterval: *pollInterval}
		run, done := watchBuild(fsys, opts)
		err = devserver.Run(ctx, dopts, run, os.Stdout)
		done()
	default:
		var stopProfiles func()
		if stopProfiles, err = startProfiles(*cpuProfile, *memProfile); err == nil {
			var rep *build.Report
			rep, err = build.Build(ctx, fsys, opts)
			stopProfiles()
			printReport(rep, err)
		}
	}
	if err != nil {
		report(err)
		os.Exit(1)
	}
}
