package render

import (
	"encoding/xml"
	"os"
	"testing"

	"github.com/tact-guide/tact/bench/corpus"
)

// A feed holds the newest articles, newest first, and no more than
// feedEntries of them.
func TestFeedHoldsTheNewestArticles(t *testing.T) {
	dir := t.TempDir()
	if err := corpus.Write(dir, feedEntries+10, corpus.Options{Root: "../.."}); err != nil {
		t.Fatal(err)
	}
	s, _ := load(t, os.DirFS(dir), "https://example.org/", false)
	for _, lang := range s.Languages {
		var feed struct {
			Entries []struct {
				ID        string `xml:"id"`
				Published string `xml:"published"`
			} `xml:"entry"`
		}
		if err := xml.Unmarshal(Feed(s, lang), &feed); err != nil {
			t.Fatal(err)
		}
		if len(feed.Entries) != feedEntries {
			t.Fatalf("%s: %d entries of %d articles, want %d", lang.Code, len(feed.Entries), len(lang.Articles), feedEntries)
		}
		for i, e := range feed.Entries {
			if want := s.AbsURL(lang.Articles[i].URL()); e.ID != want {
				t.Errorf("%s: entry %d is %s, want %s", lang.Code, i, e.ID, want)
			}
			if i > 0 && e.Published > feed.Entries[i-1].Published {
				t.Errorf("%s: entry %d (%s) is newer than the one before it", lang.Code, i, e.Published)
			}
		}
		last := feed.Entries[len(feed.Entries)-1].Published
		for _, a := range lang.Articles[feedEntries:] {
			if rfc3339(a.Date) > last {
				t.Errorf("%s: %s (%s) is left out but newer than the feed's oldest entry", lang.Code, a.Key, rfc3339(a.Date))
			}
		}
	}
}
