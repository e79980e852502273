package render

import (
	"bytes"
	"fmt"
	"time"

	"github.com/tact-guide/tact/internal/site"
)

// feedEntries is how many articles a feed holds: the newest. Feed readers
// want what is new; the archive is on the site (a guide with 10,000
// articles would otherwise serve a 6 MB feed to every subscriber, polled
// every hour).
const feedEntries = 50

// feed returns the Atom feed of a language's newest articles, newest first.
func Feed(s *site.Site, lang *site.Lang) []byte {
	var b bytes.Buffer
	articles := lang.Articles[:min(len(lang.Articles), feedEntries)]
	updated := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, a := range articles {
		if a.Updated.After(updated) {
			updated = a.Updated
		}
	}
	title := s.Title
	if lang.Home != nil {
		title = lang.Home.Title
	}
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="%s">
<title>%s</title>
<id>%s</id>
<link rel="self" type="application/atom+xml" href="%s"/>
<link rel="alternate" type="text/html" hreflang="%s" href="%s"/>
<updated>%s</updated>
<author><name>%s</name></author>
`, lang.Code, xmlText(title), xmlText(s.AbsURL(lang.URL())), xmlText(s.AbsURL(lang.FeedURL())),
		lang.Code, xmlText(s.AbsURL(lang.URL())), rfc3339(updated), xmlText(s.Title))
	for _, a := range articles {
		fmt.Fprintf(&b, `<entry>
<title>%s</title>
<id>%s</id>
<link rel="alternate" type="text/html" href="%s"/>
<published>%s</published>
<updated>%s</updated>
<summary>%s</summary>
</entry>
`, xmlText(a.Title), xmlText(s.AbsURL(a.URL())), xmlText(s.AbsURL(a.URL())), rfc3339(a.Date), rfc3339(a.Updated), xmlText(a.Summary))
	}
	b.WriteString("</feed>\n")
	return b.Bytes()
}

func rfc3339(t time.Time) string { return t.UTC().Format(time.RFC3339) }
