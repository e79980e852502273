package site

import (
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

// configDoc is the configuration reference, which these tests keep true.
const configDoc = "../../docs/config.md"

// configKey is one key tact.toml accepts: its table ("" at the top level,
// "[[languages]]", "[csp]") and its name there.
type configKey struct{ table, name string }

// configKeys walks the toml tags of t: a struct field is a key of table;
// a field that is a struct, a slice of structs or a map is also a table
// ([name], [[name]], [name]), whose keys follow (a map's keys are free:
// the table is the key).
func configKeys(t reflect.Type, table string) []configKey {
	var keys []configKey
	for f := range t.Fields() {
		name, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
		if name == "" || name == "-" || !f.IsExported() {
			continue
		}
		ft := f.Type
		for ft.Kind() == reflect.Pointer {
			ft = ft.Elem()
		}
		switch {
		case ft.Kind() == reflect.Struct:
			keys = append(keys, configKey{table, "[" + name + "]"})
			keys = append(keys, configKeys(ft, "["+name+"]")...)
		case ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.Struct:
			keys = append(keys, configKey{table, "[[" + name + "]]"})
			keys = append(keys, configKeys(ft.Elem(), "[["+name+"]]")...)
		case ft.Kind() == reflect.Map:
			keys = append(keys, configKey{table, "[" + name + "]"})
		default:
			keys = append(keys, configKey{table, name})
		}
	}
	return keys
}

// docSections splits a Markdown document at its level-2 headings: heading
// line → the lines up to the next one.
func docSections(doc string) map[string][]string {
	sections := map[string][]string{}
	head := ""
	for line := range strings.Lines(doc) {
		line = strings.TrimRight(line, "\n")
		if strings.HasPrefix(line, "## ") {
			head = line
		}
		sections[head] = append(sections[head], line)
	}
	return sections
}

// TestConfigDocCoversEveryKey checks that docs/config.md documents every
// key of Config: a top-level key in a row of the table under "## Top-level
// keys", a key of a table in a row of the table under the heading that
// names it ("## `[[languages]]`"), each in backticks as the row's first
// cell; and each with a heading of its own: "### `key`", or for a table
// "## `[[languages]]`".
func TestConfigDocCoversEveryKey(t *testing.T) {
	doc, err := os.ReadFile(configDoc)
	if err != nil {
		t.Fatal(err)
	}
	sections := docSections(string(doc))
	keys := configKeys(reflect.TypeFor[Config](), "")
	if len(keys) < 10 {
		t.Fatalf("found only %d keys in Config's toml tags: %v", len(keys), keys)
	}
	for _, k := range keys {
		var section []string
		want := "## Top-level keys"
		if k.table != "" {
			want = "## `" + k.table + "`"
		}
		for head, lines := range sections {
			if head == want || strings.HasPrefix(head, want+" ") || strings.HasPrefix(head, want+":") {
				section = lines
			}
		}
		if section == nil {
			t.Errorf("%s has no section %q, for the key %s", configDoc, want, k.name)
			continue
		}
		row := "| `" + k.name + "`"
		heading := "`" + k.name + "`"
		var hasRow, hasHeading bool
		for _, line := range section {
			hasRow = hasRow || strings.HasPrefix(line, row+" ") || strings.HasPrefix(line, row+",")
			hasHeading = hasHeading || strings.HasPrefix(line, "#") && strings.Contains(line, heading)
		}
		if strings.HasPrefix(k.name, "[") { // a table: its own "## `[name]`" section
			_, hasHeading = sections["## "+heading]
			for head := range sections {
				hasHeading = hasHeading || strings.HasPrefix(head, "## "+heading+" ") || strings.HasPrefix(head, "## "+heading+":")
			}
		}
		if !hasRow {
			t.Errorf("%s: the table under %q has no row for tact.toml's key %s: add %q", configDoc, want, k.name, row+" | type | default | what it does |")
		}
		if !hasHeading {
			t.Errorf("%s: under %q, no heading names tact.toml's key %s: add \"### %s\" and what it does", configDoc, want, k.name, heading)
		}
	}
}

// TestConfigDocExample checks that the complete example in docs/config.md
// (its first toml block) is a valid tact.toml that sets every key.
func TestConfigDocExample(t *testing.T) {
	doc, err := os.ReadFile(configDoc)
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)```toml\n(.*?)```").FindSubmatch(doc)
	if m == nil {
		t.Fatalf("%s has no toml example", configDoc)
	}
	cfg, err := LoadConfig(fstest.MapFS{ConfigFile: {Data: m[1]}})
	if err != nil {
		t.Fatalf("the example in %s is not a valid tact.toml:\n%v", configDoc, err)
	}
	// Every key set: no field of Config or of a language at its zero value.
	v := reflect.ValueOf(*cfg)
	for i := range v.NumField() {
		if v.Field(i).IsZero() {
			t.Errorf("the example in %s does not set %s", configDoc, v.Type().Field(i).Tag.Get("toml"))
		}
	}
	if len(cfg.Languages) > 0 {
		l := reflect.ValueOf(cfg.Languages[0])
		for i := range l.NumField() {
			if l.Field(i).IsZero() {
				t.Errorf("the first language of the example in %s does not set %s", configDoc, l.Type().Field(i).Tag.Get("toml"))
			}
		}
		if cfg.Languages[0].QuizSeg == "quiz" { // (the default, which LoadConfig fills in)
			t.Errorf("the first language of the example in %s does not set quiz to a word of its own", configDoc)
		}
	}
}

// TestUnknownKeyNamesConfigDoc checks that a misspelt key sends the writer
// to the reference.
func TestUnknownKeyNamesConfigDoc(t *testing.T) {
	_, err := LoadConfig(fstest.MapFS{ConfigFile: {Data: []byte("titel = \"Tact\"\n")}})
	if err == nil || !strings.Contains(err.Error(), `unknown field "titel"`) || !strings.Contains(err.Error(), "docs/config.md") {
		t.Errorf("LoadConfig of a misspelt key: have %v, want an unknown field error naming docs/config.md", err)
	}
}
