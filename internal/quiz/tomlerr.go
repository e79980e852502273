package quiz

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/tact-guide/tact/internal/tomlpos"
)

// tomlMessages word the quiz files' TOML errors.
var tomlMessages = tomlpos.Messages{
	Unknown: func(key string) string {
		return fmt.Sprintf("unknown key %q: check its spelling (the format is described in the documentation of package quiz)", key)
	},
	Other: func(msg string) string { return typeMessage(strings.TrimPrefix(msg, "toml: ")) },
}

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
	if found, into, ok := tomlpos.TypeError(msg); ok {
		if want, ok := expected[into]; ok {
			return fmt.Sprintf("wrong type: expected %s, found a TOML %s", want, found)
		}
	}
	return "invalid TOML: " + msg
}
