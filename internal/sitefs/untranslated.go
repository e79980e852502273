package sitefs

import (
	"bytes"
	"strings"

	"github.com/tact-guide/tact/internal/diag"
)

// UntranslatedMark marks a passage of a translation skeleton (package
// scaffold) that is still in the source language: the translator writes
// the passage in the article's language and deletes the mark. An article
// with a mark left in it does not build, so that a page never goes out in
// the wrong language.
const UntranslatedMark = "TODO(translate)"

// Untranslated returns an error at every UntranslatedMark in an article
// file in language langName (its name, as writers read it), src being its
// normalised text (ReadText): the translator's list of what is left to write.
func Untranslated(file string, src []byte, langName string) []error {
	var errs []error
	for off := 0; ; {
		i := bytes.Index(src[off:], []byte(UntranslatedMark))
		if i < 0 {
			return errs
		}
		off += i
		lineStart := bytes.LastIndexByte(src[:off], '\n') + 1
		if field, _, ok := strings.Cut(string(src[lineStart:off]), "="); ok && strings.TrimSpace(field) == "slug" {
			errs = append(errs, diag.At(file, src, off, "untranslated slug (marked %s): choose the article's URL segment in %s, a few words of its title in lowercase letters, digits and hyphens, and delete the mark", UntranslatedMark, langName))
		} else {
			errs = append(errs, diag.At(file, src, off, "untranslated text (marked %s): write it in %s in place of the source's words, and delete the mark", UntranslatedMark, langName))
		}
		off += len(UntranslatedMark)
	}
}
