package tomlpos

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/pelletier/go-toml/v2"

	"github.com/tact-guide/tact/internal/diag"
)

// Decode decodes the TOML text src[off:end] of file (the whole file, or its
// front matter) into v strictly, and returns the text's Index for checks
// made after decoding. Every unknown key and every value of the wrong type
// is reported, not only the first, each at its place in the file, in the
// writer's words: "draft: expected true or false, found text in quotes".
// m.Unknown words the message for an unknown key; m.Other, when set, any
// other error of go-toml's (it is given go-toml's text).
func Decode(file string, src []byte, off, end int, v any, m Messages) (*Index, error) {
	text := src[off:end]
	err := toml.NewDecoder(bytes.NewReader(text)).DisallowUnknownFields().Decode(v)
	if err == nil {
		idx := NewIndex(file, src, off, end)
		return idx, caseErrors(idx, reflect.TypeOf(v).Elem(), m)
	}
	var de *toml.DecodeError
	var fields map[string]any
	if !errors.As(err, &de) || toml.Unmarshal(text, &fields) != nil {
		// Unknown keys (go-toml lists them all), or a syntax error.
		if e := Errors(file, src, off, err, m); e != nil {
			return nil, e
		}
		line, _ := diag.Position(src, off)
		return nil, &diag.Error{File: file, Line: line, Msg: "invalid TOML: " + err.Error()}
	}
	// go-toml stops at the first value of the wrong type: decode each
	// value alone, in tables and lists of tables too, so that the writer
	// sees every problem at once.
	f := &finder{idx: NewIndex(file, src, off, end), typ: reflect.TypeOf(v).Elem(), m: m}
	for _, key := range slices.Sorted(maps.Keys(fields)) {
		f.find([]any{key}, fields[key])
	}
	if f.errs.Err() == nil {
		// Not a value of its own (the order of tables, say): go-toml's own
		// error, at its place.
		return nil, Errors(file, src, off, err, m)
	}
	f.errs.Add(caseErrors(f.idx, f.typ, m))
	return nil, f.errs.Err()
}

// finder finds the values of a TOML text that do not decode, each decoded
// alone.
type finder struct {
	idx  *Index
	typ  reflect.Type // what the text decodes into
	m    Messages
	errs diag.List
}

// find reports the value val at path (keys and list indexes) if it does
// not decode: a table or a list of tables that decodes empty is searched
// value by value, so each wrong value is reported at its own place.
func (f *finder) find(path []any, val any) {
	err := f.decode(path, val)
	if err == nil {
		return
	}
	switch v := val.(type) {
	case map[string]any:
		if f.decode(path, map[string]any{}) == nil {
			for _, k := range slices.Sorted(maps.Keys(v)) {
				f.find(append(slices.Clip(path), k), v[k])
			}
			return
		}
	case []any:
		if len(v) > 0 && f.decode(path, []any{}) == nil {
			for i, e := range v {
				f.find(append(slices.Clip(path), i), e)
			}
			return
		}
	}
	name := pathName(path)
	var strict *toml.StrictMissingError
	var de *toml.DecodeError
	switch {
	case errors.As(err, &strict):
		f.errs.Add(f.idx.Errorf(First(f.idx.Key(name), f.idx.Val(name)), "%s", f.m.Unknown(strings.Join(strict.Errors[0].Key(), "."))))
	case errors.As(err, &de):
		f.errs.Add(f.idx.Errorf(First(f.idx.Val(name), f.idx.Key(name)), "%s", f.m.other(strings.Join(de.Key(), "."), de.Error())))
	}
}

// decode decodes the document holding only val at path, a list index
// standing for a list of that one element.
func (f *finder) decode(path []any, val any) error {
	for i := len(path) - 1; i >= 0; i-- {
		if k, ok := path[i].(string); ok {
			val = map[string]any{k: val}
		} else {
			val = []any{val}
		}
	}
	one, err := toml.Marshal(val)
	if err != nil {
		return nil // (not what the writer wrote: nothing to say)
	}
	return toml.NewDecoder(bytes.NewReader(one)).DisallowUnknownFields().Decode(reflect.New(f.typ).Interface())
}

// pathName names path as Index does: a.b[2].c.
func pathName(path []any) string {
	var b strings.Builder
	for _, p := range path {
		switch p := p.(type) {
		case string:
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(p)
		case int:
			fmt.Fprintf(&b, "[%d]", p)
		}
	}
	return b.String()
}

// other words a decoding error of key other than an unknown key.
func (m Messages) other(key, msg string) string {
	if m.Other != nil {
		return m.Other(msg)
	}
	return TypeMessage(key, msg)
}

// typeError matches go-toml's message for a value of the wrong type.
// Compiled when first needed (only a bad file needs it).
var typeError = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`cannot decode TOML (.+?) into (?:struct field (\S+) of type (\S+)|(\S+))$`)
})

// TypeError reads go-toml's message for a value of the wrong type: the
// kind of TOML value found ("string") and the Go field or type it was
// decoded into ("quiz.Option.Next", or "string" for a map's value).
func TypeError(msg string) (found, into string, ok bool) {
	sub := typeError().FindStringSubmatch(strings.TrimPrefix(msg, "toml: "))
	if sub == nil {
		return "", "", false
	}
	return sub[1], sub[2] + sub[4], true
}

// TypeMessage words go-toml's message for a value of key of the wrong type
// as a writer would want it: "draft: expected true or false, found text in
// quotes". Other messages keep go-toml's words after "invalid TOML: ".
func TypeMessage(key, msg string) string {
	msg = strings.TrimPrefix(msg, "toml: ")
	sub := typeError().FindStringSubmatch(msg)
	var words string
	switch {
	case sub != nil:
		words = fmt.Sprintf("expected %s, found %s", goWords(sub[3]+sub[4]), tomlWords(sub[1]))
	case strings.Contains(msg, "dates are expected"): // (text, or a date written another way, where a date goes)
		words = "expected a date without quotes (2026-01-31)"
	default:
		return "invalid TOML: " + msg
	}
	if key == "" {
		return words
	}
	return key + ": " + words
}

// tomlWords names a TOML kind of value.
func tomlWords(kind string) string {
	switch kind {
	case "string":
		return "text in quotes"
	case "integer", "float":
		return "a number"
	case "boolean":
		return "true or false"
	case "array":
		return "a list [ … ]"
	case "inline table", "table":
		return "a table { … }"
	case "local date":
		return "a date"
	case "local datetime", "offset datetime", "datetime":
		return "a date with a time"
	case "local time":
		return "a time"
	}
	return kind
}

// goWords names what a Go type holds in TOML.
func goWords(t string) string {
	t = strings.TrimPrefix(t, "*")
	switch {
	case t == "string":
		return `text in quotes ("…")`
	case t == "bool":
		return "true or false"
	case strings.HasPrefix(t, "int") || strings.HasPrefix(t, "uint"):
		return "a whole number"
	case strings.HasPrefix(t, "float"):
		return "a number"
	case strings.HasSuffix(t, "LocalDate"):
		return "a date without quotes (2026-01-31)"
	case t == "[]string":
		return `a list of texts (["…", "…"])`
	case strings.HasPrefix(t, "[") && strings.HasSuffix(t, "]string"):
		return fmt.Sprintf(`a list of %s texts (["…", …])`, strings.TrimSuffix(strings.TrimPrefix(t, "["), "]string"))
	case strings.HasPrefix(t, "[]"):
		return "a list [ … ]"
	case strings.HasPrefix(t, "map["):
		return "a table"
	}
	return "a table"
}

// caseErrors reports the keys of idx that name a field of typ only when
// letter case is ignored, as go-toml matches them: "TITLE" decodes into
// title, and beside a "title" one of the two would be lost unseen.
func caseErrors(idx *Index, typ reflect.Type, m Messages) error {
	var errs diag.List
	for _, path := range slices.Sorted(maps.Keys(idx.keys)) {
		t := typ
		var key []string // path without list indexes, as go-toml names keys
		for _, seg := range strings.Split(path, ".") {
			if i := strings.IndexByte(seg, '['); i >= 0 {
				seg = seg[:i]
			}
			key = append(key, seg)
			for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array {
				t = t.Elem()
			}
			if t.Kind() != reflect.Struct {
				break // (a map's keys are the writer's own)
			}
			f, exact := fieldFor(t, seg)
			if f == nil {
				break
			}
			if !exact {
				errs.Add(idx.Errorf(idx.Key(path), "%s; keys are case-sensitive: write %q", m.Unknown(strings.Join(key, ".")), tagName(*f)))
				break
			}
			t = f.Type
		}
	}
	return errs.Err()
}

// fieldFor returns the field of struct type t whose TOML key is key, and
// whether it matches with its letter case.
func fieldFor(t reflect.Type, key string) (*reflect.StructField, bool) {
	var fold *reflect.StructField
	for i := range t.NumField() {
		f := t.Field(i)
		name := tagName(f)
		if name == key || f.Tag.Get("toml") == "" && strings.EqualFold(name, key) {
			return &f, true // (an untagged field's key is its name, in any case)
		}
		if fold == nil && strings.EqualFold(name, key) {
			fold = &f
		}
	}
	return fold, false
}

// tagName is the TOML key of field f.
func tagName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
	if name == "" {
		return f.Name
	}
	return name
}
