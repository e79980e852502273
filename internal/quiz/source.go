package quiz

import (
	"fmt"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/pelletier/go-toml/v2/unstable"

	"tact/internal/diag"
)

// source is a decoded TOML file with the positions of its keys and values,
// so that checks made after decoding can point at the offending text.
// Positions are found by path: "start", "question[2].id",
// "question[2].options[0].next", "offered.options.busy". go-toml reports
// positions only for syntax and type errors, so the file is parsed a second
// time with its AST parser to find them.
type source struct {
	file  string
	src   []byte
	keys  map[string]int // path → byte offset of the key or table header naming it
	vals  map[string]int // path → byte offset of its value
	lines []int          // byte offset of the start of each line
}

// index records the positions of every key and value of src, which must be
// valid TOML.
func index(file string, src []byte) *source {
	s := &source{file: file, src: src, keys: map[string]int{}, vals: map[string]int{}, lines: []int{0}}
	for i, b := range src {
		if b == '\n' {
			s.lines = append(s.lines, i+1)
		}
	}
	var p unstable.Parser
	p.Reset(src)
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

func (s *source) keyValue(table string, kv *unstable.Node) {
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
}

// walk records the positions of the value v at path and of its elements.
func (s *source) walk(path string, v *unstable.Node) {
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

// key returns the offset of the key or table header naming path, or of its
// value when it has no key (an element of an array), or -1.
func (s *source) key(path string) int {
	if off, ok := s.keys[path]; ok {
		return off
	}
	if off, ok := s.vals[path]; ok {
		return off
	}
	return -1
}

// val returns the offset of the value at path, or of its key when the value
// has no position of its own (an array), or -1.
func (s *source) val(path string) int {
	if off, ok := s.vals[path]; ok {
		return off
	}
	if off, ok := s.keys[path]; ok {
		return off
	}
	return -1
}

// first returns the first of offs that is not -1.
func first(offs ...int) int {
	for _, off := range offs {
		if off >= 0 {
			return off
		}
	}
	return -1
}

// errorf returns an error at byte offset off, or about the whole file when
// off is -1.
func (s *source) errorf(off int, format string, args ...any) *diag.Error {
	e := &diag.Error{File: s.file, Msg: fmt.Sprintf(format, args...)}
	if off >= 0 {
		e.Line, e.Col = s.position(off)
	}
	return e
}

// position converts a byte offset to a 1-based line and a column counted in
// characters, like diag.Position but without rescanning the file, which
// matters for a large file with many errors.
func (s *source) position(off int) (line, col int) {
	off = min(off, len(s.src))
	line, _ = slices.BinarySearch(s.lines, off+1) // lines starting at or before off
	return line, 1 + utf8.RuneCount(s.src[s.lines[line-1]:off])
}

// line returns the line of byte offset off, for messages that point at a
// second place in the file.
func (s *source) line(off int) int {
	line, _ := s.position(max(off, 0))
	return line
}
