// Package locale wraps go-i18n: it loads one message file per language from
// i18n/<lang>.toml, checks them against each other at load time, and gives
// templates a translation function bound to one language.
//
// Checks made when loading, so that no page fails half-way through a build:
//   - every configured language has a message file;
//   - every message id present in one language is present in all of them;
//   - every plural message (one with a `one`, `few`, `many`… form besides
//     `other`) has every CLDR plural form its language needs. Spanish and
//     Italian need `many` (for counts such as 1,000,000); go-i18n fails only
//     when such a count is actually rendered;
//   - every value is text in quotes, or a table of plural forms;
//   - every message's {{…}} parses, names a value ({{.Count}}, not {{.}}),
//     and names the same values in every language;
//   - monthNames has twelve names.
package locale

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"slices"
	"strings"
	"sync"
	"text/template"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/pelletier/go-toml/v2"
	"golang.org/x/text/language"

	"github.com/tact-guide/tact/internal/diag"
)

// pluralProbes are counts that between them fall into every CLDR plural
// category of the languages Tact supports (and of most others).
var pluralProbes = []int{0, 1, 2, 3, 5, 11, 21, 22, 101, 1000000}

// Catalog holds the UI strings of every language.
type Catalog struct {
	dir        string // where the message files are
	localizers map[string]*i18n.Localizer
	plain      map[string]*sync.Map // lang → message id → text, for messages without arguments
}

// Load reads dir/<lang>.toml from fsys for each language in langs and checks
// them. Problems are returned together as diag errors.
func Load(fsys fs.FS, dir string, langs []string) (*Catalog, error) {
	bundle := i18n.NewBundle(language.English)
	bundle.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	var errs diag.List
	ids := map[string]map[string]bool{} // lang → message ids
	plural := map[string]bool{}
	sources := map[string][]byte{}
	texts := map[string]map[string]string{} // lang → message id → its other form, for messages checkTemplates passed
	for _, lang := range langs {
		file := path.Join(dir, lang+".toml")
		data, err := fs.ReadFile(fsys, file)
		if d := (*diag.Error)(nil); errors.As(err, &d) {
			errs.Add(d) // (already says what is wrong with the file: a link outside the site)
			continue
		}
		if err != nil {
			errs.Addf(file, 0, 0, "cannot read the interface strings of %q: %v (create it, with the same message ids as the other languages)", lang, unwrapPath(err))
			continue
		}
		sources[lang] = data
		if bad := checkValues(file, data); bad != nil {
			errs.Add(bad)
			continue
		}
		mf, err := bundle.ParseMessageFileBytes(data, file)
		if err != nil {
			errs.Add(tomlError(file, data, err))
			continue
		}
		texts[lang] = map[string]string{}
		for _, m := range mf.Messages {
			if err := checkTemplates(file, data, m); err != nil {
				errs.Add(err)
			} else {
				texts[lang][m.ID] = m.Other // (compared across languages: only sound ones)
			}
			if m.ID == "monthNames" {
				if n := len(strings.Fields(m.Other)); n != 12 {
					errs.Addf(file, lineOf(data, m.ID), 0, "monthNames has %d names: write the twelve months, January first, separated by spaces", n)
				}
			}
		}
		ids[lang] = map[string]bool{}
		for _, m := range mf.Messages {
			ids[lang][m.ID] = true
			if m.Zero != "" || m.One != "" || m.Two != "" || m.Few != "" || m.Many != "" {
				plural[m.ID] = true
			}
		}
	}
	c := &Catalog{dir: dir, localizers: map[string]*i18n.Localizer{}, plain: map[string]*sync.Map{}}
	for _, lang := range langs {
		c.localizers[lang] = i18n.NewLocalizer(bundle, lang)
		c.plain[lang] = &sync.Map{}
	}
	checkComplete(&errs, dir, langs, ids, sources)
	checkSameValues(&errs, dir, langs, texts, sources)
	for _, lang := range langs {
		if ids[lang] == nil {
			continue
		}
		for _, id := range slices.Sorted(maps.Keys(plural)) {
			if !ids[lang][id] {
				continue
			}
			for _, n := range pluralProbes {
				_, err := c.localizers[lang].Localize(&i18n.LocalizeConfig{MessageID: id, PluralCount: n, TemplateData: map[string]any{"Count": n}})
				if err != nil {
					file := path.Join(dir, lang+".toml")
					errs.Addf(file, lineOf(sources[lang], id), 0, "message %q cannot say the count %d in %s (%v): add the missing plural form", id, n, lang, err)
					break
				}
			}
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return c, nil
}

func checkComplete(errs *diag.List, dir string, langs []string, ids map[string]map[string]bool, sources map[string][]byte) {
	all := map[string]bool{}
	for _, set := range ids {
		for id := range set {
			all[id] = true
		}
	}
	for _, lang := range langs {
		if ids[lang] == nil {
			continue
		}
		for _, id := range slices.Sorted(maps.Keys(all)) {
			if ids[lang][id] {
				continue
			}
			var have []string
			for _, other := range langs {
				if ids[other][id] {
					have = append(have, other+".toml")
				}
			}
			errs.Addf(path.Join(dir, lang+".toml"), 0, 0, "message %q is missing in %s (it is in %s): translate it", id, lang, strings.Join(have, ", "))
		}
	}
}

// lineOf returns the line where message id is defined in a TOML file, or 0.
func lineOf(src []byte, id string) int {
	for i, line := range bytes.Split(src, []byte("\n")) {
		l := strings.TrimSpace(string(line))
		if l == "["+id+"]" || strings.HasPrefix(l, id+" ") || strings.HasPrefix(l, id+"=") {
			return i + 1
		}
	}
	return 0
}

// checkValues reports a value that is neither text nor a table of plural
// forms (go-i18n would say "unsupported file format int64", with no line).
func checkValues(file string, data []byte) error {
	var values map[string]any
	if toml.Unmarshal(data, &values) != nil {
		return nil // (a syntax error: go-i18n's parse reports it with its place)
	}
	var errs diag.List
	for _, id := range slices.Sorted(maps.Keys(values)) {
		switch v := values[id].(type) {
		case string:
		case map[string]any:
			for form, text := range v {
				if _, ok := text.(string); !ok {
					errs.Addf(file, lineOf(data, id), 0, "message %q: its %s form must be text in quotes (\"…\")", id, form)
				}
			}
		default:
			errs.Addf(file, lineOf(data, id), 0, "message %q: expected text in quotes (\"…\") or a table of plural forms, found %T", id, v)
		}
	}
	return errs.Err()
}

// fieldRe finds the values a message's {{…}} names: {{.Count}}, and {{.}}.
var fieldRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\{\{-?\s*\.(\w*)`) })

// checkTemplates reports a message whose {{…}} does not parse, or shows the
// whole data ({{.}}, "<no value>" or a Go map on the page).
func checkTemplates(file string, data []byte, m *i18n.Message) error {
	var errs diag.List
	for _, text := range []string{m.Zero, m.One, m.Two, m.Few, m.Many, m.Other} {
		if !strings.Contains(text, "{{") {
			continue
		}
		if _, err := template.New(m.ID).Parse(text); err != nil {
			errs.Addf(file, lineOf(data, m.ID), 0, "message %q: %s: close each {{ with }} and name a value, such as {{.Count}}", m.ID, strings.TrimPrefix(err.Error(), "template: "+m.ID+":"))
			continue
		}
		for _, f := range fieldRe().FindAllStringSubmatch(text, -1) {
			if f[1] == "" {
				errs.Addf(file, lineOf(data, m.ID), 0, "message %q: {{.}} shows nothing a reader can use: name the value, such as {{.Count}}", m.ID)
			}
		}
	}
	return errs.Err()
}

// checkSameValues reports a message whose text names other values than the
// same message in the other languages: a translation that drops {{.Count}}
// or misspells {{.Max}} shows a wrong or empty value.
func checkSameValues(errs *diag.List, dir string, langs []string, texts map[string]map[string]string, sources map[string][]byte) {
	fields := func(text string) string {
		var names []string
		for _, f := range fieldRe().FindAllStringSubmatch(text, -1) {
			names = append(names, "{{."+f[1]+"}}")
		}
		slices.Sort(names)
		return strings.Join(slices.Compact(names), " ")
	}
	for i, lang := range langs {
		for id, text := range texts[lang] {
			// Compared with the first language that has the message.
			for _, ref := range langs[:i] {
				rt, ok := texts[ref][id]
				if !ok {
					continue
				}
				if fields(rt) != fields(text) {
					errs.Addf(path.Join(dir, lang+".toml"), lineOf(sources[lang], id), 0, "message %q names %s here but %s in %s.toml: use the same values in every language", id, cmp.Or(fields(text), "no value"), cmp.Or(fields(rt), "no value"), ref)
				}
				break
			}
		}
	}
}

func tomlError(file string, src []byte, err error) error {
	var de *toml.DecodeError
	if errors.As(err, &de) {
		line, col := de.Position()
		return &diag.Error{File: file, Line: line, Col: col, Msg: de.Error()}
	}
	return &diag.Error{File: file, Msg: err.Error()}
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// T returns the translation function of one language for templates:
//
//	T "home"                 a plain message
//	T "replyCount" 3         a plural message; {{.Count}} in the message is 3
//	T "byline" "Name" "Ana"  a message with named template data
//
// Messages without arguments are cached: a page asks for the same few dozen
// strings, and go-i18n would look each up and execute its template anew.
// An unknown message id panics with a message naming it; html/template turns
// the panic into an execution error, so the build fails with that message.
func (c *Catalog) T(lang string) func(id string, args ...any) string {
	loc := c.localizers[lang]
	cache := c.plain[lang]
	return func(id string, args ...any) string {
		if len(args) == 0 {
			if s, ok := cache.Load(id); ok {
				return s.(string)
			}
		}
		lc := &i18n.LocalizeConfig{MessageID: id}
		switch {
		case len(args) == 1:
			lc.PluralCount = args[0]
			lc.TemplateData = map[string]any{"Count": args[0]}
		case len(args)%2 == 0 && len(args) > 0:
			data := map[string]any{}
			for i := 0; i < len(args); i += 2 {
				data[fmt.Sprint(args[i])] = args[i+1]
			}
			lc.TemplateData = data
		}
		s, err := loc.Localize(lc)
		if err != nil {
			panic(fmt.Sprintf("interface string %q in %s: %v", id, lang, err))
		}
		if len(args) == 0 {
			cache.Store(id, s)
		}
		return s
	}
}

// Has reports whether lang has message id.
func (c *Catalog) Has(lang, id string) bool {
	_, err := c.localizers[lang].Localize(&i18n.LocalizeConfig{MessageID: id, PluralCount: 2})
	return err == nil
}

// Require reports, for each language, every message of ids it lacks.
func (c *Catalog) Require(langs, ids []string) error {
	var errs diag.List
	for _, lang := range langs {
		for _, id := range ids {
			if !c.Has(lang, id) {
				errs.Addf(path.Join(c.dir, lang+".toml"), 0, 0, "message %q is missing: the builder needs it in every language", id)
			}
		}
	}
	return errs.Err()
}

// Texts returns the messages of a message file by id, for comparing two
// versions of the source language's strings: a plain message's text, or a
// plural message's forms, one a line ("one: …", "other: …") in CLDR order.
func Texts(data []byte) (map[string]string, error) {
	var raw map[string]any
	if err := toml.Unmarshal(data, &raw); err != nil {
		return nil, err
	}
	out := make(map[string]string, len(raw))
	for id, v := range raw {
		switch v := v.(type) {
		case string:
			out[id] = v
		case map[string]any:
			var forms []string
			for _, f := range []string{"zero", "one", "two", "few", "many", "other"} {
				if s, ok := v[f].(string); ok {
					forms = append(forms, f+": "+s)
				}
			}
			out[id] = strings.Join(forms, "\n")
		}
	}
	return out, nil
}
