package site

import (
	"fmt"
	"html/template"
	"slices"
	"strings"
	"time"

	"github.com/tact-guide/tact/internal/diag"
	"github.com/tact-guide/tact/internal/locale"
	"github.com/tact-guide/tact/internal/quiz"
	"github.com/tact-guide/tact/internal/sig"
	"github.com/tact-guide/tact/internal/sourcever"

	"github.com/tact-guide/tact/internal/markdown/reply"
)

// Site is everything the builder knows after loading and linking: the model
// that templates render. Templates never read files.
type Site struct {
	Title     string     // from tact.toml
	BaseURL   string     // --base-url or tact.toml's baseURL, without trailing slash; "" when neither
	BasePath  string     // the path part of BaseURL, without trailing slash
	Languages []*Lang    // in configured order
	Keys      []string   // article keys, sorted
	Quiz      *quiz.Quiz // content/quiz.toml; nil when the site has no quiz

	cat          *locale.Catalog       // interface strings
	quizHash     uint64                // of the quiz files, for incremental builds
	articles     map[string][]*Article // key → its translations by Lang.index (nil where missing)
	drafts       map[string]bool       // keys of drafts left out of the build
	source       string                // tact.toml's source language
	quizTrack    *sourcever.Tracked    // the quiz texts' versions, by language
	stringsTrack *sourcever.Tracked    // the interface strings' versions, by language
	sources      sourcever.Texts       // for the stale translations' diffs (SourceText)
	replies      map[string][]*Reply   // reply id → its translations by Lang.index (nil where missing)
}

// Lang is one language of the site with its content.
type Lang struct {
	Language              // from tact.toml
	Home       *Home      // from content/<lang>/_index.md
	About      *Home      // from content/<lang>/_about.md; nil when there is none
	Articles   []*Article // newest first, then by key
	Replies    []*Reply   // in article order, then document order
	index      int        // in Site.Languages
	byKey      map[string]*Article
	base       string            // Site.BasePath
	quizStart  string            // the quiz's start node
	quizSlugs  map[string]string // quiz node id → its URL segment in this language
	url        string            // see URL
	repliesURL string            // see RepliesURL
	shareURL   string            // see ShareImageURL
}

// Home is a language's home page introduction, or its about page.
type Home struct {
	File    string        // path of _index.md or _about.md
	Title   string        // front matter
	Summary string        // front matter
	Slug    string        // front matter of the about page: its URL segment
	Body    template.HTML // rendered Markdown
	srcHash uint64        // of the source file, for incremental builds
	url     string        // the about page's address
	path    string        // the about page's output file
}

// URL returns the about page's address ("" for a home).
func (h *Home) URL() string { return h.url }

// OutputFile returns the about page's output file.
func (h *Home) OutputFile() string { return h.path }

// Article is one scenario article in one language.
type Article struct {
	Lang    *Lang
	File    string // path relative to the site root
	Title   string // front matter …
	Key     string
	Slug    string
	Summary string
	Date    time.Time
	Updated time.Time // Date when not given
	Tags    []string
	Related []string // keys
	Draft   bool

	TranslatedFrom string // front matter: the source's SourceHash when this was translated
	SourceHash     string // of this file's body: what a translation of it records
	Minutes        int    // reading time: the body's words at 200 a minute, at least 1

	body      template.HTML            // rendered Markdown (see Body)
	reload    func() (*Article, error) // one-shot builds: converts the file again, for the detail (reload.go)
	dropped   bool                     // the detail is not in the model: reload gives it
	Scenarios []*Scenario              // in document order

	Prev, Next      *Article   // neighbours in Lang.Articles (Prev is newer)
	RelatedArticles []*Article // Related resolved in this language

	fields  [len(positionedFields)][2]int32 // line and column of those front matter values, for errors
	srcHash uint64                          // of the source file, for incremental builds
	listSig uint64                          // see listing; computed once
	url     string                          // see URL
	path    string                          // output file of the article's page
}

// reset readies an article parsed by an earlier build for linking into lang.
func (a *Article) reset(lang *Lang) {
	a.Lang = lang
	a.Prev, a.Next, a.RelatedArticles = nil, nil, nil
	if len(a.url) == len(lang.url)+len(a.Slug)+1 && strings.HasPrefix(a.url, lang.url) {
		return // linked into the same language before: addresses unchanged
	}
	a.url, a.path = addresses(lang.base, lang.URL()+a.Slug+"/")
	for _, sc := range a.Scenarios {
		for _, r := range sc.Replies {
			r.url, r.path = addresses(lang.base, lang.RepliesURL()+r.Slug+"/")
			r.Slug = r.url[len(r.url)-1-len(r.Slug) : len(r.url)-1] // (one string for both)
		}
	}
}

// positionedFields are the front matter fields that errors found after
// parsing (while linking) point at.
var positionedFields = [...]string{"key", "slug", "related"}

// errorAt returns a positioned error at the value of a front matter field.
func (a *Article) errorAt(field, format string, args ...any) *diag.Error {
	e := &diag.Error{File: a.File, Msg: fmt.Sprintf(format, args...)}
	if i := slices.Index(positionedFields[:], field); i >= 0 {
		e.Line, e.Col = int(a.fields[i][0]), int(a.fields[i][1])
	}
	return e
}

// Scenario is one scenario of an article.
type Scenario struct {
	Article *Article
	ID      string // shared by all languages: the id of its section on the page
	Anchor  string // the id of its heading: the title as a slug, in the article's language
	Title   string // heading text
	Verdict string // one of Verdicts
	*ScenarioText
	Replies   []*Reply
	line, col int32 // position of the heading, for errors
}

// ScenarioText is what only the scenario's article and reply pages show:
// nil while a one-shot build keeps it on disk (reload.go).
type ScenarioText struct {
	Situation     template.HTML // first paragraph, inner HTML
	Why           template.HTML // second paragraph, inner HTML
	SituationText string        // the same as plain text
	WhyText       string
}

// Reply is one reply template.
type Reply struct {
	Scenario *Scenario
	ID       string // shared by all languages
	Title    string
	Slug     string // URL segment
	Channel  string // reply attribute channel: "" (email), "linkedin", "chat"
	Limit    int    // most characters a message on Channel may have; 0 for none
	*Message
	slots     int32 // len(Placeholders), kept while the message is on disk
	line, col int32
	url       string // see URL
	path      string // output file of the reply's page
}

// Message is a reply template's text: nil while on disk (reload.go).
type Message struct {
	Subject      []reply.Segment
	Body         []reply.Segment
	Placeholders []string // distinct, in order of appearance
	Labels       []string // the same as form labels: capitalised, typeset ("contact's name" → "Contact’s name")
}

// Email reports whether the reply is written for email, the default channel.
func (r *Reply) Email() bool { return r.Channel == "" || r.Channel == "email" }

// seg returns the reply's URL path under its language: <replies>/<slug>.
func (r *Reply) seg() string {
	return r.url[len(r.Scenario.Article.Lang.URL()) : len(r.url)-1]
}

// Verdicts is the fixed set of verdicts, in the order the docs list them.
var Verdicts = []string{"accept", "decline", "redirect", "offer", "rephrase", "thank", "ask", "wait", "prepare", "close"}

// Article returns the article with key in language lang, or nil.
func (s *Site) Article(key, lang string) *Article {
	if l := s.Lang(lang); l != nil && s.articles[key] != nil {
		return s.articles[key][l.index]
	}
	return nil
}

// Reply returns the reply with id in language lang, or nil.
func (s *Site) Reply(id, lang string) *Reply {
	if l := s.Lang(lang); l != nil && s.replies[id] != nil {
		return s.replies[id][l.index]
	}
	return nil
}

// Lang returns the configured language with code, or nil.
func (s *Site) Lang(code string) *Lang {
	for _, l := range s.Languages {
		if l.Code == code {
			return l
		}
	}
	return nil
}

// Scenario returns the scenario with id, or nil.
func (a *Article) Scenario(id string) *Scenario {
	for _, sc := range a.Scenarios {
		if sc.ID == id {
			return sc
		}
	}
	return nil
}

// ReplyCount returns the number of reply templates in the article.
func (a *Article) ReplyCount() int {
	n := 0
	for _, sc := range a.Scenarios {
		n += len(sc.Replies)
	}
	return n
}

// Listing hashes what other pages show of an article: its address, title,
// summary and dates, and its scenarios' and replies' ids, titles and
// verdicts. Editing an article's prose changes none of it, so the pages
// that list the article are not rendered again.
func (a *Article) Listing() uint64 {
	if a.listSig != 0 {
		return a.listSig
	}
	h := sig.New().Str(a.File).Str(a.Key).Str(a.Slug).Str(a.Title).Str(a.Summary)
	h.Num(uint64(a.Date.Unix())).Num(uint64(a.Updated.Unix()))
	for _, sc := range a.Scenarios {
		h.Str(sc.ID).Str(sc.Anchor).Str(sc.Title).Str(sc.Verdict)
		for _, r := range sc.Replies {
			h.Str(r.ID).Str(r.Title).Str(r.Slug).Str(r.Channel)
		}
	}
	a.listSig = h.Sum()
	return a.listSig
}

// Translations returns the translations of the article with key, by the
// index of their language in Site.Languages (nil where there is none).
func (s *Site) Translations(key string) []*Article { return s.articles[key] }

// ReplyTranslations returns the translations of the reply with id, by the
// index of their language in Site.Languages (nil where there is none).
func (s *Site) ReplyTranslations(id string) []*Reply { return s.replies[id] }

// Catalog returns the interface strings.
func (s *Site) Catalog() *locale.Catalog { return s.cat }

// SourceLang returns tact.toml's source language, "" when none.
func (s *Site) SourceLang() string { return s.source }

// QuizHash returns a hash of the quiz files, for incremental builds.
func (s *Site) QuizHash() uint64 { return s.quizHash }

// Index returns the language's index in Site.Languages.
func (l *Lang) Index() int { return l.index }

// FileHash returns a hash of the home page's source file, for incremental builds.
func (h *Home) FileHash() uint64 { return h.srcHash }

// FileHash returns a hash of the article's source file, for incremental builds.
func (a *Article) FileHash() uint64 { return a.srcHash }

// OutputFile returns the output file of the article's page.
func (a *Article) OutputFile() string { return a.path }

// OutputFile returns the output file of the reply's page.
func (r *Reply) OutputFile() string { return r.path }

// LastMod returns the newest update among the language's articles.
func (l *Lang) LastMod() time.Time {
	var t time.Time
	for _, a := range l.Articles {
		if a.Updated.After(t) {
			t = a.Updated
		}
	}
	return t
}

// ShareImageURL returns the address of the language's link-preview image.
// Its name carries a key of what it shows, so an unchanged image is reused
// from the previous build and a changed one gets a new address.
func (l *Lang) ShareImageURL() string { return l.shareURL }

// XDefault returns the address of the language chooser, the x-default of
// every page's hreflang set.
func (s *Site) XDefault() string { return s.AbsURL(s.BasePath + "/") }

// AbsURL returns u as an absolute URL when the site has a base URL.
func (s *Site) AbsURL(u string) string {
	if s.BaseURL == "" {
		return u
	}
	return s.BaseURL + u[len(s.BasePath):]
}

// ArticleByFile returns the article read from file, or nil.
func (s *Site) ArticleByFile(file string) *Article {
	for _, l := range s.Languages {
		for _, a := range l.Articles {
			if a.File == file {
				return a
			}
		}
	}
	return nil
}
