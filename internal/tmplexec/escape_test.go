package tmplexec

import (
	"fmt"
	"html/template"
	"io"
	"reflect"
	"strings"
	"testing"
)

// escapeContexts are the places a value is printed in, each with the
// escapers html/template chooses there.
var escapeContexts = []struct {
	name     string
	src      string
	compiles bool // false: Compile refuses the context's escapers
	// fast reports whether Execute must print a value of this class here
	// without falling back.
	fast func(class valueClass) bool
}{
	{"text", `<p>{{.}}</p>`, true, anyButOther},
	{"double-quoted attribute", `<p title="{{.}}">`, true, notHTML},
	{"single-quoted attribute", `<p title='{{.}}'>`, true, notHTML},
	{"unquoted attribute", `<p title={{.}}>`, false, nil},
	{"data attribute", `<div data-id="{{.}}">`, true, notHTML},
	{"data URL attribute", `<div data-src="{{.}}">`, true, anyButOther},
	{"input value", `<input name="q" value="{{.}}">`, true, notHTML},
	{"href", `<a href="{{.}}">`, true, anyButOther},
	{"single-quoted href", `<a href='{{.}}'>`, true, anyButOther},
	{"unquoted href", `<a href={{.}}>`, false, nil},
	{"href path", `<a href="/p/{{.}}/">`, true, anyButOther},
	{"href query", `<a href="/search?q={{.}}&amp;lang=en">`, true, anyButOther},
	{"href fragment", `<a href="/p#{{.}}">`, true, anyButOther},
	{"src", `<img src="{{.}}" alt="">`, true, anyButOther},
	{"form action", `<form action="{{.}}"></form>`, true, anyButOther},
	{"title", `<title>{{.}}</title>`, true, notHTML},
	{"textarea", `<textarea>{{.}}</textarea>`, true, notHTML},
	{"JSON-LD script", `<script type="application/ld+json">{{.}}</script>`, true, anyValue},
	{"script", `<script>var x = {{.}};</script>`, true, anyValue},
	{"event handler", `<button onclick="go({{.}})">`, true, anyValue},
	{"style attribute", `<p style="color: {{.}}">`, false, nil},
	{"srcset", `<img srcset="{{.}}">`, false, nil},
}

// valueClass groups values by how the escapers here treat them.
type valueClass int

const (
	plain      valueClass = iota // strings, numbers and booleans, printed as fmt.Sprint prints them
	htmlValue                    // template.HTML
	jsValue                      // template.JS
	typedValue                   // the other types of html/template
	other                        // printed by html/template alone
)

func anyButOther(c valueClass) bool { return c != other }
func notHTML(c valueClass) bool     { return c != other && c != htmlValue }
func anyValue(valueClass) bool      { return true }

// escapeStrings are printed as they are and as each of html/template's
// string types.
var escapeStrings = []string{
	"",
	"plain text",
	"<b>bold</b> & <i>it</i>",
	`"double" and 'single' quotes`,
	"a+b=c, 1 + 1",
	"nul\x00byte",
	"invalid\xffutf-8\xc3",
	"\xe2\x80<half a rune",
	"non-character \uFDD0 and \uFFFE",
	"line\u2028separator\u2029",
	"ünïcode 日本語 😀",
	"javascript:alert(1)",
	"JAVASCRIPT:alert(1)",
	" javascript:alert(1)",
	"java\tscript:alert(1)",
	"data:text/html,<b>x</b>",
	"mailto:ada@example.org?subject=hi there",
	"MailTo:ada@example.org",
	"tel:+1-555",
	"http://example.org/a b?q=1&r=\"2\"#frag",
	"HTTPS://example.org/",
	"https://example.org/%7Eada/%zz/%4/%",
	"//example.org/protocol-relative",
	"/relative/path?q=a b&c=d",
	"../up/one",
	"?q=only+query",
	"#fragment",
	"a:b/c",
	"/a:b",
	"100%",
	"%41%2f%zz%",
	"%",
	"%4",
	"%%%",
	"!#$&*+,/:;=?@[]",
	"()'\"<>`{}|\\^ ",
	"-._~",
	"\t\n\r\f\v",
	"</script><script>alert(1)</script>",
	"</title>",
	"{{.}}",
}

// Named types printed with or without their methods.
type (
	word    string // no methods: printed as a string
	errText string // printed through Error
	fmtText string // printed through Format
	pCount  int    // String on the pointer only
)

func (e errText) Error() string { return "error: " + string(e) }

func (f fmtText) Format(s fmt.State, verb rune) { fmt.Fprintf(s, "format(%s)", string(f)) }

func (c *pCount) String() string { return fmt.Sprintf("count %d", int(*c)) }

// escapeValues returns the values printed in every context, with their
// classes.
func escapeValues() []escapeValue {
	var vs []escapeValue
	for _, s := range escapeStrings {
		vs = append(vs,
			escapeValue{s, plain},
			escapeValue{template.HTML(s), htmlValue},
			escapeValue{template.URL(s), typedValue},
			escapeValue{template.JS(s), jsValue},
			escapeValue{template.HTMLAttr(s), typedValue},
			escapeValue{template.CSS(s), typedValue},
			escapeValue{template.JSStr(s), typedValue},
			escapeValue{template.Srcset(s), typedValue},
			escapeValue{word(s), plain},
		)
	}
	html := template.HTML("<b>x</b>")
	url := template.URL("javascript:ok()")
	js := template.JS(`{"a":1}`)
	label := Label("<l>")
	count := pCount(3)
	var nilHTML *template.HTML
	vs = append(vs,
		escapeValue{0, plain},
		escapeValue{42, plain},
		escapeValue{-7, plain},
		escapeValue{int64(1) << 40, plain},
		escapeValue{uint8(200), plain},
		escapeValue{3.5, plain},
		escapeValue{1e21, plain},
		escapeValue{float32(0.1), plain},
		escapeValue{true, plain},
		escapeValue{false, plain},
		escapeValue{strPtr("<pointed & to>"), plain},
		escapeValue{&html, htmlValue},
		escapeValue{&url, typedValue},
		escapeValue{&js, jsValue},
		escapeValue{(*string)(nil), other},
		escapeValue{nilHTML, other},
		escapeValue{(*Page)(nil), other},
		escapeValue{nil, other},
		escapeValue{Count(7), other},
		escapeValue{Slug("a<b"), other},
		escapeValue{&label, other},
		escapeValue{&count, other},
		escapeValue{errText("e<"), other},
		escapeValue{fmtText("f<"), other},
		escapeValue{Tag{"n", "s"}, other},
		escapeValue{[]string{"a", "b"}, other},
		escapeValue{map[string]int{"a": 1}, other},
		escapeValue{complex(1, 2), other},
		escapeValue{uintptr(9), other},
	)
	return vs
}

type escapeValue struct {
	v     any
	class valueClass
}

// TestEscapers prints every value of escapeValues in every context, with
// html/template and with a Program.
func TestEscapers(t *testing.T) {
	values := escapeValues()
	for _, ctx := range escapeContexts {
		t.Run(ctx.name, func(t *testing.T) {
			for _, ev := range values {
				// Printed as dot, and from a field of interface type
				// (where nil is a nil interface, not an invalid value).
				for i, data := range []any{ev.v, struct{ V any }{ev.v}} {
					src := ctx.src
					if i == 1 {
						src = strings.Replace(src, "{{.}}", "{{.V}}", 1)
					}
					r := execBoth(t, nil, data, src)
					if (r.compileErr == nil) != ctx.compiles {
						t.Fatalf("template %q: Compile error %v, want error: %v", src, r.compileErr, !ctx.compiles)
					}
					mustRun := ctx.compiles && ctx.fast(ev.class) && r.wantErr == nil
					r.check(t, src, data, mustRun)
				}
			}
		})
	}
}

// TestEscaperNames checks that every escaper Compile accepts is one
// html/template puts in the contexts above, by the name it gives it (a
// renamed escaper would make Compile refuse every template using it).
func TestEscaperNames(t *testing.T) {
	seen := map[string]bool{}
	for _, ctx := range escapeContexts {
		if !ctx.compiles {
			continue
		}
		set := template.Must(template.New("page").Parse(ctx.src))
		set.ExecuteTemplate(io.Discard, "page", "x")
		for _, name := range escaperNames(set.Tree.Root.String()) {
			seen[name] = true
		}
	}
	for name := range escapers {
		if !seen[name] {
			t.Errorf("escaper %s is used in none of the contexts tested", name)
		}
	}
}

// escaperNames returns the _html_template_ identifiers in a tree's text.
func escaperNames(tree string) []string {
	const prefix = "_html_template_"
	var names []string
	for i := 0; i+len(prefix) <= len(tree); i++ {
		if tree[i:i+len(prefix)] != prefix {
			continue
		}
		j := i + len(prefix)
		for j < len(tree) && ('a' <= tree[j] && tree[j] <= 'z' || tree[j] == '_') {
			j++
		}
		names = append(names, tree[i:j])
		i = j
	}
	return names
}

// TestStringify checks which values the escapers take, and as what.
func TestStringify(t *testing.T) {
	label := Label("l")
	count := pCount(1)
	html := template.HTML("<h>")
	var iface any = &html
	for _, tt := range []struct {
		v    any
		want string
		typ  reflect.Type // nil: unsupported
	}{
		{"s", "s", reflect.TypeFor[string]()},
		{word("w"), "w", reflect.TypeFor[word]()},
		{template.URL("u"), "u", urlType},
		{&html, "<h>", htmlType},
		{&iface, "<h>", htmlType},
		{12, "12", reflect.TypeFor[int]()},
		{2.5, "2.5", reflect.TypeFor[float64]()},
		{true, "true", reflect.TypeFor[bool]()},
		{Slug("x"), "", nil},
		{&label, "", nil},
		{&count, "", nil},
		{errText("e"), "", nil},
		{fmtText("f"), "", nil},
		{Count(1), "", nil},
		{(*string)(nil), "", nil},
		{nil, "", nil},
		{Tag{}, "", nil},
	} {
		s, typ, err := stringify(reflect.ValueOf(tt.v))
		if tt.typ == nil {
			if err == nil {
				t.Errorf("stringify(%#v) = %q, %v; want errUnsupported", tt.v, s, typ)
			}
			continue
		}
		if err != nil || s != tt.want || typ != tt.typ {
			t.Errorf("stringify(%#v) = %q, %v, %v; want %q, %v, nil", tt.v, s, typ, err, tt.want, tt.typ)
		}
	}
}

// TestCommonCasesDoNotFallBack prints the values most pages print, where
// they print them: Execute must handle them itself.
func TestCommonCasesDoNotFallBack(t *testing.T) {
	for _, tt := range []struct {
		src  string
		data any
		want string
	}{
		{`<p>{{.}}</p>`, `Tom & "Jerry" <3`, `<p>Tom &amp; &#34;Jerry&#34; &lt;3</p>`},
		{`<p class="{{.}}" data-x='{{.}}'>`, `a'b"c`, `<p class="a&#39;b&#34;c" data-x='a&#39;b&#34;c'>`},
		{`<a href="{{.}}">`, `https://example.org/a b?x=1&y="2"`, `<a href="https://example.org/a%20b?x=1&amp;y=%222%22">`},
		{`<a href="{{.}}">`, `javascript:alert(1)`, `<a href="#ZgotmplZ">`},
		{`<img src="{{.}}">`, `/img/ünï.png`, `<img src="/img/%c3%bcn%c3%af.png">`},
		{`<a href="/search?q={{.}}">`, `a&b c+d/é`, `<a href="/search?q=a%26b%20c%2bd%2f%c3%a9">`},
		{`<title>{{.}}</title>`, `A <title> & more`, `<title>A &lt;title&gt; &amp; more</title>`},
		{`<main>{{.}}</main>`, template.HTML(`<p>Body &amp; <em>more</em></p>`), `<main><p>Body &amp; <em>more</em></p></main>`},
		{`<script type="application/ld+json">{{.}}</script>`, template.JS(`{"@type":"Article"}`), `<script type="application/ld+json">{"@type":"Article"}</script>`},
		{`<a href="{{.}}">`, template.URL(`tel:+1 555`), `<a href="tel:&#43;1%20555">`},
		{`<p>{{.}} {{.}}</p>`, 42, `<p>42 42</p>`},
	} {
		r := execBoth(t, nil, tt.data, tt.src)
		r.check(t, tt.src, tt.data, true)
		if r.want != tt.want {
			t.Errorf("template %q, data %#v: html/template wrote %q, test wants %q", tt.src, tt.data, r.want, tt.want)
		}
	}
}
