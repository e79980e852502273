// Command build turns Tact's content, layouts and assets into the static site
// in public/.
//
// Usage:
//
//	build [--content DIR] [--out DIR] [--base-url URL] [--drafts] [--minify=false] [--strict]
//
// It prints one summary line and exits 0, or prints every problem found as
// file:line:col: message and exits 1, leaving the previous output untouched.
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

	"tact/internal/site"
)

func main() {
	root := flag.String("content", ".", "site root: the directory holding tact.toml, content/, layouts/, assets/ and i18n/")
	out := flag.String("out", "public", "output directory")
	baseURL := flag.String("base-url", "", "absolute URL the site is served from, e.g. https://example.org/ (needed for canonical links, feeds and the embed snippet)")
	drafts := flag.Bool("drafts", false, "include draft articles")
	minify := flag.Bool("minify", true, "minify HTML, CSS, JavaScript and JSON")
	strict := flag.Bool("strict", false, "treat missing translations, broken internal links and non-reciprocal hreflang as errors")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: build [flags]\n\nBuilds the Tact site into the output directory.\n\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	outDir := *out
	if !filepath.IsAbs(outDir) {
		outDir = filepath.Join(*root, outDir)
	}
	rep, err := site.Build(ctx, os.DirFS(*root), site.Options{Out: outDir, BaseURL: *baseURL, Drafts: *drafts, Minify: *minify, Strict: *strict})
	if err != nil {
		report(err)
		os.Exit(1)
	}
	for _, w := range rep.Warnings {
		fmt.Fprintln(os.Stderr, "warning:", w)
	}
	fmt.Println(rep)
}

// report prints each joined error on its own line.
func report(err error) {
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
