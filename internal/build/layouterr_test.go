package build_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tact-guide/tact/internal/build"
)

// A mistake in a layout is reported once, at its line and column in the
// layout file as written (layouts are minified before they are parsed, and
// html/template would give places in the minified text), with the number
// of pages it failed; whether the build minifies or not, one-shot or in
// watch mode.
func TestLayoutErrorsPointAtTheLayout(t *testing.T) {
	t.Parallel() // (a few builds of the real site: beside the other heavy tests)
	// at returns "file:line:col" of the first old in the fixture's file,
	// the column of the character after skip bytes.
	at := func(file, old string, skip int) string {
		src := string(fixture(t)[file].Data)
		i := strings.Index(src, old)
		if i < 0 {
			t.Fatalf("%s does not contain %q", file, old)
		}
		before := src[:i+skip]
		line := 1 + strings.Count(before, "\n")
		col := 1 + utf8.RuneCountInString(before[strings.LastIndex(before, "\n")+1:])
		return fmt.Sprintf("%s:%d:%d", file, line, col)
	}
	tests := []struct {
		name  string
		edit  edit
		want  string // the one error: its start, then "(rendering " unless early
		early bool   // found before any page renders
	}{
		{"misspelt field",
			replace("layouts/reply.html", "<h1>{{.Title}}", "<h1>{{.Titel}}"),
			at("layouts/reply.html", "<h1>{{.Title}}", len("<h1>{{")) + `: executing "main" at <.Titel>: can't evaluate field Titel in type *site.Reply`, false},
		{"in a partial rendered once per language ({{cached}})",
			replace("layouts/partials/header.html", `{{T "skipToContent"}}`, `{{.Nope}}`),
			at("layouts/partials/header.html", `{{T "skipToContent"}}`, len("{{")) + `: executing "header-top" at <.Nope>: can't evaluate field Nope in type render.Chrome`, false},
		{"syntax",
			replace("layouts/reply.html", "{{.Scenario.Title}}", "{{.Scenario.Title}"),
			strings.Join(strings.Split(at("layouts/reply.html", "{{.Scenario.Title}}", 0), ":")[:2], ":") + ": bad character U+007D '}'", true},
		{"a partial no layout defines",
			del("layouts/partials/social.html"),
			at("layouts/base.html", `{{template "social" .}}`, len(`{{template `)) + `: no such template "social": define it in a layout file (partials go in layouts/partials/), or remove the call`, false},
		{"two partials defining one name",
			put("layouts/partials/zz.html", "{{/* a second footer */}}\n{{define \"footer\"}}<p>x</p>{{end}}\n"),
			`layouts/partials/zz.html:2:1: template "footer" is already defined in layouts/partials/footer.html: one of them would replace the other; rename one (and its {{template}} calls)`, true},
		{"a page kind's layout missing",
			del("layouts/about.html"),
			"layouts/about.html: missing: every site needs this layout (docs/layouts.md); restore it with `git checkout -- layouts/about.html`, or write one", true},
	}
	for _, tt := range tests {
		for _, minify := range []bool{false, true} {
			for _, watch := range []bool{false, true} {
				t.Run(fmt.Sprintf("%s/minify=%v/watch=%v", tt.name, minify, watch), func(t *testing.T) {
					fsys := apply(t, fixture(t), tt.edit)
					opts := build.Options{Minify: minify, Out: filepath.Join(t.TempDir(), "public")}
					var err error
					if watch {
						builder := build.NewBuilder(fsys, opts)
						_, err = builder.Build(context.Background(), nil)
						builder.Close()
					} else {
						_, err = build.Build(context.Background(), fsys, opts)
					}
					have := errLines(err)
					if len(have) != 1 || !strings.HasPrefix(have[0], tt.want) {
						t.Fatalf("errors:\n\t%s\nwant one:\n\t%s…", strings.Join(have, "\n\t"), tt.want)
					}
					if !tt.early && !strings.HasSuffix(have[0], " other pages)") {
						t.Errorf("%s\ndoes not say how many pages failed", have[0])
					}
				})
			}
		}
	}
}
