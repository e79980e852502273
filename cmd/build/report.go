package main

import (
	"tact/internal/translation"

	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"

	"tact/internal/build"
	"tact/internal/devserver"
)

// usage prints the command's flags.
func usage() {
	fmt.Fprintf(flag.CommandLine.Output(), "usage: build [flags]\n\nBuilds the Tact site into the output directory.\n\n")
	flag.PrintDefaults()
}

// checkUsage exits with status 2 on arguments without --mark-translated (or
// none with it), and on preview flags without --watch.
func checkUsage(mark, watch bool) {
	if flag.NArg() > 0 && !mark || mark && flag.NArg() == 0 {
		flag.Usage()
		os.Exit(2)
	}
	for _, name := range []string{"serve", "port", "poll", "poll-interval"} {
		if isSet(name) && !watch {
			fmt.Fprintf(os.Stderr, "build: --%s needs --watch\n", name)
			os.Exit(2)
		}
	}
}

// openSite opens the site root as an os.Root and checks the output
// directory (build.OutputDir), returning where to publish; with
// --mark-translated there is no output to check.
func openSite(root, out string, mark bool) (fs.FS, string, error) {
	r, err := os.OpenRoot(root)
	if err != nil {
		return nil, "", fmt.Errorf("open the site: %w (run the build from the site's root or pass --content)", err)
	}
	if mark {
		return r.FS(), out, nil
	}
	out, err = build.OutputDir(root, out)
	return r.FS(), out, err
}

// isSet reports whether the flag name was given on the command line.
func isSet(name string) bool {
	set := false
	flag.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// watchBuild returns the build the preview runs on every change: one
// Builder for the whole session, so that each save rebuilds only what the
// changed files affect.
// Call done when the session ends: it removes what the Builder keeps
// beside the output.
func watchBuild(fsys fs.FS, opts build.Options) (run devserver.BuildFunc, done func()) {
	builder := build.NewBuilder(fsys, opts)
	return func(ctx context.Context, changed []string) (devserver.Result, error) {
		rep, err := builder.Build(ctx, changed)
		if err != nil {
			return devserver.Result{}, err
		}
		return devserver.Result{Summary: rep.String(), Warnings: rep.Warnings, BasePath: rep.BasePath}, nil
	}, builder.Close
}

// printReport prints a successful build's warnings, the translations that
// are behind and the summary line.
func printReport(rep *build.Report, err error) {
	if err != nil {
		return
	}
	for _, w := range rep.Warnings {
		fmt.Fprintln(os.Stderr, "warning:", w)
	}
	if rep.TranslationsBehind() {
		fmt.Print("translations behind their source (details at /status/):\n", translation.Table(rep.Translations))
	}
	fmt.Println(rep)
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
