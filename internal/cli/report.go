package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/tact-guide/tact/internal/build"
	"github.com/tact-guide/tact/internal/devserver"
	"github.com/tact-guide/tact/internal/translation"
)

// OpenSite opens the site root as an os.Root (no path or link leaves it)
// and checks the output directory (OutputDir), returning where to
// publish; a maintenance action (--mark-translated, --new-translation)
// writes no output, so there is none to check.
func OpenSite(root, out string, maintenance bool) (fs.FS, string, error) {
	r, err := os.OpenRoot(root)
	if err != nil {
		return nil, "", fmt.Errorf("open the site: %w (run the build from the site's root or pass --content)", err)
	}
	if maintenance {
		return r.FS(), out, nil
	}
	out, err = OutputDir(root, out)
	return r.FS(), out, err
}

// WatchBuild returns the build the preview runs on every change: one
// Builder for the whole session, so that each save rebuilds only what the
// changed files affect. A build that takes over a second (the first, on a
// large site) shows progress on stderr if it is a terminal. Call done when
// the session ends: it removes what the Builder keeps beside the output.
func WatchBuild(fsys fs.FS, opts build.Options, stderr *os.File) (run devserver.BuildFunc, done func()) {
	progress := NewProgress(stderr)
	opts.Progress = progress.Counter()
	builder := build.NewBuilder(fsys, opts)
	return func(ctx context.Context, changed []string) (devserver.Result, error) {
		progress.Start()
		rep, err := builder.Build(ctx, changed)
		progress.Stop()
		if err != nil {
			return devserver.Result{}, err
		}
		return devserver.Result{Summary: rep.String(), Warnings: rep.Warnings, BasePath: rep.BasePath, Moved: rep.Moved}, nil
	}, builder.Close
}

// PrintReport prints a successful build's warnings (to stderr), the
// translations that are behind and the summary line (to stdout).
func PrintReport(stdout, stderr io.Writer, rep *build.Report) {
	for _, w := range rep.Warnings {
		fmt.Fprintln(stderr, "warning:", w)
	}
	if rep.TranslationsBehind() {
		fmt.Fprint(stdout, "translations behind their source (details at /status/):\n", translation.Table(rep.Translations))
	}
	fmt.Fprintln(stdout, rep)
}

// Report prints a failed build's problems, each joined error on its own
// line, and that the previous output is unchanged.
func Report(w io.Writer, err error) {
	if errors.Is(err, context.Canceled) {
		fmt.Fprintln(w, "build interrupted; the previous output is unchanged")
		return
	}
	var j interface{ Unwrap() []error }
	if errors.As(err, &j) {
		errs := j.Unwrap()
		for _, e := range errs {
			fmt.Fprintln(w, e)
		}
		fmt.Fprintf(w, "build failed: %d problem(s); the previous output is unchanged\n", len(errs))
		return
	}
	fmt.Fprintln(w, err)
	fmt.Fprintln(w, "build failed; the previous output is unchanged")
}
