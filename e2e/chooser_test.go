package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// TestLanguageChooser: the root sends a reader to the first of their
// browser's languages the site has; a language picked with the switcher
// wins over it; #choose shows the chooser without redirecting; without
// JavaScript it lists every language.
func TestLanguageChooser(t *testing.T) {
	t.Parallel() // (loads pages and reads them: no focus or keyboard, so beside the others)
	base := serve(t, siteDir(t))
	s := loadModel(t)
	for _, tc := range []struct {
		accept string // the browser's languages
		want   string
	}{
		{"nl-NL,nl;q=0.9,en;q=0.8", "/nl/"},
		{"it", "/it/"},
		{"fr-FR,fr;q=0.9,es;q=0.8", "/es/"},
	} {
		ctx := newBrowser(t)
		var url string
		if err := chromedp.Run(ctx,
			emulation.SetUserAgentOverride("Mozilla/5.0 tact-test").WithAcceptLanguage(tc.accept),
			chromedp.Navigate(base+"/"),
			chromedp.Sleep(500*time.Millisecond),
			chromedp.Location(&url),
		); err != nil {
			t.Fatal(err)
		}
		if !strings.HasSuffix(url, tc.want) {
			t.Errorf("browser languages %s: landed on %s, want %s", tc.accept, url, tc.want)
		}
	}

	// The switcher's choice is remembered and wins over the browser.
	ctx := newBrowser(t)
	en := s.Lang("en").Articles[0]
	var url string
	if err := chromedp.Run(ctx,
		emulation.SetUserAgentOverride("Mozilla/5.0 tact-test").WithAcceptLanguage("nl"),
		chromedp.Navigate(base+en.URL()),
		chromedp.Click(`.lang-switch a[data-lang-choice][hreflang="it"]`, chromedp.ByQuery),
		chromedp.WaitReady(`html[lang="it"]`, chromedp.ByQuery),
		chromedp.Navigate(base+"/"),
		chromedp.Sleep(500*time.Millisecond),
		chromedp.Location(&url),
	); err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(url, "/it/") {
		t.Errorf("after choosing Italiano, the root sent the reader to %s", url)
	}
	// #choose stays on the chooser: no redirect loop when the reader wants it.
	if err := chromedp.Run(ctx, chromedp.Navigate(base+"/#choose"), chromedp.Sleep(500*time.Millisecond), chromedp.Location(&url)); err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(url, "/#choose") {
		t.Errorf("the chooser redirected from #choose to %s", url)
	}

	// Without JavaScript: every language as a link, nothing else happens.
	noJS := newBrowser(t)
	var langs []string
	if err := chromedp.Run(noJS,
		emulation.SetScriptExecutionDisabled(true),
		chromedp.Navigate(base+"/"),
		chromedp.WaitReady(`[data-language-chooser]`, chromedp.ByQuery),
		chromedp.Evaluate(`Array.from(document.querySelectorAll('[data-language-chooser] a[hreflang]')).map(a => a.getAttribute('hreflang'))`, &langs),
		chromedp.Location(&url),
	); err != nil {
		t.Fatal(err)
	}
	if strings.Join(langs, " ") != "es nl it en" || !strings.HasSuffix(url, "/") {
		t.Errorf("without JavaScript the chooser lists %v at %s", langs, url)
	}
}

// TestRootNotFound: static hosts serve the root 404 page for any unknown
// address (GitHub Pages for every one). It holds the message in every
// language without JavaScript, and puts the reader's language first with
// it: the language of the address not found, or else the browser's.
func TestRootNotFound(t *testing.T) {
	t.Parallel() // (loads pages and reads them: no focus or keyboard, so beside the others)
	base := serve(t, siteDir(t))
	for _, c := range []struct{ path, want string }{{"/nl/no/such/page/", "nl"}, {"/enx/page/", "it"}} {
		ctx := newBrowser(t)
		var first string
		err := chromedp.Run(ctx,
			emulation.SetUserAgentOverride("Mozilla/5.0 tact-test").WithAcceptLanguage("it-IT,it"),
			chromedp.Navigate(base+c.path),
			chromedp.WaitReady(`[data-not-found]`, chromedp.ByQuery),
			chromedp.Sleep(300*time.Millisecond),
			chromedp.Evaluate(`document.querySelector('[data-lang-message]').getAttribute('lang')`, &first),
		)
		if err != nil {
			t.Fatal(err)
		}
		if first != c.want {
			t.Errorf("%s, browser in Italian: the first message is in %q, want %q", c.path, first, c.want)
		}
	}
	for _, js := range []bool{false, true} {
		ctx := newBrowser(t)
		var first string
		var count int
		actions := []chromedp.Action{emulation.SetUserAgentOverride("Mozilla/5.0 tact-test").WithAcceptLanguage("it-IT,it")}
		if !js {
			actions = append(actions, emulation.SetScriptExecutionDisabled(true))
		}
		actions = append(actions,
			chromedp.Navigate(base+"/no/such/page/"),
			chromedp.WaitReady(`[data-not-found]`, chromedp.ByQuery),
			chromedp.Sleep(300*time.Millisecond),
			chromedp.Evaluate(`document.querySelectorAll('[data-lang-message]').length`, &count),
			chromedp.Evaluate(`document.querySelector('[data-lang-message]').getAttribute('lang')`, &first),
		)
		if err := chromedp.Run(ctx, actions...); err != nil {
			t.Fatal(err)
		}
		if count != 4 {
			t.Errorf("javascript %v: %d languages on the 404 page, want 4", js, count)
		}
		if js && first != "it" {
			t.Errorf("with JavaScript the first message is in %q, want the reader's it", first)
		}
	}
}
