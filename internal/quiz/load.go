package quiz

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"

	"github.com/tact-guide/tact/internal/diag"
	"github.com/tact-guide/tact/internal/tomlpos"
)

// maxFileSize is the largest quiz file read. The real ones are a few
// kilobytes; anything this big is a mistake.
const maxFileSize = 1 << 20

// Load reads the quiz definition defFile and, for every language of langs,
// the texts file textFile(lang), all from fsys, and checks them against each
// other and against the site's content. It reports every problem it finds as
// a positioned diag.Error, joined; the quiz is returned only when there are
// none.
func Load(fsys fs.FS, defFile string, langs []string, textFile func(lang string) string, site Site) (*Quiz, error) {
	var errs diag.List
	q := &Quiz{texts: map[string]texts{}}
	def, err := decode(fsys, defFile, q, "the quiz definition is missing: create it (see the documentation of package quiz)")
	errs.Add(err)
	type langFile struct {
		lang  string
		src   *tomlpos.Index
		texts texts
	}
	var files []langFile
	for _, lang := range langs {
		var t texts
		src, err := decode(fsys, textFile(lang), &t, "the quiz texts of this language are missing: copy another language's quiz.toml and translate it")
		errs.Add(err)
		if src != nil {
			files = append(files, langFile{lang, src, t})
		}
	}
	if def == nil {
		return nil, errs.Err()
	}

	c := &checker{q: q, def: def, site: site, langs: langs, errs: &errs}
	c.checkNodes()
	c.checkGraph()
	c.checkOutcomes()
	c.checkCoverage()
	for _, f := range files {
		c.checkTexts(f.src, f.texts)
		q.texts[f.lang] = f.texts
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return q, nil
}

// checker holds what the checks share; each check adds its problems to errs.
type checker struct {
	q     *Quiz
	def   *tomlpos.Index // the definition file
	site  Site
	langs []string
	errs  *diag.List
}

// decode reads file from fsys and decodes it strictly into v. missing is the
// message for a file that does not exist.
func decode(fsys fs.FS, file string, v any, missing string) (*tomlpos.Index, error) {
	src, err := read(fsys, file, missing)
	if err != nil {
		return nil, err
	}
	return tomlpos.Decode(file, src, 0, len(src), v, tomlMessages)
}

// read reads a quiz file and normalises it like the other content files: the
// byte-order mark is dropped and CRLF line endings become LF.
func read(fsys fs.FS, file, missing string) ([]byte, error) {
	if info, err := fs.Stat(fsys, file); err == nil && info.Size() > maxFileSize {
		return nil, &diag.Error{File: file, Msg: fmt.Sprintf("file is %d bytes, larger than the %d-byte limit for quiz files: is it the right file?", info.Size(), maxFileSize)}
	}
	src, err := fs.ReadFile(fsys, file)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, &diag.Error{File: file, Msg: missing}
	case err != nil:
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, &diag.Error{File: file, Msg: fmt.Sprintf("cannot read: %v", err)}
	case len(src) > maxFileSize:
		return nil, &diag.Error{File: file, Msg: fmt.Sprintf("file is larger than the %d-byte limit for quiz files", maxFileSize)}
	}
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	return bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n")), nil
}
