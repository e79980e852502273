package site

import (
	"net/url"
	"strings"

	"tact/internal/markdown/reply"
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

// encodeComponent encodes s like JavaScript's encodeURIComponent.
func encodeComponent(s string) string {
	e := url.QueryEscape(s)
	e = strings.ReplaceAll(e, "+", "%20")
	// QueryEscape also encodes characters encodeURIComponent keeps.
	for _, c := range []string{"!", "'", "(", ")", "*"} {
		e = strings.ReplaceAll(e, url.QueryEscape(c), c)
	}
	return e
}

// MailtoURL returns the reply's mailto: URL with its placeholders unfilled.
func (r *Reply) MailtoURL() string {
	return Mailto(reply.Plain(r.Subject, nil), reply.Plain(r.Body, nil))
}
