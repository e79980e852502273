package csp

import (
	"strings"
	"testing"

	"github.com/tact-guide/tact/internal/tomlpos"
)

// A site that adds nothing declares Tact's own policy, unchanged.
func TestBase(t *testing.T) {
	const want = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
		"font-src 'self'; connect-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'"
	if Base != want {
		t.Errorf("Base = %q\nwant %q", Base, want)
	}
}

func TestPolicy(t *testing.T) {
	got := Policy(map[string][]string{
		"connect-src": {"https://plausible.io"},
		"script-src":  {"https://plausible.io", "'self'", "https://plausible.io"},
		"media-src":   {"https://media.example.org"},
	})
	want := "default-src 'self'; script-src 'self' https://plausible.io; style-src 'self'; img-src 'self' data:; " +
		"font-src 'self'; connect-src 'self' https://plausible.io; frame-src 'self'; media-src 'self' https://media.example.org; " +
		"object-src 'none'; base-uri 'none'; form-action 'self'"
	if got != want {
		t.Errorf("Policy =\n%q\nwant\n%q", got, want)
	}
	for range 20 { // (map order varies from run to run)
		if again := Policy(map[string][]string{"script-src": {"https://a.example", "https://b.example"}, "img-src": {"https://c.example"}}); again != Policy(map[string][]string{"img-src": {"https://c.example"}, "script-src": {"https://a.example", "https://b.example"}}) {
			t.Fatal("the policy depends on the map's order")
		}
	}
}

func TestCheckSource(t *testing.T) {
	for _, c := range []struct {
		dir, src string
		want     string // "" for accepted, else part of the message
	}{
		{"script-src", "https://plausible.io", ""},
		{"script-src", "https://plausible.io/js/script.js", ""},
		{"connect-src", "wss://live.example.org:8443", ""},
		{"img-src", "https://*.example.org", ""},
		{"img-src", "cdn.example.org", ""},
		{"script-src", "'self'", ""},
		{"script-src", "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='", ""},
		{"script-src", "'unsafe-inline'", "'unsafe-inline' would let inline code run, which the policy is there to stop (an injected <script> among it): move the script into a file under assets/"},
		{"style-src", "'UNSAFE-INLINE'", "move the styles into assets/style.css"},
		{"script-src", "'unsafe-hashes'", "would let inline code run"},
		{"script-src", "'unsafe-eval'", "'unsafe-eval' would let scripts run text as code (eval, new Function)"},
		{"script-src", "'wasm-unsafe-eval'", "would let scripts run text as code"},
		{"script-src", "'strict-dynamic'", "'strict-dynamic' is not a source Tact accepts"},
		{"script-src", "'nonce-abc'", "is not a source Tact accepts"},
		{"script-src", "'none'", "cannot be added to a list of sources"},
		{"script-src", "*", "would allow every site"},
		{"script-src", "https:", "would allow every site"},
		{"img-src", "data:", "would allow every site"},
		{"script-src", "https://*", "would allow every site"},
		{"script-src", "http://plausible.io", "is not encrypted: use https://"},
		{"script-src", "javascript://x", "is not one a page loads from"},
		{"script-src", "plausible io", `"plausible io" is not a source expression: write an origin such as "https://plausible.io"`},
		{"script-src", "https://a.example; script-src *", "is not a source expression"},
		{"script-src", "https://a.example, *", "is not a source expression"},
		{"script-src", "https://a.example/\nX-Evil: 1", "is not a source expression"},
		{"img-src", "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='", "add it to script-src or style-src"},
		{"script-src", "'sha256-abc'", "is not a hash source"},
	} {
		got := checkSource(c.dir, c.src)
		if c.want == "" && got != "" || c.want != "" && !strings.Contains(got, c.want) {
			t.Errorf("%s %q: %q, want %q", c.dir, c.src, got, c.want)
		}
	}
}

// Every problem is reported at its place in tact.toml.
func TestCheckPositions(t *testing.T) {
	src := []byte("title = \"T\"\n\n[csp]\nscript-src = [\"https://ok.example\", \"'unsafe-inline'\"]\nscrpt-src = [\"https://x.example\"]\n")
	var cfg struct {
		Title string              `toml:"title"`
		CSP   map[string][]string `toml:"csp"`
	}
	idx, err := tomlpos.Decode("tact.toml", src, 0, len(src), &cfg, tomlpos.Messages{Unknown: func(k string) string { return k }})
	if err != nil {
		t.Fatal(err)
	}
	err = Check(cfg.CSP, idx)
	want := []string{
		`tact.toml:4:37: csp.script-src: 'unsafe-inline' would let inline code run`,
		`tact.toml:5:1: csp: "scrpt-src" is not a directive Tact lets you extend: use one of script-src, style-src,`,
	}
	got := strings.Split(strings.TrimSpace(errText(err)), "\n")
	if len(got) != len(want) {
		t.Fatalf("got %q, want %d problems", got, len(want))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("problem %d: %q\nwant it to start %q", i, got[i], want[i])
		}
	}
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
