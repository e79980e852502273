package build_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/tact-guide/tact/internal/build"
	"github.com/tact-guide/tact/internal/site"
)

func date(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func keysOf(as []*site.Article) string {
	var keys []string
	for _, a := range as {
		keys = append(keys, a.Lang.Code+"/"+a.Key)
	}
	return strings.Join(keys, " ")
}

// Every front matter field reaches the model and the page.
func TestFrontMatterFields(t *testing.T) {
	s := load(t, fixture(t), build.Options{})
	es := s.Article("intros", "es")
	if es == nil {
		t.Fatal(`Article("intros", "es") = nil`)
	}
	page := sharedPage(t, "es/presentaciones/index.html")

	t.Run("title", func(t *testing.T) {
		if es.Title != "¿Aceptar una presentación?" {
			t.Errorf("Title = %q", es.Title)
		}
		for _, want := range []string{"<title>¿Aceptar una presentación? · Tact</title>", "<h1>¿Aceptar una presentación?</h1>"} {
			if !strings.Contains(page, want) {
				t.Errorf("page lacks %s", want)
			}
		}
	})
	t.Run("key links the translations", func(t *testing.T) {
		for lang, file := range map[string]string{"es": "content/es/presentaciones.md", "en": "content/en/introductions.md", "nl": "content/nl/introducties.md"} {
			if a := s.Article("intros", lang); a == nil || a.File != file || a.Key != "intros" {
				t.Errorf("Article(intros, %s) = %+v, want %s", lang, a, file)
			}
		}
		if fmt.Sprint(s.Keys) != "[favours intros]" {
			t.Errorf("Keys = %v, want [favours intros] (sorted)", s.Keys)
		}
	})
	t.Run("slug makes the URL", func(t *testing.T) {
		if es.Slug != "presentaciones" || es.URL() != "/es/presentaciones/" {
			t.Errorf("Slug %q, URL %q", es.Slug, es.URL())
		}
		if !strings.Contains(page, `<link rel="canonical" href="https://tact.example/es/presentaciones/">`) {
			t.Error("canonical link does not use the slug")
		}
	})
	t.Run("summary describes the page", func(t *testing.T) {
		if es.Summary != "Casi siempre hay que decir que sí; a veces, no." {
			t.Errorf("Summary = %q", es.Summary)
		}
		if !strings.Contains(page, `<meta name="description" content="Casi siempre hay que decir que sí; a veces, no.">`) {
			t.Error("page lacks the summary as its description")
		}
		if !strings.Contains(sharedPage(t, "es/index.html"), "<p>Casi siempre hay que decir que sí; a veces, no.</p>") {
			t.Error("home page does not list the summary")
		}
	})
	t.Run("date and updated", func(t *testing.T) {
		if !es.Date.Equal(date("2026-10-05")) || !es.Updated.Equal(date("2026-10-20")) {
			t.Errorf("Date %v, Updated %v", es.Date, es.Updated)
		}
		want := `<time datetime="2026-10-05">5 de octubre de 2026</time> · actualizado el <time datetime="2026-10-20">20 de octubre de 2026</time>`
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s", want)
		}
	})
	t.Run("updated defaults to date", func(t *testing.T) {
		en := s.Article("intros", "en")
		if !en.Updated.Equal(en.Date) {
			t.Errorf("Updated %v, want Date %v", en.Updated, en.Date)
		}
		p := sharedPage(t, "en/introductions/index.html")
		if !strings.Contains(p, `<p class="meta"><time datetime="2026-10-05">5 October 2026</time> · 1 min read</p>`) {
			t.Error("an article never updated shows an update date (or no reading time)")
		}
	})
	t.Run("tags", func(t *testing.T) {
		if fmt.Sprint(es.Tags) != "[presentaciones decir que no]" {
			t.Errorf("Tags = %q", es.Tags)
		}
		if s.Article("favours", "es").Tags != nil {
			t.Errorf("an article without tags has %q", s.Article("favours", "es").Tags)
		}
	})
	t.Run("related resolves in the same language", func(t *testing.T) {
		if have := keysOf(es.RelatedArticles); have != "es/favours" {
			t.Errorf("RelatedArticles = %s", have)
		}
		// An article listing itself does not relate to itself.
		if have := keysOf(s.Article("intros", "en").RelatedArticles); have != "en/favours" {
			t.Errorf("en RelatedArticles = %s", have)
		}
		if !strings.Contains(page, "<h2 id=\"related-title\">Artículos relacionados</h2>\n<ul>\n<li><a href=\"/es/pedir-otro-favor/\">Pedir otro favor</a></li>") {
			t.Error("page lacks the related article")
		}
		if strings.Contains(sharedPage(t, "nl/introducties/index.html"), `class="related"`) {
			t.Error("an article without related articles shows the section")
		}
	})
	t.Run("articles newest first with neighbours", func(t *testing.T) {
		lang := s.Lang("es")
		if have := keysOf(lang.Articles); have != "es/favours es/intros" {
			t.Errorf("Articles = %s, want newest first", have)
		}
		if es.Prev != s.Article("favours", "es") || es.Next != nil {
			t.Errorf("Prev %v, Next %v", es.Prev, es.Next)
		}
	})
}

func TestDrafts(t *testing.T) {
	t.Parallel()
	draft := put("content/en/draft.md", `+++
title = "Work in progress"
key = "wip"
slug = "work-in-progress"
summary = "Not ready."
date = 2026-11-01
draft = true
+++

## Scenario {#wip-scenario verdict=wait}

Situation.

Why.

`+"```reply id=wip-reply title=\"Not yet\"\nHi.\n```\n")
	notDraft := put("content/en/ready.md", `+++
title = "Ready"
key = "ready"
slug = "ready"
summary = "Ready."
date = 2026-11-01
draft = false
+++

## Scenario {#ready-scenario verdict=wait}

Situation.

Why.

`+"```reply id=ready-reply title=\"Ready now\"\nHi.\n```\n")

	t.Run("left out without the Drafts option", func(t *testing.T) {
		fsys := apply(t, fixture(t), draft, notDraft)
		s := load(t, fsys, build.Options{})
		if s.Article("wip", "en") != nil || s.Reply("wip-reply", "en") != nil {
			t.Error("draft article is in the model")
		}
		if s.Article("ready", "en") == nil {
			t.Error("draft = false left the article out")
		}
		out := mustBuild(t, fsys, build.Options{})
		files := snapshot(t, out)
		for _, p := range []string{"en/work-in-progress/index.html", "en/replies/not-yet/index.html"} {
			if _, ok := files[p]; ok {
				t.Errorf("draft page %s was written", p)
			}
		}
		if strings.Contains(files["en/index.html"], "Work in progress") {
			t.Error("home page lists the draft")
		}
	})
	t.Run("included with the Drafts option", func(t *testing.T) {
		fsys := apply(t, fixture(t), draft, notDraft)
		s := load(t, fsys, build.Options{Drafts: true})
		if a := s.Article("wip", "en"); a == nil || !a.Draft {
			t.Fatalf("Article(wip, en) = %v, want the draft", a)
		}
		out := mustBuild(t, fsys, build.Options{Drafts: true})
		readPage(t, out, "en/work-in-progress/index.html")
		readPage(t, out, "en/replies/not-yet/index.html")
	})
}

// Site.Article and Site.Reply find translations; the pages link them.
func TestTranslationMap(t *testing.T) {
	s := load(t, fixture(t), build.Options{})
	for _, tt := range []struct{ id, lang, title string }{
		{"accept-later", "es", "Aceptar y proponer una fecha"},
		{"accept-later", "en", "Say yes and name a date"},
		{"accept-later", "nl", "Ja zeggen en een datum noemen"},
		{"ask-again", "en", "Ask with an easy way out"},
	} {
		r := s.Reply(tt.id, tt.lang)
		if r == nil || r.Title != tt.title || r.Article().Lang.Code != tt.lang {
			t.Errorf("Reply(%s, %s) = %+v, want %q", tt.id, tt.lang, r, tt.title)
		}
	}
	if s.Article("favours", "nl") != nil || s.Reply("ask-again", "nl") != nil {
		t.Error("a translation that does not exist was found")
	}
	if s.Article("nope", "es") != nil || s.Reply("nope", "es") != nil || s.Article("intros", "fr") != nil {
		t.Error("unknown keys, ids or languages must give nil")
	}
	r := s.Reply("accept-later", "es")
	if have := fmt.Sprint(r.Placeholders); have != "[nombre del contacto nombre de quien presenta fecha]" {
		t.Errorf("Placeholders = %s (distinct, subject first)", have)
	}
	if r.Scenario.ID != "swamped" || r.Scenario.Verdict != "accept" || r.Scenario.SituationText != "La oferta llega en la peor semana del año." {
		t.Errorf("reply's scenario = %+v", r.Scenario)
	}
}

// alternate is one link of a page's language switcher or hreflang list.
type alternate struct {
	lang, href   string
	untranslated bool
}

var (
	switcherRe  = regexp.MustCompile(`(?s)<nav class="lang-switch"[^>]*>(.*?)</nav>`)
	switchItem  = regexp.MustCompile(`<li><a href="([^"]*)" lang="([^"]*)"[^>]*>[^<]*</a>( <span class="untranslated">\(([^)]*)\)</span>)?</li>`)
	hreflangRe  = regexp.MustCompile(`<link rel="alternate" hreflang="([^"]*)" href="([^"]*)">`)
	untransText = map[string]string{"es": "aún sin traducir", "en": "not translated yet", "nl": "nog niet vertaald"}
)

func switcher(t *testing.T, page string) []alternate {
	t.Helper()
	m := switcherRe.FindStringSubmatch(page)
	if m == nil {
		t.Fatal("page has no language switcher")
	}
	var alts []alternate
	for _, li := range switchItem.FindAllStringSubmatch(m[1], -1) {
		alts = append(alts, alternate{lang: li[2], href: li[1], untranslated: li[3] != ""})
	}
	return alts
}

func hreflangs(page string) []alternate {
	var alts []alternate
	for _, m := range hreflangRe.FindAllStringSubmatch(page, -1) {
		alts = append(alts, alternate{lang: m[1], href: m[2]})
	}
	return alts
}

func TestLanguageSwitcherLinksTheTranslations(t *testing.T) {
	tests := []struct {
		page     string
		switcher []alternate
		hreflang []alternate
	}{
		{
			page:     "en/introductions/index.html",
			switcher: []alternate{{"es", "/es/presentaciones/", false}, {"en", "/en/introductions/", false}, {"nl", "/nl/introducties/", false}},
			hreflang: []alternate{
				{"es", "https://tact.example/es/presentaciones/", false},
				{"en", "https://tact.example/en/introductions/", false},
				{"nl", "https://tact.example/nl/introducties/", false},
				{"x-default", "https://tact.example/", false},
			},
		},
		{
			// favours has no Dutch translation: the switcher links the
			// Dutch home page, saying so, and hreflang leaves Dutch out.
			page:     "en/one-more-favour/index.html",
			switcher: []alternate{{"es", "/es/pedir-otro-favor/", false}, {"en", "/en/one-more-favour/", false}, {"nl", "/nl/", true}},
			hreflang: []alternate{
				{"es", "https://tact.example/es/pedir-otro-favor/", false},
				{"en", "https://tact.example/en/one-more-favour/", false},
				{"x-default", "https://tact.example/", false},
			},
		},
		{
			page:     "es/respuestas/pedir-con-una-salida-facil/index.html",
			switcher: []alternate{{"es", "/es/respuestas/pedir-con-una-salida-facil/", false}, {"en", "/en/replies/ask-with-an-easy-way-out/", false}, {"nl", "/nl/", true}},
			hreflang: []alternate{
				{"es", "https://tact.example/es/respuestas/pedir-con-una-salida-facil/", false},
				{"en", "https://tact.example/en/replies/ask-with-an-easy-way-out/", false},
				{"x-default", "https://tact.example/", false},
			},
		},
		{
			page:     "nl/antwoorden/ja-zeggen-en-een-datum-noemen/index.html",
			switcher: []alternate{{"es", "/es/respuestas/aceptar-y-proponer-una-fecha/", false}, {"en", "/en/replies/say-yes-and-name-a-date/", false}, {"nl", "/nl/antwoorden/ja-zeggen-en-een-datum-noemen/", false}},
		},
		{
			page:     "nl/antwoorden/index.html",
			switcher: []alternate{{"es", "/es/respuestas/", false}, {"en", "/en/replies/", false}, {"nl", "/nl/antwoorden/", false}},
		},
		{
			// A page not found leads to the other languages' homes, not
			// to their own pages not found.
			page:     "es/404.html",
			switcher: []alternate{{"es", "/es/", false}, {"en", "/en/", false}, {"nl", "/nl/", false}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.page, func(t *testing.T) {
			page := sharedPage(t, tt.page)
			if have := switcher(t, page); fmt.Sprint(have) != fmt.Sprint(tt.switcher) {
				t.Errorf("switcher\nhave %v\nwant %v", have, tt.switcher)
			}
			if tt.hreflang != nil {
				if have := hreflangs(page); fmt.Sprint(have) != fmt.Sprint(tt.hreflang) {
					t.Errorf("hreflang\nhave %v\nwant %v", have, tt.hreflang)
				}
			}
			lang := strings.SplitN(tt.page, "/", 2)[0]
			for _, a := range tt.switcher {
				if a.untranslated && !strings.Contains(page, "<span class=\"untranslated\">("+untransText[lang]+")</span>") {
					t.Errorf("the missing %s translation is not marked %q", a.lang, untransText[lang])
				}
			}
		})
	}
}

// A site served from a sub-path prefixes every link with it, while the
// files stay at the root of the output directory.
func TestBaseURLWithAPath(t *testing.T) {
	t.Parallel()
	out := mustBuild(t, fixture(t), build.Options{BaseURL: "https://example.org/guide/"})
	page := readPage(t, out, "en/introductions/index.html")
	for _, want := range []string{
		`<link rel="canonical" href="https://example.org/guide/en/introductions/">`,
		`<link rel="alternate" hreflang="es" href="https://example.org/guide/es/presentaciones/">`,
		`<a href="/guide/es/presentaciones/" lang="es"`,
		`<a href="/guide/en/replies/say-yes-and-name-a-date/">Say yes and name a date</a>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	if regexp.MustCompile(`(href|src)="/(en|es|nl|assets)/`).MatchString(page) {
		t.Errorf("page has a link without the /guide base path:\n%s", regexp.MustCompile(`(href|src)="/(en|es|nl|assets)/[^"]*"`).FindString(page))
	}
}

func TestInvalidBaseURLIsRefused(t *testing.T) {
	for _, u := range []string{"example.org", "ftp://example.org/", "/guide/"} {
		_, err := runBuild(t, fixture(t), build.Options{BaseURL: u})
		if err == nil || !strings.Contains(err.Error(), "is not an absolute http(s) URL") {
			t.Errorf("BaseURL %q: err = %v", u, err)
		}
	}
}
