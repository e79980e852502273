package site

import (
	"context"
	"os"

	"slices"
	"tact/internal/assets"
	"testing"
)

func TestScanHTML(t *testing.T) {
	sc := scanHTML([]byte(`<a href="/en/x/#a&amp;b" data-href="/no/">x</a><h2 id="swamped" data-id="no">` +
		`<img src="/a.png" alt="src=&quot;x&quot;"><p>text id="not-an-attr"</p><div  id="two">`))
	if want := []string{"/en/x/#a&b", "/a.png"}; !slices.Equal(sc.links, want) {
		t.Errorf("links %q, want %q", sc.links, want)
	}
	for _, id := range []string{"swamped", "two"} {
		if !sc.hasID(id) {
			t.Errorf("id %q not found", id)
		}
	}
	if sc.hasID("no") || sc.hasID("not-an-attr") {
		t.Error("data-id or text taken as an id")
	}
}

// The link checker learns the extra files' names before they are made.
func TestExtraNamesMatchExtraFiles(t *testing.T) {
	s, _, _, err := Load(context.Background(), os.DirFS("../.."), Options{})
	if err != nil {
		t.Fatal(err)
	}
	files, err := s.extraFiles(s.pages(), assets.NewMinifier(false), t.TempDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	var have []string
	for name := range files {
		have = append(have, name)
	}
	want := s.extraNames()
	slices.Sort(have)
	slices.Sort(want)
	if !slices.Equal(have, want) {
		t.Errorf("extraFiles makes %q\nextraNames says %q", have, want)
	}
}
