package assets_test

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/tact-guide/tact/internal/assets"
)

func hash10(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])[:10]
}

func TestAssetsAreMinifiedAndFingerprintedByTheirPublishedBytes(t *testing.T) {
	fsys := fstest.MapFS{
		"assets/style.css":     {Data: []byte("body {\n  color : red ;\n}\n")},
		"assets/js/app.js":     {Data: []byte("function  add ( a , b ) {\n  return a + b ;\n}\n")},
		"assets/img/logo.svg":  {Data: []byte("<svg xmlns=\"http://www.w3.org/2000/svg\">\n  <!-- c -->\n  <rect width=\"1\" height=\"1\"/>\n</svg>\n")},
		"assets/fonts/a.woff2": {Data: []byte("\x00binary\x01  data")},
		"assets/.DS_Store":     {Data: []byte("finder droppings")},
		"assets/img/.hidden":   {Data: []byte("x")},
	}
	set, err := assets.Load(fsys, "assets", assets.NewMinifier(true))
	if err != nil {
		t.Fatal(err)
	}
	if have, want := strings.Join(set.Names(), " "), "fonts/a.woff2 img/logo.svg js/app.js style.css"; have != want {
		t.Errorf("Names() = %s, want %s (dotfiles skipped, sorted)", have, want)
	}
	css := set["style.css"]
	if css == nil {
		t.Fatal("style.css missing")
	}
	if have, want := string(css.Data), "body{color:red}"; have != want {
		t.Errorf("style.css published as %q, want %q", have, want)
	}
	for _, name := range set.Names() {
		a := set[name]
		dot := strings.LastIndex(name, ".")
		want := "assets/" + name[:dot] + "." + hash10(a.Data) + name[dot:]
		if a.Path != want {
			t.Errorf("%s: Path %s, want %s (hash of the published bytes)", name, a.Path, want)
		}
		if a.Name != name {
			t.Errorf("%s: Name %s", name, a.Name)
		}
	}
	if js := string(set["js/app.js"].Data); strings.Contains(js, "  ") || strings.Contains(js, "\n") || !strings.HasPrefix(js, "function add(") {
		t.Errorf("app.js not minified: %q", js)
	}
	if svg := string(set["img/logo.svg"].Data); strings.Contains(svg, "<!--") {
		t.Errorf("logo.svg still has its comment: %q", svg)
	}
	if bin := string(set["fonts/a.woff2"].Data); bin != "\x00binary\x01  data" {
		t.Errorf("a file of unknown type was changed: %q", bin)
	}
}

func TestAChangedAssetGetsANewNameAndAnUnchangedOneKeepsIt(t *testing.T) {
	load := func(css string) string {
		t.Helper()
		set, err := assets.Load(fstest.MapFS{"assets/style.css": {Data: []byte(css)}}, "assets", assets.NewMinifier(true))
		if err != nil {
			t.Fatal(err)
		}
		return set["style.css"].Path
	}
	a, again, b := load("p { color: red }"), load("p { color: red }"), load("p { color: blue }")
	if a != again {
		t.Errorf("same input gave %s then %s", a, again)
	}
	if a == b {
		t.Errorf("changed CSS kept the name %s: browsers would keep the cached old file", a)
	}
	// Whitespace that minification removes does not change the name.
	if c := load("p{color:red}"); c != a {
		t.Errorf("CSS that minifies to the same bytes got %s, want %s", c, a)
	}
}

func TestMinifierOffCopiesBytes(t *testing.T) {
	src := "body {\n  color : red ;\n}\n"
	set, err := assets.Load(fstest.MapFS{"assets/style.css": {Data: []byte(src)}}, "assets", assets.NewMinifier(false))
	if err != nil {
		t.Fatal(err)
	}
	if have := string(set["style.css"].Data); have != src {
		t.Errorf("with minification off the CSS became %q", have)
	}
	m := assets.NewMinifier(false)
	page := "<!doctype html>\n<html lang=\"es\">\n<p class=\"a\">  hola  </p>\n"
	out, err := m.Bytes("text/html", []byte(page))
	if err != nil || string(out) != page {
		t.Errorf("Bytes with minification off = %q, %v; want the input unchanged", out, err)
	}
}

func TestHTMLMinifierKeepsWhatPagesNeed(t *testing.T) {
	page := "<!doctype html>\n<html lang=\"es\">\n<head>\n<meta charset=\"utf-8\">\n<title>T</title>\n</head>\n<body>\n<p class=\"lede\">  Hola,   mundo  </p>\n<pre data-body>Hola,\n\n  ((nombre))</pre>\n</body>\n</html>\n"
	out, err := assets.NewMinifier(true).Bytes("text/html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	s := string(out)
	for _, want := range []string{`<html lang="es">`, "<head>", "<body>", `class="lede"`, "</p>", "<pre data-body>Hola,\n\n  ((nombre))</pre>"} {
		if !strings.Contains(s, want) {
			t.Errorf("minified page lacks %q:\n%s", want, s)
		}
	}
	if len(out) >= len(page) {
		t.Errorf("minified page is not smaller: %q", s)
	}
}

func TestMediaType(t *testing.T) {
	for name, want := range map[string]string{
		"style.css":    "text/css",
		"a/app.js":     "application/javascript",
		"logo.svg":     "image/svg+xml",
		"quiz.json":    "application/json",
		"page.html":    "text/html",
		"sitemap.xml":  "application/xml",
		"font.woff2":   "",
		"README":       "",
		"v1.2/LICENSE": "",
	} {
		if have := assets.MediaType(name); have != want {
			t.Errorf("MediaType(%q) = %q, want %q", name, have, want)
		}
	}
}

// TestAssetsThatDoNotParseAreReportedAtTheirPlace: every script or JSON file
// the minifier cannot read is named with its line and column, in one error.
func TestAssetsThatDoNotParseAreReportedAtTheirPlace(t *testing.T) {
	fsys := fstest.MapFS{
		"assets/js/app.js":    {Data: []byte("var a = 1;\nvar b = {;\n")},
		"assets/data/q.json":  {Data: []byte("{\n  \"a\": }\n")},
		"assets/js/fine.js":   {Data: []byte("var c = 2;\n")},
		"assets/fonts/a.woff": {Data: []byte("\x00binary")},
	}
	_, err := assets.Load(fsys, "assets", assets.NewMinifier(true))
	if err == nil {
		t.Fatal("no error")
	}
	want := []string{
		"assets/data/q.json:2:8: unexpected right brace character: fix the JSON here",
		"assets/js/app.js:2:10: expected Identifier, String, Numeric, or [ instead of ; in object literal: fix the script here",
	}
	have := strings.Split(err.Error(), "\n")
	if len(have) != len(want) {
		t.Fatalf("have %d errors, want %d:\n%s", len(have), len(want), err)
	}
	for i := range want {
		if !strings.HasPrefix(have[i], want[i]) {
			t.Errorf("have %s\nwant %s…", have[i], want[i])
		}
	}
	// Without minification nothing is parsed, and nothing is wrong.
	if _, err := assets.Load(fsys, "assets", assets.NewMinifier(false)); err != nil {
		t.Errorf("minification off: %v", err)
	}
}

func TestMissingAssetsDirectoryIsAnError(t *testing.T) {
	if _, err := assets.Load(fstest.MapFS{}, "assets", assets.NewMinifier(true)); err == nil {
		t.Error("Load of a missing directory succeeded")
	}
}

func TestRealStylesheetMinifies(t *testing.T) {
	set, err := assets.Load(os.DirFS("../.."), "assets", assets.NewMinifier(true))
	if err != nil {
		t.Fatal(err)
	}
	css := set["style.css"]
	if css == nil {
		t.Fatal("assets/style.css is missing")
	}
	src, err := os.ReadFile("../../assets/style.css")
	if err != nil {
		t.Fatal(err)
	}
	if len(css.Data) == 0 || len(css.Data) >= len(src) {
		t.Errorf("style.css: %d bytes published from %d", len(css.Data), len(src))
	}
}
