package markdown

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// SmartQuotes gives front matter text (titles, summaries) the typography the
// Markdown converter gives prose: an apostrophe between letters becomes ’,
// and straight double quotes become the language's opening and closing
// quotation marks.
func SmartQuotes(s string, quotes [4]string) string {
	if !strings.ContainsAny(s, `'"`) {
		return s
	}
	open, close := quotes[0], quotes[1]
	if open == "" || close == "" {
		open, close = "“", "”"
	}
	var b strings.Builder
	prev := ' '
	for i, r := range s {
		switch r {
		case '\'':
			next, _ := utf8.DecodeRuneInString(s[i+1:])
			if unicode.IsLetter(prev) || unicode.IsLetter(next) && !unicode.IsSpace(prev) {
				b.WriteString("’")
			} else {
				b.WriteRune(r)
			}
		case '"':
			if unicode.IsSpace(prev) || unicode.IsPunct(prev) && prev != '.' && prev != ',' && prev != '!' && prev != '?' {
				b.WriteString(open)
			} else {
				b.WriteString(close)
			}
		default:
			b.WriteRune(r)
		}
		prev = r
	}
	return b.String()
}

// Labels returns placeholder names as form labels: typeset like titles,
// with a capital first letter.
func Labels(names []string, quotes [4]string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		n = SmartQuotes(n, quotes)
		if r, size := utf8.DecodeRuneInString(n); size > 0 {
			n = string(unicode.ToUpper(r)) + n[size:]
		}
		out[i] = n
	}
	return out
}
