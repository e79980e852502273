package contentcheck_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
)

// The interface strings (i18n/<lang>.toml) and the quiz texts
// (content/<lang>/quiz.toml) are not typeset by the Markdown typographer, so
// they are written with the language's own quotes and the apostrophe ’
// (U+2019) directly. These tests keep straight ones from coming back.

// uiString is one string value of a TOML file, with the line it starts on.
type uiString struct {
	line int
	key  string // dotted path: "notFoundText", "offered.options.busy"
	text string // decoded
}

// tomlStrings returns every string value of the TOML text src, in order:
// values of keys, of array elements and of inline tables. Keys, comments and
// other TOML syntax are not values, so they are never returned.
func tomlStrings(src []byte) ([]uiString, error) {
	var p unstable.Parser
	p.Reset(src)
	var out []uiString
	var walk func(path string, keyLine int, v *unstable.Node)
	keyValue := func(table string, kv *unstable.Node) {
		path, line := table, 0
		for it := kv.Key(); it.Next(); {
			if line == 0 {
				line = p.Shape(it.Node().Raw).Start.Line
			}
			path = joinKey(path, string(it.Node().Data))
		}
		walk(path, line, kv.Value())
	}
	walk = func(path string, keyLine int, v *unstable.Node) {
		switch v.Kind {
		case unstable.String:
			line := keyLine
			if v.Raw.Length > 0 {
				line = p.Shape(v.Raw).Start.Line
			}
			out = append(out, uiString{line: line, key: path, text: string(v.Data)})
		case unstable.Array:
			i := 0
			for it := v.Children(); it.Next(); {
				if it.Node().Kind != unstable.Comment {
					walk(fmt.Sprintf("%s[%d]", path, i), keyLine, it.Node())
					i++
				}
			}
		case unstable.InlineTable:
			for it := v.Children(); it.Next(); {
				if it.Node().Kind == unstable.KeyValue {
					keyValue(path, it.Node())
				}
			}
		}
	}
	table := ""
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			table = ""
			for it := e.Key(); it.Next(); {
				table = joinKey(table, string(it.Node().Data))
			}
		case unstable.KeyValue:
			keyValue(table, e)
		}
	}
	return out, p.Error()
}

func joinKey(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

var (
	// templateActionRe is a Go template action, {{…}}: code, not prose. Its
	// quotes ({{if eq (print .Day) "1"}}) are Go syntax.
	templateActionRe = regexp.MustCompile(`(?s)\{\{.*?\}\}`)
	// codeRe is what a string may quote as code rather than prose: a `code
	// span`, or an attribute of a tag, data-lang="es".
	codeRe = regexp.MustCompile("`[^`]*`" + `|[A-Za-z][\w-]*="[^"]*"`)
	// typographicQuotes are the quotation marks of the guide's languages and
	// their neighbours; a language may use only its own (tact.toml).
	typographicQuotes = "«»“”‘’„‚‹›"
)

// typographyProblems returns what is wrong with the typography of text, a
// string of a language whose quotation marks are quotes (nil: not checked):
// a straight apostrophe or quote in its prose, or a quotation mark that is
// not the language's.
func typographyProblems(text string, quotes []string) []string {
	// A template action becomes a letter: {{.Name}}'s is still an apostrophe.
	prose := templateActionRe.ReplaceAllString(text, "x")
	prose = codeRe.ReplaceAllStringFunc(prose, func(code string) string {
		return strings.Repeat(" ", len(code))
	})
	var problems []string
	rs := []rune(prose)
	for i, r := range rs {
		switch {
		case r == '\'':
			if i > 0 && i+1 < len(rs) && isWordRune(rs[i-1]) && isWordRune(rs[i+1]) {
				problems = append(problems, fmt.Sprintf("straight apostrophe in %q: write ’", wordAt(rs, i)))
			} else {
				problems = append(problems, fmt.Sprintf("straight single quote at %q: write ’, or the language’s quotes", wordAt(rs, i)))
			}
		case r == '"':
			problems = append(problems, fmt.Sprintf("straight double quote at %q: write the language’s quotes", wordAt(rs, i)))
		case quotes != nil && r != '’' && strings.ContainsRune(typographicQuotes, r) && !slices.Contains(quotes, string(r)):
			problems = append(problems, fmt.Sprintf("quotation mark %c at %q is not one of the language’s (%s)", r, wordAt(rs, i), strings.Join(quotes, " ")))
		}
	}
	return problems
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// wordAt returns the run of non-space characters of rs around index i.
func wordAt(rs []rune, i int) string {
	start, end := i, i+1
	for start > 0 && !unicode.IsSpace(rs[start-1]) {
		start--
	}
	for end < len(rs) && !unicode.IsSpace(rs[end]) {
		end++
	}
	return string(rs[start:end])
}

// languageQuotes reads each language's quotation marks from tact.toml.
func languageQuotes(t *testing.T) map[string][]string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot, "tact.toml"))
	if err != nil {
		t.Fatal(err)
	}
	var cfg struct {
		Languages []struct {
			Code   string   `toml:"code"`
			Quotes []string `toml:"quotes"`
		} `toml:"languages"`
	}
	if err := toml.Unmarshal(data, &cfg); err != nil {
		t.Fatalf("tact.toml: %v", err)
	}
	out := map[string][]string{}
	for _, l := range cfg.Languages {
		out[l.Code] = l.Quotes
	}
	return out
}

// TestInterfaceStringsUseTypographicQuotes checks every string of
// i18n/<lang>.toml and content/<lang>/quiz.toml: no straight apostrophe or
// quote outside {{…}} template actions, and no quotation mark but the
// language's own (tact.toml quotes) besides the apostrophe ’.
func TestInterfaceStringsUseTypographicQuotes(t *testing.T) {
	quotes := languageQuotes(t)
	i18n, err := filepath.Glob(filepath.Join(repoRoot, "i18n", "*.toml"))
	if err != nil {
		t.Fatal(err)
	}
	quiz, err := filepath.Glob(filepath.Join(repoRoot, "content", "*", "quiz.toml"))
	if err != nil {
		t.Fatal(err)
	}
	files := append(i18n, quiz...)
	checked := map[string]bool{}
	for _, path := range files {
		rel, err := filepath.Rel(repoRoot, path)
		if err != nil {
			t.Fatal(err)
		}
		rel = filepath.ToSlash(rel)
		lang := strings.TrimSuffix(filepath.Base(path), ".toml") // i18n/<lang>.toml
		if strings.HasPrefix(rel, "content/") {
			lang = filepath.Base(filepath.Dir(path)) // content/<lang>/quiz.toml
		}
		q, ok := quotes[lang]
		if !ok {
			t.Errorf("%s: language %q is not in tact.toml", rel, lang)
		}
		checked[lang] = true
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		strs, err := tomlStrings(src)
		if err != nil {
			t.Errorf("%s: %v", rel, err)
			continue
		}
		if len(strs) == 0 {
			t.Errorf("%s: no strings found", rel)
		}
		for _, s := range strs {
			for _, p := range typographyProblems(s.text, q) {
				t.Errorf("%s:%d: %s = %q: %s", rel, s.line, s.key, s.text, p)
			}
		}
	}
	for lang := range quotes {
		if !checked[lang] {
			t.Errorf("no interface or quiz strings of language %q were checked", lang)
		}
	}
}

// TestTypographyCheckFindsStraightQuotes makes sure the check above would
// catch what it is for, and leaves template code and TOML syntax alone.
func TestTypographyCheckFindsStraightQuotes(t *testing.T) {
	src := `# A comment's straight quotes are not checked: "like this".
ok = "We couldn’t find “that” page"
date = '{{if eq (print .Day) "1"}}1º{{else}}{{.Day}}{{end}} {{.Month}}'
code = "Set <div data-lang=\"es\"> or ` + "`it's`" + `"
"quoted key" = "fine"
apostrophe = "We couldn't find that page"
[offered.options]
double = "My time, or to \"pick my brain\""
literal = '''It's'''
possessive = "the friends' page"
template = "{{.Name}}'s page"
guillemets = "choose «this»"
list = ["fine", "you're"]
`
	strs, err := tomlStrings([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var have []string
	for _, s := range strs {
		for _, p := range typographyProblems(s.text, []string{"“", "”", "‘", "’"}) {
			have = append(have, fmt.Sprintf("%d %s: %s", s.line, s.key, p))
		}
	}
	want := []string{
		`6 apostrophe: straight apostrophe in "couldn't": write ’`,
		`8 offered.options.double: straight double quote at "\"pick": write the language’s quotes`,
		`8 offered.options.double: straight double quote at "brain\"": write the language’s quotes`,
	}
	for _, w := range want {
		if !slices.Contains(have, w) {
			t.Errorf("not reported: %s", w)
		}
	}
	for _, key := range []string{"offered.options.literal", "offered.options.possessive", "offered.options.template", "offered.options.guillemets", "offered.options.list[1]"} {
		found := false
		for _, h := range have {
			found = found || strings.Contains(h, " "+key+": ")
		}
		if !found {
			t.Errorf("%s: no problem reported", key)
		}
	}
	for _, h := range have {
		for _, key := range []string{" ok:", " date:", " code:", " quoted key:", " offered.options.list[0]:"} {
			if strings.Contains(h, key) {
				t.Errorf("reported, but fine: %s", h)
			}
		}
	}
	if t.Failed() {
		t.Logf("reported:\n%s", strings.Join(have, "\n"))
	}
}
