package build_test

import (
	"html/template"
	"strings"
	"testing"

	"github.com/tact-guide/tact/internal/build"
	"github.com/tact-guide/tact/internal/csp"
)

// A site owner adds an analytics origin in tact.toml, without touching Go
// code: every page's <meta http-equiv> and _headers declare the same
// extended policy, and nothing else of it changes.
func TestCSPExtendedInTactToml(t *testing.T) {
	fsys := apply(t, fixture(t), replace("tact.toml", "[[languages]]",
		"[csp]\nscript-src = [\"https://plausible.io\"]\nconnect-src = [\"https://plausible.io\"]\n\n[[languages]]"))
	out := mustBuild(t, fsys, build.Options{})
	want := csp.Policy(map[string][]string{"script-src": {"https://plausible.io"}, "connect-src": {"https://plausible.io"}})
	if !strings.Contains(want, "script-src 'self' https://plausible.io;") || !strings.Contains(want, "connect-src 'self' https://plausible.io;") {
		t.Fatalf("the policy does not add the origin: %s", want)
	}
	for _, page := range []string{"index.html", "404.html", "en/index.html", "es/404.html"} {
		if html := readPage(t, out, page); !strings.Contains(html, `<meta http-equiv="Content-Security-Policy" content="`+template.HTMLEscapeString(want)+`">`) {
			t.Errorf("%s does not declare the extended policy", page)
		}
	}
	headers := readPage(t, out, "_headers")
	if !strings.Contains(headers, "/*\n  Content-Security-Policy: "+want+"\n") {
		t.Errorf("_headers does not send the extended policy:\n%s", headers)
	}

	// Without a [csp] table: Tact's own policy.
	out = mustBuild(t, fixture(t), build.Options{})
	if html := readPage(t, out, "en/index.html"); !strings.Contains(html, `content="`+template.HTMLEscapeString(csp.Base)+`"`) {
		t.Error("a site without [csp] does not declare the base policy")
	}
}
