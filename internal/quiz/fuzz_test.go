package quiz

import (
	"errors"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/tact-guide/tact/internal/diag"
)

// FuzzLoad loads a definition and one language's texts against the real
// site. Whatever the input, Load must not panic, and must return either a
// quiz whose nodes are all reachable or only positioned errors inside the
// two files.
func FuzzLoad(f *testing.F) {
	fsys := os.DirFS(root)
	site, err := readSite(fsys, "content")
	if err != nil {
		f.Fatal(err)
	}
	def, err := os.ReadFile(root + "/content/quiz.toml")
	if err != nil {
		f.Fatal(err)
	}
	for _, lang := range site.langs {
		text, err := os.ReadFile(root + "/" + contentTexts(lang))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(def, text)
	}
	const defFile, textFile = "content/quiz.toml", "content/en/quiz.toml"
	f.Fuzz(func(t *testing.T, def, text []byte) {
		files := fstest.MapFS{
			defFile:  {Data: def},
			textFile: {Data: text},
		}
		q, err := Load(files, defFile, []string{"en"}, func(string) string { return textFile }, site)
		if err == nil {
			if q == nil {
				t.Fatal("Load returned neither a quiz nor an error")
			}
			for _, qu := range q.Questions {
				if q.Depth(qu.ID) == 0 {
					t.Errorf("question %q is unreachable", qu.ID)
				}
			}
			for _, o := range q.Outcomes {
				if q.Depth(o.ID) == 0 {
					t.Errorf("outcome %q is unreachable", o.ID)
				}
			}
			return
		}
		if q != nil {
			t.Error("Load returned a quiz along with errors")
		}
		joined, ok := err.(interface{ Unwrap() []error })
		if !ok {
			t.Fatalf("error is not a joined list: %v", err)
		}
		for _, e := range joined.Unwrap() {
			var de *diag.Error
			if !errors.As(e, &de) {
				t.Errorf("not a diag.Error: %v", e)
				continue
			}
			src := map[string][]byte{defFile: def, textFile: text}[de.File]
			if src == nil {
				t.Errorf("error names another file: %v", de)
				continue
			}
			if lines := strings.Count(string(src), "\n") + 1; de.Line < 0 || de.Line > lines || de.Col < 0 || (de.Line == 0 && de.Col != 0) {
				t.Errorf("position outside the file (%d lines): %v", lines, de)
			}
		}
	})
}
