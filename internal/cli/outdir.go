package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/tact-guide/tact/internal/build"
	"github.com/tact-guide/tact/internal/render"
	"github.com/tact-guide/tact/internal/site"
	"github.com/tact-guide/tact/internal/sourcever"
)

// sourceDirs are the folders of the site root that hold its sources.
var sourceDirs = []string{site.ContentDir, render.LayoutDir, "assets", site.I18nDir, build.StaticDir, sourcever.Dir}

// OutputDir checks the output directory out (relative to the working
// directory) of the site at root, and returns the directory to publish to:
// out, or the directory out is a symbolic link to (the link stays, and what
// it points at is replaced atomically). A build replaces its output
// directory whole, so out must not be the site root or hold it, must not
// be or lie inside a folder of sources, and must not be a file.
func OutputDir(root, out string) (string, error) {
	abs := func(p string) string {
		a, err := filepath.Abs(p)
		if err != nil {
			return filepath.Clean(p)
		}
		if r, err := filepath.EvalSymlinks(a); err == nil {
			return r
		}
		// Not there yet: resolve the folder it will be made in.
		if d, err := filepath.EvalSymlinks(filepath.Dir(a)); err == nil {
			return filepath.Join(d, filepath.Base(a))
		}
		return a
	}
	if info, err := os.Lstat(out); err == nil && info.Mode()&os.ModeSymlink != 0 {
		if _, err := filepath.EvalSymlinks(out); err != nil {
			return "", fmt.Errorf("--out %s is a symbolic link to nothing: point it at a directory, or remove it", out)
		}
	}
	dir, site := abs(out), abs(root)
	if info, err := os.Stat(dir); err == nil && !info.IsDir() {
		return "", fmt.Errorf("--out %s is a file, not a directory: the build replaces its output directory whole; choose a directory such as public", out)
	}
	if within(dir, site) {
		return "", fmt.Errorf("--out %s would replace the site itself (%s is in it): choose a directory inside the site that holds no sources, such as public", out, root)
	}
	for _, src := range sourceDirs {
		if within(abs(filepath.Join(root, src)), dir) {
			return "", fmt.Errorf("--out %s is in %s/, which holds the site's sources: choose another directory, such as public", out, src)
		}
	}
	return dir, nil
}

// within reports whether path p is dir or inside it.
func within(dir, p string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}
