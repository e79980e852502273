package site

import (
	"slices"
	"testing"
)

func TestScanHTML(t *testing.T) {
	sc := scanHTML([]byte(`<a href="/en/x/#a&amp;b" data-href="/no/">x</a><h2 id="swamped" data-id="no">` +
		`<img src="/a.png" alt="src=&quot;x&quot;"><p>text id="not-an-attr"</p><div  id="two">`))
	if want := []string{"/en/x/#a&b", "/a.png"}; !slices.Equal(sc.links, want) {
		t.Errorf("links %q, want %q", sc.links, want)
	}
	for _, id := range []string{"swamped", "two"} {
		if !sc.ids[id] {
			t.Errorf("id %q not found", id)
		}
	}
	if sc.ids["no"] || sc.ids["not-an-attr"] {
		t.Errorf("data-id or text taken as an id: %v", sc.ids)
	}
}
