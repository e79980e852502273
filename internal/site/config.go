package site

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"slices"

	"github.com/pelletier/go-toml/v2"

	"tact/internal/diag"
	"tact/internal/slug"
)

// ConfigFile is the name of the site configuration at the root.
const ConfigFile = "tact.toml"

// Config is tact.toml: the site's name and its languages, in the order the
// language switcher shows them.
type Config struct {
	Title     string     `toml:"title"`     // the site's name
	BaseURL   string     `toml:"baseURL"`   // where the site is published; --base-url overrides it
	Source    string     `toml:"source"`    // the language translations are made from; "" for none
	Languages []Language `toml:"languages"` // [[languages]] tables
}

// Language is one configured language.
type Language struct {
	Code     string    `toml:"code"`    // BCP 47 tag and directory name: es, nl, it, en
	Name     string    `toml:"name"`    // the language's own name: Español
	Locale   string    `toml:"locale"`  // Open Graph locale: es_ES
	ReplySeg string    `toml:"replies"` // URL segment of the reply pages: respuestas
	Quotes   [4]string `toml:"quotes"`  // “ ” ‘ ’: double then single quotes
}

// reservedSegments are URL segments under /<lang>/ taken by the builder.
var reservedSegments = []string{"quiz", "embed", "assets", "feed.xml", "sitemap.xml", "404.html"}

// reservedCodes are top-level URL segments taken by the builder, which no
// language code may take.
var reservedCodes = []string{"assets", "status"}

func loadConfig(fsys fs.FS) (*Config, error) {
	data, err := fs.ReadFile(fsys, ConfigFile)
	if d := (*diag.Error)(nil); errors.As(err, &d) {
		return nil, d
	}
	if err != nil {
		return nil, &diag.Error{File: ConfigFile, Msg: fmt.Sprintf("cannot read the site configuration: %v (run the build from the site's root or pass --content)", unwrapPath(err))}
	}
	var cfg Config
	dec := toml.NewDecoder(bytes.NewReader(data)).DisallowUnknownFields()
	if err := dec.Decode(&cfg); err != nil {
		return nil, tomlErrors(ConfigFile, data, 0, err)
	}
	var errs diag.List
	at := func(key string) (int, int) {
		line, col := diag.Position(data, fieldOffset(0, data, key))
		return line, col
	}
	if cfg.BaseURL != "" {
		if msg := badBaseURL(cfg.BaseURL); msg != "" {
			line, col := at("baseURL")
			errs.Addf(ConfigFile, line, col, "baseURL %q %s", cfg.BaseURL, msg)
		}
	}
	seen := map[string]bool{}
	if len(cfg.Languages) == 0 {
		errs.Addf(ConfigFile, 0, 0, "no languages configured: add a [[languages]] table for each content/<lang> directory")
	}
	for _, l := range cfg.Languages {
		switch {
		case !slug.Valid(l.Code):
			errs.Addf(ConfigFile, lineOf(data, "code", l.Code), 0, "language code %q is not valid: use a lowercase tag such as \"es\"", l.Code)
		case seen[l.Code]:
			errs.Addf(ConfigFile, lineOf(data, "code", l.Code), 0, "language %q is configured twice", l.Code)
		case slices.Contains(reservedCodes, l.Code):
			errs.Addf(ConfigFile, lineOf(data, "code", l.Code), 0, "language code %q is the address of the site's own /%s/ files: use the language's tag", l.Code, l.Code)
		case l.Name == "" || l.Locale == "" || !slug.Valid(l.ReplySeg):
			errs.Addf(ConfigFile, lineOf(data, "code", l.Code), 0, "language %q needs name, locale and replies (a URL segment such as \"respuestas\")", l.Code)
		case slices.Contains(reservedSegments, l.ReplySeg):
			errs.Addf(ConfigFile, lineOf(data, "replies", l.ReplySeg), 0, "language %q: replies = %q is the address of the site's own /%s/%s/ pages: choose another word", l.Code, l.ReplySeg, l.Code, l.ReplySeg)
		}
		seen[l.Code] = true
	}
	if cfg.Source != "" && !seen[cfg.Source] {
		errs.Addf(ConfigFile, lineOf(data, "source", cfg.Source), 0, "source language %q is not configured: use the code of one of the [[languages]]", cfg.Source)
	}
	return &cfg, errs.Err()
}

// lineOf returns the line of tact.toml that says key = "val", or 0 (no
// line) when there is none: errors about a value point at where it is
// written.
func lineOf(data []byte, key, val string) int {
	for i, line := range bytes.Split(data, []byte("\n")) {
		rest, ok := bytes.CutPrefix(bytes.TrimLeft(line, " \t"), []byte(key))
		if !ok {
			continue
		}
		rest, ok = bytes.CutPrefix(bytes.TrimLeft(rest, " \t"), []byte("="))
		if ok && string(bytes.TrimSpace(rest)) == fmt.Sprintf("%q", val) {
			return i + 1
		}
	}
	return 0
}
