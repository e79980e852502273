package search

import (
	"bytes"
	"context"
	"os"
	"strings"
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
	collect := func(k *Cache) *Collector { t.Helper(); return collectOf(t, dir, "en", k) }
	index := func(k *Cache) *Index { t.Helper(); return indexOf(t, collect(k), opts) }
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
	same(t, "after the edit", after, fresh)
	reused := 0
	for _, f := range after.Files {
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

	// An edit of text the index does not hold (the introduction) leaves
	// it as it was, and an index left unmade (a build stopped between
	// collecting and indexing) is not taken for the last one.
	sitetest.Replace(t, dir, "content/en/closing-the-loop.md", "You asked for help,", "You asked for help twice,")
	same(t, "after an edit of the introduction", index(k), after)
	// The same documents with other interface strings: other files.
	other := opts
	other.Strings = map[string]string{"none": "Nothing for {q}"}
	ix, err := collect(k).Index(other)
	if err != nil {
		t.Fatal(err)
	}
	want, err := collect(NewCache()).Index(other)
	if err != nil {
		t.Fatal(err)
	}
	same(t, "after a change of the interface strings alone", ix, want)
	sitetest.Replace(t, dir, "content/en/closing-the-loop.md", "marmalade included", "jam included")
	collect(k) // (and no index)
	same(t, "after an edit collected twice, indexed once", index(k), index(NewCache()))

	// A word other articles have: no term comes or goes, one term's
	// documents change, and with them its shard.
	sitetest.Replace(t, dir, "content/en/closing-the-loop.md", "jam included", "jam and coffee included")
	same(t, "after adding a word the index has", index(k), index(NewCache()))
}

// collectOf loads the site in dir and collects language lang's documents
// through cache k, as a watch Builder does.
func collectOf(t *testing.T, dir, lang string, k *Cache) *Collector {
	t.Helper()
	s, err := site.Load(context.Background(), os.DirFS(dir), site.Options{})
	if err != nil {
		t.Fatal(err)
	}
	c, err := k.Collect(s.Lang(lang))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// indexOf returns c's index with opts.
func indexOf(t *testing.T, c *Collector, opts Options) *Index {
	t.Helper()
	ix, err := c.Index(opts)
	if err != nil {
		t.Fatal(err)
	}
	return ix
}

// same fails the test unless two indexes are the same files.
func same(t *testing.T, when string, have, want *Index) {
	t.Helper()
	if !bytes.Equal(have.Manifest, want.Manifest) || len(have.Files) != len(want.Files) {
		t.Fatalf("%s: the index (%d files) is not the one made afresh (%d files)", when, len(have.Files), len(want.Files))
	}
	for i, f := range have.Files {
		if f.Path != want.Files[i].Path || !bytes.Equal(f.Data, want.Files[i].Data) {
			t.Errorf("%s: file %d is %s, made afresh %s", when, i, f.Path, want.Files[i].Path)
		}
	}
}

// TestCacheAfterEditsOfCompounds makes the same comparison in Dutch,
// where a word is found by the last parts of compounds too, so a word
// that appears or disappears changes the terms of other articles'
// compounds: an edit with words the index has, one adding the last part of
// a compound in another article ("genoot", of "studiegenoot"), and its
// undoing.
func TestCacheAfterEditsOfCompounds(t *testing.T) {
	dir := t.TempDir()
	sitetest.Copy(t, "../..", dir)
	opts := Options{ChunkDocs: 4, ShardBytes: 2 << 10, SmallBytes: 1}
	index := func(k *Cache) *Index { t.Helper(); return indexOf(t, collectOf(t, dir, "nl", k), opts) }
	k := NewCache()
	index(k)
	const file = "content/nl/bedanken-en-terugkoppelen.md"
	for _, e := range []struct{ when, old, new string }{
		{"after adding words the index has", "de baan, het gesprek", "de baan, het gesprek of het bericht"},
		{"after adding the last part of a compound", "de klant binnengehaald.", "de klant binnengehaald, en je genoot ervan."},
		{"after taking it out again", "de klant binnengehaald, en je genoot ervan.", "de klant binnengehaald."},
	} {
		sitetest.Replace(t, dir, file, e.old, e.new)
		ix := index(k)
		same(t, e.when, ix, index(NewCache()))
		if res, _ := ix.Search("genoot"); strings.Contains(e.new, "genoot") && len(res) < 2 {
			t.Errorf(`%s: "genoot" finds %d documents, want the edited one and the one with "studiegenoot"`, e.when, len(res))
		}
	}
}
