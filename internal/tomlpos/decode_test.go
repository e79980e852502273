package tomlpos

import (
	"fmt"
	"strings"
	"testing"
)

type doc struct {
	Title string   `toml:"title"`
	Tags  []string `toml:"tags"`
	Draft bool     `toml:"draft"`
	Count int      `toml:"count"`
}

// Every value of the wrong type and every unknown key is reported at once,
// at its line and column in the file (the TOML here starts on line 2, after
// a fence), in words a writer knows.
func TestDecodeReportsEveryWrongField(t *testing.T) {
	src := "+++\ntitle = 1\ntags = \"a, b\"\ndraft = \"yes\"\ncount = 1.5\ntitel = \"x\"\n+++\n"
	off, end := len("+++\n"), len(src)-len("+++\n")
	var v doc
	_, err := Decode("a.md", []byte(src), off, end, &v, Messages{Unknown: func(k string) string { return "unknown field " + k }})
	if err == nil {
		t.Fatal("no error")
	}
	want := []string{
		`a.md:2:9: title: expected text in quotes ("…"), found a number`,
		`a.md:3:8: tags: expected a list of texts (["…", "…"]), found text in quotes`,
		`a.md:4:9: draft: expected true or false, found text in quotes`,
		`a.md:5:9: count: expected a whole number, found a number`,
		`a.md:6:1: unknown field titel`,
	}
	if have := err.Error(); have != strings.Join(want, "\n") {
		t.Errorf("input:\n%s\nhave:\n%s\nwant:\n%s", src, have, strings.Join(want, "\n"))
	}
}

// The Index of a valid text gives the places of keys and values in the
// whole file, arrays and array tables included.
func TestIndexPositions(t *testing.T) {
	src := "x\ntitle = \"T\"\n[[languages]]\ncode = \"es\"\nquotes = [\"«\", \"»\"]\n"
	var v struct {
		Title     string `toml:"title"`
		Languages []struct {
			Code   string   `toml:"code"`
			Quotes []string `toml:"quotes"`
		} `toml:"languages"`
	}
	idx, err := Decode("t.toml", []byte(src), 2, len(src), &v, Messages{Unknown: func(k string) string { return k }})
	if err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{
		"title":               "2:9",
		"languages[0]":        "3:3",
		"languages[0].code":   "4:8",
		"languages[0].quotes": "5:10",
	} {
		line, col := idx.Position(idx.Val(path))
		if have := fmt.Sprintf("%d:%d", line, col); have != want {
			t.Errorf("%s at %s, want %s", path, have, want)
		}
	}
}
