// Package tomlpos is Tact's one TOML helper, for tact.toml, front matter and
// the quiz files: strict decoding that reports every wrong key and value at
// once, in the writer's words (Decode), the positions of keys and values
// for checks made after decoding (Index), and go-toml's errors turned into
// diag errors that point into the file holding the TOML, with columns
// counted in characters like every other diagnostic (go-toml counts bytes).
package tomlpos

import (
	"errors"
	"strings"

	"github.com/pelletier/go-toml/v2"

	"github.com/tact-guide/tact/internal/diag"
)

// Messages say what to tell the writer.
type Messages struct {
	Unknown func(key string) string // for an unknown key (strict decoding)
	Other   func(msg string) string // for any other error, given go-toml's text; nil: TypeMessage's words
}

// Errors converts err, from decoding the TOML that starts at byte offset off
// of src, the whole file. It returns nil for an error that is not one of
// go-toml's decoding errors, which the caller reports as it sees fit.
func Errors(file string, src []byte, off int, err error, m Messages) error {
	at := func(de *toml.DecodeError, msg string) *diag.Error {
		line, col := de.Position() // 1-based, relative to the TOML; col in bytes
		return diag.At(file, src, min(lineStart(src, off, line)+max(col-1, 0), len(src)), "%s", msg)
	}
	var strict *toml.StrictMissingError
	if errors.As(err, &strict) {
		var errs diag.List
		for i := range strict.Errors {
			de := &strict.Errors[i]
			errs.Add(at(de, m.Unknown(strings.Join(de.Key(), "."))))
		}
		return errs.Err()
	}
	var de *toml.DecodeError
	if errors.As(err, &de) {
		key := strings.Join(de.Key(), ".")
		return at(de, m.other(key, de.Error()))
	}
	return nil
}

// lineStart returns the byte offset in src of the start of line (1-based)
// of the text that starts at byte offset off.
func lineStart(src []byte, off, line int) int {
	for i := off; line > 1 && i < len(src); i++ {
		if src[i] == '\n' {
			line--
			off = i + 1
		}
	}
	return off
}
