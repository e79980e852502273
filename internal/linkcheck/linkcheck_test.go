package linkcheck

import (
	"net/url"
	"slices"
	"testing"

	"github.com/tact-guide/tact/internal/site"
)

func TestScanHTML(t *testing.T) {
	page := []byte(`<a href="/en/x/#a&amp;b" data-href="/no/">x</a><h2 id="swamped" data-id="no">` +
		`<img src="/a.png" alt="src=&quot;x&quot;"><p>text id="not-an-attr"</p><div  id="two">`)
	sc := Read(page)
	if want := []string{"/en/x/#a&b", "/a.png"}; !slices.Equal(sc.Links, want) {
		t.Errorf("links %q, want %q", sc.Links, want)
	}
	// Reading into a used scan finds the same.
	used := Scan{IDs: []uint32{1, 2, 3, 4, 5, 6}, Links: []string{"/old/"}}
	used.Read(page)
	if !slices.Equal(used.Links, sc.Links) || !slices.Equal(used.IDs, sc.IDs) {
		t.Errorf("read into a used scan: %q %v, want %q %v", used.Links, used.IDs, sc.Links, sc.IDs)
	}
	for _, id := range []string{"swamped", "two"} {
		if !sc.HasID(id) {
			t.Errorf("id %q not found", id)
		}
	}
	if sc.HasID("no") || sc.HasID("not-an-attr") {
		t.Error("data-id or text taken as an id")
	}
}

// TestInternalTargetWithoutParsing checks that the links internalTarget
// resolves without url.Parse resolve as url.Parse would.
func TestInternalTargetWithoutParsing(t *testing.T) {
	s := &site.Site{}
	links := []string{
		"/", "/en/", "/en/replies/x/", "/en/a/#b", "/en/a/#", "#top", "/a#b#c", "/a%20b/", "/a?x=1#y",
		"//evil.example/", "/a b/", "/é/", "/a/#é", "/a/#%41", "/a\\b", "/a\x01b", "https://x.org/", "mailto:a@b",
	}
	for _, link := range links {
		target, frag, ok := internalTarget(s, "/en/page/", link)
		u, err := url.Parse(link)
		if err != nil || u.Scheme != "" || u.Host != "" {
			if ok {
				t.Errorf("%q: resolved to %q #%q, url.Parse: not internal", link, target, frag)
			}
			continue
		}
		if !ok || frag != u.Fragment || plainPath(link) && target != u.Path {
			t.Errorf("%q: got %q #%q (%v), url.Parse: path %q fragment %q", link, target, frag, ok, u.Path, u.Fragment)
		}
	}
}
