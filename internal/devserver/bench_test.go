package devserver_test

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tact-guide/tact/bench/corpus"
	"github.com/tact-guide/tact/internal/build"
	"github.com/tact-guide/tact/internal/devserver"
	"github.com/tact-guide/tact/internal/sitetest"
)

// BenchmarkSaveToOutput measures, on a copy of the repository's site, the
// time from saving one article to the end of the build that includes it
// (debounce window included; see ns/save-beyond-quiet for the time beyond
// it). Each iteration is one save; run it with -benchtime=100x for the p50 and
// p95 over 100 saves:
//
//	go test ./internal/devserver -run '^$' -bench SaveToOutput -benchtime=100x
func BenchmarkSaveToOutput(b *testing.B) {
	root := b.TempDir()
	sitetest.Copy(b, "../..", root)
	benchSaves(b, root)
}

// BenchmarkSaveToOutput1000 is the same on the synthetic corpus of 1,000
// articles per language (package corpus), about 27,000 pages.
func BenchmarkSaveToOutput1000(b *testing.B) {
	root := filepath.Join(b.TempDir(), "site")
	if err := corpus.Write(root, 1000, corpus.Options{Root: "../.."}); err != nil {
		b.Fatal(err)
	}
	benchSaves(b, root)
}

// benchSaves saves one article again and again through a real watcher and
// the same incremental Builder the watch mode uses, and reports the time
// from the save to the updated output.
func benchSaves(b *testing.B, root string) {
	article := firstArticle(b, root)
	original, err := os.ReadFile(article)
	if err != nil {
		b.Fatal(err)
	}
	built := make(chan error, 1)
	fsys := os.DirFS(root)
	opts := build.Options{Out: filepath.Join(root, "public"), Minify: true}
	builder := build.NewBuilder(fsys, opts)
	b.Cleanup(builder.Close)
	build := func(ctx context.Context, changed []string) (devserver.Result, error) {
		_, err := builder.Build(ctx, changed)
		built <- err
		return devserver.Result{}, err
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- devserver.Run(ctx, devserver.Options{Root: root, Out: opts.Out}, build, io.Discard)
	}()
	defer func() {
		cancel()
		<-done
	}()
	if err := <-built; err != nil {
		b.Fatalf("first build: %v", err)
	}

	var lat []time.Duration
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		data := fmt.Appendf(slices.Clip(original), "\nA sentence added by save %d.\n", i)
		t0 := time.Now()
		if err := os.WriteFile(article, data, 0o644); err != nil {
			b.Fatal(err)
		}
		if err := <-built; err != nil {
			b.Fatalf("build after save %d: %v", i, err)
		}
		lat = append(lat, time.Since(t0))
		// Let the build's own writes and the debounce settle, so saves do
		// not pile up behind each other.
		time.Sleep(2 * devserver.DefaultQuiet)
	}
	b.StopTimer()
	slices.Sort(lat)
	pct := func(p float64) time.Duration { return lat[int(p*float64(len(lat)-1))] }
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	b.ReportMetric(ms(pct(0.50)), "p50-ms/save")
	b.ReportMetric(ms(pct(0.95)), "p95-ms/save")
	b.ReportMetric(ms(pct(0.50)-devserver.DefaultQuiet), "p50-ms-beyond-quiet")
	b.ReportMetric(ms(pct(0.95)-devserver.DefaultQuiet), "p95-ms-beyond-quiet")
}

// firstArticle returns the first English article of the site at root.
func firstArticle(b *testing.B, root string) string {
	b.Helper()
	names, _ := filepath.Glob(filepath.Join(root, "content", "en", "*.md"))
	for _, n := range names {
		if !strings.HasPrefix(filepath.Base(n), "_") {
			return n
		}
	}
	b.Fatal("no article under content/en")
	return ""
}
