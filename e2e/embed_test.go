package e2e

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/dom"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"tact/internal/site"
)

// hostileCSS is what a careless or hostile host page might ship.
const hostileCSS = `* { font-size: 40px !important; }
div { display: inline !important; }
button { display: none !important; }
iframe { height: 10px !important; }
p.host-text { color: rgb(255, 0, 0); }
`

// observe records CSP violations and layout shifts on the host page. It is
// installed through DevTools, which the host's CSP does not restrict.
const observe = `window.__violations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__violations.push(e.violatedDirective + " " + e.blockedURI);
});
window.__cls = 0;
new PerformanceObserver(function (list) {
  list.getEntries().forEach(function (e) { if (!e.hadRecentInput) window.__cls += e.value; });
}).observe({ type: "layout-shift", buffered: true });`

// hostServer serves a host page on its own origin, with a strict CSP that
// allows only the site's origin for scripts and frames, hostile CSS, and two
// embedded quizzes.
func hostServer(t *testing.T, siteURL string, s *site.Site) string {
	t.Helper()
	csp := fmt.Sprintf("default-src 'self'; script-src %[1]s; frame-src %[1]s; style-src 'self'; img-src 'self'", siteURL)
	var b strings.Builder
	fmt.Fprintf(&b, `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="%s">
<link rel="stylesheet" href="/hostile.css"><title>Host</title></head><body>
<p class="host-text" id="host-p">A career blog</p>
<button id="host-button">Host button</button>
<script src="%s/embed.js" async></script>
`, csp, siteURL)
	for _, lang := range []string{"nl", "es"} {
		fmt.Fprintf(&b, `<div data-tact-quiz data-lang="%[1]s" id="q-%[1]s"><a href="%[2]s%[3]s">Quiz %[1]s</a></div>
`, lang, siteURL, s.Lang(lang).QuizURL(""))
	}
	b.WriteString(`<p id="after">After the quizzes</p></body></html>`)
	page := b.String()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/hostile.css":
			w.Header().Set("Content-Type", "text/css")
			_, _ = w.Write([]byte(hostileCSS))
		default:
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			_, _ = w.Write([]byte(page))
		}
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// TestEmbedOnHostilePage embeds two quizzes on a host page of another origin
// with hostile CSS and a strict CSP, completes a path in each, and checks the
// frames, the host's own elements and a forged height message.
func TestEmbedOnHostilePage(t *testing.T) {
	dir := siteDir(t)
	siteURL := serve(t, dir)
	s := loadModel(t)
	q := quizOf(t, s)
	host := hostServer(t, siteURL, s)
	ctx := newBrowser(t,
		// Keep the cross-origin frames in the page's process, so DevTools
		// can query inside them.
		chromedp.Flag("disable-site-isolation-trials", true),
		chromedp.Flag("disable-features", "IsolateOrigins,site-per-process"),
	)
	if err := chromedp.Run(ctx,
		chromedp.ActionFunc(func(ctx context.Context) error {
			_, err := page.AddScriptToEvaluateOnNewDocument(observe).Do(ctx)
			return err
		}),
		chromedp.Navigate(host+"/"),
		chromedp.WaitReady(`#q-es iframe`, chromedp.ByQuery),
		chromedp.Sleep(time.Second),
	); err != nil {
		t.Fatal(err)
	}
	var active string
	var scrollY float64
	if err := chromedp.Run(ctx,
		chromedp.Evaluate(`document.activeElement === document.body ? "body" : document.activeElement.tagName`, &active),
		chromedp.Evaluate(`window.scrollY`, &scrollY),
	); err != nil {
		t.Fatal(err)
	}
	if active != "body" || scrollY != 0 {
		t.Errorf("the embed took focus (%s) or scrolled the host (%v) on load", active, scrollY)
	}

	var frames []*cdp.Node
	if err := chromedp.Run(ctx, chromedp.Nodes(`iframe`, &frames, chromedp.ByQueryAll)); err != nil {
		t.Fatal(err)
	}
	if len(frames) != 2 {
		t.Fatalf("%d iframes on the host page, want 2", len(frames))
	}
	paths := q.Paths()
	for i, lang := range []string{"nl", "es"} {
		frame := frames[i]
		var title, loading, allow string
		var ok bool
		if err := chromedp.Run(ctx,
			chromedp.AttributeValue(`#q-`+lang+` iframe`, "title", &title, &ok, chromedp.ByQuery),
			chromedp.AttributeValue(`#q-`+lang+` iframe`, "loading", &loading, &ok, chromedp.ByQuery),
			chromedp.AttributeValue(`#q-`+lang+` iframe`, "allow", &allow, &ok, chromedp.ByQuery),
		); err != nil {
			t.Fatal(err)
		}
		if title != "Quiz "+lang || loading != "lazy" || !strings.Contains(allow, "clipboard-write") {
			t.Errorf("%s iframe: title %q, loading %q, allow %q", lang, title, loading, allow)
		}
		// A different, long path in each language.
		p := paths[len(paths)-1-i]
		for _, st := range p.Steps {
			if err := chromedp.Run(ctx,
				chromedp.WaitVisible(`button.option[data-option="`+st.Option+`"]`, chromedp.ByQuery, chromedp.FromNode(frame)),
				chromedp.Click(`button.option[data-option="`+st.Option+`"]`, chromedp.ByQuery, chromedp.FromNode(frame)),
			); err != nil {
				t.Fatalf("%s: answer %s inside the frame: %v", lang, st.Option, err)
			}
		}
		_, o := q.Node(p.Outcome)
		sc := s.Article(o.Article, lang).Scenario(o.Scenario)
		var heading, target, rel string
		if err := chromedp.Run(ctx,
			chromedp.WaitVisible(`[data-quiz-node="`+p.Outcome+`"] [data-reply-card]`, chromedp.ByQuery, chromedp.FromNode(frame)),
			chromedp.Text(`#quiz-heading`, &heading, chromedp.ByQuery, chromedp.FromNode(frame)),
			chromedp.AttributeValue(`.quiz-node a[href*="#"]`, "target", &target, &ok, chromedp.ByQuery, chromedp.FromNode(frame)),
			chromedp.AttributeValue(`.quiz-node a[href*="#"]`, "rel", &rel, &ok, chromedp.ByQuery, chromedp.FromNode(frame)),
			chromedp.Sleep(500*time.Millisecond), // let the height message arrive
		); err != nil {
			t.Fatalf("%s: outcome %s: %v", lang, p.Outcome, err)
		}
		if heading != sc.Title {
			t.Errorf("%s: outcome heading %q, want %q", lang, heading, sc.Title)
		}
		if target != "_blank" || !strings.Contains(rel, "noopener") {
			t.Errorf("%s: the guide link opens with target %q rel %q, want a new tab with noopener", lang, target, rel)
		}
		frameBox, err := box(ctx, `#q-`+lang+` iframe`, nil)
		if err != nil {
			t.Fatal(err)
		}
		content, err := box(ctx, `[data-quiz]`, frame)
		if err != nil {
			t.Fatal(err)
		}
		if frameBox.height <= 520 {
			t.Errorf("%s: the frame did not grow for the outcome: %.0f px", lang, frameBox.height)
		}
		if content.bottom > frameBox.bottom+1 {
			t.Errorf("%s: the quiz overflows its frame (content ends at %.0f, frame at %.0f): a scrollbar would show", lang, content.bottom, frameBox.bottom)
		}
	}

	// The host's own elements keep their styles; the embed adds no styles.
	var fontSize, color, buttonDisplay string
	var sheets int
	if err := chromedp.Run(ctx,
		chromedp.Evaluate(`getComputedStyle(document.getElementById("host-p")).fontSize`, &fontSize),
		chromedp.Evaluate(`getComputedStyle(document.getElementById("host-p")).color`, &color),
		chromedp.Evaluate(`getComputedStyle(document.getElementById("host-button")).display`, &buttonDisplay),
		chromedp.Evaluate(`document.styleSheets.length`, &sheets),
	); err != nil {
		t.Fatal(err)
	}
	if fontSize != "40px" || color != "rgb(255, 0, 0)" || buttonDisplay != "none" || sheets != 1 {
		t.Errorf("host styles changed: font-size %s, color %s, button display %s, %d style sheets", fontSize, color, buttonDisplay, sheets)
	}

	// A forged height message from the host's origin changes nothing.
	before, err := box(ctx, `#q-nl iframe`, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Run(ctx,
		chromedp.Evaluate(`window.postMessage({type: "tact:height", height: 3000}, "*"); true`, nil),
		chromedp.Sleep(300*time.Millisecond),
	); err != nil {
		t.Fatal(err)
	}
	after, err := box(ctx, `#q-nl iframe`, nil)
	if err != nil {
		t.Fatal(err)
	}
	if after.height != before.height {
		t.Errorf("a forged message resized the frame from %.0f to %.0f px", before.height, after.height)
	}

	var violations []string
	var cls float64
	if err := chromedp.Run(ctx,
		chromedp.Evaluate(`window.__violations`, &violations),
		chromedp.Evaluate(`window.__cls`, &cls),
	); err != nil {
		t.Fatal(err)
	}
	if len(violations) > 0 {
		t.Errorf("CSP violations on the host page: %v", violations)
	}
	if cls >= 0.1 {
		t.Errorf("cumulative layout shift on the host page is %.3f, want under 0.1", cls)
	}
}

type rect struct{ top, bottom, height float64 }

// box returns the border box of the element sel, inside frame when not nil,
// in the page's coordinates.
func box(ctx context.Context, sel string, frame *cdp.Node) (rect, error) {
	var nodes []*cdp.Node
	opts := []chromedp.QueryOption{chromedp.ByQuery}
	if frame != nil {
		opts = append(opts, chromedp.FromNode(frame))
	}
	if err := chromedp.Run(ctx, chromedp.Nodes(sel, &nodes, opts...)); err != nil {
		return rect{}, err
	}
	var m *dom.BoxModel
	if err := chromedp.Run(ctx, chromedp.ActionFunc(func(ctx context.Context) error {
		var err error
		m, err = dom.GetBoxModel().WithNodeID(nodes[0].NodeID).Do(ctx)
		return err
	})); err != nil {
		return rect{}, err
	}
	q := m.Border
	return rect{top: q[1], bottom: q[5], height: q[5] - q[1]}, nil
}
