package locale_test

import (
	"errors"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/pelletier/go-toml/v2"

	"github.com/tact-guide/tact/internal/diag"
	"github.com/tact-guide/tact/internal/locale"
)

// files builds an i18n directory from file name → TOML.
func files(m map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, data := range m {
		fsys["i18n/"+name] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys
}

const enItems = `home = "Home"

[items]
one = "{{.Count}} item"
other = "{{.Count}} items"
`

const esItems = `home = "Inicio"

[items]
one = "{{.Count}} elemento"
many = "{{.Count}} de elementos"
other = "{{.Count}} elementos"
`

func errLines(err error) []string {
	if err == nil {
		return nil
	}
	return strings.Split(err.Error(), "\n")
}

func TestLoadReportsProblemsBeforeAnyPageIsRendered(t *testing.T) {
	tests := []struct {
		name  string
		langs []string
		files map[string]string
		want  []string // each error line starts with one of these, in order
	}{
		{
			name:  "missing message names the id and the language",
			langs: []string{"es", "en"},
			files: map[string]string{
				"en.toml": "footer = \"Bye\"\n" + enItems,
				"es.toml": esItems,
			},
			want: []string{`i18n/es.toml: message "footer" is missing in es (it is in en.toml): translate it`},
		},
		{
			name:  "a message missing in two languages is reported for each",
			langs: []string{"es", "it", "en"},
			files: map[string]string{
				"en.toml": "footer = \"Bye\"\n" + enItems,
				"es.toml": esItems,
				"it.toml": strings.ReplaceAll(esItems, "Inicio", "Home"),
			},
			want: []string{
				`i18n/es.toml: message "footer" is missing in es (it is in en.toml)`,
				`i18n/it.toml: message "footer" is missing in it (it is in en.toml)`,
			},
		},
		{
			name:  "spanish plural without many fails at load time",
			langs: []string{"es", "en"},
			files: map[string]string{
				"en.toml": enItems,
				"es.toml": strings.Replace(esItems, "many = \"{{.Count}} de elementos\"\n", "", 1),
			},
			// [items] is on line 3 of es.toml.
			want: []string{`i18n/es.toml:3: message "items" cannot say the count 1000000 in es`},
		},
		{
			name:  "italian plural without many fails at load time",
			langs: []string{"it"},
			files: map[string]string{
				"it.toml": "home = \"Home\"\n\n[items]\none = \"{{.Count}} elemento\"\nother = \"{{.Count}} elementi\"\n",
			},
			want: []string{`i18n/it.toml:3: message "items" cannot say the count 1000000 in it`},
		},
		{
			name:  "english plural without one fails at load time",
			langs: []string{"en"},
			files: map[string]string{
				"en.toml": "home = \"Home\"\n\n[items]\nmany = \"{{.Count}} items\"\nother = \"{{.Count}} items\"\n",
			},
			want: []string{`i18n/en.toml:3: message "items" cannot say the count 1 in en`},
		},
		{
			name:  "configured language without a file",
			langs: []string{"es", "en"},
			files: map[string]string{"en.toml": enItems},
			want:  []string{`i18n/es.toml: cannot read the interface strings of "es": file does not exist`},
		},
		{
			name:  "malformed TOML is positioned",
			langs: []string{"en"},
			files: map[string]string{"en.toml": "home = \"Home\"\nfooter = \"Bye\n"},
			want:  []string{`i18n/en.toml:2:`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := locale.Load(files(tt.files), "i18n", tt.langs)
			have := errLines(err)
			if len(have) != len(tt.want) {
				t.Fatalf("have %d errors, want %d:\n%s", len(have), len(tt.want), err)
			}
			for i := range have {
				if !strings.HasPrefix(have[i], tt.want[i]) {
					t.Errorf("error %d:\nhave %s\nwant %s…", i, have[i], tt.want[i])
				}
			}
		})
	}
}

func TestTPicksThePluralFormOfTheLanguage(t *testing.T) {
	cat, err := locale.Load(files(map[string]string{"es.toml": esItems, "en.toml": enItems}), "i18n", []string{"es", "en"})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		lang  string
		count int
		want  string
	}{
		{"es", 0, "0 elementos"},
		{"es", 1, "1 elemento"},
		{"es", 2, "2 elementos"},
		{"es", 1000000, "1000000 de elementos"}, // CLDR "many": un millón de elementos
		{"en", 1, "1 item"},
		{"en", 2, "2 items"},
		{"en", 1000000, "1000000 items"},
	}
	for _, tt := range tests {
		if have := cat.T(tt.lang)("items", tt.count); have != tt.want {
			t.Errorf("T(%s)(items, %d) = %q, want %q", tt.lang, tt.count, have, tt.want)
		}
	}
	if have := cat.T("es")("home"); have != "Inicio" {
		t.Errorf("T(es)(home) = %q", have)
	}
}

func TestTFillsNamedValues(t *testing.T) {
	cat, err := locale.Load(files(map[string]string{"es.toml": `dateFormat = "{{.Day}} de {{.Month}} de {{.Year}}"`}), "i18n", []string{"es"})
	if err != nil {
		t.Fatal(err)
	}
	if have, want := cat.T("es")("dateFormat", "Day", 5, "Month", "octubre", "Year", 2026), "5 de octubre de 2026"; have != want {
		t.Errorf("have %q, want %q", have, want)
	}
}

func TestTPanicsNamingAnUnknownMessage(t *testing.T) {
	cat, err := locale.Load(files(map[string]string{"es.toml": esItems}), "i18n", []string{"es"})
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		msg, _ := recover().(string)
		if !strings.Contains(msg, `"nosuchmessage"`) || !strings.Contains(msg, "es") {
			t.Errorf("panic %q does not name the message and the language", msg)
		}
	}()
	cat.T("es")("nosuchmessage")
	t.Error("T of an unknown message did not panic")
}

func TestHas(t *testing.T) {
	cat, err := locale.Load(files(map[string]string{"es.toml": esItems}), "i18n", []string{"es"})
	if err != nil {
		t.Fatal(err)
	}
	if !cat.Has("es", "home") || !cat.Has("es", "items") || cat.Has("es", "verdict_maybe") {
		t.Error("Has does not tell present messages from absent ones")
	}
}

// The shipped message files must pass the same checks, in every language.
func TestRealMessageFilesLoad(t *testing.T) {
	langs := []string{"es", "nl", "it", "en"}
	cat, err := locale.Load(os.DirFS("../.."), "i18n", langs)
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range langs {
		T := cat.T(lang)
		one, many := T("replyCount", 1), T("replyCount", 1000000)
		if !strings.HasPrefix(one, "1 ") || !strings.HasPrefix(many, "1000000 ") || one == T("replyCount", 2) {
			t.Errorf("%s: replyCount gives %q, %q", lang, one, many)
		}
	}
}

// A message left in English in another language's file passes every load
// check but shows English on, say, a Spanish page. Only these messages may
// read the same as in English.
var sameAsEnglish = map[string]map[string]bool{
	"nl": {"navHome": true, "dateFormat": true, "navQuiz": true, "quizMapTitle": true},
	"it": {"navHome": true, "dateFormat": true, "navQuiz": true, "quizMapTitle": true},
}

func TestRealMessageFilesAreTranslated(t *testing.T) {
	read := func(lang string) map[string]any {
		data, err := os.ReadFile("../../i18n/" + lang + ".toml")
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]any{}
		if err := toml.Unmarshal(data, &m); err != nil {
			t.Fatal(err)
		}
		return m
	}
	en := read("en")
	for _, lang := range []string{"es", "nl", "it"} {
		msgs := read(lang)
		for _, id := range slices.Sorted(maps.Keys(msgs)) {
			v := msgs[id]
			if fmt.Sprint(v) == fmt.Sprint(en[id]) && !sameAsEnglish[lang][id] {
				t.Errorf("i18n/%s.toml: message %q is still in English: %v", lang, id, v)
			}
		}
	}
}

// FuzzLoad: any message file gives a catalogue or errors naming the file,
// never a panic; a catalogue it accepts answers every message it lists.
func FuzzLoad(f *testing.F) {
	real, err := os.ReadFile("../../i18n/en.toml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(real)
	f.Add([]byte("a = \"{{.Foo\"\nb = 1\n[c]\none = \"x\"\n"))
	f.Add([]byte("monthNames = \"Jan\"\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		cat, err := locale.Load(fstest.MapFS{"i18n/en.toml": {Data: src}}, "i18n", []string{"en"})
		if err != nil {
			for _, e := range diag.Split(err) {
				var de *diag.Error
				if !errors.As(e, &de) || de.File != "i18n/en.toml" {
					t.Fatalf("error not naming the file: %v", e)
				}
			}
			return
		}
		_ = cat
	})
}
