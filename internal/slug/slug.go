// Package slug turns human text in any of the site's languages into URL
// segments and HTML ids: accented letters are transliterated rather than
// dropped, so "¿Cómo decir que no?" becomes "como-decir-que-no".
package slug

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// special holds letters that do not decompose into a base letter plus marks.
var special = map[rune]string{
	'ß': "ss", 'æ': "ae", 'Æ': "ae", 'ø': "o", 'Ø': "o", 'œ': "oe", 'Œ': "oe",
	'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d", 'ð': "d", 'þ': "th", 'ĳ': "ij", 'Ĳ': "ij",
}

// Make returns s lower-cased and transliterated to ASCII, with every run of
// other characters replaced by one hyphen and no hyphen at either end.
//
// An apostrophe that ends an English contraction or possessive is dropped,
// so "You’re swamped" becomes "youre-swamped", not "you-re-swamped"; one
// that elides a vowel, as in Italian, separates: "l’amico" → "l-amico".
func Make(s string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range norm.NFD.String(joinContractions(s)) {
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

// contractions are the endings after an apostrophe that make one word with
// what comes before it: don’t, you’re, we’ve, I’ll, she’d, I’m, Tom’s.
var contractions = []string{"s", "t", "re", "ve", "ll", "d", "m"}

// joinContractions drops each apostrophe (' or ’) that sits between a
// letter and a contraction ending followed by a non-letter or the end.
func joinContractions(s string) string {
	if !strings.ContainsAny(s, "'’") {
		return s
	}
	var b strings.Builder
	prev := ' '
	for i, r := range s {
		if (r == '\'' || r == '’') && unicode.IsLetter(prev) && endsContraction(s[i+utf8.RuneLen(r):]) {
			continue
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

func endsContraction(rest string) bool {
	for _, c := range contractions {
		if len(rest) >= len(c) && strings.EqualFold(rest[:len(c)], c) {
			next, _ := utf8.DecodeRuneInString(rest[len(c):])
			if next == utf8.RuneError || !unicode.IsLetter(next) {
				return true
			}
		}
	}
	return false
}
