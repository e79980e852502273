// Command build turns Tact's content, layouts and assets into the static site
// in public/.
//
// Usage:
//
//	build [--content DIR] [--out DIR] [--base-url URL] [--drafts] [--minify=false] [--strict]
//	build --watch [--serve=false] [--port N] [--poll [--poll-interval D]] [build flags]
//	build --new-translation FILE --lang CODE
//	build --mark-translated FILE…
//	build --help | --help-all | --version
//
// It prints one summary line and exits 0, or prints every problem found as
// file:line:col: message and exits 1, leaving the previous output untouched.
// A usage error exits 2; Ctrl-C exits 130, leaving the previous output
// untouched too. A build that takes over a second shows its progress on a
// terminal.
//
// With --watch it keeps running: it rebuilds on every change to the sources
// and serves the site on 127.0.0.1 with live reload (package devserver), until
// Ctrl-C.
//
// The flags, the help text and the exit statuses are package cli's.
package main

import (
	"context"
	"fmt"
	"io/fs"
	"os"

	"github.com/tact-guide/tact/internal/build"
	"github.com/tact-guide/tact/internal/cli"
	"github.com/tact-guide/tact/internal/devserver"
	"github.com/tact-guide/tact/internal/scaffold"
	"github.com/tact-guide/tact/internal/site"
	"github.com/tact-guide/tact/internal/sitefs"
	"github.com/tact-guide/tact/internal/translation"
)

func main() {
	f, status := cli.Parse(os.Args[1:], os.Stdout, os.Stderr)
	if f == nil {
		os.Exit(status)
	}
	ctx, stop := cli.SignalContext(context.Background())
	// The site is read through an os.Root: no path or link leaves it.
	fsys, outDir, err := cli.OpenSite(f.Root, f.OutDir(), f.Mark || f.NewTranslation != "")
	if err == nil {
		err = run(ctx, f, fsys, f.BuildOptions(outDir))
	}
	status = cli.ExitStatus(ctx, err, os.Stderr)
	stop()
	os.Exit(status)
}

// run marks translations, begins one, runs the preview or builds once.
func run(ctx context.Context, f *cli.Flags, fsys fs.FS, opts build.Options) error {
	setMemoryLimit(f.Watch)
	switch {
	case f.Mark:
		if err := translation.MarkTranslated(ctx, f.Root, f.Files); err != nil {
			return cli.ActionFailed("--mark-translated", err)
		}
		fmt.Printf("marked %d file(s) as translated from the current source\n", len(f.Files))
		return nil
	case f.NewTranslation != "":
		file, err := scaffold.Write(f.Root, f.NewTranslation, f.Lang)
		if err != nil {
			return cli.ActionFailed("--new-translation", err)
		}
		fmt.Printf("wrote %s: write each passage marked %s in its language and choose its slug; the build lists what is left\n", file, sitefs.UntranslatedMark)
		return nil
	case f.Watch:
		// The first build reports a broken tact.toml; until then, serve at the root.
		basePath, _ := site.BasePath(fsys, opts.BaseURL)
		dopts := devserver.Options{Root: f.Root, Out: opts.Out, BasePath: basePath, Serve: f.Serve, Port: f.Port, Poll: f.Poll, PollInterval: f.PollInterval}
		build, done := cli.WatchBuild(fsys, opts, os.Stderr)
		defer done()
		if err := devserver.Run(ctx, dopts, build, os.Stdout); err != nil {
			return err
		}
		return context.Cause(ctx) // (stopped by Ctrl-C)
	}
	stopProfiles, err := startProfiles(f.CPUProfile, f.MemProfile)
	if err != nil {
		return err
	}
	progress := cli.StartProgress(os.Stderr)
	opts.Progress = progress.Counter()
	rep, err := build.Build(ctx, fsys, opts)
	progress.Stop()
	stopProfiles()
	if err == nil {
		cli.PrintReport(os.Stdout, os.Stderr, rep)
	}
	return err
}
