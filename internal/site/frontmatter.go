package site

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"reflect"

	"github.com/pelletier/go-toml/v2"

	"tact/internal/diag"
	"tact/internal/tomlpos"
)

// frontMatter is the TOML between the +++ lines of an article.
type frontMatter struct {
	Title   string          `toml:"title"`
	Key     string          `toml:"key"`
	Slug    string          `toml:"slug"`
	Summary string          `toml:"summary"`
	Date    toml.LocalDate  `toml:"date"`
	Updated *toml.LocalDate `toml:"updated"`
	Tags    []string        `toml:"tags"`
	Related []string        `toml:"related"`
	Draft   bool            `toml:"draft"`

	TranslatedFrom string `toml:"translatedFrom"` // SourceHash of the source article this translates
}

// homeMatter is the front matter of _index.md.
type homeMatter struct {
	Title   string `toml:"title"`
	Summary string `toml:"summary"`
}

const fence = "+++"

// splitFrontMatter separates the front matter from the body. src has already
// been normalised (no BOM, LF line endings). fmOff and bodyOff are the byte
// offsets where the TOML and the body start.
func splitFrontMatter(file string, src []byte) (fm, body []byte, fmOff, bodyOff int, err error) {
	if !bytes.HasPrefix(src, []byte(fence+"\n")) {
		return nil, nil, 0, 0, &diag.Error{File: file, Line: 1, Col: 1, Msg: "missing front matter: start the file with a line \"+++\", the TOML fields, and another \"+++\""}
	}
	fmOff = len(fence) + 1
	rest := src[fmOff:]
	end := -1
	for i := 0; i < len(rest); {
		j := bytes.IndexByte(rest[i:], '\n')
		line := rest[i:]
		if j >= 0 {
			line = rest[i : i+j]
		}
		if string(bytes.TrimRight(line, " \t")) == fence {
			end = i
			break
		}
		if j < 0 {
			break
		}
		i += j + 1
	}
	if end < 0 {
		return nil, nil, 0, 0, &diag.Error{File: file, Line: 1, Col: 1, Msg: "front matter is not closed: add a line \"+++\" after the last field"}
	}
	fm = rest[:end]
	bodyOff = fmOff + end
	if k := bytes.IndexByte(src[bodyOff:], '\n'); k >= 0 {
		bodyOff += k + 1
	} else {
		bodyOff = len(src)
	}
	return fm, src[bodyOff:], fmOff, bodyOff, nil
}

// decodeStrict decodes TOML into v, rejecting unknown fields. Errors are
// positioned in file, whose TOML starts at byte offset off of src.
func decodeStrict(file string, src []byte, off int, toml_ []byte, v any) error {
	dec := toml.NewDecoder(bytes.NewReader(toml_)).DisallowUnknownFields()
	err := dec.Decode(v)
	if err == nil {
		return nil
	}
	first := tomlErrors(file, src, off, err)
	var de *toml.DecodeError
	var fields map[string]any
	if !errors.As(err, &de) || toml.Unmarshal(toml_, &fields) != nil {
		return first // unknown fields (go-toml lists them all), or a syntax error
	}
	// go-toml stops at the first value of the wrong type: decode the other
	// fields one by one, so that the writer sees every problem at once.
	line, _ := de.Position()
	skip := keyOnLine(toml_, line)
	var errs diag.List
	errs.Add(first)
	for key, value := range fields {
		if key == skip {
			continue
		}
		one, merr := toml.Marshal(map[string]any{key: value})
		if merr != nil {
			continue
		}
		fresh := reflect.New(reflect.TypeOf(v).Elem()).Interface()
		ferr := toml.NewDecoder(bytes.NewReader(one)).DisallowUnknownFields().Decode(fresh)
		var strict *toml.StrictMissingError
		var fde *toml.DecodeError
		switch {
		case errors.As(ferr, &strict):
			errs.Add(diag.At(file, src, keyOffset(off, toml_, key), "%s", unknownField(key)))
		case errors.As(ferr, &fde):
			errs.Add(fieldError(file, src, off, toml_, key, "invalid TOML: "+fde.Error()))
		}
	}
	return errs.Err()
}

func unknownField(key string) string {
	return fmt.Sprintf("unknown field %q: check its spelling (known fields are listed in docs/content.md)", key)
}

// keyOnLine returns the key defined on line (1-based) of the TOML text, or "".
func keyOnLine(text []byte, line int) string {
	lines := bytes.Split(text, []byte("\n"))
	if line < 1 || line > len(lines) {
		return ""
	}
	key, _, ok := bytes.Cut(lines[line-1], []byte("="))
	if !ok {
		return ""
	}
	return string(bytes.Trim(bytes.TrimSpace(key), `"'`))
}

// tomlErrors converts go-toml's errors to positioned diagnostics. The TOML
// text starts at byte offset off of src.
func tomlErrors(file string, src []byte, off int, err error) error {
	if e := tomlpos.Errors(file, src, off, err, tomlpos.Messages{
		Unknown: unknownField,
		Other:   func(msg string) string { return "invalid TOML: " + msg },
	}); e != nil {
		return e
	}
	startLine, _ := diag.Position(src, off)
	return &diag.Error{File: file, Line: startLine, Msg: "invalid TOML: " + err.Error()}
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// fieldError positions msg at the value of field in the front matter, which
// starts at byte offset off of src.
func fieldError(file string, src []byte, off int, fm []byte, field, msg string) error {
	return diag.At(file, src, fieldOffset(off, fm, field), "%s", msg)
}

// keyOffset returns the byte offset in the file of field's key in the
// front matter fm, which starts at offset off; off itself when the field is
// not there.
func keyOffset(off int, fm []byte, field string) int {
	key, _ := fieldLine(off, fm, field)
	return key
}

// fieldOffset returns the byte offset in the file of the value of field in
// the front matter fm, which starts at offset off; off itself when the field
// is not there.
func fieldOffset(off int, fm []byte, field string) int {
	_, value := fieldLine(off, fm, field)
	return value
}

// fieldLine finds the line "field = value" in the front matter fm, which
// starts at offset off, and returns the offsets in the file of the key and
// of the value; off for both when the field is not there.
func fieldLine(off int, fm []byte, field string) (key, value int) {
	for i := 0; i < len(fm); {
		end := bytes.IndexByte(fm[i:], '\n')
		if end < 0 {
			end = len(fm) - i
		}
		line := fm[i : i+end]
		trimmed := bytes.TrimLeft(line, " \t")
		if rest, ok := bytes.CutPrefix(trimmed, []byte(field)); ok {
			if eq, ok := bytes.CutPrefix(bytes.TrimLeft(rest, " \t"), []byte("=")); ok {
				v := bytes.TrimLeft(eq, " \t")
				return off + i + len(line) - len(trimmed), off + i + len(line) - len(v)
			}
		}
		i += end + 1
	}
	return off, off
}
