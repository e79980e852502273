package build_test

// Benchmarks of whole builds (issue 9). Run them with
//
//	go test -run '^$' -bench . -benchmem ./internal/build/
//
// Every benchmark reports pages/s besides ns/op: the page count grows with
// the features the builder gains, and pages/s keeps figures comparable.
// bench/README.md explains how to read them and bench/compare.sh compares
// whole processes with Hugo.

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tact-guide/tact/bench/corpus"
	"github.com/tact-guide/tact/internal/build"
)

// benchRoot is the repository root: the real site.
const benchRoot = "../.."

// BenchmarkBuildRealSite builds the repository's own site, as `build` does,
// into an empty output directory each time.
func BenchmarkBuildRealSite(b *testing.B) {
	benchFullBuild(b, benchRoot)
}

// BenchmarkBuild1000 builds the synthetic corpus with 1,000 articles per
// language (4,000 articles; package corpus), generated once outside the
// timer, into an empty output directory each time.
func BenchmarkBuild1000(b *testing.B) {
	benchFullBuild(b, benchCorpus(b, 1000))
}

// BenchmarkRebuildOneArticle1000 measures what a writer waits for after
// saving one article of the 1,000-per-language corpus in watch mode: a
// build.Builder builds the site once, then, per iteration, one English
// article changes (outside the timer) and the Builder rebuilds with that
// file named as changed. It reports the pages the rebuild rendered again
// (rendered/op) and the site's pages per second of rebuild (pages/s).
//
// Two edits a writer makes: one sentence more in the introduction, which
// the search index does not hold (introduction), and in a scenario's
// situation, which it does (scenario): the language's index is made again.
func BenchmarkRebuildOneArticle1000(b *testing.B) {
	root := benchCorpus(b, 1000)
	b.Run("introduction", func(b *testing.B) {
		benchRebuild(b, root, func(head, body string) string {
			return head + "\n+++\n\nA sentence added while editing.\n\n" + body
		})
	})
	b.Run("scenario", func(b *testing.B) {
		benchRebuild(b, root, func(head, body string) string {
			// The paragraph after the first scenario's heading line.
			i := strings.Index(body, "\n## ")
			j := strings.Index(body[i+1:], "\n\n")
			if i < 0 || j < 0 {
				b.Fatal("no scenario in the article")
			}
			at := i + 1 + j + 2
			return head + "\n+++\n\n" + body[:at] + "Edited while writing, " + body[at:]
		})
	})
}

// benchRebuild is BenchmarkRebuildOneArticle1000 with one edit: edit
// returns the article's text from its front matter and its body.
func benchRebuild(b *testing.B, root string, edit func(head, body string) string) {
	ctx := context.Background()
	builder := build.NewBuilder(os.DirFS(root), build.Options{Out: filepath.Join(b.TempDir(), "public"), Minify: true})
	b.Cleanup(builder.Close)
	rebuild := func(changed []string) *build.Report {
		rep, err := builder.Build(ctx, changed)
		if err != nil {
			b.Fatal(err)
		}
		return rep
	}

	articles, err := filepath.Glob(filepath.Join(root, "content", "en", "*.md"))
	if err != nil || len(articles) < 2 {
		b.Fatalf("no articles in the corpus: %v", err)
	}
	file := articles[len(articles)/2] // not _index.md, which sorts first
	rel := "content/en/" + filepath.Base(file)
	orig, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	head, body, ok := strings.Cut(string(orig), "\n+++\n\n")
	if !ok {
		b.Fatalf("%s: no front matter", file)
	}
	versions := [2][]byte{[]byte(edit(head, body)), orig}
	b.Cleanup(func() { _ = os.WriteFile(file, orig, 0o644) }) // (the corpus is shared)

	rebuild(nil) // the first, full build, which the rebuilds update
	// The first save also waits for the output's twin, made once per
	// session in the background (output.Twin): not timed.
	rebuild([]string{rel})
	var pages, rendered int
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		if err := os.WriteFile(file, versions[i%2], 0o644); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		rep := rebuild([]string{rel})
		pages = pageCount(rep)
		rendered += rep.Rendered
	}
	b.ReportMetric(float64(pages)*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
	b.ReportMetric(float64(rendered)/float64(b.N), "rendered/op")
}

// benchFullBuild builds the site at root into an empty directory per
// iteration; removing the previous output is not timed.
func benchFullBuild(b *testing.B, root string) {
	fsys := os.DirFS(root)
	out := filepath.Join(b.TempDir(), "public")
	opts := build.Options{Out: out, Minify: true}
	var pages int
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		if err := os.RemoveAll(out); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		rep, err := build.Build(context.Background(), fsys, opts)
		if err != nil {
			b.Fatal(err)
		}
		pages = pageCount(rep)
	}
	b.ReportMetric(float64(pages)*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}

// benchCorpus writes the synthetic corpus with n articles per language and
// the repository's layouts into a temporary directory, outside the timer.
func benchCorpus(b *testing.B, n int) string {
	b.Helper()
	dir := filepath.Join(b.TempDir(), "site")
	if err := corpus.Write(dir, n, corpus.Options{Root: benchRoot}); err != nil {
		b.Fatal(err)
	}
	return dir
}

// pageCount is the number of pages a build reports, over all languages.
func pageCount(rep *build.Report) int {
	total := 0
	for _, n := range rep.Pages {
		total += n
	}
	return total
}
