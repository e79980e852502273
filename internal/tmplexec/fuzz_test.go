package tmplexec

import (
	"bytes"
	"html/template"
	"io"
	"testing"
)

// fuzzTemplates are the templates FuzzEscapers prints its string in, with
// the type it gives the string (html/template's escapers treat its own
// types differently). All of them are in contexts this package handles, so
// Execute must not fall back.
var fuzzTemplates = []struct {
	src  string
	wrap func(string) any
}{
	{`<p>{{.}}</p>`, func(s string) any { return s }},
	{`<p title="{{.}}">`, func(s string) any { return s }},
	{`<a href="{{.}}">x</a>`, func(s string) any { return s }},
	{`<a href="/search?q={{.}}">x</a>`, func(s string) any { return s }},
	{`<title>{{.}}</title>`, func(s string) any { return s }},
	{`<img src="{{.}}">`, func(s string) any { return s }},
	{`<div data-id="{{.}}">`, func(s string) any { return s }},
	{`<a href="{{.}}">x</a>`, func(s string) any { return template.URL(s) }},
	{`<p>{{.}}</p>`, func(s string) any { return template.HTML(s) }},
	{`<a href="/p/{{.}}/">x</a>`, func(s string) any { return s }},
	{`<a href="/search?q={{.}}">x</a>`, func(s string) any { return template.URL(s) }},
	{`<p title="{{.}}">`, func(s string) any { return template.JS(s) }},
}

// FuzzEscapers prints a string in one of fuzzTemplates with html/template
// and with a Program, and requires the same bytes.
func FuzzEscapers(f *testing.F) {
	type compiled struct {
		set *template.Template
		p   *Program
	}
	var cs []compiled
	for _, ft := range fuzzTemplates {
		set := template.Must(template.New("page").Parse(ft.src))
		set.ExecuteTemplate(io.Discard, "page", "")
		p, err := Compile(set, "page", nil)
		if err != nil {
			f.Fatalf("template %q: %v", ft.src, err)
		}
		cs = append(cs, compiled{set, p})
	}
	for i, s := range escapeStrings {
		f.Add(s, uint8(i))
		f.Add(s, uint8(i+len(fuzzTemplates)/2))
	}
	f.Fuzz(func(t *testing.T, s string, which uint8) {
		i := int(which) % len(fuzzTemplates)
		c, data := cs[i], fuzzTemplates[i].wrap(s)
		var want, have bytes.Buffer
		if err := c.set.ExecuteTemplate(&want, "page", data); err != nil {
			t.Fatalf("template %q, data %#v: html/template: %v", fuzzTemplates[i].src, data, err)
		}
		if err := c.p.Execute(&have, "page", data); err != nil {
			t.Fatalf("template %q, data %#v: Execute fell back: %v\nwant %q", fuzzTemplates[i].src, data, err, want.String())
		}
		if have.String() != want.String() {
			t.Errorf("template %q, data %#v:\nhave %q\nwant %q", fuzzTemplates[i].src, data, have.String(), want.String())
		}
	})
}
