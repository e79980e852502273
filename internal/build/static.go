package build

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"strings"

	"github.com/tact-guide/tact/internal/diag"
	"github.com/tact-guide/tact/internal/sitefs"
)

// StaticDir holds files published as they are, at the same path under the
// output directory: CNAME, .well-known/, a host's verification file,
// images an article shows; not editors' droppings (sitefs.Dropping). A static file the build also makes is an error
// (pageIndex names both).
const StaticDir = "static"

// loadStatic reads every file under static/, by its path below it. A site
// without the folder has none.
func loadStatic(fsys fs.FS) (map[string][]byte, error) {
	files := map[string][]byte{}
	var errs diag.List
	err := fs.WalkDir(fsys, StaticDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p == StaticDir {
				return fs.SkipAll
			}
			return err
		}
		if sitefs.Dropping(d.Name()) { // (a swap file beside static/.well-known/security.txt is not published)
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if !d.Type().IsRegular() {
			errs.Addf(p, 0, 0, "not a regular file: static/ holds plain files, published as they are")
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		files[strings.TrimPrefix(p, StaticDir+"/")] = data
		return nil
	})
	if err != nil {
		return nil, plainDiag(fmt.Errorf("read %s: %w", StaticDir, err))
	}
	return files, errs.Err()
}

// publishStatic hands every static file to emit, in order.
func publishStatic(files map[string][]byte, emit func(name string, data []byte) error) error {
	var errs diag.List
	for _, name := range slices.Sorted(maps.Keys(files)) {
		errs.Add(emit(name, files[name]))
	}
	return errs.Err()
}
