package site

import (
	"html/template"
	"strings"
	"testing"
)

// In one set for every kind, a kind's file still redefines templates for
// its own pages only, even a template base calls through a partial, and
// an error names the templates as the layouts do.
func TestLayoutSetKeepsEachKindsTemplatesToItsPages(t *testing.T) {
	shared := template.Must(template.New("base.html").Parse(
		`{{define "base"}}<header>{{template "header" .}}</header><main>{{block "main" .}}{{end}}</main>{{template "footer" .}}{{end}}` +
			`{{define "header"}}{{block "nav" .}}default nav{{end}}{{end}}` +
			`{{define "footer"}}<footer>{{.}}</footer>{{end}}`))
	l := newLayoutSet(shared)
	kinds := map[string]string{
		"article": `{{define "main"}}article {{.}}{{end}}{{define "nav"}}article nav{{end}}`,
		"home":    `{{define "main"}}home <b>{{.}}</b>{{end}}`,
		"broken":  `{{define "main"}}{{.Nope}}{{end}}`,
	}
	for _, kind := range []string{"article", "broken", "home"} {
		kt := template.Must(template.New(kind + ".html").Parse(kinds[kind]))
		if err := l.add(kind, kt); err != nil {
			t.Fatal(err)
		}
	}
	for kind, want := range map[string]string{
		"article": `<header>article nav</header><main>article a&lt;b</main><footer>a&lt;b</footer>`,
		"home":    `<header>default nav</header><main>home <b>a&lt;b</b></main><footer>a&lt;b</footer>`,
	} {
		var b strings.Builder
		if err := l.set.ExecuteTemplate(&b, l.name(kind, "base"), "a<b"); err != nil {
			t.Fatalf("%s: %v", kind, err)
		}
		if b.String() != want {
			t.Errorf("%s page:\nhave %s\nwant %s", kind, b.String(), want)
		}
	}
	err := l.set.ExecuteTemplate(&strings.Builder{}, l.name("broken", "base"), "text")
	if err == nil {
		t.Fatal("a field of a string: no error")
	}
	if msg := l.unscope(err.Error()); !strings.Contains(msg, `executing "main" at <.Nope>`) || strings.Contains(msg, "broken/") {
		t.Errorf("error names the template as the set does, not as the layout: %s", msg)
	}
	if msg := `asset "broken/main.js" does not exist`; l.unscope(msg) != msg {
		t.Errorf("unscope changed what is not a template's name: %s", l.unscope(msg))
	}
}

// A partial whose name is the one a kind's own template gets in the set
// would be replaced by it: the build says so instead.
func TestLayoutSetRefusesAPartialNamedLikeAKindsTemplate(t *testing.T) {
	shared := template.Must(template.New("base.html").Parse(`{{define "base"}}{{block "main" .}}{{end}}{{end}}{{define "home/main"}}x{{end}}`))
	l := newLayoutSet(shared)
	err := l.add("home", template.Must(template.New("home.html").Parse(`{{define "main"}}home{{end}}`)))
	if err == nil || !strings.Contains(err.Error(), `"home/main"`) {
		t.Errorf("error %v, want one naming \"home/main\"", err)
	}
}
