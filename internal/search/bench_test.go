package search

// Benchmarks of the index at N = 1,000 and 10,000 articles per language
// (issue 28), on the synthetic corpus (bench/corpus). Run them with
//
//	go test -run '^$' -bench Index -benchtime 3x ./internal/search/
//
// TACT_CORPUS_1000 and TACT_CORPUS_10000 may name a corpus written by
// `go run ./bench/gen -n N -out DIR` (generating 10,000 takes a while);
// otherwise it is written to a temporary directory. Each reports the time
// to make one language's index from its documents (ns/op), its size (all
// files, gzipped: index-KB-gz; files), and what a query downloads, gzipped,
// manifest included: the median and the largest over a fixed set of
// queries drawn from the corpus's titles (query-KB-p50, query-KB-max).

import (
	"bytes"
	"compress/gzip"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"github.com/tact-guide/tact/bench/corpus"
	"github.com/tact-guide/tact/internal/site"
)

func BenchmarkIndex1000(b *testing.B)  { benchIndex(b, 1000) }
func BenchmarkIndex10000(b *testing.B) { benchIndex(b, 10000) }

func benchIndex(b *testing.B, n int) {
	docs := corpusDocs(b, n, "en")
	var ix *Index
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		var err error
		if ix, err = Build("en", docs, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	gz := map[string]int{}
	total := 0
	for _, f := range ix.Files {
		gz["/"+f.Path] = gzipLen(f.Data)
		total += gz["/"+f.Path]
	}
	manifest := gzipLen(ix.Manifest)
	var per []int
	for _, q := range benchQueries(ix) {
		_, files := ix.Search(q)
		size := manifest
		for _, f := range files {
			size += gz[f]
		}
		per = append(per, size)
	}
	slices.Sort(per)
	b.ReportMetric(float64(len(docs)), "docs")
	b.ReportMetric(float64(len(ix.Files)), "files")
	b.ReportMetric(float64(total+manifest)/1024, "index-KB-gz")
	b.ReportMetric(float64(per[len(per)/2])/1024, "query-KB-p50")
	b.ReportMetric(float64(per[len(per)-1])/1024, "query-KB-max")
}

// benchQueries returns queries readers could type: from the titles of
// documents spread over the index, one word, two words, and the first
// letters of a word (typed so far).
func benchQueries(ix *Index) []string {
	var qs []string
	for i := 0; i < len(ix.docs); i += max(1, len(ix.docs)/40) {
		var ws []string
		for _, w := range Words(ix.docs[i].Title) {
			if !ix.rules.IsStop(Fold(w)) && len(w) > 3 {
				ws = append(ws, w)
			}
		}
		if len(ws) == 0 {
			continue
		}
		qs = append(qs, ws[0], ws[0][:3])
		if len(ws) > 1 {
			qs = append(qs, ws[0]+" "+ws[1])
		}
	}
	return qs
}

// corpusDocs returns the documents of language lang of the corpus with n
// articles per language.
func corpusDocs(b *testing.B, n int, lang string) []Doc {
	b.Helper()
	dir := os.Getenv("TACT_CORPUS_" + strconv.Itoa(n))
	if dir == "" {
		dir = filepath.Join(b.TempDir(), "site")
		if err := corpus.Write(dir, n, corpus.Options{Root: filepath.Join("..", "..")}); err != nil {
			b.Fatal(err)
		}
	}
	s, err := site.Load(context.Background(), os.DirFS(dir), site.Options{})
	if err != nil {
		b.Fatal(err)
	}
	var docs []Doc
	for _, a := range s.Lang(lang).Articles {
		docs = append(docs, Docs(a)...)
	}
	return docs
}

func gzipLen(data []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	_, _ = w.Write(data)
	_ = w.Close()
	return buf.Len()
}
