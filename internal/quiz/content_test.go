package quiz

import (
	"os"
	"path"
	"slices"
	"testing"
)

// root is the site root, holding content/.
const root = "../.."

func contentTexts(lang string) string { return path.Join("content", lang, "quiz.toml") }

// TestContent loads the real quiz against a Site read from the real
// articles, and checks that every scenario is an outcome some path leads to.
func TestContent(t *testing.T) {
	fsys := os.DirFS(root)
	site, err := readSite(fsys, "content")
	if err != nil {
		t.Fatal(err)
	}
	if len(site.langs) == 0 || len(site.scenarios) == 0 {
		t.Fatalf("read %d languages and %d scenarios from %s/content", len(site.langs), len(site.scenarios), root)
	}
	q, err := Load(fsys, "content/quiz.toml", site.langs, contentTexts, site)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range q.Uncovered {
		t.Error(u)
	}
	reached := map[ScenarioRef]bool{}
	for _, p := range q.Paths() {
		_, o := q.Node(p.Outcome)
		reached[ScenarioRef{o.Article, o.Scenario}] = true
		if len(p.Steps) > 4 {
			t.Errorf("outcome %q is %d answers from the start (%v): a reader should reach every scenario in at most four", p.Outcome, len(p.Steps), p.Steps)
		}
	}
	start, _ := q.Node(q.Start)
	if i := slices.IndexFunc(start.Options, func(o *Option) bool { return o.Next == Articles }); i < 0 {
		t.Errorf("the first question has no \"none of these\" answer leading to the articles (next = %q)", Articles)
	}
	for _, s := range site.Scenarios() {
		if !reached[s] {
			t.Errorf("no path leads to scenario %q of article %q", s.Scenario, s.Article)
		}
	}
	for _, lang := range site.langs {
		for _, qu := range q.Questions {
			if q.Text(lang, qu.ID) == "" {
				t.Errorf("%s: question %q has no text", lang, qu.ID)
			}
		}
	}
}
