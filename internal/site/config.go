package site

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/tact-guide/tact/internal/diag"
	"github.com/tact-guide/tact/internal/sitefs"
	"github.com/tact-guide/tact/internal/slug"
	"github.com/tact-guide/tact/internal/tomlpos"
)

// ConfigFile is the name of the site configuration at the root.
const ConfigFile = "tact.toml"

// Config is tact.toml: the site's name and its languages, in the order the
// language switcher shows them.
type Config struct {
	Title     string              `toml:"title"`     // the site's name
	BaseURL   string              `toml:"baseURL"`   // where the site is published; --base-url overrides it
	Source    string              `toml:"source"`    // the language translations are made from; "" for none
	Languages []Language          `toml:"languages"` // [[languages]] tables
	CSP       map[string][]string `toml:"csp"`       // [csp]: sources the Content-Security-Policy adds, directive → sources (package csp checks them)
}

// Language is one configured language.
type Language struct {
	Code     string    `toml:"code"`    // BCP 47 tag and directory name: es, nl, it, en
	Name     string    `toml:"name"`    // the language's own name: Español
	Locale   string    `toml:"locale"`  // Open Graph locale: es_ES
	ReplySeg string    `toml:"replies"` // URL segment of the reply pages: respuestas
	QuizSeg  string    `toml:"quiz"`    // URL segment of the quiz pages: cuestionario; "quiz" when not set
	Marks    []string  `toml:"quotes"`  // “ ” ‘ ’: double then single quotes, as written
	Quotes   [4]string `toml:"-"`       // Marks, once checked to be four
}

// reservedSegments are URL segments under /<lang>/ taken by the builder.
var reservedSegments = []string{"quiz", "embed", "assets", "feed.xml", "sitemap.xml", "404.html"}

// reservedCodes are top-level URL segments taken by the builder, which no
// language code may take.
var reservedCodes = []string{"assets", "status"}

// localeRe matches an Open Graph locale: a language and a country, es_ES.
var localeRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-z]{2,3}_[A-Z]{2}$`) })

// LoadConfig reads and checks tact.toml.
func LoadConfig(fsys fs.FS) (*Config, error) {
	data, err := fs.ReadFile(fsys, ConfigFile)
	if d := (*diag.Error)(nil); errors.As(err, &d) {
		return nil, d
	}
	if err != nil {
		return nil, &diag.Error{File: ConfigFile, Msg: fmt.Sprintf("cannot read the site configuration: %v (run the build from the site's root or pass --content)", sitefs.UnwrapPath(err))}
	}
	var cfg Config
	idx, err := tomlpos.Decode(ConfigFile, data, 0, len(data), &cfg, tomlpos.Messages{Unknown: unknownKey})
	if err != nil {
		return nil, err
	}
	var errs diag.List
	if strings.TrimSpace(cfg.Title) == "" {
		errs.Add(idx.Errorf(tomlpos.First(idx.Val("title"), 0), "missing title: add title = \"…\", the site's name, to tact.toml"))
	}
	if cfg.BaseURL != "" {
		if msg := badBaseURL(cfg.BaseURL); msg != "" {
			errs.Add(idx.Errorf(idx.Val("baseURL"), "baseURL %q %s", cfg.BaseURL, msg))
		}
	}
	// at is where a language's field is written, or -1 (the whole file).
	at := func(i int, field string) int { return idx.Val(fmt.Sprintf("languages[%d].%s", i, field)) }
	seen := map[string]bool{}
	if len(cfg.Languages) == 0 {
		errs.Addf(ConfigFile, 0, 0, "no languages configured: add a [[languages]] table for each content/<lang> directory")
	}
	for i, l := range cfg.Languages {
		switch {
		case !slug.Valid(l.Code):
			errs.Add(idx.Errorf(at(i, "code"), "language code %q is not valid: use a lowercase tag such as \"es\"", l.Code))
		case seen[l.Code]:
			errs.Add(idx.Errorf(at(i, "code"), "language %q is configured twice", l.Code))
		case slices.Contains(reservedCodes, l.Code):
			errs.Add(idx.Errorf(at(i, "code"), "language code %q is the address of the site's own /%s/ files: use the language's tag", l.Code, l.Code))
		case l.Name == "" || l.Locale == "" || !slug.Valid(l.ReplySeg):
			errs.Add(idx.Errorf(tomlpos.First(at(i, "code"), idx.Key(fmt.Sprintf("languages[%d]", i))), "language %q needs name, locale and replies (a URL segment such as \"respuestas\")", l.Code))
		case !localeRe().MatchString(l.Locale):
			errs.Add(idx.Errorf(at(i, "locale"), "language %q: locale %q is not an Open Graph locale: write the language and the country, such as \"es_ES\"", l.Code, l.Locale))
		case len(l.Marks) != 4 || slices.Contains(l.Marks, ""):
			errs.Add(idx.Errorf(tomlpos.First(at(i, "quotes"), at(i, "code")), "language %q: quotes needs four marks, the opening and closing double quotes and then the single ones, such as [\"«\", \"»\", \"“\", \"”\"]", l.Code))
		case slices.Contains(reservedSegments, l.ReplySeg):
			errs.Add(idx.Errorf(at(i, "replies"), "language %q: replies = %q is the address of the site's own /%s/%s/ pages: choose another word", l.Code, l.ReplySeg, l.Code, l.ReplySeg))
		case l.QuizSeg != "" && (!slug.Valid(l.QuizSeg) || l.QuizSeg == l.ReplySeg || l.QuizSeg != "quiz" && slices.Contains(reservedSegments, l.QuizSeg)):
			errs.Add(idx.Errorf(at(i, "quiz"), "language %q: quiz = %q cannot be the quiz's URL segment: use lowercase letters, digits and hyphens, such as \"cuestionario\", other than replies and the site's own segments", l.Code, l.QuizSeg))
		}
		if cfg.Languages[i].QuizSeg == "" {
			cfg.Languages[i].QuizSeg = "quiz"
		}
		if len(l.Marks) == 4 {
			cfg.Languages[i].Quotes = [4]string(l.Marks)
		}
		seen[l.Code] = true
	}
	if cfg.Source != "" && !seen[cfg.Source] {
		errs.Add(idx.Errorf(idx.Val("source"), "source language %q is not configured: use the code of one of the [[languages]]", cfg.Source))
	}
	return &cfg, errs.Err()
}

// unknownKey is the message for a key of tact.toml that Config does not
// have: docs/config.md lists them all (docs_test.go keeps it so).
func unknownKey(key string) string {
	return fmt.Sprintf("unknown field %q: check its spelling (known fields are listed in docs/config.md)", key)
}

// BasePath returns the path the site is built under: that of --base-url
// (baseURL), or else of tact.toml's baseURL; "" for the root. The
// preview server serves the site there, so that its links work.
func BasePath(fsys fs.FS, baseURL string) (string, error) {
	fsys = sitefs.Guard(fsys)
	base := baseURL
	if base == "" {
		cfg, err := LoadConfig(fsys)
		if err != nil {
			return "", err
		}
		base = cfg.BaseURL
	}
	return basePathOf(base)
}

func basePathOf(base string) (string, error) {
	if base == "" {
		return "", nil
	}
	if msg := badBaseURL(base); msg != "" {
		return "", fmt.Errorf("base URL %q %s", base, msg)
	}
	u, _ := url.Parse(base)
	return strings.TrimSuffix(u.Path, "/"), nil
}

// badBaseURL says what is wrong with an absolute URL the site is served
// from, or returns "". Its path reaches _headers, sitemaps, feeds and every
// page's links, so only a plain path is accepted: no query, fragment, user
// name, dot segments, spaces, quotes or control characters, even encoded.
func badBaseURL(base string) string {
	u, err := url.Parse(base)
	switch {
	case err != nil || u.Scheme != "https" && u.Scheme != "http" || u.Host == "" || u.Opaque != "":
		return "is not an absolute http(s) URL such as https://example.org/"
	case u.User != nil:
		return "must not hold a user name or password"
	case u.RawQuery != "" || u.ForceQuery:
		return "must not have a query (?…)"
	case u.Fragment != "" || strings.Contains(base, "#"):
		return "must not have a fragment (#…)"
	case strings.ContainsFunc(base+u.Path, func(r rune) bool { return r <= ' ' || r == 0x7f || strings.ContainsRune("\"'<>`\\", r) }):
		return "must not contain spaces, quotes or control characters (even percent-encoded)"
	case u.Port() != "" && strings.Trim(u.Port(), "0123456789") != "":
		return "has a port that is not a number"
	}
	for _, seg := range strings.Split(u.Path, "/") {
		if seg == "." || seg == ".." {
			return "must not have . or .. segments in its path"
		}
	}
	return ""
}
