package markdown

import (
	"strconv"

	"github.com/yuin/goldmark/ast"

	"github.com/tact-guide/tact/internal/slug"
)

// ids generates heading ids for one document: transliterated slugs, made
// unique with a numeric suffix (goldmark's own generator drops accented
// letters: "¿Cómo?" → "cmo"). The structure transformer uses it for
// headings without an explicit id.
type ids struct {
	used map[string]bool
}

func newIDs() *ids { return &ids{used: map[string]bool{}} }

func (s *ids) Generate(value []byte, _ ast.NodeKind) []byte {
	base := slug.Make(string(value))
	if base == "" {
		base = "section"
	}
	id := base
	for i := 1; s.used[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	s.used[id] = true
	return []byte(id)
}
