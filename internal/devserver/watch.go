package devserver

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"

	"github.com/tact-guide/tact/internal/sitefs"

	"github.com/fsnotify/fsnotify"
)

// change is what a watcher reports: source paths relative to the site root,
// slash-separated, or all when it lost track and everything must be rebuilt.
type change struct {
	paths []string
	all   bool
}

// sourceDirs are the top-level directories of the site root that hold sources.
func sourceDirs() []string {
	return []string{"content", "layouts", "assets", "i18n", "static", "translated-from"}
}

// configFile is the site configuration, the one source outside sourceDirs.
const configFile = "tact.toml"

// scope decides which paths are sources.
type scope struct {
	root string // site root, absolute and clean
	out  string // output directory, absolute and clean; never a source
}

func newScope(root, out string) (scope, error) {
	r, err := filepath.Abs(root)
	if err != nil {
		return scope{}, err
	}
	o, err := filepath.Abs(out)
	if err != nil {
		return scope{}, err
	}
	return scope{root: r, out: o}, nil
}

// rel returns name (an absolute path) relative to the root, slash-separated,
// and whether it is a source.
func (s scope) rel(name string) (string, bool) {
	if within(name, s.out) {
		return "", false
	}
	r, err := filepath.Rel(s.root, name)
	if err != nil || !filepath.IsLocal(r) {
		return "", false
	}
	r = filepath.ToSlash(r)
	if r == configFile {
		return r, true
	}
	first, _, _ := strings.Cut(r, "/")
	if !slices.Contains(sourceDirs(), first) {
		return "", false
	}
	for seg := range strings.SplitSeq(r, "/") {
		if ignored(seg, first == "static") {
			return "", false
		}
	}
	return r, true
}

// within reports whether name is dir or inside it.
func within(name, dir string) bool {
	return name == dir || strings.HasPrefix(name, dir+string(filepath.Separator))
}

// ignored reports whether a file or directory name is an editor dropping or
// otherwise not a source: see the package doc. Under static/, published as
// it is, a name starting with "." is a source (.well-known/, .nojekyll).
func ignored(name string, static bool) bool {
	return !static && strings.HasPrefix(name, ".") || sitefs.Dropping(name)
}

// watcher reports source changes from fsnotify.
type watcher struct {
	sc     scope
	fsw    *fsnotify.Watcher
	dirs   map[string]bool // directories watched, absolute; only run's goroutine touches it after newWatcher
	log    *logger
	warned bool // the inotify limit message was printed
}

// newWatcher watches the site root and every source directory. It returns
// once the watches are in place: a change made after it returns is reported.
func newWatcher(sc scope, log *logger) (*watcher, error) {
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		if errors.Is(err, syscall.EMFILE) {
			return nil, fmt.Errorf("start watching: %w: too many inotify instances; raise the limit with\n\tsudo sysctl fs.inotify.max_user_instances=1024\nor use --poll", err)
		}
		return nil, fmt.Errorf("start watching: %w", err)
	}
	w := &watcher{sc: sc, fsw: fsw, dirs: map[string]bool{}, log: log}
	if err := w.add(sc.root); err != nil {
		fsw.Close()
		return nil, fmt.Errorf("watch %s: %w", sc.root, err)
	}
	for _, d := range sourceDirs() {
		w.addTree(filepath.Join(sc.root, d), nil)
	}
	return w, nil
}

// add watches one directory (not its subdirectories).
func (w *watcher) add(dir string) error {
	if err := w.fsw.Add(dir); err != nil {
		if errors.Is(err, syscall.ENOSPC) && !w.warned {
			w.warned = true
			w.log.printf("cannot watch %s: the system's limit on inotify watches is reached, so changes in it and in new directories are not seen.\n"+
				"\tRaise the limit (and restart) with: sudo sysctl fs.inotify.max_user_watches=524288\n"+
				"\tor run with --poll.", dir)
		}
		return err
	}
	w.dirs[dir] = true
	return nil
}

// addTree watches dir and every source directory under it, and calls found
// (if not nil) with every source file or directory in it, dir included.
func (w *watcher) addTree(dir string, found func(rel string)) {
	_ = filepath.WalkDir(dir, func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // dir vanished, or a subdirectory cannot be read: skip it
		}
		rel, ok := w.sc.rel(name)
		if !ok {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if found != nil {
			found(rel)
		}
		if d.IsDir() {
			if err := w.add(name); err != nil && !errors.Is(err, syscall.ENOSPC) && !errors.Is(err, fs.ErrNotExist) {
				w.log.printf("cannot watch %s: %v", name, err)
			}
		}
		return nil
	})
}

// drop forgets dir and every watched directory under it. inotify has already
// removed the watch of a deleted directory; a renamed one keeps its watch
// under the old name, which must go before the new name is added.
func (w *watcher) drop(dir string) {
	for d := range w.dirs {
		if within(d, dir) {
			_ = w.fsw.Remove(d) // gone already if the directory was deleted
			delete(w.dirs, d)
		}
	}
}

// run reports changes on out until ctx is done, then closes the watcher.
func (w *watcher) run(ctx context.Context, out chan<- change) {
	defer w.fsw.Close()
	for {
		var c change
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.fsw.Events:
			if !ok {
				return
			}
			c.paths = w.handle(ev)
		case err, ok := <-w.fsw.Errors:
			if !ok {
				return
			}
			if !errors.Is(err, fsnotify.ErrEventOverflow) {
				w.log.printf("watch: %v", err)
				continue
			}
			w.log.printf("watch: too many changes at once for the kernel's event queue; re-watching everything and rebuilding in full")
			w.drop(w.sc.root)
			_ = w.add(w.sc.root)
			for _, d := range sourceDirs() {
				w.addTree(filepath.Join(w.sc.root, d), nil)
			}
			c.all = true
		}
		if len(c.paths) == 0 && !c.all {
			continue
		}
		select {
		case out <- c:
		case <-ctx.Done():
			return
		}
	}
}

// handle keeps the watches in step with one event and returns the source
// paths it changed.
func (w *watcher) handle(ev fsnotify.Event) []string {
	rel, ok := w.sc.rel(ev.Name)
	if !ok {
		return nil
	}
	paths := []string{rel}
	if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		w.drop(ev.Name)
	}
	if ev.Has(fsnotify.Create) {
		if info, err := os.Lstat(ev.Name); err == nil && info.IsDir() {
			w.drop(ev.Name) // a stale watch from a directory once at this name
			w.addTree(ev.Name, func(r string) { paths = append(paths, r) })
		}
	}
	return paths
}
