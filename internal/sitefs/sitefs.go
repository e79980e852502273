// Package sitefs is the site's files as the builder reads them: through an
// fs.FS that refuses symbolic links out of the site root (Guard), and, for
// content files, as normalised UTF-8 text with the problems a writer can
// fix named at their place (ReadText, Untranslated); and which names are
// editors' droppings, never the site's files (Dropping).
package sitefs

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/tact-guide/tact/internal/diag"
)

// MaxFileSize is the largest content file the builder reads. Articles are a
// few kilobytes; anything this big is a mistake (a pasted binary, a runaway
// export) and is refused before it is read.
const MaxFileSize = 1 << 20

// ReadText reads a content file, refusing what is not a regular text file,
// and normalises it: the byte-order mark is dropped and CRLF line endings
// become LF, so positions stay correct on every platform. fsys is the
// guarded one (Guard): a link out of the site is refused when it is opened.
func ReadText(fsys fs.FS, name string) ([]byte, error) {
	// Opened once: through the guard, each open checks the path for links.
	f, err := fsys.Open(name)
	if err != nil {
		return nil, cannotRead(name, err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, cannotRead(name, err)
	}
	if !info.Mode().IsRegular() {
		return nil, &diag.Error{File: name, Msg: "not a regular file: content files must be plain files"}
	}
	if info.Size() > MaxFileSize {
		return nil, &diag.Error{File: name, Msg: fmt.Sprintf("file is %d bytes, larger than the %d-byte limit for content files: is it the right file?", info.Size(), MaxFileSize)}
	}
	// (Room for the size Stat gave and a read that finds the end: one
	// allocation. A file that grew meanwhile is read up to the limit.)
	var buf bytes.Buffer
	buf.Grow(int(info.Size()) + bytes.MinRead)
	if _, err := buf.ReadFrom(io.LimitReader(f, MaxFileSize+1)); err != nil {
		return nil, cannotRead(name, err)
	}
	data := buf.Bytes()
	if len(data) > MaxFileSize {
		return nil, &diag.Error{File: name, Msg: fmt.Sprintf("file is larger than the %d-byte limit for content files", MaxFileSize)}
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if bytes.Contains(data, []byte("\r")) {
		data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	}
	if !utf8.Valid(data) {
		off := invalidUTF8(data)
		return nil, diag.At(name, data, off, "invalid UTF-8: save the file as UTF-8")
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, &diag.Error{File: name, Msg: "file is empty: write the article or delete the file"}
	}
	return data, nil
}

// NotText returns the offset of the first byte of b that text cannot
// hold (invalid UTF-8, or a NUL byte: a binary file under a text name), or
// -1 when b is text.
func NotText(b []byte) int {
	if i := bytes.IndexByte(b, 0); i >= 0 {
		return min(i, invalidUTF8(b))
	}
	if i := invalidUTF8(b); i < len(b) {
		return i
	}
	return -1
}

func invalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(b)
}

// Guard returns fsys refusing, on every open, a path through a symbolic
// link that leaves the site root or does not resolve: layouts, assets,
// strings and tact.toml as well as content, so that no file of a pull
// request can make the build publish something from outside the site.
// (The build command also opens the root with os.OpenRoot, which refuses
// the same at the system's level; guard says it in the writer's words.)
func Guard(fsys fs.FS) fs.FS {
	if _, ok := fsys.(guardFS); ok {
		return fsys
	}
	return guardFS{fsys, new(sync.Map)}
}

type guardFS struct {
	fsys fs.FS
	dirs *sync.Map // folders already found to be no link out of the site
}

func (g guardFS) Open(name string) (fs.File, error) {
	for i := 0; i <= len(name); i++ {
		if i == len(name) || name[i] == '/' {
			prefix := name[:i]
			if _, ok := g.dirs.Load(prefix); ok {
				continue
			}
			if err := CheckLink(g.fsys, prefix); err != nil {
				return nil, err
			}
			if i < len(name) {
				g.dirs.Store(prefix, true)
			}
		}
	}
	return g.fsys.Open(name)
}

func (g guardFS) ReadLink(name string) (string, error) { return fs.ReadLink(g.fsys, name) }

func (g guardFS) Lstat(name string) (fs.FileInfo, error) { return fs.Lstat(g.fsys, name) }

// CheckLink refuses a symbolic link that points outside the site root, or
// that does not resolve (a loop or a dangling link).
func CheckLink(fsys fs.FS, name string) error {
	cur := name
	for hops := 0; ; hops++ {
		info, err := fs.Lstat(fsys, cur)
		if err != nil || info.Mode()&fs.ModeSymlink == 0 {
			return nil // not a link (or not there: reported by the reader)
		}
		if hops == 40 {
			return &diag.Error{File: name, Msg: "symbolic link loop: replace the link with the file itself"}
		}
		target, err := fs.ReadLink(fsys, cur)
		if err != nil {
			return &diag.Error{File: name, Msg: fmt.Sprintf("cannot read symbolic link: %v", UnwrapPath(err))}
		}
		next := path.Join(path.Dir(cur), target)
		if path.IsAbs(target) || next == ".." || strings.HasPrefix(next, "../") {
			where := "the site"
			if dir, _, ok := strings.Cut(name, "/"); ok {
				where = dir + "/"
			}
			return &diag.Error{File: name, Msg: fmt.Sprintf("symbolic link points outside the site (%s): copy the file into %s instead", target, where)}
		}
		cur = next
	}
}

// cannotRead says why a file could not be read.
func cannotRead(name string, err error) error {
	if d := (*diag.Error)(nil); errors.As(err, &d) {
		return d // (the guard's: it says what is wrong with the file)
	}
	msg := fmt.Sprintf("cannot read: %v", UnwrapPath(err))
	if errors.Is(err, fs.ErrPermission) {
		msg += " (check the file's permissions)"
	}
	return &diag.Error{File: name, Msg: msg}
}

// UnwrapPath returns the error inside a *fs.PathError, whose path the
// caller names itself.
func UnwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Dropping reports whether a file name is what an editor or a desktop
// leaves beside a writer's files, never a file of the site: swap and lock
// files (.x.swp, .#x, #x#, vim's 4913 write test), backups (x~), safe-write
// temporaries (.tmp, .crswap, JetBrains' ___jb_tmp___, gedit's
// .goutputstream-…), and folder metadata (.DS_Store, Thumbs.db). Other
// names starting with "." are not droppings: static/.well-known/ and
// static/.nojekyll are files a host reads.
func Dropping(name string) bool {
	switch {
	case name == "4913", name == ".DS_Store", name == "Thumbs.db",
		strings.HasPrefix(name, ".#"), strings.HasPrefix(name, ".goutputstream-"),
		len(name) > 1 && strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"):
		return true
	}
	for _, suffix := range []string{"~", ".swp", ".swx", ".swo", ".tmp", ".crswap", "___jb_tmp___", "___jb_old___"} {
		if strings.HasSuffix(name, suffix) {
			return true
		}
	}
	return false
}
