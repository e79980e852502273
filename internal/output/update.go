package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
)

// Update changes the output directory out in place: it writes files (each
// through a temporary file renamed over the old one, so a reader never sees
// half a file) and removes the files in stale, then directories left empty.
// It is for incremental builds, whose changes are a handful of files; a
// full build goes through Begin and Commit instead.
func Update(out string, files map[string][]byte, stale []string) error {
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		if !filepath.IsLocal(filepath.FromSlash(name)) {
			return fmt.Errorf("write %s: path leaves the output directory", name)
		}
		dst := filepath.Join(out, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return fmt.Errorf("write %s: %w", name, err)
		}
		tmp := filepath.Join(filepath.Dir(dst), ".tact-new")
		_ = os.Remove(tmp) // (left by a build that died)
		err := writeNew(tmp, files[name])
		if err == nil {
			err = os.Rename(tmp, dst)
		}
		if err != nil {
			_ = os.Remove(tmp)
			return fmt.Errorf("write %s: %w", name, err)
		}
	}
	dirs := map[string]bool{}
	for _, name := range stale {
		if !filepath.IsLocal(filepath.FromSlash(name)) {
			continue
		}
		p := filepath.Join(out, filepath.FromSlash(name))
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("remove %s: %w", name, err)
		}
		for d := filepath.Dir(p); d != out && len(d) > len(out); d = filepath.Dir(d) {
			dirs[d] = true
		}
	}
	// Deepest first, so a parent is emptied by its children's removal.
	order := make([]string, 0, len(dirs))
	for d := range dirs {
		order = append(order, d)
	}
	slices.SortFunc(order, func(a, b string) int { return len(b) - len(a) })
	for _, d := range order {
		_ = os.Remove(d) // fails, as it should, when the directory is not empty
	}
	return nil
}
