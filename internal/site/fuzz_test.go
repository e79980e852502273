package site

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/tact-guide/tact/internal/diag"
	"github.com/tact-guide/tact/internal/markdown"
	"github.com/tact-guide/tact/internal/markdown/reply"
	"github.com/tact-guide/tact/internal/sitefs"
)

// addContentSeeds adds every real content file to the fuzz corpus.
func addContentSeeds(f *testing.F) {
	files, _ := filepath.Glob("../../content/*/*.md")
	if len(files) == 0 {
		f.Fatal("no content files found for the seed corpus")
	}
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("+++\n+++\n"))
	f.Add([]byte("+++\ntitle = \"x\"\n"))
	f.Add([]byte("\xef\xbb\xbf+++\r\ntitle = \"é\"\r\n+++\r\n## A {#a verdict=accept}\r\n"))
}

// checkPositioned fails unless every error is a diag.Error inside src, the
// content file content/en/fuzz.md.
func checkPositioned(t *testing.T, src []byte, err error) {
	t.Helper()
	checkPositionedIn(t, "content/en/fuzz.md", src, err)
}

// checkPositionedIn fails unless every error is a diag.Error inside file,
// whose bytes are src.
func checkPositionedIn(t *testing.T, file string, src []byte, err error) {
	t.Helper()
	lines := strings.Count(string(src), "\n") + 1
	for _, e := range diag.Split(err) {
		var de *diag.Error
		if !errors.As(e, &de) {
			t.Fatalf("unpositioned error %T: %v", e, e)
		}
		if de.File != file || de.Line < 0 || de.Line > lines || de.Col < 0 {
			t.Fatalf("error outside the file (%d lines): %v", lines, de)
		}
	}
}

// FuzzFrontMatter: any bytes give front matter or positioned errors, never a
// panic.
func FuzzFrontMatter(f *testing.F) {
	addContentSeeds(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		fm, _, fmOff, _, err := splitFrontMatter("content/en/fuzz.md", src)
		if err != nil {
			checkPositioned(t, src, err)
			return
		}
		var v FrontMatter
		if _, err := decodeStrict("content/en/fuzz.md", src, fmOff, fm, &v); err != nil {
			checkPositioned(t, src, err)
		}
	})
}

// FuzzArticle: any file gives an article or positioned errors, never a
// panic or a hang, through the whole article parser: front matter, scenario
// headings, reply blocks and placeholders.
func FuzzArticle(f *testing.F) {
	addContentSeeds(f)
	conv := markdown.New(markdown.Options{
		Quotes:   [4]string{"«", "»", "“", "”"},
		ReplyURL: func(r *reply.Reply) string { return "/en/replies/" + r.ID + "/" },
	})
	lang := &Lang{Language: Language{Code: "en", ReplySeg: "replies"}, byKey: map[string]*Article{}}
	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) > sitefs.MaxFileSize {
			return
		}
		a, err := parseArticle(conv, lang, "content/en/fuzz.md", normalize(src), new(bytes.Buffer))
		if err != nil {
			checkPositioned(t, src, err)
			return
		}
		if a == nil {
			t.Fatal("no article and no error")
		}
	})
}

// normalize applies what readSource does to a file's bytes before parsing.
func normalize(b []byte) []byte {
	s := strings.TrimPrefix(string(b), "\ufeff")
	return []byte(strings.ReplaceAll(s, "\r\n", "\n"))
}

// FuzzConfig: any tact.toml gives a configuration or errors that name
// tact.toml at a line inside it, never a panic; a configuration it accepts
// has a base URL that cannot reach _headers or a page raw.
func FuzzConfig(f *testing.F) {
	real, err := os.ReadFile("../../tact.toml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(real)
	f.Add([]byte("title = \"T\"\nbaseURL = \"https://x.example/a%0Ab/\"\n[[languages]]\ncode = \"en\"\nname = \"E\"\nlocale = \"en_GB\"\nreplies = \"r\"\nquotes = [\"“\", \"”\", \"‘\", \"’\"]\n"))
	f.Add([]byte("title = 1\n[[languages]]\ncode = \"assets\"\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		cfg, err := LoadConfig(fstest.MapFS{ConfigFile: {Data: src}})
		if err != nil {
			checkPositionedIn(t, ConfigFile, src, err)
			return
		}
		if strings.ContainsAny(cfg.BaseURL, "\n\r\"<>") {
			t.Fatalf("accepted baseURL %q", cfg.BaseURL)
		}
		if _, err := basePathOf(cfg.BaseURL); err != nil {
			t.Fatalf("accepted baseURL %q that basePathOf refuses: %v", cfg.BaseURL, err)
		}
	})
}
