package render

import (
	"fmt"
	"strconv"

	"github.com/tact-guide/tact/internal/translation"

	"html/template"
	"iter"
	"time"

	"github.com/tact-guide/tact/internal/markdown/reply"
	"github.com/tact-guide/tact/internal/site"
)

// Page kinds, each rendered by layouts/<kind>.html inside layouts/base.html.
const (
	KindHome      = "home"
	KindArticle   = "article"
	KindReplies   = "replies"
	KindReply     = "reply"
	KindNotFound  = "404"
	KindChooser   = "chooser"
	KindQuiz      = "quiz"
	KindQuizEmbed = "quizembed" // the quiz without the site around it, for iframes
	KindEmbedCode = "embedcode" // the "Embed this quiz" page
	KindStatus    = "status"    // the translation status, for translators
	KindAbout     = "about"     // who writes the guide, how, corrections, privacy
	KindMoved     = "moved"     // a former address, sending readers on to MovedTo
	KindSearch    = "search"    // every article, scenario and reply of a language; the search box (package search)
)

// Page is what a template renders: one output file.
type Page struct {
	Site        *site.Site
	Lang        *site.Lang // the page's language
	Kind        string     // one of the Kind constants
	URL         string     // site address, with the base path
	Path        string     // output file, relative to the output directory
	Title       string
	Description string
	Alternates  []Alternate // one per configured language, in order
	NoIndex     bool        // keep out of search engines and sitemaps
	LastMod     time.Time   // last change of what the page shows
	Image       string      // share image for link previews
	OGType      string      // Open Graph type: website or article

	RepliesTitle string // the reply index's title, for breadcrumbs
	Root         bool   // the site-wide page at the root (chooser, root 404)
	BodyClass    string // class of <body>: "embedded" on embed pages

	EmbedSnippet   string        // KindEmbedCode: the HTML a host pastes
	EmbedFallback  template.HTML // KindEmbedCode: the snippet's element, for the live preview
	EmbedLangs     []EmbedLang   // KindEmbedCode: the languages the form offers
	EmbedQuestions []QuizOption  // KindEmbedCode: the questions the quiz may start at (URL absolute)

	Status   []translation.Row // KindStatus
	QuizMaps []QuizMap         // KindStatus: each language's quiz, drawn

	MovedTo  string // KindMoved: the page's new address
	KeepHash bool   // KindMoved: the address's #… matters (the quiz's answers), so a script sends the reader on

	// StaleSource is, on the page of a translated article or of one of
	// its replies, the source article when it changed since it was
	// translated: the page says so and links it.
	StaleSource *site.Article

	Article  *site.Article // KindArticle
	Reply    *site.Reply   // KindReply
	QuizNode *QuizNode     // KindQuiz
}

// Alternate is the page's counterpart in one language.
type Alternate struct {
	Lang    *site.Lang
	Code    string // Lang.Code, Name and Locale: direct fields, which templates read
	Name    string // several times per page (a field of an embedded struct is
	Locale  string // looked up by name on every use)
	URL     string // the translation, or that language's home when missing
	Title   string // the translation's title, when it has one
	Exists  bool   // false: not translated yet
	Current bool   // the page itself
	Other   bool   // Exists and not Current: a translation to link to
	site    *site.Site
}

// AbsURL returns the alternate's URL, absolute when the site has a base URL.
// (Computed when a template asks: an incremental build makes every page's
// alternates but renders few of them.)
func (a Alternate) AbsURL() string { return a.site.AbsURL(a.URL) }

// Canonical returns the page's URL, absolute when the site has a base URL.
func (p *Page) Canonical() string {
	if p.MovedTo != "" {
		return p.Site.AbsURL(p.MovedTo)
	}
	return p.Site.AbsURL(p.URL)
}

// PageArticle returns the article whose prose page p shows (an article
// page, a reply page), or nil.
func PageArticle(p *Page) *site.Article {
	switch {
	case p.Article != nil:
		return p.Article
	case p.Reply != nil:
		return p.Reply.Article()
	}
	return nil
}

// ProseFile returns the Markdown file whose prose page p shows, where a
// link on it may be written: its article's (an article or reply page, a
// quiz outcome quoting a scenario); "" for none.
func ProseFile(p *Page) string {
	if a := PageArticle(p); a != nil {
		return a.File
	}
	if p.QuizNode != nil && p.QuizNode.Scenario != nil {
		return p.QuizNode.Scenario.Article.File
	}
	return ""
}

// Describe names what page p is made from, for messages.
func Describe(p *Page) string {
	switch {
	case p.Article != nil:
		return p.Article.File
	case p.Reply != nil:
		return DescribeReply(p.Reply)
	case p.QuizNode != nil:
		return fmt.Sprintf("quiz node %q of %s (%s)", p.QuizNode.ID, p.Lang.Code, site.QuizFile)
	case p.Root:
		return fmt.Sprintf("the site's %s page", p.Kind)
	}
	return fmt.Sprintf("the %s page of language %q", p.Kind, p.Lang.Code)
}

// DescribeReply names a reply and the file it is written in, for messages.
func DescribeReply(r *site.Reply) string {
	return fmt.Sprintf("reply %q of %s", r.ID, r.Article().File)
}

// SegmentsHTML renders reply text with its placeholders marked.
func SegmentsHTML(segs []reply.Segment) template.HTML {
	return template.HTML(reply.HTML(segs))
}

// pages lists every page of the site, in a fixed order: the site's own
// pages, then each language's.
func Pages(s *site.Site) []*Page {
	ps := SitePages(s)
	for _, lang := range s.Languages {
		ps = append(ps, LangPages(s, lang)...)
	}
	return ps
}

// sitePages returns the pages at the root of the site: the language
// chooser, the 404 page and the translation status.
func SitePages(s *site.Site) []*Page {
	var ps []*Page
	def := s.Languages[0]
	root := &Page{Site: s, Lang: def, Kind: KindChooser, URL: s.BasePath + "/", Title: s.Title, Root: true}
	root.Alternates = alternates(s, def, func(l *site.Lang) (string, bool) { return l.URL(), true })
	ps = append(ps, root)
	nf := &Page{Site: s, Lang: def, Kind: KindNotFound, URL: s.BasePath + "/404.html", NoIndex: true, Root: true, Title: s.Catalog().T(def.Code)("notFoundTitle")}
	nf.Alternates = root.Alternates
	ps = append(ps, nf)
	if src := s.Lang(s.SourceLang()); src != nil {
		st := &Page{Site: s, Lang: src, Kind: KindStatus, URL: s.BasePath + "/status/", Title: s.Catalog().T(src.Code)("statusTitle"),
			NoIndex: true, Root: true, Status: translation.Status(s), QuizMaps: QuizMaps(s)}
		st.Alternates = root.Alternates
		ps = append(ps, st)
	}
	return finish(s, ps)
}

// langPages returns the pages of one language: home, reply index, 404
// page, articles, quiz pages, reply pages.
func LangPages(s *site.Site, lang *site.Lang) []*Page {
	ps := make([]*Page, 0, 3+len(lang.Articles)+len(lang.Replies))
	for p := range LangPageSeq(s, lang) {
		ps = append(ps, p)
	}
	return ps
}

// langPageSeq yields the pages of langPages one at a time, made as they
// are asked for.
func LangPageSeq(s *site.Site, lang *site.Lang) iter.Seq[*Page] {
	return func(yield func(*Page) bool) {
		for _, p := range HeadPages(s, lang) {
			if !yield(p) {
				return
			}
		}
		for _, a := range lang.Articles {
			if !yield(ArticlePage(s, a)) {
				return
			}
		}
		for _, p := range QuizPages(s, lang) {
			if !yield(p) {
				return
			}
		}
		for _, r := range lang.Replies {
			if !yield(ReplyPage(s, r)) {
				return
			}
		}
	}
}

// HeadPages returns the first pages of a language: home, reply index, 404,
// search and, when it has one, its about page.
func HeadPages(s *site.Site, lang *site.Lang) []*Page {
	home := &Page{Site: s, Lang: lang, Kind: KindHome, URL: lang.URL()}
	if lang.Home != nil {
		home.Title, home.Description = lang.Home.Title, lang.Home.Summary
	}
	home.Alternates = alternates(s, lang, func(l *site.Lang) (string, bool) { return l.URL(), true })

	T := s.Catalog().T(lang.Code)
	idx := &Page{Site: s, Lang: lang, Kind: KindReplies, URL: lang.RepliesURL(), Title: T("repliesTitle"), Description: T("repliesIntro")}
	idx.Alternates = alternates(s, lang, func(l *site.Lang) (string, bool) { return l.RepliesURL(), true })

	nf := &Page{Site: s, Lang: lang, Kind: KindNotFound, URL: lang.URL() + "404.html", NoIndex: true, Title: T("notFoundTitle")}
	// Its language switcher leads to the homes: another language's 404
	// page is no place to go.
	nf.Alternates = alternates(s, lang, func(l *site.Lang) (string, bool) { return l.URL(), true })
	search := &Page{Site: s, Lang: lang, Kind: KindSearch, URL: SearchURL(s, lang), Title: T("searchTitle"), Description: T("searchIntro")}
	search.Alternates = alternates(s, lang, func(l *site.Lang) (string, bool) { return SearchURL(s, l), true })
	ps := []*Page{home, idx, nf, search}
	if a := lang.About; a != nil {
		about := &Page{Site: s, Lang: lang, Kind: KindAbout, URL: a.URL(), Title: a.Title, Description: a.Summary}
		about.Alternates = translations(s, lang, func(i int) (string, string, bool) {
			if t := s.Languages[i].About; t != nil {
				return t.URL(), t.Title, true
			}
			return "", "", false
		})
		ps = append(ps, about)
	}
	return finish(s, ps)
}

// SearchURL returns the address of language lang's search page: its
// URL word is the message searchSlug (buscar, zoeken, cerca, search).
func SearchURL(s *site.Site, lang *site.Lang) string {
	return lang.URL() + s.Catalog().T(lang.Code)("searchSlug") + "/"
}

// SearchManifest returns the address of language lang's search index
// manifest, beside its search page.
func SearchManifest(s *site.Site, lang *site.Lang) string {
	return SearchURL(s, lang) + "index.json"
}

// articlePage returns the page of article a.
func ArticlePage(s *site.Site, a *site.Article) *Page {
	lang := a.Lang
	p := &Page{Site: s, Lang: lang, Kind: KindArticle, URL: a.URL(), Title: a.Title, Description: a.Summary, Article: a, StaleSource: translation.StaleSource(s, a)}
	p.Alternates = translations(s, lang, func(i int) (string, string, bool) {
		if t := s.Translations(a.Key)[i]; t != nil {
			return t.URL(), t.Title, true
		}
		return "", "", false
	})
	return finishPage(s, p)
}

// replyPage returns the page of reply r.
func ReplyPage(s *site.Site, r *site.Reply) *Page {
	lang := r.Article().Lang
	var desc string
	if r.Scenario.ScenarioText != nil { // (nil in a listing of a one-shot build, which shows no description)
		desc = r.Scenario.SituationText
	}
	p := &Page{Site: s, Lang: lang, Kind: KindReply, URL: r.URL(), Title: r.Title, Description: desc, Reply: r, RepliesTitle: s.Catalog().T(lang.Code)("repliesTitle"), StaleSource: translation.StaleSource(s, r.Article())}
	p.Alternates = translations(s, lang, func(i int) (string, string, bool) {
		if t := s.ReplyTranslations(r.ID)[i]; t != nil {
			return t.URL(), t.Title, true
		}
		return "", "", false
	})
	return finishPage(s, p)
}

// finish sets the fields every page has (finishPage) on each page of ps.
func finish(s *site.Site, ps []*Page) []*Page {
	for _, p := range ps {
		finishPage(s, p)
	}
	return ps
}

// finishPage sets the fields every page has: output path, share image,
// Open Graph type, last change.
func finishPage(s *site.Site, p *Page) *Page {
	switch {
	case p.Kind == KindArticle:
		p.Path = p.Article.OutputFile()
	case p.Kind == KindReply:
		p.Path = p.Reply.OutputFile()
	case p.Kind == KindAbout:
		p.Path = p.Lang.About.OutputFile()
	default:
		p.Path = site.OutputPath(s.BasePath, p.URL)
	}
	p.Image = p.Lang.ShareImageURL()
	p.OGType = "website"
	switch p.Kind {
	case KindArticle:
		p.LastMod, p.OGType = p.Article.Updated, "article"
	case KindReply:
		p.LastMod = p.Reply.Article().Updated
	default:
		p.LastMod = p.Lang.LastMod()
	}
	return p
}

func alternates(s *site.Site, cur *site.Lang, find func(*site.Lang) (string, bool)) []Alternate {
	alts := make([]Alternate, len(s.Languages))
	for i, l := range s.Languages {
		u, ok := find(l)
		alts[i] = Alternate{Lang: l, Code: l.Code, Name: l.Name, Locale: l.Locale, URL: u, Exists: ok, Current: l == cur, Other: ok && l != cur, site: s}
	}
	return alts
}

// translations returns the alternates of a page that has translations:
// find gives the address and title of the one in the language at index i
// of Site.Languages, or ok false where there is none (the alternate then
// leads to that language's home page).
func translations(s *site.Site, cur *site.Lang, find func(i int) (url, title string, ok bool)) []Alternate {
	alts := make([]Alternate, len(s.Languages))
	for i, l := range s.Languages {
		u, title, ok := find(i)
		if !ok {
			u = l.URL()
		}
		alts[i] = Alternate{Lang: l, Code: l.Code, Name: l.Name, Locale: l.Locale, URL: u, Title: title, Exists: ok, Current: l == cur, Other: ok && l != cur, site: s}
	}
	return alts
}

// Translation returns the page's alternate in lang.
func (p *Page) Translation(lang *site.Lang) Alternate {
	for _, a := range p.Alternates {
		if a.Lang == lang {
			return a
		}
	}
	return Alternate{}
}

// ReplyCard is a reply as the reply-card partial shows it: on its own page,
// or as one of several under a quiz outcome. Its fields are the reply's,
// copied flat: templates look a field up by name on every use, and a field
// of an embedded struct is found only by searching.
type ReplyCard struct {
	ID, Title string
	Channel   string
	Limit     int
	Email     bool
	Fields    []Field // one per placeholder, in order
	Subject   []reply.Segment
	Body      []reply.Segment
	MailtoURL string // with the placeholders unfilled; "" when not for email
	InOutcome bool   // one of several under a quiz outcome
}

// Field is the form field of one placeholder of a reply card.
type Field struct {
	ID    string // the input's id
	Name  string // the placeholder's text
	Label string // what the form calls it
}

// newCard returns the card of reply r.
func newCard(r *site.Reply, inOutcome bool) ReplyCard {
	c := ReplyCard{ID: r.ID, Title: r.Title, Channel: r.Channel, Limit: r.Limit, Email: r.Email(), InOutcome: inOutcome}
	if r.Message != nil {
		c.Subject, c.Body = r.Subject, r.Body
		c.Fields = make([]Field, len(r.Placeholders))
		for i, name := range r.Placeholders {
			c.Fields[i] = Field{ID: "ph-" + r.ID + "-" + strconv.Itoa(i), Name: name, Label: r.Labels[i]}
		}
	}
	if c.Email {
		c.MailtoURL = Mailto(reply.Plain(c.Subject, nil), reply.Plain(c.Body, nil))
	}
	return c
}

// Chrome is what the parts of a page that are the same for every page of a
// language and kind may use: they are rendered once, by {{cached}}.
type Chrome struct {
	Site *site.Site
	Lang *site.Lang
	Kind string
	Root bool
}
