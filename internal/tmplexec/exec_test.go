package tmplexec

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io"
	"reflect"
	"strings"
	"sync"
	"testing"
)

// result is what html/template and a Program made of one template.
type result struct {
	want       string // html/template's output
	wantErr    error  // html/template's error
	have       string // the Program's output
	haveErr    error  // the Program's error
	compileErr error  // Compile's error; then have and haveErr are unset
}

// execBoth parses srcs in turn into one html/template set (so a later one
// may redefine templates of an earlier one), executes its template "page"
// with data, which escapes the set, then compiles it with Compile and
// executes the Program with the same data.
func execBoth(t testing.TB, funcs template.FuncMap, data any, srcs ...string) result {
	return execBothWith(t, funcs, nil, data, srcs...)
}

// execBothWith is execBoth with signatures for Compile.
func execBothWith(t testing.TB, funcs template.FuncMap, sigs []Signature, data any, srcs ...string) result {
	t.Helper()
	set := template.New("page").Funcs(funcs)
	for _, src := range srcs {
		if _, err := set.Parse(src); err != nil {
			t.Fatalf("parsing %q: %v", src, err)
		}
	}
	var r result
	var want bytes.Buffer
	r.wantErr = set.ExecuteTemplate(&want, "page", data)
	r.want = want.String()
	p, err := Compile(set, "page", funcs, sigs...)
	if err != nil {
		r.compileErr = err
		return r
	}
	var have bytes.Buffer
	r.haveErr = p.Execute(&have, "page", data)
	r.have = have.String()
	return r
}

// check reports an error if a Program's output differs from
// html/template's: it must be the same bytes, or Execute must return an
// error. When html/template fails, Execute must fail too. When mustRun is
// set, Compile and Execute must succeed (the Program may not fall back).
func (r result) check(t testing.TB, src string, data any, mustRun bool) {
	t.Helper()
	switch {
	case r.compileErr != nil:
		if mustRun {
			t.Errorf("template %q:\nCompile: %v", src, r.compileErr)
		}
	case r.wantErr != nil && r.haveErr == nil:
		t.Errorf("template %q\ndata %#v:\nhtml/template failed (%v) but Execute did not\nhave %q", src, data, r.wantErr, r.have)
	case r.haveErr == nil && r.have != r.want:
		t.Errorf("template %q\ndata %#v:\nhave %q\nwant %q", src, data, r.have, r.want)
	case r.haveErr != nil && mustRun:
		t.Errorf("template %q\ndata %#v:\nExecute fell back: %v\nwant %q", src, data, r.haveErr, r.want)
	}
}

// Data shaped like the site's pages: pointers, embedded pointer structs
// with promoted fields and methods, methods of values and of pointers,
// with and without arguments and errors.

type Author struct {
	Name  string
	URL   string
	Email *string
}

// Initials has a value receiver.
func (a Author) Initials() string {
	var b strings.Builder
	for _, f := range strings.Fields(a.Name) {
		b.WriteString(f[:1])
	}
	return b.String()
}

// Link has a pointer receiver and an argument.
func (a *Author) Link(lang string) string {
	return "/" + lang + "/authors/" + strings.ToLower(a.Name) + "/"
}

type Meta struct {
	Description string
	Keywords    []string
}

// KeywordList has a pointer receiver; Page promotes it from *Meta.
func (m *Meta) KeywordList() string { return strings.Join(m.Keywords, ", ") }

// Summary has a value receiver; Page promotes it from *Meta.
func (m Meta) Summary() string { return m.Description }

type Tag struct {
	Name string
	Slug string
}

// Loud has a pointer receiver.
func (t *Tag) Loud() string { return strings.ToUpper(t.Name) }

type Page struct {
	*Meta
	Title   string
	Lang    string
	Path    string
	Author  *Author
	Tags    []Tag
	Related []*Page
	Body    template.HTML
	JSONLD  template.JS
	Draft   bool
	Words   int
	Extra   any
	Counter *Count
}

func (p *Page) Permalink() string { return "https://example.org" + p.Path }

// Extras returns an interface, nil when Extra is.
func (p *Page) Extras() any { return p.Extra }

// FirstTag returns a struct value, which is not addressable.
func (p *Page) FirstTag() Tag {
	if len(p.Tags) == 0 {
		return Tag{}
	}
	return p.Tags[0]
}

func (p Page) Excerpt(n int) string {
	if len(p.Title) <= n {
		return p.Title
	}
	return p.Title[:n] + "…"
}

// Render fails for drafts.
func (p *Page) Render() (string, error) {
	if p.Draft {
		return "", errors.New("draft")
	}
	return "rendered " + p.Title, nil
}

func (p *Page) ReadingTime(wpm int) (int, error) {
	if wpm <= 0 {
		return 0, fmt.Errorf("bad speed %d", wpm)
	}
	return (p.Words + wpm - 1) / wpm, nil
}

// Count prints itself through String.
type Count int

func (c Count) String() string { return fmt.Sprintf("%d views", int(c)) }

// Slug is a named string printed through its String method.
type Slug string

func (s Slug) String() string { return "slug:" + string(s) }

// Label has a String method on its pointer only.
type Label string

func (l *Label) String() string { return "label:" + string(*l) }

func strPtr(s string) *string { return &s }

func samplePage() *Page {
	ada := &Author{Name: "Ada Lovelace", URL: "https://example.org/ada?x=1&y=2", Email: strPtr("ada@example.org")}
	c := Count(42)
	return &Page{
		Meta:   &Meta{Description: `Notes on "engines" & <looms>`, Keywords: []string{"math", "engines"}},
		Title:  "Analytical Engine",
		Lang:   "en",
		Path:   "/en/engine/",
		Author: ada,
		Tags:   []Tag{{"Math & Logic", "math"}, {"History", "history"}, {"C++", "c++"}, {"Ünïcode", "unicode"}},
		Related: []*Page{
			{Title: "Difference Engine", Path: "/en/difference/", Lang: "en", Author: ada},
			{Title: "Jacquard's Loom", Path: "/en/loom/", Lang: "en"},
		},
		Body:    template.HTML("<p>The <em>engine</em> weaves.</p>"),
		JSONLD:  template.JS(`{"@type":"Article","name":"Analytical Engine"}`),
		Words:   1234,
		Extra:   Tag{"extra", "x"},
		Counter: &c,
	}
}

var testFuncs = template.FuncMap{
	"upper": strings.ToUpper,
	"lang":  func() string { return "en" },
	"t": func(key string) (string, error) {
		if key == "" {
			return "", errors.New("empty message key")
		}
		return "«" + key + "»", nil
	},
	"safe":   func(s string) template.HTML { return template.HTML(s) },
	"bold":   func(h template.HTML) template.HTML { return "<b>" + h + "</b>" },
	"join":   strings.Join,
	"add":    func(a, b int) int { return a + b },
	"asset":  func(name string) string { return "/assets/" + name + "?v=3" },
	"concat": func(s ...string) string { return strings.Join(s, "") },
	"fail":   func() (string, error) { return "", errors.New("failed") },
	"explode": func(s string) string {
		panic("explode: " + s)
	},
	"reflectValue": func(b bool) reflect.Value { return reflect.ValueOf(b) },
	"describe":     func(x any) string { return fmt.Sprint(x) },
}

// execTests are executed with html/template and a Program, with the same
// output required. Those without mayFallBack must also run without falling
// back; want, when set, is also the required output.
var execTests = []struct {
	name        string
	srcs        []string
	data        any
	want        string
	mayFallBack bool
}{
	// Fields, pointers, embedded pointers, methods.
	{name: "field", srcs: []string{`<h1>{{.Title}}</h1>`}, data: samplePage(), want: `<h1>Analytical Engine</h1>`},
	{name: "pointer field chain", srcs: []string{`{{.Author.Name}} <{{.Author.Email}}>`}, data: samplePage(), want: `Ada Lovelace &lt;ada@example.org>`},
	{name: "promoted field", srcs: []string{`<meta name="description" content="{{.Description}}">`}, data: samplePage(),
		want: `<meta name="description" content="Notes on &#34;engines&#34; &amp; &lt;looms&gt;">`},
	{name: "promoted pointer method", srcs: []string{`<meta name="keywords" content="{{.KeywordList}}">`}, data: samplePage(),
		want: `<meta name="keywords" content="math, engines">`},
	{name: "promoted value method", srcs: []string{`{{.Summary}}`}, data: samplePage(), want: `Notes on &#34;engines&#34; &amp; &lt;looms&gt;`},
	{name: "value receiver method", srcs: []string{`{{.Author.Initials}}`}, data: samplePage(), want: `AL`},
	{name: "pointer receiver method with argument", srcs: []string{`<a href="{{.Author.Link .Lang}}">{{.Author.Name}}</a>`}, data: samplePage(),
		want: `<a href="/en/authors/ada%20lovelace/">Ada Lovelace</a>`},
	{name: "method with literal argument", srcs: []string{`{{.Excerpt 10}}`}, data: samplePage(), want: `Analytical…`},
	{name: "method piped argument", srcs: []string{`{{10 | .Excerpt}}`}, data: samplePage(), want: `Analytical…`},
	{name: "method on struct value data", srcs: []string{`{{.Excerpt 3}}`}, data: Page{Title: "Engine"}, want: `Eng…`},
	{name: "pointer method on non-addressable value", srcs: []string{`{{.Permalink}}`}, data: Page{Path: "/x/"}, mayFallBack: true},
	{name: "method returning string and error", srcs: []string{`{{.Render}}`}, data: samplePage(), want: `rendered Analytical Engine`},
	{name: "method returning int and error", srcs: []string{`{{.ReadingTime 200}} min`}, data: samplePage(), want: `7 min`},
	{name: "method returning an error", srcs: []string{`before {{.Render}} after`}, data: &Page{Draft: true}},
	{name: "method returning an error from argument", srcs: []string{`{{.ReadingTime 0}}`}, data: samplePage()},
	{name: "nil pointer field", srcs: []string{`{{.Author.Name}}`}, data: &Page{}, mayFallBack: true},
	{name: "nil embedded pointer field", srcs: []string{`{{.Description}}`}, data: &Page{}, mayFallBack: true},
	{name: "nil embedded pointer value method", srcs: []string{`{{.Summary}}`}, data: &Page{}, mayFallBack: true},
	{name: "nil embedded pointer pointer method", srcs: []string{`{{.KeywordList}}`}, data: &Page{}, mayFallBack: true},
	{name: "nil data", srcs: []string{`x{{.Title}}y`}, data: nil, mayFallBack: true},
	{name: "missing field", srcs: []string{`{{.Nope}}`}, data: samplePage(), mayFallBack: true},
	{name: "interface field", srcs: []string{`{{.Extra.Name}}`}, data: samplePage(), want: `extra`},
	{name: "Stringer field", srcs: []string{`{{.Counter}}`}, data: samplePage(), mayFallBack: true},
	{name: "method returning an interface", srcs: []string{`{{.Extras.Name}}`}, data: samplePage(), want: `extra`},
	{name: "method returning a nil interface", srcs: []string{`[{{.Extras}}]`}, data: &Page{}, mayFallBack: true},
	{name: "field of a method's struct result", srcs: []string{`{{.FirstTag.Name}}`}, data: samplePage(), want: `Math &amp; Logic`},
	{name: "pointer method of a method's struct result", srcs: []string{`{{.FirstTag.Loud}}`}, data: samplePage(), mayFallBack: true},
	{name: "pointer method of an addressable element", srcs: []string{`{{range .Tags}}{{.Loud}};{{end}}`}, data: samplePage(), want: `MATH &amp; LOGIC;HISTORY;C&#43;&#43;;ÜNÏCODE;`},
	{name: "arguments to a method without parameters", srcs: []string{`{{.Permalink 1}}`}, data: samplePage(), mayFallBack: true},
	{name: "arguments to a field", srcs: []string{`{{.Title 1}}`}, data: samplePage(), mayFallBack: true},

	// Slices and ranges.
	{name: "range", srcs: []string{`<ul>{{range .Tags}}<li><a href="/tags/{{.Slug}}/">{{.Name}}</a></li>{{end}}</ul>`}, data: samplePage(),
		want: `<ul><li><a href="/tags/math/">Math &amp; Logic</a></li><li><a href="/tags/history/">History</a></li><li><a href="/tags/c&#43;&#43;/">C&#43;&#43;</a></li><li><a href="/tags/unicode/">Ünïcode</a></li></ul>`},
	{name: "range index and element", srcs: []string{`{{range $i, $t := .Tags}}{{if $i}}, {{end}}{{$i}}:{{$t.Name}}{{end}}`}, data: samplePage(),
		want: `0:Math &amp; Logic, 1:History, 2:C&#43;&#43;, 3:Ünïcode`},
	{name: "range element variable", srcs: []string{`{{range $t := .Tags}}[{{$t.Slug}}]{{end}}`}, data: samplePage(), want: `[math][history][c&#43;&#43;][unicode]`},
	{name: "range over pointers", srcs: []string{`{{range .Related}}<a href="{{.Permalink}}" title="{{.Excerpt 8}}">{{.Title}}</a>{{end}}`}, data: samplePage(),
		want: `<a href="https://example.org/en/difference/" title="Differen…">Difference Engine</a><a href="https://example.org/en/loom/" title="Jacquard…">Jacquard&#39;s Loom</a>`},
	{name: "range with else", srcs: []string{`{{range .Tags}}{{.Name}}{{else}}no tags{{end}}`}, data: &Page{}, want: `no tags`},
	{name: "range nested with $", srcs: []string{`{{range .Tags}}{{.Slug}}@{{$.Lang}} {{end}}`}, data: samplePage(), want: `math@en history@en c&#43;&#43;@en unicode@en `},
	{name: "range nested ranges", srcs: []string{`{{range .Related}}{{.Title}}:{{range $.Tags}}{{.Slug}};{{end}}|{{end}}`}, data: samplePage(),
		want: `Difference Engine:math;history;c&#43;&#43;;unicode;|Jacquard&#39;s Loom:math;history;c&#43;&#43;;unicode;|`},
	{name: "range over a nil pointer element", srcs: []string{`{{range .Related}}{{.Author.Name}}{{end}}`}, data: samplePage(), mayFallBack: true},
	{name: "range over strings", srcs: []string{`{{range .Keywords}}<i>{{.}}</i>{{end}}`}, data: samplePage(), want: `<i>math</i><i>engines</i>`},
	{name: "range over a map", srcs: []string{`{{range .}}{{.}}{{end}}`}, data: map[string]string{"b": "2", "a": "<1>", "c": "3"}, want: `&lt;1&gt;23`},
	{name: "range over a map with key and value", srcs: []string{`{{range $k, $v := .}}{{$k}}={{$v}};{{end}}`}, data: map[string]int{"one": 1, "two": 2, "three": 3},
		want: `one=1;three=3;two=2;`},
	{name: "range over a map with integer keys", srcs: []string{`{{range $k, $v := .}}{{$k}}:{{$v}} {{end}}`}, data: map[int]string{10: "ten", -1: "minus one", 2: "two"},
		want: `-1:minus one 2:two 10:ten `},
	{name: "range over a map with unsigned keys", srcs: []string{`{{range $k, $v := .}}{{$k}}{{end}}`}, data: map[uint8]bool{200: true, 3: false}, want: `3200`},
	{name: "range over a map field", srcs: []string{`{{range $state, $n := .Counts}}<span class="state-{{$state}}">{{$n}}</span>{{end}}`},
		data: struct{ Counts map[string]int }{map[string]int{"stale": 2, "current": 5}}, want: `<span class="state-current">5</span><span class="state-stale">2</span>`},
	{name: "range over an empty map", srcs: []string{`{{range .}}x{{else}}empty{{end}}`}, data: map[string]int{}, want: `empty`},
	{name: "range over a nil map", srcs: []string{`{{range $k, $v := .}}x{{else}}empty{{end}}`}, data: map[string]int(nil), want: `empty`},
	{name: "range over a map with boolean keys", srcs: []string{`{{range $k, $v := .}}{{$k}}{{end}}`}, data: map[bool]int{true: 1, false: 0}, mayFallBack: true},
	{name: "range over an int", srcs: []string{`{{range 3}}{{.}}{{end}}`}, data: nil, mayFallBack: true},
	{name: "range over mixed types", srcs: []string{`{{range .}}{{.Name}};{{end}}`},
		data: []any{Tag{Name: "tag", Slug: "t"}, Person{Age: 7, Name: "person"}, &Tag{Name: "ptag"}, &Person{Name: "pperson"}}, want: `tag;person;ptag;pperson;`},
	{name: "range over mixed types with methods", srcs: []string{`{{range .}}{{.Summary}};{{end}}`},
		data: []interface{ Summary() string }{Meta{Description: "meta"}, summaryFirst{"other"}}, want: `meta;other;`},
	{name: "range variable over mixed types", srcs: []string{`{{range $x := .}}{{with $x}}{{.Name}}{{end}};{{end}}`},
		data: []any{Tag{Name: "tag", Slug: "t"}, Person{Age: 7, Name: "person"}}, want: `tag;person;`},
	{name: "range assigns variables", srcs: []string{`{{$t := "none"}}{{range $t = .Keywords}}{{$t}},{{end}}last={{$t}}`},
		data: samplePage(), mayFallBack: true},
	{name: "range else sees range variable", srcs: []string{`{{$t := "outer"}}{{range $t := .Keywords}}{{$t}}{{else}}else={{$t}}{{end}}`},
		data: &Page{Meta: &Meta{}}, mayFallBack: true},
	{name: "range else sees pointer range variable", srcs: []string{`{{$t := "outer"}}{{range $i, $t := .}}{{$t}}{{else}}else={{len $t}}{{end}}`},
		data: &[]string{}, want: `else=0`},

	// Conditionals.
	{name: "if else if", srcs: []string{`{{if .Draft}}draft{{else if .Tags}}{{len .Tags}} tags{{else}}none{{end}}`}, data: samplePage(), want: `4 tags`},
	{name: "if else", srcs: []string{`{{if .Draft}}draft{{else}}published{{end}}`}, data: samplePage(), want: `published`},
	{name: "with", srcs: []string{`{{with .Author}}<a href="{{.URL}}">{{.Name}}</a>{{end}}`}, data: samplePage(),
		want: `<a href="https://example.org/ada?x=1&amp;y=2">Ada Lovelace</a>`},
	{name: "with else", srcs: []string{`{{with .Author}}{{.Name}}{{else}}anonymous {{.Title}}{{end}}`}, data: &Page{Title: "T"}, want: `anonymous T`},
	{name: "with variable", srcs: []string{`{{with $a := .Author}}{{$a.Name}}/{{.Initials}}{{end}}`}, data: samplePage(), want: `Ada Lovelace/AL`},
	{name: "with else with", srcs: []string{`{{with .Author}}{{.Name}}{{else with .Meta}}{{.Description}}{{end}}`}, data: &Page{Meta: &Meta{Description: "d"}}, want: `d`},
	{name: "if variable assigned", srcs: []string{`{{$x := "a"}}{{if $x = .Title}}{{end}}{{$x}}`}, data: &Page{Title: "b"}, want: `b`},
	{name: "and or not", srcs: []string{`{{and .Title .Lang}}|{{or .Draft .Words}}|{{or .Draft ""}}|{{not .Draft}}|{{and .Draft .Nope}}`}, data: samplePage(),
		want: `en|1234||true|false`},
	{name: "and in if", srcs: []string{`{{if and .Author (not .Draft) (eq .Lang "en")}}yes{{end}}`}, data: samplePage(), want: `yes`},
	{name: "eq ne", srcs: []string{`{{eq .Lang "en"}} {{ne .Lang "en"}} {{eq .Words 1234}} {{eq (len .Tags) 4}} {{eq .Draft false}}`}, data: samplePage(),
		want: `true false true true true`},
	{name: "eq several", srcs: []string{`{{eq .Lang "fr" "en"}}`}, data: samplePage(), mayFallBack: true},
	{name: "eq incompatible", srcs: []string{`{{eq .Lang 1}}`}, data: samplePage()},
	{name: "eq with a float literal", srcs: []string{`{{eq .Words 1234.0}}`}, data: samplePage()},
	{name: "len", srcs: []string{`{{len .Tags}} {{len .Title}} {{len .Keywords}}`}, data: samplePage(), want: `4 17 2`},
	{name: "len of nil pointer", srcs: []string{`{{len .Author}}`}, data: &Page{}},
	{name: "print", srcs: []string{`{{print "a" 1 2 "b" true .Words}}`}, data: samplePage(), want: `a1 2btrue 1234`},
	{name: "print Stringer", srcs: []string{`{{print .Counter}}`}, data: samplePage(), mayFallBack: true},

	// Variables and literals.
	{name: "variables", srcs: []string{`{{$t := .}}{{$n := 3}}{{$b := true}}{{$t}} {{$n}} {{$b}} {{$}}`}, data: "dot & co",
		want: `dot &amp; co 3 true dot &amp; co`},
	{name: "variable assignment in range", srcs: []string{`{{$last := ""}}{{range .Tags}}{{$last = .Slug}}{{end}}{{$last}}`}, data: samplePage(), want: `unicode`},
	{name: "variable scope ends with if", srcs: []string{`{{$x := 1}}{{if true}}{{$x := 2}}{{$x}}{{end}}{{$x}}`}, data: nil, want: `21`},
	{name: "literals", srcs: []string{`{{"<str>"}} {{42}} {{-7}} {{true}} {{false}} {{'a'}} {{0x1F}}`}, data: nil, want: `&lt;str&gt; 42 -7 true false 97 31`},
	{name: "integral float literals", srcs: []string{`{{1e6}} {{1.0}} {{print 2.5e3}}`}, data: nil, want: `1e&#43;06 1 2500`, mayFallBack: true},
	{name: "parenthesized pipeline", srcs: []string{`{{(.Author).Name}} {{(upper .Lang)}} {{len (print .Lang .Lang)}}`}, data: samplePage(), want: `Ada Lovelace EN 4`},

	// Functions.
	{name: "function", srcs: []string{`{{upper .Title}} {{.Title | upper}} {{lang}}`}, data: samplePage(), want: `ANALYTICAL ENGINE ANALYTICAL ENGINE en`},
	{name: "function returning string and error", srcs: []string{`<title>{{t "home"}}</title>`}, data: nil, want: `<title>«home»</title>`},
	{name: "function returning an error", srcs: []string{`a{{t ""}}b`}, data: nil},
	{name: "function returning only an error", srcs: []string{`a{{fail}}b`}, data: nil},
	{name: "function returning template.HTML", srcs: []string{`<div>{{safe "<br>"}}</div>`}, data: nil, want: `<div><br></div>`},
	{name: "function taking template.HTML", srcs: []string{`<div>{{bold .Body}}</div>`}, data: samplePage(), want: `<div><b><p>The <em>engine</em> weaves.</p></b></div>`},
	{name: "template.HTML function in an attribute", srcs: []string{`<div title="{{safe "<br>"}}">`}, data: nil, mayFallBack: true},
	{name: "several arguments", srcs: []string{`{{add 2 3}} {{join .Keywords "+"}}`}, data: samplePage(), want: `5 math&#43;engines`},
	{name: "variadic", srcs: []string{`{{concat "a" .Lang "b"}} {{concat}}`}, data: samplePage(), want: `aenb `},
	{name: "function in URL", srcs: []string{`<link rel="stylesheet" href="{{asset "site.css"}}">`}, data: nil, want: `<link rel="stylesheet" href="/assets/site.css?v=3">`},
	{name: "function argument conversion", srcs: []string{`{{add 1 .Counter}}`}, data: samplePage(), mayFallBack: true},
	{name: "function that panics", srcs: []string{`a{{explode "x"}}b`}, data: nil},
	{name: "promoted method through nil embedded pointer panics", srcs: []string{`a{{.Summary}}b`}, data: Page{}},
	{name: "function taking any", srcs: []string{`{{describe .Words}} {{describe .Author.Name}}`}, data: samplePage(), want: `1234 Ada Lovelace`},
	{name: "function taking any, given a nil interface", srcs: []string{`{{describe .Extra}}`}, data: &Page{}, want: `&lt;nil&gt;`},
	{name: "function returning reflect.Value", srcs: []string{`{{if reflectValue false}}true{{else}}false{{end}}`}, data: nil, mayFallBack: true},

	// Template calls, blocks and overrides.
	{name: "template call", srcs: []string{`{{define "tag"}}<a href="/tags/{{.Slug}}/">{{.Name}}</a>{{end}}{{range .Tags}}{{template "tag" .}}{{end}}`},
		data: samplePage(), want: `<a href="/tags/math/">Math &amp; Logic</a><a href="/tags/history/">History</a><a href="/tags/c&#43;&#43;/">C&#43;&#43;</a><a href="/tags/unicode/">Ünïcode</a>`},
	{name: "template call $ field", srcs: []string{`{{define "x"}}{{$.Name}}/{{.Initials}}{{end}}{{$y := 1}}{{template "x" .Author}}{{$y}}`}, data: samplePage(),
		want: `Ada Lovelace/AL1`},
	{name: "template call without data", srcs: []string{`{{define "x"}}static{{end}}[{{template "x"}}]`}, data: samplePage(), want: `[static]`},
	{name: "template call declares variable", srcs: []string{`{{define "x"}}{{.}}{{end}}{{template "x" $v := .Title}}={{$v}}`}, data: samplePage(),
		want: `Analytical Engine=Analytical Engine`},
	{name: "nested template calls", srcs: []string{`{{define "a"}}<{{template "b" .}}>{{end}}{{define "b"}}{{.Lang}}{{template "c" .Author}}{{end}}{{define "c"}}{{.Name}}{{end}}{{template "a" .}}`},
		data: samplePage(), want: `&lt;enAda Lovelace>`},
	{name: "block", srcs: []string{`<main>{{block "main" .}}default {{.Title}}{{end}}</main>`}, data: samplePage(), want: `<main>default Analytical Engine</main>`},
	{name: "block overridden", srcs: []string{
		`<html><head>{{block "head" .}}<title>Site</title>{{end}}</head><body>{{block "main" .}}default{{end}}</body></html>`,
		`{{define "head"}}<title>{{.Title}} – Site</title>{{end}}{{define "main"}}<article>{{.Body}}</article>{{end}}`,
	}, data: samplePage(), want: `<html><head><title>Analytical Engine – Site</title></head><body><article><p>The <em>engine</em> weaves.</p></article></body></html>`},
	{name: "define overridden", srcs: []string{`{{define "x"}}one{{end}}{{template "x" .}}`, `{{define "x"}}two {{.Lang}}{{end}}`}, data: samplePage(), want: `two en`},
	{name: "template call without data uses fields", srcs: []string{`{{define "x"}}[{{.Lang}}]{{end}}{{template "x"}}`}, data: samplePage(), mayFallBack: true},
	{name: "recursive template", srcs: []string{`{{define "list"}}{{.Title}}({{range .Related}}{{template "list" .}}{{end}}){{end}}{{template "list" .}}`},
		data: samplePage(), want: `Analytical Engine(Difference Engine()Jacquard&#39;s Loom())`},
}

// Person has its Name at another index than Tag's.
type Person struct {
	Age  int
	Name string
}

// summaryFirst has a method Summary at a different method index than
// Meta's (its first method rather than its second).
type summaryFirst struct{ s string }

func (s summaryFirst) A() string       { return "A" }
func (s summaryFirst) B() string       { return "B" }
func (s summaryFirst) Summary() string { return s.s }

// testSignatures are the signatures of every method and function of the
// test data and testFuncs that a Signature can describe.
var testSignatures = []Signature{
	Func1[Author, string](),               // Initials
	Func2[*Author, string, string](),      // Link
	Func1[*Meta, string](),                // KeywordList, Summary through a pointer
	Func1[Meta, string](),                 // Summary
	Func1[*Page, string](),                // Permalink, and KeywordList and Summary promoted
	Func1[Page, string](),                 // Summary promoted
	Func2[Page, int, string](),            // Excerpt
	Func2[*Page, int, string](),           // Excerpt through a pointer
	Func1E[*Page, string](),               // Render
	Func2E[*Page, int, int](),             // ReadingTime
	Func1[*Page, any](),                   // Extras
	Func1[*Page, Tag](),                   // FirstTag
	Func1[*Tag, string](),                 // Loud
	Func1[Count, string](),                // String
	Func1[Slug, string](),                 // String
	Func1[*Label, string](),               // String
	Func1[summaryFirst, string](),         // A, B, Summary
	Func1[string, template.HTML](),        // safe
	Func1[template.HTML, template.HTML](), // bold
	Func2[[]string, string, string](),     // join
	Func2[int, int, int](),                // add
	Func1[any, string](),                  // describe
	Func1[bool, reflect.Value](),          // reflectValue: refused, as callFunc refuses it
}

// TestExecute runs every test with the functions and methods called
// through reflection (but for the default signatures), then directly.
func TestExecute(t *testing.T) {
	for _, tt := range execTests {
		for _, direct := range []bool{false, true} {
			name := tt.name
			var sigs []Signature
			if direct {
				name, sigs = name+"/direct", testSignatures
			}
			t.Run(name, func(t *testing.T) {
				r := execBothWith(t, testFuncs, sigs, tt.data, tt.srcs...)
				src := strings.Join(tt.srcs, " + ")
				r.check(t, src, tt.data, !tt.mayFallBack && r.wantErr == nil)
				if tt.want != "" && r.want != tt.want {
					t.Errorf("template %q: html/template wrote %q, test wants %q", src, r.want, tt.want)
				}
				if tt.want == "" && !tt.mayFallBack && r.wantErr == nil {
					t.Errorf("template %q: html/template did not fail; the test should set want or mayFallBack", src)
				}
			})
		}
	}
}

// TestSignaturesSkipReflection checks that the functions and methods of
// the signatures given to Compile are called without reflection, which
// allocates.
func TestSignaturesSkipReflection(t *testing.T) {
	src := `<a href="{{.Permalink}}">{{.Author.Initials}}</a>{{range .Tags}}{{.Loud}}{{end}}{{.Summary}}{{add 1 2}}{{join .Keywords ","}}{{.Excerpt 3}}`
	set := template.Must(template.New("page").Funcs(testFuncs).Parse(src))
	data := samplePage()
	var want bytes.Buffer
	if err := set.Execute(&want, data); err != nil {
		t.Fatal(err)
	}
	allocs := func(sigs ...Signature) float64 {
		p, err := Compile(set, "page", testFuncs, sigs...)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		n := testing.AllocsPerRun(20, func() {
			buf.Reset()
			if err := p.Execute(&buf, "page", data); err != nil {
				t.Fatal(err)
			}
		})
		if buf.String() != want.String() {
			t.Errorf("have %q\nwant %q", buf.String(), want.String())
		}
		return n
	}
	reflected, direct := allocs(), allocs(testSignatures...)
	t.Logf("allocations per execution: %v through reflection, %v direct", reflected, direct)
	// Ten calls, each of which allocates through reflection.
	if direct > reflected-10 {
		t.Errorf("%v allocations with the signatures, %v without: want at least one fewer per call", direct, reflected)
	}
}

// TestExecuteRepeated executes each Program twice more, on other data of
// other types, as field lookups remember what they found.
func TestExecuteRepeated(t *testing.T) {
	type other struct {
		Lang, Title string
		Meta        *Meta
	}
	src := `{{.Title}} {{.Lang}} {{with .Meta}}{{.Description}}{{end}}`
	set := template.Must(template.New("page").Parse(src))
	set.ExecuteTemplate(io.Discard, "page", nil)
	p, err := Compile(set, "page", nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, data := range []any{samplePage(), other{"fr", "Titre", &Meta{Description: "desc"}}, samplePage(), &other{Lang: "de"}} {
		var want, have bytes.Buffer
		if err := set.Execute(&want, data); err != nil {
			t.Fatal(err)
		}
		if err := p.Execute(&have, "page", data); err != nil {
			t.Errorf("data %#v: %v", data, err)
		} else if have.String() != want.String() {
			t.Errorf("data %#v:\nhave %q\nwant %q", data, have.String(), want.String())
		}
	}
}

// TestBind checks that a bound Program prints what html/template prints
// with the new functions (each of the shapes called directly, and one
// through reflection), and that the Program it was bound from still calls
// the old ones.
func TestBind(t *testing.T) {
	funcsIn := func(lang string) template.FuncMap {
		return template.FuncMap{
			"T":     func(id string) string { return lang + ":" + id },
			"Terr":  func(id string) (string, error) { return lang + "!" + id, nil },
			"lang":  func() string { return lang },
			"count": func(id string, n int) string { return fmt.Sprintf("%s:%s=%d", lang, id, n) },
		}
	}
	src := `<p title="{{T "title"}}">{{Terr "body"}} {{lang}} {{count "items" 3}}{{range .}} {{T .}}{{end}}</p>`
	data := []string{"a<b", "c"}
	run := func(funcs template.FuncMap) (html string, set *template.Template) {
		set = template.Must(template.New("page").Funcs(funcs).Parse(src))
		var b bytes.Buffer
		if err := set.Execute(&b, data); err != nil {
			t.Fatal(err)
		}
		return b.String(), set
	}
	wantEN, set := run(funcsIn("en"))
	wantNL, _ := run(funcsIn("nl"))
	en, err := Compile(set, "page", funcsIn("en"))
	if err != nil {
		t.Fatal(err)
	}
	nl, err := en.Bind(funcsIn("nl"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		p    *Program
		want string
	}{{nl, wantNL}, {en, wantEN}} {
		var b bytes.Buffer
		if err := c.p.Execute(&b, "page", data); err != nil {
			t.Fatal(err)
		}
		if b.String() != c.want {
			t.Errorf("have %q\nwant %q", b.String(), c.want)
		}
	}
	if _, err := en.Bind(template.FuncMap{"len": func(string) int { return 0 }}); err == nil {
		t.Error("Bind of a function the program was not compiled with: no error")
	}
}

// TestFunctionOverridesBuiltin checks that functions given to html/template
// take the place of the builtins of the same names, as text/template does.
func TestFunctionOverridesBuiltin(t *testing.T) {
	funcs := template.FuncMap{
		"len":   func(s string) string { return "len:" + s },
		"print": func(s string) string { return "print:" + s },
		"eq":    func(a, b string) string { return a + "=" + b },
		"not":   func(s string) string { return "not:" + s },
	}
	src := `{{len "abc"}} {{print "x"}} {{eq "a" "b"}} {{not "y"}}`
	r := execBoth(t, funcs, nil, src)
	r.check(t, src, nil, true)
	if want := "len:abc print:x a=b not:y"; r.want != want {
		t.Errorf("html/template wrote %q, test wants %q", r.want, want)
	}
}

// TestCompileRefuses lists trees Compile must refuse: it cannot execute
// them as html/template does.
func TestCompileRefuses(t *testing.T) {
	for _, tt := range []struct {
		name  string
		src   string
		entry string           // default "page"
		funcs template.FuncMap // given to html/template, not to Compile
		data  any
	}{
		{name: "break", src: `{{range .}}{{if eq . "b"}}{{break}}{{end}}{{.}}{{end}}`, data: []string{"a", "b", "c"}},
		{name: "continue", src: `{{range .}}{{if eq . "b"}}{{continue}}{{end}}{{.}}{{end}}`, data: []string{"a", "b", "c"}},
		{name: "undefined template called", src: `{{template "missing" .}}`},
		{name: "undefined entry", src: `x`, entry: "missing"},
		{name: "template called in an attribute", src: `{{define "t"}}{{.}}{{end}}<a title="{{template "t" .}}">`, data: "x"},
		{name: "template called in a URL", src: `{{define "t"}}{{.}}{{end}}<a href="/{{template "t" .}}">`, data: "x"},
		{name: "block in title", src: `<title>{{block "title" .}}{{.}}{{end}}</title>`, data: "x"},
		{name: "template called in a script", src: `{{define "t"}}{{.}}{{end}}<script>var x = {{template "t" .}};</script>`, data: "x"},
		{name: "unquoted attribute", src: `<p title={{.}}>`, data: "x"},
		{name: "attribute name", src: `<p {{.}}="x">`, data: "title"},
		{name: "style attribute", src: `<p style="color: {{.}}">`, data: "red"},
		{name: "srcset", src: `<img srcset="{{.}}">`, data: "a.png 1x"},
		{name: "comment", src: `<!-- {{.}} -->`, data: "x"},
		{name: "html builtin", src: `{{. | html}}`, data: "<x>"},
		{name: "printf builtin", src: `{{printf "%d" .}}`, data: 1},
		{name: "index builtin", src: `{{index . 0}}`, data: []string{"a"}},
		{name: "function not given to Compile", src: `{{upper .}}`, funcs: template.FuncMap{"upper": strings.ToUpper}, data: "x"},
		{name: "float literal", src: `{{print 1.5}}`},
		{name: "nil literal", src: `{{if eq . nil}}x{{end}}`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			set := template.Must(template.New("page").Funcs(tt.funcs).Parse(tt.src))
			set.ExecuteTemplate(io.Discard, "page", tt.data) // escapes the set
			entry := tt.entry
			if entry == "" {
				entry = "page"
			}
			p, err := Compile(set, entry, nil)
			if err == nil {
				var buf bytes.Buffer
				execErr := p.Execute(&buf, entry, tt.data)
				t.Fatalf("template %q: Compile succeeded (Execute: %q, %v), want an error", tt.src, buf.String(), execErr)
			}
			if !errors.Is(err, errUnsupported) {
				t.Errorf("template %q: Compile error %q does not wrap errUnsupported", tt.src, err)
			}
		})
	}
}

// TestCompileUnescaped compiles trees html/template has not escaped yet:
// their printing actions have no escapers.
func TestCompileUnescaped(t *testing.T) {
	for _, src := range []string{
		`{{.}}`,
		`<a href="{{.}}">`,
		`{{define "x"}}{{.}}{{end}}{{template "x" .}}`,
		`{{if .}}{{. | print}}{{end}}`,
	} {
		set := template.Must(template.New("page").Parse(src))
		if _, err := Compile(set, "page", nil); err == nil {
			t.Errorf("template %q: Compile succeeded before html/template escaped it", src)
		}
	}
	// A template only reached from another is escaped with it; once
	// escaped, the same set compiles.
	set := template.Must(template.New("page").Parse(`{{define "x"}}{{.}}{{end}}{{template "x" .}}`))
	set.ExecuteTemplate(io.Discard, "page", nil)
	if _, err := Compile(set, "page", nil); err != nil {
		t.Errorf("after escaping: %v", err)
	}
}

// TestExecuteUnknownTemplate executes a name the Program does not have.
func TestExecuteUnknownTemplate(t *testing.T) {
	set := template.Must(template.New("page").Parse(`{{define "x"}}x{{end}}{{template "x"}}`))
	set.ExecuteTemplate(io.Discard, "page", nil)
	p, err := Compile(set, "page", nil)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := p.Execute(&buf, "y", nil); err == nil {
		t.Errorf("Execute of an unknown template succeeded: %q", buf.String())
	}
	buf.Reset()
	if err := p.Execute(&buf, "x", nil); err != nil || buf.String() != "x" {
		t.Errorf(`Execute "x" = %q, %v; want "x", nil`, buf.String(), err)
	}
}

// TestExecuteConcurrent executes one Program from several goroutines, on
// data of different types and values (run with -race).
func TestExecuteConcurrent(t *testing.T) {
	set := template.Must(template.New("page").Funcs(testFuncs).Parse(pageSrc))
	set.ExecuteTemplate(io.Discard, "page", nil)
	p, err := Compile(set, "page", testFuncs)
	if err != nil {
		t.Fatal(err)
	}
	const goroutines = 8
	var wg sync.WaitGroup
	errs := make(chan error, goroutines)
	for g := range goroutines {
		wg.Go(func() {
			page := samplePage()
			page.Title = fmt.Sprintf("Page %d <%d>", g, g)
			page.Tags = page.Tags[:g%len(page.Tags)]
			if g%2 == 1 {
				page.Author = nil
			}
			var data any = page
			if g%3 == 2 {
				// A different type with the same field names.
				data = struct{ *Page }{page}
			}
			var want bytes.Buffer
			if err := set.ExecuteTemplate(&want, "page", data); err != nil {
				errs <- fmt.Errorf("goroutine %d: html/template: %v", g, err)
				return
			}
			var have bytes.Buffer
			for range 50 {
				have.Reset()
				if err := p.Execute(&have, "page", data); err != nil {
					errs <- fmt.Errorf("goroutine %d: Execute: %v", g, err)
					return
				}
				if have.String() != want.String() {
					errs <- fmt.Errorf("goroutine %d:\nhave %q\nwant %q", g, have.String(), want.String())
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// pageSrc is a page like the site's: about 60 actions, ranges over four
// items, attributes, URLs.
const pageSrc = `{{define "tag"}}<li class="tag tag-{{.Slug}}"><a href="/tags/{{.Slug}}/" title="{{.Name}}">#{{.Name}}</a></li>{{end}}
{{- define "card"}}<article class="card"><h3><a href="{{.Permalink}}">{{.Title}}</a></h3>{{with .Author}}<p class="by">{{.Name}}</p>{{end}}</article>{{end -}}
<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<title>{{.Title}} – {{t "site"}}</title>
<meta name="description" content="{{.Description}}">
<meta name="keywords" content="{{.KeywordList}}">
<link rel="canonical" href="{{.Permalink}}">
<meta property="og:title" content="{{.Title}}">
<meta property="og:url" content="{{.Permalink}}">
<meta property="og:description" content="{{.Summary}}">
{{if .Author}}<meta name="author" content="{{.Author.Name}}"><link rel="author" href="{{.Author.Link .Lang}}">{{end}}
<link rel="stylesheet" href="{{asset "site.css"}}">
<script type="application/ld+json">{{.JSONLD}}</script>
</head>
<body class="{{if .Draft}}draft{{else}}published{{end}} lang-{{.Lang}}">
<nav><ul>{{range $i, $t := .Tags}}<li{{if eq $i 0}} class="first"{{end}}><a href="/{{$.Lang}}/tags/{{$t.Slug}}/">{{$t.Name}}</a></li>{{end}}</ul></nav>
<main>
<h1>{{.Title}}</h1>
{{with .Author}}<p class="author">By <a href="{{.URL}}" rel="author">{{.Name}}</a> ({{.Initials}}){{with .Email}} <a href="mailto:{{.}}">{{.}}</a>{{end}}</p>{{else}}<p class="author">Anonymous</p>{{end}}
<p class="meta">{{.Words}} words, {{.ReadingTime 200}} min, {{len .Tags}} tags</p>
<div class="body">{{.Body}}</div>
<ul class="tags">{{range .Tags}}{{template "tag" .}}{{else}}<li>none</li>{{end}}</ul>
<form action="/search"><input name="q" value="{{.Title}}"><a href="/search?q={{.Title}}&amp;lang={{.Lang}}">{{t "search"}}</a></form>
<section class="related">{{range .Related}}{{template "card" .}}{{end}}</section>
<ol>{{range $i, $k := .Keywords}}<li value="{{add $i 1}}"><a href="/search?q={{$k}}">{{upper $k}}</a></li>{{end}}</ol>
</main>
<footer><p>{{t "footer"}} · <a href="/{{.Lang}}/">{{lang}}</a> · <img src="{{asset "logo.png"}}" alt="{{.Title}}"></p></footer>
</body>
</html>
`

// benchPage is samplePage with four tags, four related pages and four
// keywords.
func benchPage() *Page {
	p := samplePage()
	p.Related = append(p.Related, &Page{Title: "Babbage", Path: "/en/babbage/", Author: p.Author}, &Page{Title: "Menabrea's Notes", Path: "/en/notes/"})
	p.Keywords = append(p.Keywords, "looms", "cards")
	return p
}

func BenchmarkExecute(b *testing.B) {
	set := template.Must(template.New("page").Funcs(testFuncs).Parse(pageSrc))
	data := benchPage()
	var want bytes.Buffer
	if err := set.ExecuteTemplate(&want, "page", data); err != nil {
		b.Fatal(err)
	}
	p, err := Compile(set, "page", testFuncs)
	if err != nil {
		b.Fatal(err)
	}
	var have bytes.Buffer
	if err := p.Execute(&have, "page", data); err != nil {
		b.Fatal(err)
	}
	if have.String() != want.String() {
		b.Fatalf("outputs differ:\nhave %q\nwant %q", have.String(), want.String())
	}
	var buf bytes.Buffer
	b.Run("html-template", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			buf.Reset()
			if err := set.ExecuteTemplate(&buf, "page", data); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("tmplexec", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			buf.Reset()
			if err := p.Execute(&buf, "page", data); err != nil {
				b.Fatal(err)
			}
		}
	})
}
