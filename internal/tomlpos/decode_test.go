package tomlpos

import (
	"fmt"
	"strings"
	"testing"

	"github.com/pelletier/go-toml/v2"
)

type doc struct {
	Title string         `toml:"title"`
	Tags  []string       `toml:"tags"`
	Draft bool           `toml:"draft"`
	Count int            `toml:"count"`
	Date  toml.LocalDate `toml:"date"`
}

// Every value of the wrong type and every unknown key is reported at once,
// at its line and column in the file (the TOML here starts on line 2, after
// a fence), in words a writer knows.
func TestDecodeReportsEveryWrongField(t *testing.T) {
	src := "+++\ntitle = 1\ntags = \"a, b\"\ndraft = \"yes\"\ncount = 1.5\ntitel = \"x\"\ndate = \"yesterday\"\n+++\n"
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
		`a.md:7:8: date: expected a date without quotes (2026-01-31)`,
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

type site struct {
	Title     string              `toml:"title"`
	Languages []lang              `toml:"languages"`
	Questions map[string]question `toml:"questions"`
	Extra     map[string][]string `toml:"extra"`
}

type lang struct {
	Code   string `toml:"code"`
	Weight int    `toml:"weight"`
}

type question struct {
	Text    string            `toml:"text"`
	Options map[string]string `toml:"options"`
}

// Inside tables and lists of tables too, every wrong value is reported at
// its own place, not only the first of each table.
func TestDecodeReportsEveryWrongFieldInTables(t *testing.T) {
	src := `title = "Tact"
[[languages]]
code = 1
weight = "first"
[[languages]]
code = "nl"
weight = 2
[[languages]]
code = "it"
wieght = 3
[questions.start]
text = 3
[questions.start.options]
a = "Yes"
b = false
[extra]
tags = ["a", 2]
`
	var v site
	_, err := Decode("tact.toml", []byte(src), 0, len(src), &v, Messages{Unknown: func(k string) string { return "unknown field " + k }})
	if err == nil {
		t.Fatal("no error")
	}
	want := []string{
		`tact.toml:3:8: languages.code: expected text in quotes ("…"), found a number`,
		`tact.toml:4:10: languages.weight: expected a whole number, found text in quotes`,
		`tact.toml:10:1: unknown field languages.wieght`,
		`tact.toml:12:8: questions.start.text: expected text in quotes ("…"), found a number`,
		`tact.toml:15:5: questions.start.options.b: expected text in quotes ("…"), found true or false`,
		`tact.toml:17:14: extra.tags: expected text in quotes ("…"), found a number`,
	}
	if have := err.Error(); have != strings.Join(want, "\n") {
		t.Errorf("input:\n%s\nhave:\n%s\nwant:\n%s", src, have, strings.Join(want, "\n"))
	}
}
