// Package csp is the site's Content-Security-Policy: Tact's own policy,
// strict (only the site's own scripts, styles, images, fonts, connections
// and frames; no inline script or style, no eval, no plugins), extended by
// the sources a site owner lists in tact.toml's [csp] table, for an
// analytics script, say:
//
//	[csp]
//	script-src = ["https://plausible.io"]
//	connect-src = ["https://plausible.io"]
//
// Each key is a directive and each value a list of sources added to it.
// The additions are checked so that none lets inline script, eval or any
// site at all back in: a source must be a host (https://stats.example.org,
// https://*.example.org, cdn.example.org:8443/path/) or, for scripts and
// styles, the hash of one inline element ('sha256-…'); 'unsafe-inline',
// 'unsafe-eval' and the like, bare schemes (https:, data:) and * are
// refused, each with its place in tact.toml and what to write instead.
// The policy goes into every page's <meta http-equiv> and into _headers.
package csp

import (
	"encoding/base64"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/tact-guide/tact/internal/diag"
	"github.com/tact-guide/tact/internal/tomlpos"
)

// Table is the name of tact.toml's table of additions.
const Table = "csp"

// directive is one directive of the policy and its sources.
type directive struct {
	name    string
	sources []string
}

// base is Tact's own policy, in the order it is written.
var base = []directive{
	{"default-src", []string{"'self'"}},
	{"script-src", []string{"'self'"}},
	{"style-src", []string{"'self'"}},
	{"img-src", []string{"'self'", "data:"}},
	{"font-src", []string{"'self'"}},
	{"connect-src", []string{"'self'"}},
	{"frame-src", []string{"'self'"}},
	{"object-src", []string{"'none'"}},
	{"base-uri", []string{"'none'"}},
	{"form-action", []string{"'self'"}},
}

// extensible are the directives sources may be added to: those that say
// where the page may load from, send forms to, or frame. The others stay
// as Tact sets them (object-src and base-uri 'none'); a directive not in
// the base policy starts from 'self', as default-src would have it.
var extensible = []string{"script-src", "style-src", "img-src", "font-src", "connect-src", "frame-src", "media-src", "worker-src", "manifest-src", "form-action"}

// Base is the policy of a site that adds nothing.
var Base = Policy(nil)

// Policy returns the policy with the sources of extra (directive → the
// sources to add, checked by Check) added: deterministic, whatever the
// order of the map, and each source once.
func Policy(extra map[string][]string) string {
	dirs := slices.Clone(base)
	for _, name := range extensible {
		add := extra[name]
		if len(add) == 0 {
			continue
		}
		i := slices.IndexFunc(dirs, func(d directive) bool { return d.name == name })
		if i < 0 {
			// Before object-src: the fetch directives stay together.
			i = slices.IndexFunc(dirs, func(d directive) bool { return d.name == "object-src" })
			dirs = slices.Insert(dirs, i, directive{name, []string{"'self'"}})
		}
		sources := slices.Clone(dirs[i].sources)
		for _, s := range add {
			if !slices.Contains(sources, s) {
				sources = append(sources, s)
			}
		}
		dirs[i].sources = sources
	}
	var b strings.Builder
	for i, d := range dirs {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(d.name + " " + strings.Join(d.sources, " "))
	}
	return b.String()
}

// Load returns the policy of a site whose tact.toml (file, in fsys) has
// the [csp] table extra, or every problem of extra at its place in the
// file.
func Load(fsys fs.FS, file string, extra map[string][]string) (string, error) {
	if len(extra) == 0 {
		return Base, nil
	}
	src, err := fs.ReadFile(fsys, file)
	if err != nil {
		return "", fmt.Errorf("read %s: %w", file, err)
	}
	if err := Check(extra, tomlpos.NewIndex(file, src, 0, len(src))); err != nil {
		return "", err
	}
	return Policy(extra), nil
}

// Check returns every problem of the [csp] table extra, at its place in
// the file idx indexes.
func Check(extra map[string][]string, idx *tomlpos.Index) error {
	var errs diag.List
	for name, sources := range extra {
		key := Table + "." + name
		if !slices.Contains(extensible, name) {
			errs.Add(idx.Errorf(tomlpos.First(idx.Key(key), idx.Key(Table)), "%s: %q is not a directive Tact lets you extend: use one of %s", Table, name, strings.Join(extensible, ", ")))
			continue
		}
		for i, s := range sources {
			if msg := checkSource(name, s); msg != "" {
				at := tomlpos.First(idx.Val(fmt.Sprintf("%s[%d]", key, i)), idx.Val(key))
				errs.Add(idx.Errorf(at, "%s.%s: %s", Table, name, msg))
			}
		}
	}
	return errs.Err()
}

// hostSource matches a CSP host-source: an optional scheme, a host (its
// first label may be *), an optional port and an optional path.
var hostSource = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?:([a-zA-Z][a-zA-Z0-9+.-]*)://)?(\*\.)?[a-zA-Z0-9-]+(?:\.[a-zA-Z0-9-]+)*(?::(?:[0-9]{1,5}|\*))?(?:/[A-Za-z0-9\-._~!$&*+=:@/%]*)?$`)
})

// checkSource returns what is wrong with the source s added to the
// directive name, in the words of the message after "csp.<name>: ", or "".
func checkSource(name, s string) string {
	lower := strings.ToLower(s)
	inline := "move the script into a file under assets/ and load it with <script src defer>, or add the hash of that one inline script ('sha256-…')"
	if name == "style-src" {
		inline = "move the styles into assets/style.css, or add the hash of that one inline style ('sha256-…')"
	}
	switch {
	case lower == "'unsafe-inline'" || lower == "'unsafe-hashes'":
		return fmt.Sprintf("%s would let inline code run, which the policy is there to stop (an injected <script> among it): %s", s, inline)
	case lower == "'unsafe-eval'" || lower == "'wasm-unsafe-eval'":
		return fmt.Sprintf("%s would let scripts run text as code (eval, new Function): use a version of the script that does not need it (most analytics scripts do not)", s)
	case lower == "'self'":
		return "" // (there already: harmless)
	case lower == "'none'":
		return fmt.Sprintf("%s cannot be added to a list of sources: remove it (the policy keeps the site's own sources)", s)
	case strings.HasPrefix(lower, "'sha256-") || strings.HasPrefix(lower, "'sha384-") || strings.HasPrefix(lower, "'sha512-"):
		if name != "script-src" && name != "style-src" {
			return fmt.Sprintf("a hash (%s) allows one inline script or style: add it to script-src or style-src", s)
		}
		if !validHash(s) {
			return fmt.Sprintf("%q is not a hash source: write 'sha256-' and the base64 of the element's SHA-256, in single quotes, such as 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='", s)
		}
		return ""
	case strings.HasPrefix(s, "'"):
		return fmt.Sprintf("%s is not a source Tact accepts: list the origins the page may use, such as \"https://plausible.io\"", s)
	case s == "*" || strings.HasSuffix(s, "://*") || strings.HasSuffix(s, ":") && !strings.Contains(s, "/"):
		return fmt.Sprintf("%q would allow every site: name the origin instead, such as \"https://plausible.io\"", s)
	}
	m := hostSource().FindStringSubmatch(s)
	if m == nil {
		return fmt.Sprintf("%q is not a source expression: write an origin such as \"https://plausible.io\" (a scheme, a host, and no spaces, quotes, ; or ,)", s)
	}
	switch scheme := strings.ToLower(m[1]); {
	case scheme == "http" || scheme == "ws":
		return fmt.Sprintf("%q is not encrypted: use https:// (or wss://), which browsers require of an https site", s)
	case scheme != "" && scheme != "https" && scheme != "wss":
		return fmt.Sprintf("%q: a %s: source is not one a page loads from: write an https:// origin", s, scheme)
	}
	return ""
}

// validHash reports whether s is a hash source: 'sha256-…' (or 384, 512)
// with the base64 of a digest of that length.
func validHash(s string) bool {
	body, ok := strings.CutPrefix(s, "'")
	if body, ok = strings.CutSuffix(body, "'"); !ok {
		return false
	}
	alg, b64, _ := strings.Cut(body, "-")
	sizes := map[string]int{"sha256": 32, "sha384": 48, "sha512": 64}
	d, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		d, err = base64.RawURLEncoding.DecodeString(strings.TrimRight(b64, "="))
	}
	return err == nil && len(d) == sizes[strings.ToLower(alg)]
}
