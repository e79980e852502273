package render

import (
	"context"
	"encoding/xml"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/tact-guide/tact/internal/assets"
	"github.com/tact-guide/tact/internal/site"
)

// mapBoxes parses a quiz map and returns the class and link of every box.
func mapBoxes(t *testing.T, svg string) (classes, links []string) {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(svg))
	for {
		tok, err := d.Token()
		if err != nil {
			if err.Error() != "EOF" {
				t.Fatalf("the map is not well-formed XML: %v", err)
			}
			return
		}
		if e, ok := tok.(xml.StartElement); ok {
			for _, a := range e.Attr {
				switch {
				case e.Name.Local == "g" && a.Name.Local == "class":
					classes = append(classes, a.Value)
				case e.Name.Local == "a" && a.Name.Local == "href":
					links = append(links, a.Value)
				}
			}
		}
	}
}

// Every way through the quiz is drawn, in the language's words, each box
// linking to its page; an outcome reached in two ways stands out, and a
// scenario the quiz does not reach is listed.
func TestQuizMapDrawsEveryWay(t *testing.T) {
	s, _ := load(t, realSite, "", false)
	q := s.Quiz
	for _, m := range QuizMaps(s) {
		classes, links := mapBoxes(t, string(m.SVG))
		outcomes := 0
		for _, c := range classes {
			if strings.Contains(c, "outcome") {
				outcomes++
			}
			if strings.Contains(c, "reached-twice") {
				t.Errorf("%s: %q: no outcome of the real quiz is reached in two ways", m.Lang.Code, c)
			}
		}
		if outcomes != len(q.Paths()) {
			t.Errorf("%s: %d outcome boxes, want one per way through the quiz (%d)", m.Lang.Code, outcomes, len(q.Paths()))
		}
		if links[0] != m.Lang.QuizURL("") {
			t.Errorf("%s: the first box links %s, want the quiz %s", m.Lang.Code, links[0], m.Lang.QuizURL(""))
		}
		if !strings.Contains(string(m.SVG), q.Text(m.Lang.Code, q.Start)) && len(q.Text(m.Lang.Code, q.Start)) < nodeChars {
			t.Errorf("%s: the first question's text is not drawn", m.Lang.Code)
		}
		if len(m.Uncovered) != 0 {
			t.Errorf("%s: scenarios listed as not reached: %d", m.Lang.Code, len(m.Uncovered))
		}
	}

	// "leaving" now leads where "busy" does: that outcome is reached twice,
	// and the scenario "leaving" led to is reached no more.
	fsys := copyFS(t, realSite)
	def := fsys["content/quiz.toml"]
	d := strings.Replace(string(def.Data), `{ id = "leaving",    next = "changing-fields" }`, `{ id = "leaving",    next = "swamped" }`, 1)
	d = strings.Replace(d, "[[outcome]]\nid = \"changing-fields\"\narticle = \"introductions-offered\"\nscenario = \"changing-fields\"\nreplies = [\"decline-changing-fields\"]\n", "", 1)
	def.Data = []byte(d)
	s2, err := site.Load(context.Background(), fsys, site.Options{Minifier: assets.NewMinifier(false)})
	if err != nil {
		t.Fatal(err)
	}
	m := QuizMaps(s2)[0]
	classes, _ := mapBoxes(t, string(m.SVG))
	twice := 0
	for _, c := range classes {
		if strings.Contains(c, "reached-twice") {
			twice++
		}
	}
	if twice != 2 {
		t.Errorf("%d boxes marked as reached in two ways, want 2", twice)
	}
	if len(m.Uncovered) != 1 || m.Uncovered[0].ID != "changing-fields" {
		t.Errorf("not reached: %v, want the scenario changing-fields", m.Uncovered)
	}
}

// copyFS copies the sources of a site into memory.
func copyFS(t *testing.T, from fs.FS) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(from, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if top, _, _ := strings.Cut(p, "/"); top != "content" && top != "i18n" && p != "tact.toml" {
			return nil
		}
		b, err := fs.ReadFile(from, p)
		m[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}
