package site

import (
	"context"
	"maps"
	"os"
	"reflect"
	"slices"
	"testing"

	"tact/internal/markdown/reply"
)

// An article's detail, spilled and read back, is what it was; the copy
// with the detail shares nothing mutable with the article left in the
// model, which keeps only what other pages show.
func TestDetailRoundTrip(t *testing.T) {
	s, _, _, err := Load(context.Background(), os.DirFS("../.."), Options{Minify: true})
	if err != nil {
		t.Fatal(err)
	}
	f, err := newSpillFile()
	if err != nil {
		t.Fatal(err)
	}
	defer f.close()
	n := 0
	for _, lang := range s.Languages {
		for _, a := range lang.Articles {
			want := detailOf(a)
			if want[0] == "" || len(want) < 6 {
				t.Fatalf("%s: no detail to spill: %q", a.File, want)
			}
			if err := a.spill(f, []byte(a.body)); err != nil {
				t.Fatal(err)
			}
			if left := detailOf(a); !slices.Equal(left, make([]string, len(left))) {
				t.Errorf("%s: detail left in the model after spilling: %q", a.File, left)
			}
			full, err := a.withDetail()
			if err != nil {
				t.Fatal(err)
			}
			if have := detailOf(full); !slices.Equal(have, want) {
				t.Errorf("%s: read back\n%q\nwant\n%q", a.File, have, want)
			}
			if full == a || full.Scenarios[0] == a.Scenarios[0] || full.Scenarios[0].Article != full ||
				full.Scenarios[0].Replies[0].Scenario != full.Scenarios[0] || full.Scenarios[0].Replies[0] == a.Scenarios[0].Replies[0] {
				t.Errorf("%s: the copy shares its scenarios or replies with the model", a.File)
			}
			if a.Scenarios[0].ScenarioText != nil || a.Scenarios[0].Replies[0].Message != nil {
				t.Errorf("%s: reading the detail back into a copy gave the model's scenarios or replies texts", a.File)
			}
			if body, _ := a.Body(); string(body) != want[0] {
				t.Errorf("%s: Body() of the spilled article is not its body", a.File)
			}
			if err := a.restoreDetail(); err != nil || !slices.Equal(detailOf(a), want) {
				t.Errorf("%s: restored %q (%v)", a.File, detailOf(a), err)
			}
			n++
		}
	}
	if n == 0 {
		t.Fatal("no articles")
	}
	if err := decodeDetail(&Article{}, []byte{200}); err == nil {
		t.Error("a damaged record reads back without error")
	}
}

// detailOf lists the detail of a as strings, in a fixed order.
func detailOf(a *Article) []string {
	d := []string{string(a.body)}
	for _, sc := range a.Scenarios {
		text := sc.ScenarioText
		if text == nil {
			text = &ScenarioText{}
		}
		d = append(d, string(text.Situation), string(text.Why), text.SituationText, text.WhyText)
		for _, r := range sc.Replies {
			m := r.Message
			if m == nil {
				m = &Message{}
			}
			for _, segs := range [][]reply.Segment{m.Subject, m.Body} {
				for _, seg := range segs {
					d = append(d, seg.Text, map[bool]string{true: "placeholder"}[seg.Placeholder])
				}
			}
			d = append(d, m.Placeholders...)
		}
	}
	return d
}

// A one-shot build knows every output file, and which page each is, before
// it makes the pages; it must know the same files as a build that makes
// every page first, and give each page its place in that build's order.
func TestPageIndexMatchesPages(t *testing.T) {
	for _, base := range []string{"", "https://example.org/guide/"} {
		s, _, set, err := Load(context.Background(), os.DirFS("../.."), Options{BaseURL: base})
		if err != nil {
			t.Fatal(err)
		}
		pages := s.pages()
		index, n := s.pageIndex(s.units(s.sitePages()), set)
		if have, want := slices.Sorted(maps.Keys(index)), slices.Sorted(maps.Keys(s.outputFiles(pages, set))); !reflect.DeepEqual(have, want) {
			t.Errorf("base %q: pageIndex\n%v\nouputFiles\n%v", base, have, want)
		}
		if n != len(pages) {
			t.Errorf("base %q: pageIndex counts %d pages, the build makes %d", base, n, len(pages))
		}
		for i, p := range pages {
			if index[p.Path] != int32(i) {
				t.Errorf("base %q: pageIndex puts %s at %d, the build at %d", base, p.Path, index[p.Path], i)
			}
		}
	}
}
