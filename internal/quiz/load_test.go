package quiz

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the want sections of testdata/invalid/*.txtar")

// loadArchive loads the quiz held by a txtar archive: the definition
// quiz.toml, the texts <lang>/quiz.toml and the articles <lang>/*.md, from
// which the Site is read. A file named "want" is left out.
func loadArchive(t *testing.T, a *txtar.Archive) (*Quiz, error) {
	t.Helper()
	a = &txtar.Archive{Files: slices.DeleteFunc(slices.Clone(a.Files), func(f txtar.File) bool { return f.Name == "want" })}
	fsys, err := txtar.FS(a)
	if err != nil {
		t.Fatal(err)
	}
	site, err := readSite(fsys, ".")
	if err != nil {
		t.Fatal(err)
	}
	return Load(fsys, "quiz.toml", site.langs, func(lang string) string { return lang + "/quiz.toml" }, site)
}

// TestLoadErrors loads each broken quiz of testdata/invalid and compares
// the errors with the archive's want section, one error a line.
func TestLoadErrors(t *testing.T) {
	files, err := filepath.Glob("testdata/invalid/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no test archives: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			a, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			q, err := loadArchive(t, a)
			if q != nil && len(q.Uncovered) > 0 {
				// Uncovered scenarios come with the quiz, not as errors.
				err = errors.Join(q.Uncovered...)
				q = nil
			}
			if err == nil {
				t.Fatal("Load succeeded, want errors")
			}
			if q != nil {
				t.Error("Load returned a quiz along with errors")
			}
			got := err.Error() + "\n"
			i := slices.IndexFunc(a.Files, func(f txtar.File) bool { return f.Name == "want" })
			if *update {
				if i < 0 {
					a.Files = append(a.Files, txtar.File{Name: "want"})
					i = len(a.Files) - 1
				}
				a.Files[i].Data = []byte(got)
				if err := os.WriteFile(file, txtar.Format(a), 0o666); err != nil {
					t.Fatal(err)
				}
				return
			}
			if i < 0 {
				t.Fatal("no want section (run go test -update to write it)")
			}
			if want := string(a.Files[i].Data); got != want {
				t.Errorf("errors:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}
