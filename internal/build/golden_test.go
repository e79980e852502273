package build_test

import (
	"flag"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/golden/*.html with the current output")

// goldenPages maps each file of testdata/golden to the page of the fixture
// site it holds, built with --minify=false.
var goldenPages = map[string]string{
	"es-home.html":                 "es/index.html",
	"en-article.html":              "en/introductions/index.html",
	"es-article-untranslated.html": "es/pedir-otro-favor/index.html",
	"es-reply.html":                "es/respuestas/aceptar-y-proponer-una-fecha/index.html",
	"en-replies.html":              "en/replies/index.html",
}

// fingerprint matches the content hash in an asset's URL. Golden pages
// record it as HASH, so that a change to a stylesheet or a script does not
// rewrite every golden file; TestFixtureOutputFiles and the assets package
// check the fingerprints themselves.
var fingerprint = regexp.MustCompile(`(/assets/[a-z0-9/_-]+\.)[0-9a-f]{10}(\.[a-z0-9]+")`)

// TestGoldenPages renders the fixture site and compares a page of each kind
// with testdata/golden. After an intended change to the layouts, the
// interface strings or the engine, run `go test ./internal/build -update` and read the
// diff of testdata/golden before committing it.
func TestGoldenPages(t *testing.T) {
	for _, name := range slices.Sorted(maps.Keys(goldenPages)) {
		t.Run(strings.TrimSuffix(name, ".html"), func(t *testing.T) {
			have := fingerprint.ReplaceAllString(sharedPage(t, goldenPages[name]), "${1}HASH$2")
			file := filepath.Join("testdata", "golden", name)
			if *update {
				if err := os.WriteFile(file, []byte(have), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(file)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/build -update to create it)", err)
			}
			if have != string(want) {
				t.Errorf("%s differs from %s (- want, + have; -update rewrites it):\n%s", goldenPages[name], file, diff(string(want), have))
			}
		})
	}
}

// The fixture site has exactly these pages: one per URL of
// docs/architecture.md, each at <URL>index.html. Assets are fingerprinted.
func TestFixtureOutputFiles(t *testing.T) {
	var pages, assets []string
	for _, name := range slices.Sorted(maps.Keys(shared(t))) {
		switch {
		case strings.HasPrefix(name, "assets/"):
			assets = append(assets, name)
		case strings.HasSuffix(name, ".html"):
			pages = append(pages, name)
		}
	}
	fingerprinted := regexp.MustCompile(`^assets/[a-z0-9/_-]+\.[0-9a-f]{10}\.[a-z0-9]+$`)
	for _, a := range assets {
		if !fingerprinted.MatchString(a) {
			t.Errorf("asset %s is not fingerprinted", a)
		}
	}
	if !slices.ContainsFunc(assets, regexp.MustCompile(`^assets/style\.[0-9a-f]{10}\.css$`).MatchString) {
		t.Errorf("no fingerprinted stylesheet among %v", assets)
	}
	want := []string{
		"404.html",
		"en/404.html",
		"en/index.html",
		"en/introductions/index.html",
		"en/one-more-favour/index.html",
		"en/replies/ask-with-an-easy-way-out/index.html",
		"en/replies/decline-while-you-change-careers/index.html",
		"en/replies/index.html",
		"en/replies/say-yes-and-name-a-date/index.html",
		"en/search/index.html",
		"es/404.html",
		"es/buscar/index.html",
		"es/index.html",
		"es/pedir-otro-favor/index.html",
		"es/presentaciones/index.html",
		"es/respuestas/aceptar-y-proponer-una-fecha/index.html",
		"es/respuestas/index.html",
		"es/respuestas/pedir-con-una-salida-facil/index.html",
		"es/respuestas/rechazar-porque-cambias-de-sector/index.html",
		"index.html",
		"nl/404.html",
		"nl/antwoorden/bedanken-omdat-je-van-vak-wisselt/index.html",
		"nl/antwoorden/index.html",
		"nl/antwoorden/ja-zeggen-en-een-datum-noemen/index.html",
		"nl/index.html",
		"nl/introducties/index.html",
		"nl/zoeken/index.html",
	}
	if strings.Join(pages, "\n") != strings.Join(want, "\n") {
		t.Errorf("pages (- want, + have):\n%s", diff(strings.Join(want, "\n"), strings.Join(pages, "\n")))
	}
}
