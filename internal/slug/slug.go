// Package slug turns human text in any of the site's languages into URL
// segments and HTML ids: accented letters are transliterated rather than
// dropped, so "¿Cómo decir que no?" becomes "como-decir-que-no".
package slug

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// special holds letters that do not decompose into a base letter plus marks.
var special = map[rune]string{
	'ß': "ss", 'æ': "ae", 'Æ': "ae", 'ø': "o", 'Ø': "o", 'œ': "oe", 'Œ': "oe",
	'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d", 'ð': "d", 'þ': "th", 'ĳ': "ij", 'Ĳ': "ij",
}

// Make returns s lower-cased and transliterated to ASCII, with every run of
// other characters replaced by one hyphen and no hyphen at either end.
func Make(s string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue // a combining accent: keep the base letter only
		}
		if t, ok := special[r]; ok {
			b.WriteString(t)
			hyphen = false
			continue
		}
		r = unicode.ToLower(r)
		if ('a' <= r && r <= 'z') || ('0' <= r && r <= '9') {
			b.WriteRune(r)
			hyphen = false
			continue
		}
		if !hyphen && b.Len() > 0 {
			b.WriteByte('-')
			hyphen = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// Valid reports whether s is already a well-formed slug: lowercase ASCII
// letters and digits in hyphen-separated words (^[a-z0-9]+(-[a-z0-9]+)*$,
// without a regular expression compiled at every start of the process).
func Valid(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case c == '-' && s[i-1] != '-':
		default:
			return false
		}
	}
	return true
}
