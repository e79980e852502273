package quiz

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strings"

	"github.com/pelletier/go-toml/v2"

	"tact/internal/diag"
)

// tomlErrors converts go-toml's errors to positioned diagnostics.
func tomlErrors(file string, src []byte, err error) error {
	at := func(de *toml.DecodeError, msg string) *diag.Error {
		line, col := de.Position() // col counts bytes; diag counts characters
		return diag.At(file, src, offset(src, line, col), "%s", msg)
	}
	var strict *toml.StrictMissingError
	if errors.As(err, &strict) {
		var errs diag.List
		for i := range strict.Errors {
			de := &strict.Errors[i]
			errs.Add(at(de, fmt.Sprintf("unknown key %q: check its spelling (the format is described in the documentation of package quiz)", strings.Join(de.Key(), "."))))
		}
		return errs.Err()
	}
	var de *toml.DecodeError
	if errors.As(err, &de) {
		return at(de, typeMessage(strings.TrimPrefix(de.Error(), "toml: ")))
	}
	return &diag.Error{File: file, Msg: "invalid TOML: " + err.Error()}
}

// offset converts a 1-based line and byte column to a byte offset in src.
func offset(src []byte, line, col int) int {
	off := 0
	for ; line > 1; line-- {
		i := bytes.IndexByte(src[off:], '\n')
		if i < 0 {
			return len(src)
		}
		off += i + 1
	}
	return min(off+max(col-1, 0), len(src))
}

// typeError matches go-toml's message for a value of the wrong type, naming
// the Go field (or, for a map's value, the Go type) it was decoded into.
var typeError = regexp.MustCompile(`^cannot decode TOML (.+?) into (?:struct field (\S+) of type \S+|(\S+))$`)

// expected says, for each Go field or type a value is decoded into, what the
// file should hold there.
var expected = func() map[string]string {
	name := func(v any, field string) string {
		t := reflect.TypeOf(v)
		if field == "" {
			return t.String()
		}
		return t.String() + "." + field
	}
	return map[string]string{
		name(Quiz{}, "Start"):             `a string (start = "<id of the first question>")`,
		name(Quiz{}, "Questions"):         `[[question]] tables`,
		name(Quiz{}, "Outcomes"):          `[[outcome]] tables`,
		name(Question{}, "ID"):            `a string (id = "…")`,
		name(Question{}, "Options"):       `a list of inline tables (options = [{ id = "…", next = "…" }, …])`,
		name(Option{}, "ID"):              `a string (id = "…")`,
		name(Option{}, "Next"):            `a string (next = "<id of a question or outcome>")`,
		name(Outcome{}, "ID"):             `a string (id = "…")`,
		name(Outcome{}, "Article"):        `a string (article = "<key of the article>")`,
		name(Outcome{}, "Scenario"):       `a string (scenario = "<id of the scenario>")`,
		name(Outcome{}, "Replies"):        `a list of strings (replies = ["…"])`,
		name(questionTexts{}, ""):         `a table for each question ([<question id>])`,
		name(questionTexts{}, "Question"): `a string (question = "…")`,
		name(questionTexts{}, "Options"):  `a table of option texts ([<question id>.options] with <option id> = "…")`,
	}
}()

// typeMessage rewrites go-toml's message for a value of the wrong type in
// the terms of the file format rather than of Go.
func typeMessage(msg string) string {
	if m := typeError.FindStringSubmatch(msg); m != nil {
		if want, ok := expected[m[2]+m[3]]; ok {
			return fmt.Sprintf("wrong type: expected %s, found a TOML %s", want, m[1])
		}
	}
	return "invalid TOML: " + msg
}
