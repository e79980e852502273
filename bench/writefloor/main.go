// Command writefloor measures the cost of writing a site's output alone: it
// reads a built output tree into memory, then creates the same directories
// and writes the same files, byte for byte, into a new directory on all
// cores, and times only that. Whatever a builder computes, it must at least
// write its output, so this is the floor for writing, as bench/floor is the
// floor for parsing the Markdown; bench/compare.sh runs it on every Tact
// output it measures.
//
// Usage:
//
//	go run ./bench/writefloor -from DIR -to NEW
//
// DIR is a built site (public/). NEW must not exist. Directories are made
// one depth at a time, each depth's in parallel, and then every file is
// written with os.WriteFile by GOMAXPROCS workers: the fewest system calls
// a builder that writes plain files can make. It prints one line and a last
// line "wall_s=…" for scripts. NEW is left in place: deleting it is the
// caller's business (and, on some disks, slows whatever writes next).
package main

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// tree is an output directory held in memory.
type tree struct {
	dirs  [][]string // relative directory paths by depth: dirs[0] are the top-level ones
	files []file
	bytes int64
}

type file struct {
	path string // relative
	data []byte
}

func main() {
	from := flag.String("from", "", "a built output directory (required)")
	to := flag.String("to", "", "the directory to write; must not exist (required)")
	flag.Parse()
	if *from == "" || *to == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: writefloor -from DIR -to NEW")
		os.Exit(2)
	}
	if err := run(*from, *to); err != nil {
		fmt.Fprintln(os.Stderr, "writefloor:", err)
		os.Exit(1)
	}
}

func run(from, to string) error {
	t, err := read(from)
	if err != nil {
		return err
	}
	if _, err := os.Lstat(to); err == nil {
		return fmt.Errorf("%s exists; give a new directory", to)
	}
	workers := runtime.GOMAXPROCS(0)
	start := time.Now()
	if err := t.write(to, workers); err != nil {
		return err
	}
	wall := time.Since(start).Seconds()
	ndirs := 0
	for _, d := range t.dirs {
		ndirs += len(d)
	}
	fmt.Printf("writefloor: %d directories, %d files, %d bytes, %d workers: %.3f s\n", ndirs, len(t.files), t.bytes, workers, wall)
	fmt.Printf("wall_s=%.4f\n", wall)
	return nil
}

// read loads every regular file under root.
func read(root string) (*tree, error) {
	t := &tree{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, p)
		if err != nil || rel == "." {
			return err
		}
		switch {
		case d.IsDir():
			depth := strings.Count(rel, string(filepath.Separator))
			for len(t.dirs) <= depth {
				t.dirs = append(t.dirs, nil)
			}
			t.dirs[depth] = append(t.dirs[depth], rel)
		case d.Type().IsRegular():
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			t.files = append(t.files, file{rel, data})
			t.bytes += int64(len(data))
		}
		return nil
	})
	if err == nil && len(t.files) == 0 {
		err = fmt.Errorf("no files under %s", root)
	}
	return t, err
}

// write makes the tree under root.
func (t *tree) write(root string, workers int) error {
	if err := os.Mkdir(root, 0o755); err != nil {
		return err
	}
	for _, level := range t.dirs {
		if err := each(len(level), workers, func(i int) error {
			return os.Mkdir(filepath.Join(root, level[i]), 0o755)
		}); err != nil {
			return err
		}
	}
	return each(len(t.files), workers, func(i int) error {
		return os.WriteFile(filepath.Join(root, t.files[i].path), t.files[i].data, 0o644)
	})
}

// each calls fn(0) … fn(n-1) on workers goroutines and returns the first
// error.
func each(n, workers int, fn func(i int) error) error {
	var next atomic.Int64
	var first error
	var once sync.Once
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				if err := fn(i); err != nil {
					once.Do(func() { first = err })
					return
				}
			}
		})
	}
	wg.Wait()
	return first
}
