package render

import (
	"bytes"
	"testing"
)

// BenchmarkRenderPages executes the templates of every page of the real
// site, without reading or writing files: the per-page cost of rendering.
func BenchmarkRenderPages(b *testing.B) {
	s, t := load(b, realSite, "", true)
	pages := Pages(s)
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range pages {
			buf.Reset()
			t.Bind(p.Lang.Code)
			if err := t.Execute(&buf, p); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(pages))/1000, "µs/page")
}
