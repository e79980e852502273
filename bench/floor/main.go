// Command floor measures the cost of parsing Markdown alone: goldmark,
// configured like Tact's converters (typographer, tables, strikethrough,
// attributes; goldmark's own extensions, where Tact has its own that do the
// same), converting every Markdown body of a corpus to HTML in memory
// on all cores. No goldmark-based builder can be faster, so it is the floor
// against which bench/compare.sh reports Tact's wall time.
//
// Usage:
//
//	go run ./bench/floor -content DIR [-runs 5]
//
// DIR is a site's content/ directory (content/<lang>/*.md). Every file is
// read and its TOML front matter dropped first; only the conversion is
// timed. Each run converts every body once, with GOMAXPROCS workers sharing
// one goldmark.Markdown and each reusing its output buffer. It prints one
// line per run and a last line "median_wall_s=…" for scripts.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

func main() {
	dir := flag.String("content", "", "content directory holding <lang>/*.md (required)")
	runs := flag.Int("runs", 1, "number of timed conversions of the whole corpus")
	flag.Parse()
	if *dir == "" || *runs < 1 || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: floor -content DIR [-runs N]")
		os.Exit(2)
	}
	bodies, size, err := readBodies(*dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(1)
	}
	md := goldmark.New(
		goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Typographer),
		goldmark.WithParserOptions(parser.WithAttribute()),
	)
	workers := runtime.GOMAXPROCS(0)
	fmt.Printf("floor: %d documents, %d bytes of Markdown, %d workers\n", len(bodies), size, workers)
	var walls []float64
	for r := range *runs {
		runtime.GC() // start every run from the same heap
		start := time.Now()
		out := convertAll(md, bodies, workers)
		wall := time.Since(start).Seconds()
		walls = append(walls, wall)
		fmt.Printf("run %d: %.3f s wall, %d bytes of HTML, %.0f documents/s\n", r+1, wall, out, float64(len(bodies))/wall)
	}
	slices.Sort(walls)
	fmt.Printf("median_wall_s=%.4f\n", walls[len(walls)/2])
}

// readBodies reads every .md file under dir and returns the Markdown after
// its front matter.
func readBodies(dir string) ([][]byte, int, error) {
	var bodies [][]byte
	size := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		body := stripFrontMatter(data)
		bodies = append(bodies, body)
		size += len(body)
		return nil
	})
	if err == nil && len(bodies) == 0 {
		err = fmt.Errorf("no .md files under %s", dir)
	}
	return bodies, size, err
}

// stripFrontMatter drops a leading "+++" … "+++" block.
func stripFrontMatter(src []byte) []byte {
	rest, ok := bytes.CutPrefix(src, []byte("+++\n"))
	if !ok {
		return src
	}
	if i := bytes.Index(rest, []byte("\n+++\n")); i >= 0 {
		return rest[i+len("\n+++\n"):]
	}
	return src
}

// convertAll converts every body on workers goroutines and returns the
// number of HTML bytes produced.
func convertAll(md goldmark.Markdown, bodies [][]byte, workers int) int64 {
	var next, total atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			var buf bytes.Buffer
			for {
				i := int(next.Add(1) - 1)
				if i >= len(bodies) {
					return
				}
				buf.Reset()
				doc := md.Parser().Parse(text.NewReader(bodies[i]), parser.WithContext(parser.NewContext()))
				if err := md.Renderer().Render(&buf, bodies[i], doc); err != nil {
					fmt.Fprintln(os.Stderr, "floor:", err)
					os.Exit(1)
				}
				total.Add(int64(buf.Len()))
			}
		})
	}
	wg.Wait()
	return total.Load()
}
