package site

import (
	"bytes"
	"fmt"

	"github.com/pelletier/go-toml/v2"

	"github.com/tact-guide/tact/internal/diag"
	"github.com/tact-guide/tact/internal/tomlpos"
)

// FrontMatter is the TOML between an article's +++ lines (docs/content.md).
type FrontMatter struct {
	Title   string          `toml:"title"`
	Key     string          `toml:"key"`
	Slug    string          `toml:"slug"`
	Summary string          `toml:"summary"`
	Date    toml.LocalDate  `toml:"date"`
	Updated *toml.LocalDate `toml:"updated"`
	Tags    []string        `toml:"tags"`
	Related []string        `toml:"related"`
	Draft   bool            `toml:"draft"`

	TranslatedFrom string `toml:"translatedFrom"` // the sourcever.Hash of the source article this translates
}

// homeMatter is the front matter of _index.md.
type homeMatter struct {
	Title   string `toml:"title"`
	Summary string `toml:"summary"`
}

// aboutMatter is the front matter of _about.md.
type aboutMatter struct {
	Title   string `toml:"title"`
	Summary string `toml:"summary"`
	Slug    string `toml:"slug"`
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

// decodeStrict decodes the front matter fm, at byte offset off of src, into
// v, rejecting unknown fields and reporting every wrong one; the Index it
// returns gives the fields' places for later checks.
func decodeStrict(file string, src []byte, off int, fm []byte, v any) (*tomlpos.Index, error) {
	return tomlpos.Decode(file, src, off, off+len(fm), v, tomlpos.Messages{Unknown: unknownField})
}

func unknownField(key string) string {
	return fmt.Sprintf("unknown field %q: check its spelling (known fields are listed in docs/content.md)", key)
}

// tomlErrors converts go-toml's errors to positioned diagnostics. The TOML
// text starts at byte offset off of src.
func tomlErrors(file string, src []byte, off int, err error) error {
	if e := tomlpos.Errors(file, src, off, err, tomlpos.Messages{
		Unknown: unknownField,
	}); e != nil {
		return e
	}
	startLine, _ := diag.Position(src, off)
	return &diag.Error{File: file, Line: startLine, Msg: "invalid TOML: " + err.Error()}
}

// SplitArticle splits an article file's normalised text (sitefs.ReadText)
// into its front matter and its body, whose hash a translation records.
func SplitArticle(file string, src []byte) (frontMatter, body []byte, err error) {
	fm, body, _, _, err := splitFrontMatter(file, src)
	return fm, body, err
}
