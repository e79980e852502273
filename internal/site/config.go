package site

import (
	"bytes"
	"fmt"
	"io/fs"

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

func loadConfig(fsys fs.FS) (*Config, error) {
	data, err := fs.ReadFile(fsys, ConfigFile)
	if err != nil {
		return nil, &diag.Error{File: ConfigFile, Msg: fmt.Sprintf("cannot read the site configuration: %v (run the build from the site's root or pass --content)", unwrapPath(err))}
	}
	var cfg Config
	dec := toml.NewDecoder(bytes.NewReader(data)).DisallowUnknownFields()
	if err := dec.Decode(&cfg); err != nil {
		return nil, tomlErrors(ConfigFile, data, 0, err)
	}
	var errs diag.List
	seen := map[string]bool{}
	if len(cfg.Languages) == 0 {
		errs.Addf(ConfigFile, 0, 0, "no languages configured: add a [[languages]] table for each content/<lang> directory")
	}
	for _, l := range cfg.Languages {
		switch {
		case !slug.Valid(l.Code):
			errs.Addf(ConfigFile, 0, 0, "language code %q is not valid: use a lowercase tag such as \"es\"", l.Code)
		case seen[l.Code]:
			errs.Addf(ConfigFile, 0, 0, "language %q is configured twice", l.Code)
		case l.Name == "" || l.Locale == "" || !slug.Valid(l.ReplySeg):
			errs.Addf(ConfigFile, 0, 0, "language %q needs name, locale and replies (a URL segment such as \"respuestas\")", l.Code)
		}
		seen[l.Code] = true
	}
	if cfg.Source != "" && !seen[cfg.Source] {
		errs.Addf(ConfigFile, 0, 0, "source language %q is not configured: use the code of one of the [[languages]]", cfg.Source)
	}
	return &cfg, errs.Err()
}
