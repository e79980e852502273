package site

import (
	"context"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/tact-guide/tact/internal/assets"
	"github.com/tact-guide/tact/internal/markdown/reply"
)

// An article whose detail a one-shot build dropped gets it back, converted
// again from its file, exactly as a build that kept it has it; the copy
// with the detail shares nothing mutable with the article left in the
// model, which keeps only what other pages show.
func TestDroppedDetailComesBack(t *testing.T) {
	fsys := os.DirFS("../..")
	opts := Options{Minifier: assets.NewMinifier(true)}
	kept, err := Load(context.Background(), fsys, opts)
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := LoadConfig(fsys)
	if err != nil {
		t.Fatal(err)
	}
	l, err := NewLoader(fsys, cfg, opts)
	if err != nil {
		t.Fatal(err)
	}
	l.leanAbove = 0 // (the real site is small enough to keep every detail)
	lean, _, err := l.Load(context.Background(), LoadOptions{Lean: true})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, lang := range lean.Languages {
		for _, a := range lang.Articles {
			if a.reload == nil {
				t.Fatalf("%s: a one-shot build cannot convert it again", a.File)
			}
			// The quiz quotes every article of the real site, so the build
			// gave each its detail back for good: drop it again.
			a.dropDetail(a.reload)
			want := detailOf(kept.Article(a.Key, lang.Code))
			if want[0] == "" || len(want) < 6 {
				t.Fatalf("%s: no detail: %q", a.File, want)
			}
			if left := detailOf(a); !slices.Equal(left, make([]string, len(left))) {
				t.Errorf("%s: detail left in the model: %q", a.File, left)
			}
			full, err := a.WithDetail()
			if err != nil {
				t.Fatal(err)
			}
			if have := detailOf(full); !slices.Equal(have, want) {
				t.Errorf("%s: converted again\n%q\nwant\n%q", a.File, have, want)
			}
			if full == a || full.Scenarios[0] == a.Scenarios[0] || full.Scenarios[0].Article != full ||
				full.Scenarios[0].Replies[0].Scenario != full.Scenarios[0] || full.Scenarios[0].Replies[0] == a.Scenarios[0].Replies[0] {
				t.Errorf("%s: the copy shares its scenarios or replies with the model", a.File)
			}
			if a.Scenarios[0].ScenarioText != nil || a.Scenarios[0].Replies[0].Message != nil {
				t.Errorf("%s: the detail of the copy reached the model's scenarios or replies", a.File)
			}
			if body, _ := a.Body(); string(body) != want[0] {
				t.Errorf("%s: Body() of the article without its detail is not its body", a.File)
			}
			if err := a.restoreDetail(); err != nil || !slices.Equal(detailOf(a), want) {
				t.Errorf("%s: restored %q (%v)", a.File, detailOf(a), err)
			}
			n++
		}
	}
	if n == 0 {
		t.Fatal("no article without its detail")
	}
}

// An article whose file changed between loading and rendering (a writer
// saving during a build) fails its pages with a message that says so,
// rather than pairing one version's texts with the other's ids.
func TestDetailOfAChangedFile(t *testing.T) {
	a := &Article{File: "content/en/a.md", Scenarios: []*Scenario{{ID: "one"}}}
	a.dropDetail(func() (*Article, error) { return &Article{Scenarios: []*Scenario{{ID: "two"}}}, nil })
	if _, err := a.WithDetail(); err == nil || !strings.Contains(err.Error(), "content/en/a.md: changed during the build") {
		t.Errorf("WithDetail() error = %v, want one naming the file as changed during the build", err)
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
