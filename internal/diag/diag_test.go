package diag_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/tact-guide/tact/internal/diag"
)

// A writer's editor shows columns in characters, so an accented letter
// before the problem must count once, not as its two UTF-8 bytes.
func TestPositionCountsCharactersNotBytes(t *testing.T) {
	tests := []struct {
		name      string
		src       string
		at        string // the problem is at the first occurrence of this text
		line, col int
	}{
		{"ascii", "hello X", "X", 1, 7},
		{"accented letters before", "añadir X", "X", 1, 8},
		{"spanish punctuation", "¿Qué? X", "X", 1, 7},
		{"second line resets the column", "línea uno\nción X", "X", 2, 6},
		{"start of a line", "uno\ndos\nX", "X", 3, 1},
		{"italian apostrophes", "l’amico c’è X", "X", 1, 13},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			off := strings.Index(tt.src, tt.at)
			line, col := diag.Position([]byte(tt.src), off)
			if line != tt.line || col != tt.col {
				t.Errorf("Position(%q, %d) = %d:%d, want %d:%d", tt.src, off, line, col, tt.line, tt.col)
			}
		})
	}
}

func TestPositionClampsOffsetsOutsideTheText(t *testing.T) {
	src := []byte("ab\ncd")
	if line, col := diag.Position(src, -5); line != 1 || col != 1 {
		t.Errorf("Position(-5) = %d:%d, want 1:1", line, col)
	}
	if line, col := diag.Position(src, 99); line != 2 || col != 3 {
		t.Errorf("Position(99) = %d:%d, want 2:3 (just past the end)", line, col)
	}
}

func TestAtFormatsFileLineColumnMessage(t *testing.T) {
	src := []byte("+++\ntítulo = 1\n")
	err := diag.At("content/es/a.md", src, strings.Index(string(src), "1"), "unknown field %q", "título")
	if have, want := err.Error(), `content/es/a.md:2:10: unknown field "título"`; have != want {
		t.Errorf("have %q\nwant %q", have, want)
	}
}

func TestErrorLeavesOutUnknownParts(t *testing.T) {
	tests := []struct {
		err  diag.Error
		want string
	}{
		{diag.Error{File: "a.md", Line: 3, Col: 7, Msg: "m"}, "a.md:3:7: m"},
		{diag.Error{File: "a.md", Line: 3, Msg: "m"}, "a.md:3: m"},
		{diag.Error{File: "content/fr", Msg: "m"}, "content/fr: m"},
	}
	for _, tt := range tests {
		if have := tt.err.Error(); have != tt.want {
			t.Errorf("%+v: have %q, want %q", tt.err, have, tt.want)
		}
	}
}

// lines returns the messages of a joined error, one per line.
func lines(err error) []string {
	if err == nil {
		return nil
	}
	return strings.Split(err.Error(), "\n")
}

func TestListSortsByFileLineColumnAndDropsDuplicates(t *testing.T) {
	var l diag.List
	l.Addf("content/es/b.md", 10, 2, "late in b")
	l.Addf("content/es/a.md", 9, 1, "line 9")
	l.Addf("content/es/a.md", 10, 1, "line 10") // numeric, not textual, order: 9 < 10
	l.Addf("content/es/a.md", 2, 5, "col 5")
	l.Addf("content/es/a.md", 2, 12, "col 12")
	l.Add(&diag.Error{File: "content/es/a.md", Line: 2, Col: 5, Msg: "col 5"}) // duplicate
	l.Addf("content/en/z.md", 0, 0, "whole file")
	l.Add(errors.New("render es/index.html: boom")) // unpositioned errors come last
	l.Add(nil)
	l.Add(errors.Join( // joined errors are flattened
		&diag.Error{File: "content/es/a.md", Line: 1, Col: 1, Msg: "first"},
		&diag.Error{File: "content/es/b.md", Line: 10, Col: 2, Msg: "late in b"}, // duplicate
	))
	want := []string{
		"content/en/z.md: whole file",
		"content/es/a.md:1:1: first",
		"content/es/a.md:2:5: col 5",
		"content/es/a.md:2:12: col 12",
		"content/es/a.md:9:1: line 9",
		"content/es/a.md:10:1: line 10",
		"content/es/b.md:10:2: late in b",
		"render es/index.html: boom",
	}
	have := lines(l.Err())
	if fmt.Sprint(have) != fmt.Sprint(want) {
		t.Errorf("have\n\t%s\nwant\n\t%s", strings.Join(have, "\n\t"), strings.Join(want, "\n\t"))
	}
	if l.Len() != 10 {
		t.Errorf("Len = %d, want 10 (every error recorded, duplicates dropped only when reported)", l.Len())
	}
}

func TestListErrKeepsEachErrorInspectable(t *testing.T) {
	var l diag.List
	l.Addf("b.md", 1, 1, "b")
	l.Addf("a.md", 1, 1, "a")
	var j interface{ Unwrap() []error }
	if !errors.As(l.Err(), &j) {
		t.Fatalf("Err() = %T, want a joined error", l.Err())
	}
	errs := j.Unwrap()
	var first *diag.Error
	if len(errs) != 2 || !errors.As(errs[0], &first) || first.File != "a.md" {
		t.Errorf("Unwrap() = %v, want [a.md…, b.md…] as *diag.Error", errs)
	}
}

func TestEmptyListIsNoError(t *testing.T) {
	var l diag.List
	l.Add(nil)
	if err := l.Err(); err != nil {
		t.Errorf("Err() = %v, want nil", err)
	}
}
