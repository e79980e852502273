package site

import "strings"

// Addresses are computed once, when a language is set up or an article is
// linked into it: pages ask for them many times per build.

// URL returns the language's home page address.
func (l *Lang) URL() string { return l.url }

// RepliesURL returns the address of the language's reply index.
func (l *Lang) RepliesURL() string { return l.repliesURL }

// setURLs computes the language's addresses under basePath.
func (l *Lang) setURLs(basePath string) {
	l.base = basePath
	l.url = basePath + "/" + l.Code + "/"
	l.repliesURL = l.url + l.ReplySeg + "/"
}

// URL returns the article's address.
func (a *Article) URL() string { return a.url }

// URL returns the address of the scenario's heading in its article.
func (sc *Scenario) URL() string { return sc.Article.URL() + "#" + sc.Anchor }

// URL returns the reply page's address.
func (r *Reply) URL() string { return r.url }

// Article returns the article the reply belongs to.
func (r *Reply) Article() *Article { return r.Scenario.Article }

// addresses returns the address of a page, dir (which ends in "/"), and
// the file that serves it, as parts of one string: a large site has
// hundreds of thousands of them.
func addresses(basePath, dir string) (url, file string) {
	s := dir + "index.html"
	return s[:len(dir)], OutputPath(basePath, s)
}

// OutputPath converts a site URL to the file that serves it.
func OutputPath(basePath, url string) string {
	p, dir := outputDir(basePath, url)
	if dir {
		return p + "index.html"
	}
	return p
}

// AppendOutputPath appends OutputPath(basePath, url) to b.
func AppendOutputPath(b []byte, basePath, url string) []byte {
	p, dir := outputDir(basePath, url)
	b = append(b, p...)
	if dir {
		b = append(b, "index.html"...)
	}
	return b
}

// outputDir returns the output path of url, relative to the output
// directory, and whether it is a directory (served by its index.html).
func outputDir(basePath, url string) (p string, dir bool) {
	p = strings.TrimPrefix(strings.TrimPrefix(url, basePath), "/")
	return p, p == "" || strings.HasSuffix(p, "/")
}

// QuizURL returns the address of a quiz node's static page, in the
// language's words (/es/cuestionario/que-te-piden/): the start question is
// the quiz's own address.
func (l *Lang) QuizURL(node string) string {
	if node == "" || node == l.quizStart {
		return l.URL() + l.QuizSeg + "/"
	}
	return l.URL() + l.QuizSeg + "/" + l.QuizSlug(node) + "/"
}

// QuizSlug returns a quiz node's URL segment in the language: a question's
// slug from its texts file, an outcome's scenario anchor; the node's id
// when it has neither.
func (l *Lang) QuizSlug(node string) string {
	if s := l.quizSlugs[node]; s != "" {
		return s
	}
	return node
}

// QuizEmbedURL returns the address of the quiz's page for other sites'
// frames. It keeps the quiz's first address, /<lang>/quiz/embed/, in every
// language, so that snippets pasted on other sites go on working.
func (l *Lang) QuizEmbedURL() string { return l.URL() + "quiz/embed/" }

// EmbedCodeURL returns the address of the "Embed this quiz" page.
func (l *Lang) EmbedCodeURL() string { return l.URL() + "embed/" }

// FeedURL returns the address of the language's Atom feed of articles.
func (l *Lang) FeedURL() string { return l.URL() + "feed.xml" }
