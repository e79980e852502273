package render

import (
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// layoutDoc is the layout reference, which these tests keep true.
const layoutDoc = "../../docs/layouts.md"

// docSection returns the lines of doc under the heading (of any level)
// whose text is head, up to the next heading of that level or above.
func docSection(doc, head string) []string {
	var out []string
	level := 0
	for line := range strings.Lines(doc) {
		line = strings.TrimRight(line, "\n")
		hashes := len(line) - len(strings.TrimLeft(line, "#"))
		isHead := hashes > 0 && strings.HasPrefix(line[hashes:], " ")
		switch {
		case level == 0 && isHead && strings.TrimSpace(line[hashes:]) == head:
			level = hashes
		case level > 0 && isHead && hashes <= level:
			return out
		case level > 0:
			out = append(out, line)
		}
	}
	if level == 0 {
		return nil
	}
	return out
}

// hasRow reports whether lines hold a table row whose first cell is cell.
func hasRow(lines []string, cell string) bool {
	return slices.ContainsFunc(lines, func(l string) bool { return strings.HasPrefix(l, "| "+cell+" |") })
}

// rowCells returns the first cells of the table rows of lines, without
// the header and the separator.
func rowCells(lines []string) []string {
	var cells []string
	for _, l := range lines {
		if c, ok := strings.CutPrefix(l, "| "); ok {
			c, _, _ = strings.Cut(c, " |")
			if c != "function" && !strings.HasPrefix(c, "---") {
				cells = append(cells, c)
			}
		}
	}
	return cells
}

// templateFuncs returns the names of every template function.
func templateFuncs() []string {
	names := map[string]bool{}
	for name := range funcMap(nil, nil, "", "") {
		names[name] = true
	}
	for name := range langFuncs(func(string, ...any) string { return "" }, &cache{}) {
		names[name] = true
	}
	return slices.Sorted(func(yield func(string) bool) {
		for n := range names {
			if !yield(n) {
				return
			}
		}
	})
}

// TestLayoutDocCoversEveryFunc checks that the table under "## Functions"
// in docs/layouts.md has a row for every template function, and none for
// a function that is not one.
func TestLayoutDocCoversEveryFunc(t *testing.T) {
	doc, err := os.ReadFile(layoutDoc)
	if err != nil {
		t.Fatal(err)
	}
	section := docSection(string(doc), "Functions")
	if section == nil {
		t.Fatalf("%s has no section \"## Functions\"", layoutDoc)
	}
	funcs := templateFuncs()
	for _, name := range funcs {
		if !hasRow(section, "`"+name+"`") {
			t.Errorf("%s: the table under \"## Functions\" has no row for the template function %s: add \"| `%s` | signature | what it does, an example |\"", layoutDoc, name, name)
		}
	}
	for _, cell := range rowCells(section) {
		if name := strings.Trim(cell, "`"); !slices.Contains(funcs, name) {
			t.Errorf("%s: the table under \"## Functions\" lists %s, which is not a template function (funcMap, langFuncs)", layoutDoc, cell)
		}
	}
}

// documented are the packages whose types templates look into: each such
// type reachable from what a template receives has its own section in
// docs/layouts.md. A type of another package (time.Time, quiz.Quiz,
// reply.Segment) is passed along whole or tested for nil, and only named.
var documented = []string{"github.com/tact-guide/tact/internal/render", "github.com/tact-guide/tact/internal/site", "github.com/tact-guide/tact/internal/translation", "github.com/tact-guide/tact/internal/textdiff"}

// opaque are types of those packages that templates do not look into: the
// docs name them without listing their fields.
var opaque = []string{"render.QuizData"} // written whole as JSON for the quiz script

// templateTypes returns every struct type templates can reach from the
// values they receive (Page, Chrome in {{cached}} parts, the results of
// template functions), through fields and method results, in the
// documented packages, and the other named types reached.
func templateTypes() (structs []reflect.Type, others []string) {
	seen := map[reflect.Type]bool{}
	var walk func(reflect.Type)
	walk = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array || t.Kind() == reflect.Map {
			t = t.Elem()
		}
		if t.Name() == "" || seen[t] || t.PkgPath() == "" {
			return
		}
		seen[t] = true
		if t.Kind() != reflect.Struct || !slices.Contains(documented, t.PkgPath()) || slices.Contains(opaque, t.String()) {
			others = append(others, t.String())
			return
		}
		structs = append(structs, t)
		for f := range t.Fields() {
			if f.IsExported() {
				walk(f.Type)
			}
		}
		for m := range reflect.PointerTo(t).Methods() {
			if m.Type.NumOut() > 0 {
				walk(m.Type.Out(0))
			}
		}
	}
	walk(reflect.TypeFor[Page]())
	walk(reflect.TypeFor[Chrome]())
	for _, name := range templateFuncs() {
		f := reflect.TypeOf(funcMap(nil, nil, "", "")[name])
		for i := range f.NumOut() {
			walk(f.Out(i))
		}
	}
	return structs, others
}

// members returns the exported fields of struct type t and the methods
// of *t that are its own (not promoted from an embedded field).
func members(t reflect.Type) []string {
	var names []string
	var embedded []reflect.Type
	for f := range t.Fields() {
		if !f.IsExported() {
			continue
		}
		names = append(names, f.Name)
		if f.Anonymous {
			embedded = append(embedded, f.Type)
		}
	}
	for m := range reflect.PointerTo(t).Methods() {
		promoted := slices.ContainsFunc(embedded, func(e reflect.Type) bool {
			if e.Kind() != reflect.Pointer {
				e = reflect.PointerTo(e)
			}
			_, ok := e.MethodByName(m.Name)
			return ok
		})
		if !promoted {
			names = append(names, m.Name)
		}
	}
	return names
}

// TestLayoutDocCoversEveryValue checks that docs/layouts.md has a section
// "### `pkg.Type`" for every type templates can look into, with a row
// "| `.Name` |" for each of its exported fields and methods, and names
// every other type they can reach.
func TestLayoutDocCoversEveryValue(t *testing.T) {
	raw, err := os.ReadFile(layoutDoc)
	if err != nil {
		t.Fatal(err)
	}
	doc := string(raw)
	structs, others := templateTypes()
	if len(structs) < 10 {
		t.Fatalf("reached only %d types from Page: %v", len(structs), structs)
	}
	for _, typ := range structs {
		head := "`" + typ.String() + "`"
		section := docSection(doc, head)
		if section == nil {
			t.Errorf("%s has no section \"### %s\": add one, with a row for each of its fields and methods", layoutDoc, head)
			continue
		}
		for _, name := range members(typ) {
			if !hasRow(section, "`."+name+"`") {
				t.Errorf("%s: the table under \"### %s\" has no row for %s.%s: add \"| `.%s` | type | what it is |\"", layoutDoc, head, typ, name, name)
			}
		}
	}
	for _, name := range others {
		if !strings.Contains(doc, "`"+name+"`") {
			t.Errorf("%s does not name the type %s, which templates can reach: say what it is", layoutDoc, name)
		}
	}
}
