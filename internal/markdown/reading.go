package markdown

import (
	"unicode"
	"unicode/utf8"
)

// ReadingMinutes is the reading time of an article's Markdown at 200 words
// a minute, rounded, at least one.
func ReadingMinutes(body []byte) int {
	words, inWord := 0, false
	for len(body) > 0 {
		r, n := utf8.DecodeRune(body)
		body = body[n:]
		if space := unicode.IsSpace(r); space == inWord {
			inWord = !space
			if inWord {
				words++
			}
		}
	}
	return max(1, (words+100)/200)
}
