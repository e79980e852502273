package reply

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite testdata/*.txtar with the current output")

// TestGolden converts the input.md of each testdata/*.txtar and compares
// the result with its output.html and, if the document has problems, its
// errors.txt (one "line:col: message" per line).
//
// The archive's comment configures the extension: a line
// "url: /en/replies/{id}/" sets Extender.URL, with {id} and {slug} (the
// slug, or else the id) replaced; without it there is no URL.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txtar")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no testdata/*.txtar")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			input, ok := section(ar, "input.md")
			if !ok {
				t.Fatalf("%s: no input.md", file)
			}
			md := goldmark.New(goldmark.WithExtensions(&Extender{URL: urlFunc(ar.Comment)}))
			pc := parser.NewContext()
			var out bytes.Buffer
			if err := md.Convert(input, &out, parser.WithContext(pc)); err != nil {
				t.Fatalf("Convert: %v", err)
			}
			errs := formatErrors(input, Errors(pc))

			if *update {
				ar.Files = []txtar.File{{Name: "input.md", Data: input}, {Name: "output.html", Data: out.Bytes()}}
				if len(errs) > 0 {
					ar.Files = append(ar.Files, txtar.File{Name: "errors.txt", Data: errs})
				}
				if err := os.WriteFile(file, txtar.Format(ar), 0o666); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, _ := section(ar, "output.html")
			if !bytes.Equal(out.Bytes(), want) {
				t.Errorf("input:\n%s\nhave:\n%s\nwant:\n%s", input, out.Bytes(), want)
			}
			wantErrs, _ := section(ar, "errors.txt")
			if !bytes.Equal(errs, wantErrs) {
				t.Errorf("input:\n%s\nhave errors:\n%s\nwant errors:\n%s", input, errs, wantErrs)
			}
		})
	}
}

func section(ar *txtar.Archive, name string) ([]byte, bool) {
	for _, f := range ar.Files {
		if f.Name == name {
			return f.Data, true
		}
	}
	return nil, false
}

// urlFunc reads the "url: pattern" line of an archive comment.
func urlFunc(comment []byte) func(*Reply) string {
	for line := range strings.Lines(string(comment)) {
		pattern, ok := strings.CutPrefix(strings.TrimSpace(line), "url:")
		if !ok {
			continue
		}
		pattern = strings.TrimSpace(pattern)
		return func(n *Reply) string {
			slug := n.Slug
			if slug == "" {
				slug = n.ID
			}
			return strings.NewReplacer("{id}", n.ID, "{slug}", slug).Replace(pattern)
		}
	}
	return nil
}

// formatErrors writes errs as "line:col: message" lines, counting columns
// in bytes from 1.
func formatErrors(src []byte, errs []*Error) []byte {
	var b bytes.Buffer
	for _, e := range errs {
		before := src[:e.Offset]
		line := bytes.Count(before, []byte("\n")) + 1
		col := e.Offset - (bytes.LastIndexByte(before, '\n') + 1) + 1
		fmt.Fprintf(&b, "%d:%d: %s\n", line, col, e.Msg)
	}
	return b.Bytes()
}
