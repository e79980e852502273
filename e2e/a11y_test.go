package e2e

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/tact-guide/tact/internal/build"
	"github.com/tact-guide/tact/internal/sitetest"
)

// webTool returns the path of a file installed by `npm ci --prefix web`,
// failing under CI and skipping elsewhere when it is missing.
func webTool(t *testing.T, rel string) string {
	t.Helper()
	p, err := filepath.Abs(filepath.Join("..", "web", "node_modules", rel))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(p); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is missing: CI must run `npm ci --prefix web` first", rel)
		}
		t.Skipf("%s is missing: run `npm ci --prefix web` to run this check", rel)
	}
	return p
}

// pageKind is one kind of page to check, with an optional interaction that
// puts it in its interactive state.
type pageKind struct {
	name string
	url  string
	act  chromedp.Action
}

func pageKinds(t *testing.T, lang string) []pageKind {
	s := loadModel(t)
	l := s.Lang(lang)
	q := quizOf(t, s)
	a := l.Articles[0]
	r := l.Replies[0]
	deep := longestPath(q)
	var fill []chromedp.Action
	for _, name := range r.Placeholders {
		fill = append(fill, chromedp.SendKeys(`input[data-ph-input="`+name+`"]`, "Ana", chromedp.ByQuery))
	}
	fill = append(fill, chromedp.Click(`[data-copy]`, chromedp.ByQuery), chromedp.Sleep(200*time.Millisecond))
	kinds := []pageKind{
		{name: "home", url: l.URL()},
		{name: "article", url: a.URL()},
		{name: "reply index", url: l.RepliesURL()},
		{name: "reply page", url: r.URL()},
		{name: "reply page filled in", url: r.URL(), act: chromedp.Tasks(fill)},
		{name: "quiz question", url: l.QuizURL("")},
		{name: "quiz question 2", url: l.QuizURL("") + "#" + hashOf(deep.Steps[:1]), act: waitNode(deep.Steps[1].Question)},
		{name: "quiz outcome", url: l.QuizURL("") + "#" + hashOf(deep.Steps), act: chromedp.WaitVisible(`[data-quiz-replies] [data-reply-card]`, chromedp.ByQuery)},
		{name: "quiz outcome page", url: l.QuizURL(deep.Outcome)},
		{name: "embed page", url: l.EmbedCodeURL()},
		{name: "quiz embed", url: l.QuizEmbedURL()},
		{name: "language 404", url: l.URL() + "404.html"},
		{name: "about", url: l.About.URL()},
	}
	if l == s.Languages[0] {
		// The site's own pages are the same whichever language asks: once.
		kinds = append(kinds,
			pageKind{name: "chooser", url: s.BasePath + "/#choose"},
			pageKind{name: "404", url: s.BasePath + "/404.html"},
			pageKind{name: "translation status", url: s.BasePath + "/status/"})
	}
	return kinds
}

// cspWatch records Content-Security-Policy violations on every document.
const cspWatch = `window.__violations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__violations.push(e.violatedDirective + " " + (e.blockedURI || "inline") + " " + e.sourceFile + ":" + e.lineNumber);
});`

// axeRunJS runs axe-core, loaded in the page, with the WCAG 2.1 A and AA
// rules, and gives the violations as JSON.
const axeRunJS = `axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}, resultTypes: ["violations"]})
  .then(function (r) { return JSON.stringify(r.violations.map(function (v) {
    return {id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(function (n) { return n.target.join(" ") + " " + (n.failureSummary || "").replace(/\s+/g, " ") })};
  })); })`

// checkAxe runs axe (already loaded in the page) and reports each
// violation as an error of the test, under name.
func checkAxe(t *testing.T, ctx context.Context, name string) error {
	t.Helper()
	var out string
	if err := chromedp.Run(ctx, chromedp.Evaluate(axeRunJS, &out, func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) })); err != nil {
		return err
	}
	var vs []axeViolation
	if err := json.Unmarshal([]byte(out), &vs); err != nil {
		t.Fatal(err)
	}
	for _, v := range vs {
		t.Errorf("%s: %s (%s): %s\n\t%s", name, v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "\n\t"))
	}
	return nil
}

// watchCSP has the tab ctx record Content-Security-Policy violations on
// every document it loads from now on (cspWatch), for checkCSP.
func watchCSP(t *testing.T, ctx context.Context) {
	t.Helper()
	if err := chromedp.Run(ctx, chromedp.ActionFunc(func(ctx context.Context) error {
		_, err := page.AddScriptToEvaluateOnNewDocument(cspWatch).Do(ctx)
		return err
	})); err != nil {
		t.Fatal(err)
	}
}

// checkCSP reports the Content-Security-Policy violations cspWatch
// recorded on the page, under name.
func checkCSP(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	var violations []string
	if err := chromedp.Run(ctx, chromedp.Evaluate(`window.__violations || []`, &violations)); err != nil {
		t.Fatal(err)
	}
	for _, v := range violations {
		t.Errorf("%s: CSP violation: %s", name, v)
	}
}

type axeViolation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"`
}

// TestAccessibility runs axe-core (WCAG 2.1 A and AA rules) on every page
// kind in every language (in light and, in the first language, dark mode), including the quiz and the
// reply form in their interactive states, with the pages' own CSP enforced:
// zero violations, and no CSP violation either.
func TestAccessibility(t *testing.T) {
	t.Parallel() // (loads pages and reads them: no focus or keyboard, so beside the others)
	axe, err := os.ReadFile(webTool(t, "axe-core/axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	base := serve(t, siteDir(t))
	s := loadModel(t)
	for _, lang := range s.Languages {
		// A tab per language, the languages side by side: each tab has its
		// own time limit, and axe's work in one overlaps the page loads of
		// another.
		t.Run(lang.Code, func(t *testing.T) {
			t.Parallel()
			ctx := newBrowser(t)
			watchCSP(t, ctx)
			for _, k := range pageKinds(t, lang.Code) {
				// Loaded once, then checked in each colour scheme: the
				// scheme changes only the styles (no script reads it), and
				// axe computes colours when it runs.
				media := func(scheme string) chromedp.Action {
					// Reduced motion: axe must see the settled page, not a fade-in.
					return emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}, {Name: "prefers-reduced-motion", Value: "reduce"}})
				}
				actions := []chromedp.Action{
					media("light"),
					chromedp.Navigate("about:blank"),
					chromedp.Navigate(base + k.url),
					chromedp.WaitReady(`body`, chromedp.ByQuery),
				}
				if k.act != nil {
					actions = append(actions, k.act)
				}
				actions = append(actions, chromedp.Evaluate(string(axe), nil))
				if err := chromedp.Run(ctx, actions...); err != nil {
					t.Errorf("%s/%s: %v", lang.Code, k.name, err)
					continue
				}
				// Colours are the stylesheet's, the same in every language: the
				// dark scheme is checked in the first language only.
				schemes := []string{"light", "dark"}
				if lang != s.Languages[0] {
					schemes = schemes[:1]
				}
				for _, scheme := range schemes {
					name := lang.Code + "/" + k.name + "/" + scheme
					if err := chromedp.Run(ctx, media(scheme)); err != nil {
						t.Fatal(err)
					}
					if err := checkAxe(t, ctx, name); err != nil {
						t.Errorf("%s: run axe: %v", name, err)
					}
				}
				checkCSP(t, ctx, lang.Code+"/"+k.name)
			}
		})
	}
}

// TestReplyFormByKeyboard fills in a reply and copies it with the keyboard
// alone, checking that every focused control shows a focus indicator.
func TestReplyFormByKeyboard(t *testing.T) {
	base := serve(t, siteDir(t))
	s := loadModel(t)
	r := s.Reply("friend-not-comfortable", "nl")
	ctx := newBrowser(t)
	if err := chromedp.Run(ctx, grantClipboard(base), chromedp.Navigate(base+r.URL()), chromedp.WaitVisible(`[data-copy]`, chromedp.ByQuery)); err != nil {
		t.Fatal(err)
	}
	filled := 0
	for range 80 {
		var info struct {
			Tag     string `json:"tag"`
			Input   string `json:"input"`
			Copy    bool   `json:"copy"`
			Outline string `json:"outline"`
			Shadow  string `json:"shadow"`
		}
		if err := chromedp.Run(ctx, chromedp.KeyEvent(kb.Tab), chromedp.Evaluate(`(function () {
  var e = document.activeElement, cs = getComputedStyle(e);
  return {tag: e.tagName, input: e.getAttribute("data-ph-input") || "", copy: e.hasAttribute("data-copy"), outline: cs.outlineStyle, shadow: cs.boxShadow};
})()`, &info)); err != nil {
			t.Fatal(err)
		}
		if info.Tag != "BODY" && info.Outline == "none" && info.Shadow == "none" {
			t.Errorf("focused %s shows no focus indicator", info.Tag)
		}
		if info.Input != "" {
			if err := chromedp.Run(ctx, chromedp.KeyEvent("Ana")); err != nil {
				t.Fatal(err)
			}
			filled++
		}
		if info.Copy {
			var status string
			if err := chromedp.Run(ctx, chromedp.KeyEvent(kb.Enter), chromedp.Sleep(300*time.Millisecond), chromedp.Text(`[data-status]`, &status, chromedp.ByQuery)); err != nil {
				t.Fatal(err)
			}
			if filled != len(r.Placeholders) {
				t.Errorf("reached Copy after filling %d of %d placeholders", filled, len(r.Placeholders))
			}
			if status == "" {
				t.Error("Copy by keyboard announced nothing")
			}
			return
		}
	}
	t.Fatal("Tab never reached the Copy button")
}

func grantClipboard(origin string) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		for _, name := range []string{"clipboard-read", "clipboard-write"} {
			if err := browserSetPermission(name, origin).Do(ctx); err != nil {
				return err
			}
		}
		return nil
	})
}

// TestHTMLValidates runs html-validate (configuration: web/.htmlvalidate.json)
// over every page of the built site.
func TestHTMLValidates(t *testing.T) {
	t.Parallel() // (loads pages and reads them: no focus or keyboard, so beside the others)
	bin := webTool(t, ".bin/html-validate")
	dir := siteDir(t)
	var files []string
	_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".html") {
			files = append(files, p)
		}
		return nil
	})
	if len(files) < 100 {
		t.Fatalf("only %d pages built", len(files))
	}
	cmd := exec.Command(bin, append([]string{"--config", filepath.Join("..", "web", ".htmlvalidate.json")}, files...)...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Errorf("html-validate: %v\n%s", err, out)
	}
}

// TestStatusChanges checks /status/ of a site whose translations are
// behind: an English article with a changed word, an English interface
// string changed, and a translation whose source text was not kept. With
// every "What changed" open, in light and dark mode: no axe violation, no
// CSP violation, valid HTML.
func TestStatusChanges(t *testing.T) {
	t.Parallel() // (loads pages and reads them: no focus or keyboard, so beside the others)
	axe, err := os.ReadFile(webTool(t, "axe-core/axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	validate := webTool(t, ".bin/html-validate")
	root := t.TempDir()
	sitetest.Copy(t, "..", root)
	edit := func(rel, old, new string) string { return sitetest.Replace(t, root, rel, old, new) }
	edit("content/en/networking-with-friends.md", "they find ways to help", "they find clever ways to help")
	edit("content/en/writing-to-a-stranger.md", "\n\n", "\n\nA new first paragraph.\n\n")
	edit("i18n/en.toml", `navHome = "Home"`, `navHome = "Start page"`)
	// The text the translations of writing-to-a-stranger were made from
	// is not kept.
	tr, _ := os.ReadFile(filepath.Join(root, "content", "es", "escribir-a-un-desconocido.md"))
	from := regexp.MustCompile(`translatedFrom = "(\w+)"`).FindSubmatch(tr)
	if from == nil {
		t.Fatal("content/es/escribir-a-un-desconocido.md records no version")
	}
	if err := os.Remove(filepath.Join(root, "translated-from", string(from[1])+".md")); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	if _, err := build.Build(context.Background(), os.DirFS(root), build.Options{Out: out, Minify: true}); err != nil {
		t.Fatal(err)
	}
	status := filepath.Join(out, "status", "index.html")
	b, _ := os.ReadFile(status)
	for _, want := range []string{"<details", "<ins>", "<del>", "was not kept", "navHome"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("/status/ has no %q", want)
		}
	}
	if out, err := exec.Command(validate, "--config", filepath.Join("..", "web", ".htmlvalidate.json"), status).CombinedOutput(); err != nil {
		t.Errorf("html-validate: %v\n%s", err, out)
	}
	base := serve(t, out)
	ctx := newBrowser(t)
	watchCSP(t, ctx)
	if err := chromedp.Run(ctx, chromedp.Navigate(base+"/status/"), chromedp.WaitReady(`body`, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelectorAll("details.changes").forEach(function (d) { d.open = true; }); document.querySelectorAll("details.changes").length`, nil),
		chromedp.Evaluate(string(axe), nil)); err != nil {
		t.Fatal(err)
	}
	for _, scheme := range []string{"light", "dark"} {
		if err := chromedp.Run(ctx, emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}})); err != nil {
			t.Fatal(err)
		}
		if err := checkAxe(t, ctx, "status/"+scheme); err != nil {
			t.Errorf("run axe: %v", err)
		}
	}
	checkCSP(t, ctx, "status")
}
