package e2e

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/dom"
	"github.com/chromedp/cdproto/emulation"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/tact-guide/tact/internal/site"
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
	ctx := newFramesTab(t)
	messages, err := consoleWatch(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Run(ctx,
		chromedp.ActionFunc(func(ctx context.Context) error {
			_, err := page.AddScriptToEvaluateOnNewDocument(observe).Do(ctx)
			return err
		}),
		chromedp.Navigate(host+"/"),
		// Shown once it has told its height.
		chromedp.Poll(`getComputedStyle(document.querySelector("#q-nl iframe")).visibility === "visible"`, nil),
		chromedp.Sleep(300*time.Millisecond),
	); err != nil {
		t.Fatal(err)
	}
	var active string
	var scrollY, cls float64
	if err := chromedp.Run(ctx,
		chromedp.Evaluate(`document.activeElement === document.body ? "body" : document.activeElement.tagName`, &active),
		chromedp.Evaluate(`window.scrollY`, &scrollY),
	); err != nil {
		t.Fatal(err)
	}
	if active != "body" || scrollY != 0 {
		t.Errorf("the embed took focus (%s) or scrolled the host (%v) on load", active, scrollY)
	}
	// The second frame loads (lazily) when the reader nears it.
	if err := chromedp.Run(ctx,
		chromedp.ScrollIntoView(`#q-es`, chromedp.ByQuery),
		chromedp.Poll(`getComputedStyle(document.querySelector("#q-es iframe")).visibility === "visible"`, nil),
		chromedp.Sleep(300*time.Millisecond),
		chromedp.Evaluate(`window.__cls`, &cls),
	); err != nil {
		t.Fatal(err)
	}
	// Loading the quizzes hardly moves the host's layout. (Later, the frames
	// follow the quiz's height as the reader answers; the host's page cannot
	// tell those shifts answer input in the frame, so they are not counted.)
	if cls >= 0.1 {
		t.Errorf("cumulative layout shift on the host page while the quizzes load is %.3f, want under 0.1", cls)
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
		var title, loading, allow, sandbox string
		var ok bool
		if err := chromedp.Run(ctx,
			chromedp.AttributeValue(`#q-`+lang+` iframe`, "title", &title, &ok, chromedp.ByQuery),
			chromedp.AttributeValue(`#q-`+lang+` iframe`, "loading", &loading, &ok, chromedp.ByQuery),
			chromedp.AttributeValue(`#q-`+lang+` iframe`, "allow", &allow, &ok, chromedp.ByQuery),
			chromedp.AttributeValue(`#q-`+lang+` iframe`, "sandbox", &sandbox, &ok, chromedp.ByQuery),
		); err != nil {
			t.Fatal(err)
		}
		if title != "Quiz "+lang || loading != "lazy" || !strings.Contains(allow, "clipboard-write") {
			t.Errorf("%s iframe: title %q, loading %q, allow %q", lang, title, loading, allow)
		}
		// On another origin's page, sandboxed: the host left only on a click.
		if flags := strings.Fields(sandbox); !slices.Contains(flags, "allow-top-navigation-by-user-activation") || slices.Contains(flags, "allow-top-navigation") {
			t.Errorf("%s iframe: sandbox %q, want one that lets the frame leave the host's page only on a click", lang, sandbox)
		}
		// A different, long path in each language.
		p := paths[len(paths)-1-i]
		for _, st := range p.Steps {
			if err := chromedp.Run(ctx,
				chromedp.WaitVisible(`button.option[data-option="`+st.Option+`"]`, chromedp.ByQuery, chromedp.FromNode(frame)),
				settled(),
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
	if err := chromedp.Run(ctx, chromedp.Evaluate(`window.__violations`, &violations)); err != nil {
		t.Fatal(err)
	}
	if len(violations) > 0 {
		t.Errorf("CSP violations on the host page: %v", violations)
	}
	if msgs := messages(); len(msgs) > 0 {
		t.Errorf("console messages on the host page:\n%s", strings.Join(msgs, "\n"))
	}
}

// settled waits until the host page has stopped scrolling: embed.js
// scrolls it (smoothly) after an answer, and a click aimed during the
// scroll would land elsewhere.
func settled() chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		var y0, y1 float64
		for end := time.Now().Add(5 * time.Second); time.Now().Before(end); {
			if err := chromedp.Evaluate(`scrollY`, &y0).Do(ctx); err != nil {
				return err
			}
			time.Sleep(150 * time.Millisecond)
			if err := chromedp.Evaluate(`scrollY`, &y1).Do(ctx); err != nil {
				return err
			}
			if y0 == y1 {
				return nil
			}
		}
		return nil
	})
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

// consoleWatch records every console message and uncaught exception of the
// tab, the frames in it included (they share its process in framesBrowser),
// but Chromium's verbose [Violation] timings.
func consoleWatch(ctx context.Context) (func() []string, error) {
	var mu sync.Mutex
	var msgs []string
	chromedp.ListenTarget(ctx, func(ev any) {
		var m string
		switch e := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			m = "console." + string(e.Type)
			for _, a := range e.Args {
				m += " " + string(a.Value) + a.Description
			}
		case *runtime.EventExceptionThrown:
			m = "exception: " + e.ExceptionDetails.Text
			if e.ExceptionDetails.Exception != nil {
				m += " " + e.ExceptionDetails.Exception.Description
			}
		case *cdplog.EventEntryAdded:
			if e.Entry.Level != cdplog.LevelVerbose {
				m = string(e.Entry.Level) + ": " + e.Entry.Text + " " + e.Entry.URL
			}
		}
		if m != "" {
			mu.Lock()
			msgs = append(msgs, m)
			mu.Unlock()
		}
	})
	err := chromedp.Run(ctx, cdplog.Enable())
	return func() []string {
		mu.Lock()
		defer mu.Unlock()
		return slices.Clone(msgs)
	}, err
}

// inFrame evaluates expr in the document of the iframe node frame (in an
// isolated world: its DOM, not its scripts' variables) into res.
func inFrame(ctx context.Context, frame *cdp.Node, expr string, res any) error {
	return chromedp.Run(ctx, chromedp.ActionFunc(func(ctx context.Context) error {
		id, err := page.CreateIsolatedWorld(frame.FrameID).WithWorldName("tact-test").Do(ctx)
		if err != nil {
			return err
		}
		v, exc, err := runtime.Evaluate(expr).WithContextID(id).WithReturnByValue(true).Do(ctx)
		if err != nil {
			return err
		}
		if exc != nil {
			return fmt.Errorf("%s: %s", expr, exc.Text)
		}
		return json.Unmarshal(v.Value, res)
	}))
}

// embedHost is a host page for TestEmbedOnHostPages: its body around the
// snippet, its style sheet and the reader's settings it is seen with.
type embedHost struct {
	name, css, before, snippet, after string
	scheme, motion                    string // prefers-color-scheme, prefers-reduced-motion
}

// TestEmbedOnHostPages puts the snippet on host pages a site owner might
// have (a light page seen in dark mode, a dark page, a 260 px sidebar, a
// long article with the quiz below the fold) on another origin under a
// strict CSP, each in a tab of its own, and checks what their readers see:
// the theme the snippet chose whatever the reader's setting, a frame as tall
// as its content and no wider than its column, the credit, the quiz
// brought back into view after "Start again" with focus inside it, and not
// one console message on the host page.
func TestEmbedOnHostPages(t *testing.T) {
	siteURL := serve(t, siteDir(t))
	s := loadModel(t)
	q := quizOf(t, s)
	paths := q.Paths()
	deep := longestPath(q)
	snippet := func(lang, attrs string) string {
		return fmt.Sprintf(`<script src="%s/embed.js" async></script><div data-tact-quiz data-lang="%s"%s id="quiz"><a href="%s%s">Tact</a></div>`,
			siteURL, lang, attrs, siteURL, s.Lang(lang).QuizURL(""))
	}
	long := strings.Repeat("<p>A long article, the quiz below its fold. Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.</p>\n", 40)
	hosts := []embedHost{
		{name: "light", css: "body { background: #fff; color: #222; font: 18px Georgia, serif; }", snippet: snippet("en", ""), scheme: "dark"},
		{name: "dark", css: "body { background: #111; color: #eee; }", snippet: snippet("es", ` data-theme="dark"`), scheme: "light"},
		{name: "inherit", css: "html { color-scheme: dark; } body { background: #123; color: rgb(240, 230, 140); font-family: monospace; }",
			snippet: snippet("nl", ` data-theme="inherit" data-attribution="text" data-start="`+deep.Steps[1].Question+`"`), scheme: "light"},
		{name: "sidebar", css: ".page { display: flex; gap: 16px; } .page main { flex: 1; } aside { width: 260px; flex: none; }",
			before: `<div class="page"><main><p>The article.</p></main><aside>`, snippet: snippet("it", ` data-start="nowhere"`), after: "</aside></div>", scheme: "light"},
		{name: "long", css: "body { max-width: 40rem; margin: 0 auto; }", before: long, snippet: snippet("en", ` data-links="same-tab"`), after: long, scheme: "light", motion: "reduce"},
	}
	hostURL := embedHosts(t, siteURL, hosts)
	t.Run("embed page", func(t *testing.T) {
		t.Parallel()
		testEmbedPage(t, siteURL+s.Lang("en").EmbedCodeURL())
	})
	for _, h := range hosts {
		t.Run(h.name, func(t *testing.T) {
			t.Parallel()
			ctx := newFramesTab(t)
			messages, err := consoleWatch(ctx)
			if err != nil {
				t.Fatal(err)
			}
			defer func() {
				if msgs := messages(); len(msgs) > 0 {
					t.Errorf("console messages on the host page:\n%s", strings.Join(msgs, "\n"))
				}
			}()
			features := []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: h.scheme}}
			if h.motion != "" {
				features = append(features, &emulation.MediaFeature{Name: "prefers-reduced-motion", Value: h.motion})
			}
			var frames []*cdp.Node
			if err := chromedp.Run(ctx,
				emulation.SetEmulatedMedia().WithFeatures(features),
				chromedp.Navigate(hostURL+"/"+h.name),
				chromedp.ScrollIntoView(`#quiz`, chromedp.ByQuery),
				// Shown once the frame has told its height.
				chromedp.Poll(`(function () { var f = document.querySelector("#quiz iframe"); return !!f && getComputedStyle(f).visibility === "visible"; })()`, nil),
				chromedp.Nodes(`#quiz iframe`, &frames, chromedp.ByQuery),
			); err != nil {
				t.Fatal(err)
			}
			frame := frames[0]
			var st struct {
				Classes, Background, Color, Font, Credit, CreditHref, Start string
				Overflow                                                    float64
			}
			look := `(function () {
  var b = getComputedStyle(document.body), c = document.querySelector("[data-credit]"), a = c && c.querySelector("a");
  return {Classes: document.documentElement.className, Background: b.backgroundColor, Color: b.color, Font: b.fontFamily,
    Credit: c ? c.textContent : "", CreditHref: a ? a.getAttribute("href") + " " + a.target : "",
    Start: document.querySelector("[data-quiz-node]").getAttribute("data-quiz-node"),
    Overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth};
})()`
			if err := inFrame(ctx, frame, look, &st); err != nil {
				t.Fatal(err)
			}
			T := catalog(t, s).T(frameLang(frame))
			credit := T("embedCredit", "Site", s.Title)
			switch h.name {
			case "light":
				// The reader's system is dark; the host page is white.
				if !strings.Contains(st.Classes, "theme-light") || st.Background != "rgb(255, 255, 255)" {
					t.Errorf("the default theme on a light page, for a reader in dark mode: classes %q, background %s; want light, white", st.Classes, st.Background)
				}
			case "dark":
				if st.Background != "rgb(23, 19, 26)" || st.Color != "rgb(236, 230, 238)" {
					t.Errorf(`data-theme="dark" for a reader in light mode: background %s, text %s; want the dark palette`, st.Background, st.Color)
				}
			case "inherit":
				if st.Background != "rgba(0, 0, 0, 0)" || st.Color != "rgb(240, 230, 140)" || st.Font != "monospace" {
					t.Errorf(`data-theme="inherit": background %s, text %s, font %s; want transparent, the host's rgb(240, 230, 140) and monospace`, st.Background, st.Color, st.Font)
				}
				if st.Start != deep.Steps[1].Question {
					t.Errorf(`data-start=%q: the quiz starts at %q`, deep.Steps[1].Question, st.Start)
				}
				if st.CreditHref != "" || !strings.HasPrefix(st.Credit, credit+" · ") || !strings.HasSuffix(st.Credit, s.Lang("nl").URL()) {
					t.Errorf(`data-attribution="text": credit %q (link %q); want the plain line %q · <address>`, st.Credit, st.CreditHref, credit)
				}
			case "sidebar":
				if st.Start != q.Start {
					t.Errorf(`an unknown data-start: the quiz starts at %q, want the start %q`, st.Start, q.Start)
				}
			}
			target := "_blank"
			if h.name == "long" {
				target = "_top" // data-links="same-tab"
			}
			if h.name != "inherit" && (st.Credit != credit || st.CreditHref != s.Lang(frameLang(frame)).URL()+" "+target) {
				t.Errorf("credit %q linking to %q; want a link %q to the guide's home, target %s", st.Credit, st.CreditHref, credit, target)
			}
			// fits checks that the frame is as tall as its content, once the
			// height messages have arrived (a busy machine may take seconds).
			fits := func(when string) {
				t.Helper()
				var f, c rect
				for end := time.Now().Add(5 * time.Second); ; time.Sleep(100 * time.Millisecond) {
					var err1, err2 error
					f, err1 = box(ctx, `#quiz iframe`, nil)
					c, err2 = box(ctx, `[data-credit]`, frame)
					if err := errors.Join(err1, err2); err != nil {
						t.Fatal(err)
					}
					if math.Abs(f.bottom-c.bottom) <= 2 || time.Now().After(end) {
						break
					}
				}
				if math.Abs(f.bottom-c.bottom) > 2 {
					t.Errorf("%s: the frame ends at %.0f px, its content at %.0f px: it should be as tall as its content", when, f.bottom, c.bottom)
				}
			}
			fits("first question")
			if h.name != "sidebar" && h.name != "long" {
				return
			}

			// Walk to a long outcome and read down to its end.
			walk := deep
			if h.name == "sidebar" {
				walk = paths[len(paths)-1]
			}
			for _, step := range walk.Steps {
				if err := chromedp.Run(ctx,
					chromedp.WaitVisible(`button.option[data-option="`+step.Option+`"]`, chromedp.ByQuery, chromedp.FromNode(frame)),
					settled(),
					chromedp.Click(`button.option[data-option="`+step.Option+`"]`, chromedp.ByQuery, chromedp.FromNode(frame)),
				); err != nil {
					t.Fatalf("answer %s: %v", step.Option, err)
				}
			}
			if err := chromedp.Run(ctx,
				chromedp.WaitVisible(`[data-quiz-node="`+walk.Outcome+`"] [data-reply-card] fieldset`, chromedp.ByQuery, chromedp.FromNode(frame)),
			); err != nil {
				t.Fatal(err)
			}
			fits("outcome")
			var narrow struct{ Overflow, Legend float64 }
			if err := inFrame(ctx, frame, `(function () {
  var l = document.querySelector("[data-reply-card] legend").getBoundingClientRect(), fs = document.querySelector("[data-reply-card] fieldset").getBoundingClientRect();
  return {Overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth, Legend: fs.top - l.top};
})()`, &narrow); err != nil {
				t.Fatal(err)
			}
			if narrow.Overflow > 0 || st.Overflow > 0 {
				t.Errorf("the quiz scrolls sideways by %.0f px (first question %.0f px)", narrow.Overflow, st.Overflow)
			}
			if narrow.Legend > 0 {
				t.Errorf("the fill-in legend starts %.0f px above its box: it sits across the border", narrow.Legend)
			}
			// At the end of the outcome, "Back" (smooth scrolling) or "Start
			// again" (reduced motion) by keyboard: the top of the quiz comes
			// back into view, with focus on its new heading.
			button, name, node := `[data-back]`, "Back", walk.Steps[len(walk.Steps)-1].Question
			if h.name == "long" {
				button, name, node = `[data-restart]`, "Start again", q.Start
			}
			var top float64
			var active string
			if err := chromedp.Run(ctx,
				chromedp.ScrollIntoView(button, chromedp.ByQuery, chromedp.FromNode(frame)),
				chromedp.Focus(button, chromedp.ByQuery, chromedp.FromNode(frame)),
				chromedp.KeyEvent("\r"),
				chromedp.WaitVisible(`[data-quiz-node="`+node+`"]`, chromedp.ByQuery, chromedp.FromNode(frame)),
				chromedp.Evaluate(`document.activeElement.tagName`, &active),
			); err != nil {
				t.Fatal(err)
			}
			for end := time.Now().Add(5 * time.Second); ; time.Sleep(100 * time.Millisecond) {
				if err := chromedp.Run(ctx, chromedp.Evaluate(`document.querySelector("#quiz iframe").getBoundingClientRect().top`, &top)); err != nil {
					t.Fatal(err)
				}
				if (top >= 0 && top <= 100) || time.Now().After(end) {
					break
				}
			}
			if top < 0 || top > 100 {
				t.Errorf(`after %q at the end of an outcome, the top of the quiz is at %.0f px in the host's window; want it in view`, name, top)
			}
			var focused string
			if err := inFrame(ctx, frame, `document.activeElement.id`, &focused); err != nil {
				t.Fatal(err)
			}
			if active != "IFRAME" || focused != "quiz-heading" {
				t.Errorf(`after %q, focus is on the host's %s, and in the frame on #%s; want the quiz's heading`, name, active, focused)
			}
			fits("after " + name)
			if h.name != "long" {
				return
			}
			// data-links="same-tab": the guide opens in place of the host's
			// page (a sandboxed frame may do that on a click).
			if err := chromedp.Run(ctx, chromedp.Click(`[data-credit] a`, chromedp.ByQuery, chromedp.FromNode(frame))); err != nil {
				t.Fatal(err)
			}
			want, loc := siteURL+s.Lang("en").URL(), ""
			for end := time.Now().Add(10 * time.Second); loc != want && time.Now().Before(end); {
				time.Sleep(100 * time.Millisecond)
				_ = chromedp.Run(ctx, chromedp.Location(&loc))
			}
			if loc != want {
				t.Errorf(`data-links="same-tab": after a click on the credit link the tab shows %s, want the guide at %s`, loc, want)
			}
		})
	}
}

// testEmbedPage checks the page for site owners, a host page of the site's
// own origin: the live preview, a choice of options redrawing it and
// rewriting the snippet, and no console message.
func testEmbedPage(t *testing.T, pageURL string) {
	ctx := newFramesTab(t)
	messages, err := consoleWatch(ctx)
	if err != nil {
		t.Fatal(err)
	}
	shown := func(theme string) chromedp.Action {
		return chromedp.Poll(`(function () {
  var f = document.querySelector("[data-embed-preview] iframe"), d = f && f.contentDocument;
  return !!d && getComputedStyle(f).visibility === "visible" && d.documentElement.classList.contains("theme-`+theme+`");
})()`, nil, chromedp.WithPollingTimeout(20*time.Second))
	}
	var snippet string
	if err := chromedp.Run(ctx,
		chromedp.Navigate(pageURL),
		chromedp.ScrollIntoView(`[data-embed-preview]`, chromedp.ByQuery),
		shown("light"),
		chromedp.Evaluate(`var e = document.getElementById("embed-theme"); e.value = "dark"; e.dispatchEvent(new Event("change", {bubbles: true})); true`, nil),
		shown("dark"),
		chromedp.Text(`[data-snippet]`, &snippet, chromedp.ByQuery),
	); err != nil {
		t.Fatalf("the preview with the default theme, then dark: %v", err)
	}
	if !strings.Contains(snippet, `data-theme="dark"`) || !strings.Contains(snippet, "/embed.js") {
		t.Errorf("after choosing the dark theme, the snippet is\n%s", snippet)
	}
	if msgs := messages(); len(msgs) > 0 {
		t.Errorf("console messages on the embed page:\n%s", strings.Join(msgs, "\n"))
	}
}

// frameLang returns the language of an embed frame, from its address.
func frameLang(frame *cdp.Node) string {
	u, _ := url.Parse(frame.AttributeValue("src"))
	return strings.Split(strings.TrimPrefix(u.Path, "/"), "/")[0]
}

// embedHosts serves the host pages on an origin of their own, at /<name>,
// each under a strict CSP (scripts and frames only from the site).
func embedHosts(t *testing.T, siteURL string, hosts []embedHost) string {
	t.Helper()
	csp := fmt.Sprintf("default-src 'self'; script-src %[1]s; frame-src %[1]s; style-src 'self'; img-src 'self'", siteURL)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/favicon.ico" {
			w.WriteHeader(http.StatusNoContent)
			return
		}
		name, css := strings.CutSuffix(strings.TrimPrefix(r.URL.Path, "/"), ".css")
		for _, h := range hosts {
			if h.name != name {
				continue
			}
			if css {
				w.Header().Set("Content-Type", "text/css")
				fmt.Fprint(w, h.css)
				return
			}
			w.Header().Set("Content-Security-Policy", csp)
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprintf(w, `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/%s.css"><title>Host</title></head><body>%s%s%s</body></html>`, h.name, h.before, h.snippet, h.after)
			return
		}
		http.NotFound(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}
