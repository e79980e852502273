package search

import (
	"bytes"
	"context"
	"os"
	"testing"

	"github.com/tact-guide/tact/internal/site"
	"github.com/tact-guide/tact/internal/sitetest"
)

// TestCacheAfterAnEdit edits one article of the real site between two
// indexes made through one Cache, as a watch Builder does: the second index
// must find the new word and be, byte for byte, the index made from
// scratch. Small chunks and shards make it several files, so that chunks
// are reused from the first index and others made again.
func TestCacheAfterAnEdit(t *testing.T) {
	dir := t.TempDir()
	sitetest.Copy(t, "../..", dir)
	opts := Options{ChunkDocs: 4, ShardBytes: 2 << 10, SmallBytes: 1}
	index := func(k *Cache) *Index {
		t.Helper()
		s, err := site.Load(context.Background(), os.DirFS(dir), site.Options{})
		if err != nil {
			t.Fatal(err)
		}
		c, err := k.Collect(s.Lang("en"))
		if err != nil {
			t.Fatal(err)
		}
		ix, err := c.Index(opts)
		if err != nil {
			t.Fatal(err)
		}
		return ix
	}
	found := func(ix *Index, q string) bool {
		res, _ := ix.Search(q)
		for _, r := range res {
			if r.Doc.URL == "/en/closing-the-loop/#it-worked" {
				return true
			}
		}
		return false
	}

	k := NewCache()
	before := index(k)
	if found(before, "marmalade") {
		t.Fatal(`"marmalade" is found before the edit`)
	}
	sitetest.Replace(t, dir, "content/en/closing-the-loop.md",
		"led somewhere:", "led somewhere, marmalade included:")
	after, fresh := index(k), index(NewCache())
	if !found(after, "marmalade") {
		t.Error(`after the edit, "marmalade" does not find the scenario it was written into`)
	}
	if len(fresh.Files) < 3 {
		t.Fatalf("the index is %d files: the test needs several chunks", len(fresh.Files))
	}
	if !bytes.Equal(after.Manifest, fresh.Manifest) || len(after.Files) != len(fresh.Files) {
		t.Fatalf("the index after the edit (%d files) is not the index made afresh (%d files)", len(after.Files), len(fresh.Files))
	}
	reused := 0
	for i, f := range after.Files {
		if f.Path != fresh.Files[i].Path || !bytes.Equal(f.Data, fresh.Files[i].Data) {
			t.Errorf("file %d: %s after the edit, %s made afresh", i, f.Path, fresh.Files[i].Path)
		}
		for _, g := range before.Files {
			if g.Path == f.Path {
				reused++
				break
			}
		}
	}
	if reused == 0 || reused == len(after.Files) {
		t.Errorf("%d of %d files unchanged by a one-scenario edit: want some, not all", reused, len(after.Files))
	}
}
