package tomlpos

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/pelletier/go-toml/v2/unstable"

	"github.com/tact-guide/tact/internal/diag"
)

// Index is a TOML text with the positions of its keys and values, so that
// checks made after decoding can point at the offending text. Positions are
// found by path: "start", "question[2].id", "question[2].options[0].next",
// "offered.options.busy", "languages[1].code". go-toml reports positions
// only for syntax and type errors, so the text is parsed a second time with
// its AST parser to find them.
type Index struct {
	file  string
	src   []byte         // the whole file
	keys  map[string]int // path → byte offset in src of the key or table header naming it
	vals  map[string]int // path → byte offset in src of its value
	lines []int          // byte offset of the start of each line of src
	text  []byte         // while indexing: the TOML text, which offsets are in
}

// NewIndex records the positions of every key and value of the TOML text
// src[off:end] of file (the whole file, or its front matter), which must be
// valid TOML. Offsets are in src.
func NewIndex(file string, src []byte, off, end int) *Index {
	s := &Index{file: file, src: src, keys: map[string]int{}, vals: map[string]int{}, lines: []int{0}}
	for i, b := range src {
		if b == '\n' {
			s.lines = append(s.lines, i+1)
		}
	}
	s.text = src[off:end]
	var p unstable.Parser
	p.Reset(s.text)
	defer func() {
		for k, v := range s.keys {
			s.keys[k] = v + off
		}
		for k, v := range s.vals {
			s.vals[k] = v + off
		}
	}()
	arrays := map[string]int{} // path of an array of tables → tables seen so far
	table := ""                // path of the current table
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			it := e.Key()
			off := -1
			table = ""
			for it.Next() {
				if off < 0 {
					off = int(it.Node().Raw.Offset)
				}
				if n, ok := arrays[table]; ok {
					table += "[" + strconv.Itoa(n-1) + "]"
				}
				table = join(table, string(it.Node().Data))
			}
			if e.Kind == unstable.ArrayTable {
				n := arrays[table]
				arrays[table] = n + 1
				table += "[" + strconv.Itoa(n) + "]"
			}
			s.keys[table] = off
		case unstable.KeyValue:
			s.keyValue(table, e)
		}
	}
	return s
}

func (s *Index) keyValue(table string, kv *unstable.Node) {
	it := kv.Key()
	path, off := table, -1
	for it.Next() {
		if off < 0 {
			off = int(it.Node().Raw.Offset)
		}
		path = join(path, string(it.Node().Data))
	}
	s.keys[path] = off
	s.walk(path, kv.Value())
	if _, ok := s.vals[path]; !ok && off >= 0 {
		// An array has no position of its own: it starts after the "=".
		if eq := bytes.IndexByte(s.text[off:], '='); eq >= 0 {
			v := off + eq + 1
			for v < len(s.text) && (s.text[v] == ' ' || s.text[v] == '\t') {
				v++
			}
			s.vals[path] = v
		}
	}
}

// walk records the positions of the value v at path and of its elements.
func (s *Index) walk(path string, v *unstable.Node) {
	if v.Raw.Length > 0 {
		s.vals[path] = int(v.Raw.Offset)
	}
	switch v.Kind {
	case unstable.Array:
		i := 0
		for it := v.Children(); it.Next(); {
			if it.Node().Kind == unstable.Comment {
				continue
			}
			elem := path + "[" + strconv.Itoa(i) + "]"
			s.walk(elem, it.Node())
			i++
		}
	case unstable.InlineTable:
		for it := v.Children(); it.Next(); {
			if it.Node().Kind == unstable.KeyValue {
				s.keyValue(path, it.Node())
			}
		}
	}
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// Key returns the offset of the key or table header naming path, or of its
// value when it has no key (an element of an array), or -1.
func (s *Index) Key(path string) int {
	if off, ok := s.keys[path]; ok {
		return off
	}
	if off, ok := s.vals[path]; ok {
		return off
	}
	return -1
}

// Val returns the offset of the value at path, or of its key when the value
// has no position of its own (an array), or -1.
func (s *Index) Val(path string) int {
	if off, ok := s.vals[path]; ok {
		return off
	}
	if off, ok := s.keys[path]; ok {
		return off
	}
	return -1
}

// First returns the first of offs that is not -1.
func First(offs ...int) int {
	for _, off := range offs {
		if off >= 0 {
			return off
		}
	}
	return -1
}

// Errorf returns an error at byte offset off, or about the whole file when
// off is -1.
func (s *Index) Errorf(off int, format string, args ...any) *diag.Error {
	e := &diag.Error{File: s.file, Msg: fmt.Sprintf(format, args...)}
	if off >= 0 {
		e.Line, e.Col = s.Position(off)
	}
	return e
}

// Position converts a byte offset to a 1-based line and a column counted in
// characters, like diag.Position but without rescanning the file, which
// matters for a large file with many errors.
func (s *Index) Position(off int) (line, col int) {
	off = min(off, len(s.src))
	line, _ = slices.BinarySearch(s.lines, off+1) // lines starting at or before off
	return line, 1 + utf8.RuneCount(s.src[s.lines[line-1]:off])
}

// Line returns the line of byte offset off, for messages that point at a
// second place in the file.
func (s *Index) Line(off int) int {
	line, _ := s.Position(max(off, 0))
	return line
}

// File returns the name of the file the index is of.
func (s *Index) File() string { return s.file }
