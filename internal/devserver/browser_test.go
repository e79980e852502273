package devserver

import (
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/tact-guide/tact/internal/sitetest"
)

// The pages' own policy (layouts/base.html): live.js must work under it.
const testCSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'"

// cspWatch records Content-Security-Policy violations on every document.
const cspWatch = `window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => {
	window.__violations.push(e.violatedDirective + " " + e.blockedURI);
});`

// testPage is a built page linking stylesheet, with a tall body to scroll.
func testPage(stylesheet, text string) string {
	return `<!doctype html><html lang="en"><head><meta charset="utf-8">` +
		`<meta http-equiv="Content-Security-Policy" content="` + testCSP + `">` +
		`<title>Test</title><link rel="stylesheet" href="` + stylesheet + `"></head>` +
		`<body><a href="#x">first link</a><p id="text">` + text + `</p><label for="name">Name</label><input id="name"><div class="tall"></div></body></html>`
}

// live.js in a real browser, with the pages' CSP enforced: a stylesheet
// change is swapped in without a reload, a failed build shows an overlay of
// text (never HTML) that is an alert, reachable and dismissable from the
// keyboard, and a reload keeps the scroll position and what was typed.
func TestLiveReloadInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	out := t.TempDir()
	sitetest.WriteTree(t, out, map[string]string{
		"en/index.html":      testPage("/assets/style.1.css", "version 1"),
		"assets/style.1.css": ".tall{height:5000px}",
	})
	h := newHub()
	ts := httptest.NewServer(newServer(out, "", h))
	defer ts.Close()
	defer h.close()

	ctx := newBrowser(t)
	if err := chromedp.Run(ctx, chromedp.ActionFunc(func(ctx context.Context) error {
		_, err := page.AddScriptToEvaluateOnNewDocument(cspWatch).Do(ctx)
		return err
	})); err != nil {
		t.Fatal(err)
	}
	run := func(what string, actions ...chromedp.Action) {
		t.Helper()
		if err := chromedp.Run(ctx, actions...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	// until polls a JavaScript condition.
	until := func(what, cond string) {
		t.Helper()
		var ok bool
		for deadline := time.Now().Add(wait); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
			if err := chromedp.Run(ctx, chromedp.Evaluate(cond, &ok)); err == nil && ok {
				return
			}
		}
		t.Fatalf("%s: %s never became true", what, cond)
	}
	violations := func(when string) {
		t.Helper()
		var vs []string
		run("read violations", chromedp.Evaluate(`window.__violations || []`, &vs))
		for _, v := range vs {
			t.Errorf("%s: CSP violation: %s", when, v)
		}
	}
	connected := func() {
		t.Helper()
		for deadline := time.Now().Add(wait); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
			h.mu.Lock()
			n := len(h.clients)
			h.mu.Unlock()
			if n == 1 {
				return
			}
		}
		t.Fatal("the page never connected to the event stream")
	}

	run("open the page", chromedp.Navigate(ts.URL+"/en/"))
	connected()
	until("live.css loaded", `[...document.styleSheets].some((s) => s.href && s.href.endsWith("/_tact/live.css"))`)
	run("mark and scroll", chromedp.Evaluate(`window.__marker = 1; scrollTo(0, 1200); true`, nil))

	// A stylesheet-only build: swapped in, no reload.
	sitetest.WriteTree(t, out, map[string]string{
		"assets/style.2.css": ".tall{height:6000px}",
		"en/index.html":      testPage("/assets/style.2.css", "version 1"),
	})
	h.built(true)
	until("stylesheet swapped", `!!document.querySelector('link[href="/assets/style.2.css"]') && !document.querySelector('link[href="/assets/style.1.css"]')`)
	until("stylesheet applied", `document.querySelector(".tall").offsetHeight === 6000`)
	var marker int
	run("marker", chromedp.Evaluate(`window.__marker || 0`, &marker))
	if marker != 1 {
		t.Error("a stylesheet-only change reloaded the page")
	}

	// A failed build: an overlay of text over the page.
	problems := "content/en/a.md:3:7: bad verdict <img src=x id=injected>\ncontent/nl/a.md:1:1: second problem"
	h.failed(problems)
	until("overlay shown", `!!document.querySelector('.tact-live-overlay[role="alert"]')`)
	var shown string
	var injected, fixed bool
	run("read overlay",
		chromedp.Evaluate(`document.querySelector(".tact-live-problems").textContent`, &shown),
		chromedp.Evaluate(`!!document.getElementById("injected")`, &injected),
		chromedp.Evaluate(`getComputedStyle(document.querySelector(".tact-live-overlay")).position === "fixed"`, &fixed),
	)
	if shown != problems {
		t.Errorf("overlay shows %q, want %q", shown, problems)
	}
	if injected {
		t.Error("error text was parsed as HTML")
	}
	if !fixed {
		t.Error("the overlay is not styled by live.css")
	}
	run("dismiss with Escape", chromedp.KeyEvent(kb.Escape))
	until("overlay dismissed", `!document.querySelector(".tact-live-overlay")`)

	h.failed(problems)
	until("overlay shown again", `!!document.querySelector(".tact-live-overlay")`)
	var focused string
	run("tab to the button", chromedp.Evaluate(`document.activeElement && document.activeElement.blur(); true`, nil), chromedp.KeyEvent(kb.Tab),
		chromedp.Evaluate(`document.activeElement.className`, &focused))
	if focused != "tact-live-close" {
		t.Errorf("first Tab focuses %q, want the overlay's Dismiss button", focused)
	}
	run("press the button", chromedp.KeyEvent(kb.Enter))
	until("overlay dismissed with the button", `!document.querySelector(".tact-live-overlay")`)
	violations("before the reload")

	// A good build: reload, back at the same place, overlay gone.
	h.failed(problems)
	until("overlay shown before the fix", `!!document.querySelector(".tact-live-overlay")`)
	// Chromium restores the position of a reloaded page by itself; turn that
	// off so that what is tested is live.js keeping it.
	run("scroll", chromedp.Evaluate(`history.scrollRestoration = "manual"; scrollTo(0, 1500); true`, nil))
	run("type", chromedp.Evaluate(`document.getElementById("name").value = "Ana"; true`, nil))
	sitetest.WriteTree(t, out, map[string]string{"en/index.html": testPage("/assets/style.2.css", "version 2")})
	h.built(false)
	until("reloaded", `document.getElementById("text") && document.getElementById("text").textContent === "version 2"`)
	until("scroll kept", `Math.abs(scrollY - 1500) < 2`)
	until("typed value kept", `document.getElementById("name").value === "Ana"`)
	var overlay bool
	run("after reload", chromedp.Evaluate(`window.__marker || 0`, &marker), chromedp.Evaluate(`!!document.querySelector(".tact-live-overlay")`, &overlay))
	if marker != 0 {
		t.Error("the page was not reloaded")
	}
	if overlay {
		t.Error("the overlay survived the good build")
	}
	violations("after the reload")
}

// newBrowser starts a headless Chromium, skipping the test if there is none
// (failing under CI=true, as the e2e tests do).
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	path := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			path = p
			break
		}
	}
	if path == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("chromium is not installed: browser tests are required in CI (apt-get install -y chromium)")
		}
		t.Skip("chromium is not installed: run `apt-get install -y chromium` to run the browser tests")
	}
	profile, err := os.MkdirTemp("", "tact-devserver-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.RemoveAll(profile) }) // Chromium may still be writing to it
	actx, cancel := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(path), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.UserDataDir(filepath.Clean(profile)), chromedp.WindowSize(1024, 768))
	t.Cleanup(cancel)
	ctx, cancel2 := chromedp.NewContext(actx)
	t.Cleanup(cancel2)
	ctx, cancel3 := context.WithTimeout(ctx, 2*time.Minute)
	t.Cleanup(cancel3)
	if err := chromedp.Run(ctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return ctx
}
