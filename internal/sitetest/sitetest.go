// Package sitetest helps tests work on a copy of a real site.
package sitetest

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Sources are the files and directories a site's build reads.
var Sources = []string{"tact.toml", "content", "layouts", "assets", "i18n", "static", "translated-from"}

// Copy copies the sources of the site at from into the directory to.
func Copy(tb testing.TB, from, to string) {
	tb.Helper()
	for _, name := range Sources {
		if _, err := os.Lstat(filepath.Join(from, name)); os.IsNotExist(err) && (name == "static" || name == "translated-from") {
			continue // (optional)
		}
		err := filepath.WalkDir(filepath.Join(from, name), func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, err := filepath.Rel(from, p)
			if err != nil {
				return err
			}
			dst := filepath.Join(to, rel)
			if d.IsDir() {
				return os.MkdirAll(dst, 0o755)
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
				return err
			}
			return os.WriteFile(dst, data, 0o644)
		})
		if err != nil {
			tb.Fatalf("copy the site: %v", err)
		}
	}
}

// ReadTree returns every file under dir: slash-separated path relative to
// dir → content.
func ReadTree(tb testing.TB, dir string) map[string]string {
	tb.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		files[filepath.ToSlash(rel)] = string(data)
		return nil
	})
	if err != nil {
		tb.Fatalf("read %s: %v", dir, err)
	}
	return files
}

// WriteTree writes files (slash-separated path relative to dir → content)
// under dir, making directories as needed: the inverse of ReadTree.
func WriteTree(tb testing.TB, dir string, files map[string]string) {
	tb.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}

// Replace replaces the first old in file rel under dir with new, and
// returns rel; a file that does not say old fails the test.
func Replace(tb testing.TB, dir, rel, old, new string) string {
	tb.Helper()
	f := filepath.Join(dir, filepath.FromSlash(rel))
	b, err := os.ReadFile(f)
	if err != nil || !strings.Contains(string(b), old) {
		tb.Fatalf("%s does not say %q (%v)", rel, old, err)
	}
	if err := os.WriteFile(f, []byte(strings.Replace(string(b), old, new, 1)), 0o644); err != nil {
		tb.Fatal(err)
	}
	return rel
}
