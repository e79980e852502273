package site

import (
	"bytes"
	"context"
	"os"
	"testing"
)

// BenchmarkRenderPages executes the templates of every page of the real
// site, without reading or writing files: the per-page cost of rendering.
func BenchmarkRenderPages(b *testing.B) {
	s, t, _, err := Load(context.Background(), os.DirFS("../.."), Options{Minify: true})
	if err != nil {
		b.Fatal(err)
	}
	pages := s.pages()
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range pages {
			buf.Reset()
			if _, err := renderPage(&buf, t, p); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(pages))/1000, "µs/page")
}
