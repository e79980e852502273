package render

import (
	"strings"
)

// Mailto returns a mailto: URL with no recipient that opens the reader's
// e-mail program with subject and body filled in. Line breaks become CRLF as
// RFC 6068 asks, and everything outside the unreserved set is percent-encoded
// (spaces as %20, never "+", which mail programs would show literally). The
// page script builds the same URL in the browser from the filled-in text.
func Mailto(subject, body string) string {
	var b strings.Builder
	b.WriteString("mailto:")
	sep := "?"
	if subject != "" {
		b.WriteString(sep + "subject=" + encodeComponent(subject))
		sep = "&"
	}
	if body != "" {
		body = strings.ReplaceAll(strings.ReplaceAll(body, "\r\n", "\n"), "\n", "\r\n")
		b.WriteString(sep + "body=" + encodeComponent(body))
	}
	return b.String()
}

// encodeComponent encodes s like JavaScript's encodeURIComponent: every
// byte of its UTF-8 but the letters, digits and -_.!~*'() as %XX.
func encodeComponent(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	b.Grow(len(s) + len(s)/2)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-_.!~*'()", c) >= 0 {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}
