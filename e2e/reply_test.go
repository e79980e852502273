package e2e

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/tact-guide/tact/internal/locale"
	"github.com/tact-guide/tact/internal/markdown/reply"
	"github.com/tact-guide/tact/internal/site"
)

// loadModel loads the real site's model, to know what the pages must show.
func loadModel(t *testing.T) *site.Site {
	t.Helper()
	s, err := site.Load(context.Background(), os.DirFS(".."), site.Options{})
	if err != nil {
		t.Fatalf("load the site: %v", err)
	}
	return s
}

func catalog(t *testing.T, s *site.Site) *locale.Catalog {
	t.Helper()
	var codes []string
	for _, l := range s.Languages {
		codes = append(codes, l.Code)
	}
	c, err := locale.Load(os.DirFS(".."), "i18n", codes)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestReplyFillCopyMailto fills in every placeholder of a reply page in two
// languages, copies the message and checks the clipboard, the spoken status
// and the mailto link.
func TestReplyFillCopyMailto(t *testing.T) {
	s := loadModel(t)
	cat := catalog(t, s)
	for _, lang := range []string{"es", "nl"} {
		t.Run(lang, func(t *testing.T) {
			// An origin of its own: what the other language typed is not offered.
			base := serve(t, siteDir(t))
			r := s.Reply("accept-later", lang)
			if r == nil {
				t.Fatal("reply accept-later is missing")
			}
			ctx := newBrowser(t)
			origin := base
			if err := chromedp.Run(ctx,
				browser.SetPermission(&browser.PermissionDescriptor{Name: "clipboard-read"}, browser.PermissionSettingGranted).WithOrigin(origin),
				browser.SetPermission(&browser.PermissionDescriptor{Name: "clipboard-write"}, browser.PermissionSettingGranted).WithOrigin(origin),
				chromedp.Navigate(base+r.URL()),
				chromedp.WaitVisible(`[data-fill]`),
			); err != nil {
				t.Fatal(err)
			}
			// Values with HTML, accents and URL-reserved characters.
			fill := map[string]string{}
			for i, name := range r.Placeholders {
				v := []string{"Zoë <b>Ana</b>", "Pérez & Co?", "#12 «mayo»"}[i%3]
				fill[name] = v
				sel := `input[data-ph-input="` + name + `"]`
				if err := chromedp.Run(ctx, chromedp.SendKeys(sel, v, chromedp.ByQuery)); err != nil {
					t.Fatalf("type into %s: %v", sel, err)
				}
			}
			fillFn := func(n string) string { return fill[n] }
			wantBody := reply.Plain(r.Body, fillFn)
			wantSubject := reply.Plain(r.Subject, fillFn)

			var body, href, status, clip string
			var injected bool
			if err := chromedp.Run(ctx,
				chromedp.Text(`[data-body]`, &body, chromedp.ByQuery),
				chromedp.Evaluate(`document.querySelector('[data-body] b') !== null`, &injected),
				chromedp.AttributeValue(`[data-mailto]`, "href", &href, nil, chromedp.ByQuery),
				chromedp.Click(`[data-copy]`, chromedp.ByQuery),
				chromedp.Sleep(300*time.Millisecond),
				chromedp.Text(`[data-status]`, &status, chromedp.ByQuery),
				chromedp.Evaluate(`navigator.clipboard.readText()`, &clip, func(p *runtimeEvaluateParams) *runtimeEvaluateParams { return p.WithAwaitPromise(true) }),
			); err != nil {
				t.Fatal(err)
			}
			if injected {
				t.Error("a typed value was interpreted as HTML: <b> element inside the message")
			}
			if body != wantBody {
				t.Errorf("message after filling in:\nhave %q\nwant %q", body, wantBody)
			}
			// The subject, labelled as on the page, a blank line, the message.
			wantClip := wantBody
			if wantSubject != "" {
				wantClip = cat.T(lang)("replySubject") + ": " + wantSubject + "\n\n" + wantBody
			}
			if clip != wantClip {
				t.Errorf("clipboard:\nhave %q\nwant %q", clip, wantClip)
			}
			if want := cat.T(lang)("copied"); status != want {
				t.Errorf("status announced: have %q, want %q", status, want)
			}
			checkMailto(t, href, wantSubject, wantBody)
		})
	}
}

// TestReplyWithoutJavaScript checks a reply page is complete with scripts
// disabled: the message with visible placeholders, a working mailto link, and
// no form or button that would do nothing.
func TestReplyWithoutJavaScript(t *testing.T) {
	base := serve(t, siteDir(t))
	s := loadModel(t)
	r := s.Reply("friend-one-question", "it")
	ctx := newBrowser(t)
	var body string
	var marks int
	var formShown, copyShown bool
	var href string
	if err := chromedp.Run(ctx,
		emulation.SetScriptExecutionDisabled(true),
		chromedp.Navigate(base+r.URL()),
		chromedp.WaitReady(`body`),
		chromedp.Text(`[data-body]`, &body, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelectorAll('[data-body] mark.ph').length`, &marks),
		chromedp.Evaluate(`(function(){var e=document.querySelector('[data-fill]');return !!e && e.getClientRects().length>0})()`, &formShown),
		chromedp.Evaluate(`(function(){var e=document.querySelector('[data-copy]');return !!e && e.getClientRects().length>0})()`, &copyShown),
		chromedp.AttributeValue(`[data-mailto]`, "href", &href, nil, chromedp.ByQuery),
	); err != nil {
		t.Fatal(err)
	}
	if want := reply.Plain(r.Body, nil); body != want {
		t.Errorf("message without JavaScript:\nhave %q\nwant %q", body, want)
	}
	if marks == 0 {
		t.Error("placeholders are not marked")
	}
	if formShown || copyShown {
		t.Errorf("dead controls shown without JavaScript: form %v, copy button %v", formShown, copyShown)
	}
	checkMailto(t, href, reply.Plain(r.Subject, nil), reply.Plain(r.Body, nil))
}

func browserSetPermission(name, origin string) *browser.SetPermissionParams {
	return browser.SetPermission(&browser.PermissionDescriptor{Name: name}, browser.PermissionSettingGranted).WithOrigin(origin)
}

// Copy with a placeholder still empty copies nothing, says which fields are
// left (by their labels) instead of claiming success, and takes the reader
// to the first of them.
func TestReplyCopyWithEmptyPlaceholders(t *testing.T) {
	base := serve(t, siteDir(t))
	s := loadModel(t)
	r := s.Reply("accept-later", "en")
	if r == nil || len(r.Placeholders) < 2 {
		t.Fatal("reply accept-later with two placeholders or more is missing")
	}
	ctx := newBrowser(t)
	first := `input[data-ph-input="` + r.Placeholders[0] + `"]`
	var status, clip, focused string
	actions := []chromedp.Action{
		grantClipboard(base),
		chromedp.Navigate(base + r.URL()),
		chromedp.WaitVisible(`[data-fill]`),
		chromedp.Evaluate(`navigator.clipboard.writeText("before")`, nil, func(p *runtimeEvaluateParams) *runtimeEvaluateParams { return p.WithAwaitPromise(true) }),
	}
	for _, name := range r.Placeholders[1:] { // all but the first
		actions = append(actions, chromedp.SendKeys(`input[data-ph-input="`+name+`"]`, "Ana", chromedp.ByQuery))
	}
	if err := chromedp.Run(ctx, actions...); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Run(ctx,
		chromedp.Click(`[data-copy]`, chromedp.ByQuery),
		chromedp.Sleep(300*time.Millisecond),
		chromedp.Text(`[data-status]`, &status, chromedp.ByQuery),
		chromedp.Evaluate(`document.activeElement.getAttribute("data-ph-input")`, &focused),
		chromedp.Evaluate(`navigator.clipboard.readText()`, &clip, func(p *runtimeEvaluateParams) *runtimeEvaluateParams { return p.WithAwaitPromise(true) }),
	); err != nil {
		t.Fatal(err)
	}
	var label string
	if err := chromedp.Run(ctx, chromedp.Text(`label[for="`+attrOf(t, ctx, first, "id")+`"]`, &label, chromedp.ByQuery)); err != nil {
		t.Fatal(err)
	}
	if want := catalog(t, s).T("en")("copyMissing", "Names", label); status != want {
		t.Errorf("status: have %q, want %q", status, want)
	}
	if clip != "before" {
		t.Errorf("the clipboard holds %q: a message with empty placeholders was copied", clip)
	}
	if focused != r.Placeholders[0] {
		t.Errorf("focus on %q, want the first empty field %q", focused, r.Placeholders[0])
	}
}

// attrOf returns an attribute of the first element sel matches.
func attrOf(t *testing.T, ctx context.Context, sel, name string) string {
	t.Helper()
	var v string
	var ok bool
	if err := chromedp.Run(ctx, chromedp.AttributeValue(sel, name, &v, &ok, chromedp.ByQuery)); err != nil || !ok {
		t.Fatalf("%s[%s]: %v", sel, name, err)
	}
	return v
}
