package build

import (
	"context"
	"net/url"
	"os"

	"slices"
	"tact/internal/assets"
	"tact/internal/render"
	"tact/internal/site"
	"testing"
)

func TestScanHTML(t *testing.T) {
	page := []byte(`<a href="/en/x/#a&amp;b" data-href="/no/">x</a><h2 id="swamped" data-id="no">` +
		`<img src="/a.png" alt="src=&quot;x&quot;"><p>text id="not-an-attr"</p><div  id="two">`)
	sc := scanHTML(page)
	if want := []string{"/en/x/#a&b", "/a.png"}; !slices.Equal(sc.links, want) {
		t.Errorf("links %q, want %q", sc.links, want)
	}
	// Reading into a used scan finds the same.
	used := scan{ids: []uint32{1, 2, 3, 4, 5, 6}, links: []string{"/old/"}}
	used.read(page)
	if !slices.Equal(used.links, sc.links) || !slices.Equal(used.ids, sc.ids) {
		t.Errorf("read into a used scan: %q %v, want %q %v", used.links, used.ids, sc.links, sc.ids)
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
	for _, base := range []string{"", "https://example.org/guide/"} {
		s, err := site.Load(context.Background(), os.DirFS("../.."), site.Options{BaseURL: base})
		if err != nil {
			t.Fatal(err)
		}
		var have []string
		err = extraFiles(s, render.Pages(s), assets.NewMinifier(false), t.TempDir(), nil, func(name string, _ []byte) error {
			have = append(have, name)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		want := extraNames(s)
		slices.Sort(have)
		slices.Sort(want)
		if !slices.Equal(have, want) {
			t.Errorf("base %q: extraFiles makes %q\nextraNames says %q", base, have, want)
		}
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
