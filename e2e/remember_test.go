package e2e

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/tact-guide/tact/internal/site"
)

// sharedPlaceholder returns two replies of lang with a placeholder of the
// same text, and that text.
func sharedPlaceholder(t *testing.T, s *site.Site, lang string) (a, b *site.Reply, name string) {
	t.Helper()
	seen := map[string]*site.Reply{}
	for _, r := range s.Lang(lang).Replies {
		for _, p := range r.Placeholders {
			if first := seen[p]; first != nil && first != r {
				return first, r, p
			}
			seen[p] = r
		}
	}
	t.Fatalf("no two %s replies share a placeholder", lang)
	return nil, nil, ""
}

// TestReplyRemembersWhatWasTyped: a value typed into one reply template is
// offered in the same field of the next template, in the same reply in
// another language, and in the other cards of the page as it is typed;
// "Forget what I typed" clears it everywhere, and the form labels are the
// placeholders written as labels.
func TestReplyRemembersWhatWasTyped(t *testing.T) {
	base := serve(t, siteDir(t))
	s := loadModel(t)
	a, b, name := sharedPlaceholder(t, s, "en")
	field := func(n string) string { return `input[data-ph-input="` + n + `"]` }
	ctx := newBrowser(t)
	var label, offered, translated, stored string
	i := 0
	for i < len(a.Placeholders) && a.Placeholders[i] != name {
		i++
	}
	other := s.Reply(a.ID, "es")
	if err := chromedp.Run(ctx,
		chromedp.Navigate(base+a.URL()),
		chromedp.WaitVisible(`[data-fill]`),
		chromedp.Text(`label[for="ph-`+a.ID+`-`+strconv.Itoa(i)+`"]`, &label, chromedp.ByQuery),
		chromedp.SendKeys(field(name), "Ana Ruiz", chromedp.ByQuery),
		chromedp.Navigate(base+b.URL()),
		chromedp.WaitVisible(`[data-fill]`),
		chromedp.Value(field(name), &offered, chromedp.ByQuery),
		chromedp.Navigate(base+other.URL()),
		chromedp.WaitVisible(`[data-fill]`),
		chromedp.Value(`#ph-`+a.ID+`-`+strconv.Itoa(i), &translated, chromedp.ByQuery),
	); err != nil {
		t.Fatal(err)
	}
	if want := a.Labels[i]; label != want || label == name {
		t.Errorf("label of %q: have %q, want %q", name, label, want)
	}
	if offered != "Ana Ruiz" {
		t.Errorf("%s: field %q offers %q, want what was typed on %s", b.URL(), name, offered, a.URL())
	}
	if translated != "Ana Ruiz" {
		t.Errorf("%s (the same reply in Spanish): field %d offers %q, want what was typed in English", other.URL(), i, translated)
	}
	var after string
	var status string
	if err := chromedp.Run(ctx,
		chromedp.Click(`[data-forget]`, chromedp.ByQuery),
		chromedp.Sleep(200*time.Millisecond),
		chromedp.Value(`#ph-`+a.ID+`-`+strconv.Itoa(i), &after, chromedp.ByQuery),
		chromedp.Text(`[data-status]`, &status, chromedp.ByQuery),
		chromedp.Evaluate(`localStorage.getItem("tact.fill") || ""`, &stored),
		chromedp.Navigate(base+b.URL()),
		chromedp.WaitVisible(`[data-fill]`),
		chromedp.Value(field(name), &offered, chromedp.ByQuery),
	); err != nil {
		t.Fatal(err)
	}
	if after != "" || stored != "" || offered != "" {
		t.Errorf("after Forget: field %q, storage %q, next page offers %q; want all empty", after, stored, offered)
	}
	if want := catalog(t, s).T("es")("forgotten"); status != want {
		t.Errorf("status after Forget: have %q, want %q", status, want)
	}
}

// TestEmbeddedQuizStoresNothing: reply cards inside the embedded quiz fill
// in as anywhere else, but keep nothing in the host's browser.
func TestEmbeddedQuizStoresNothing(t *testing.T) {
	base := serve(t, siteDir(t))
	s := loadModel(t)
	q := quizOf(t, s)
	var path string
	withReplies := map[string]bool{}
	for _, o := range q.Outcomes {
		withReplies[o.ID] = len(o.Replies) > 0
	}
	for _, p := range q.Paths() {
		if withReplies[p.Outcome] {
			path = hashOf(p.Steps)
			break
		}
	}
	ctx := newBrowser(t)
	var stored string
	var forget bool
	if err := chromedp.Run(ctx,
		chromedp.Navigate(base+s.Lang("en").QuizEmbedURL()+"#"+path),
		chromedp.WaitVisible(`[data-reply-card] [data-ph-input]`, chromedp.ByQuery),
		chromedp.SendKeys(`[data-reply-card] [data-ph-input]`, "Ana", chromedp.ByQuery),
		chromedp.Evaluate(`Object.keys(localStorage).join(",")`, &stored),
		chromedp.Evaluate(`Array.prototype.some.call(document.querySelectorAll("[data-forget]"), function (b) { return b.offsetParent !== null; })`, &forget),
	); err != nil {
		t.Fatal(err)
	}
	if stored != "" {
		t.Errorf("the embedded quiz stored %q in the browser", stored)
	}
	if forget {
		t.Error(`the embedded quiz offers "Forget what I typed", but keeps nothing to forget`)
	}
}

// TestLanguageSwitchKeepsThePlace: on a quiz step or a scenario, the other
// languages' links lead to the same step or scenario.
func TestLanguageSwitchKeepsThePlace(t *testing.T) {
	base := serve(t, siteDir(t))
	s := loadModel(t)
	q := quizOf(t, s)
	steps := q.Paths()[0].Steps
	ctx := newBrowser(t)
	var url string
	if err := chromedp.Run(ctx,
		chromedp.Navigate(base+s.Lang("en").QuizURL("")+"#"+hashOf(steps)),
		waitNode(q.Paths()[0].Outcome),
		switchTo("nl"),
		// (The node's id is the same in every language: wait for the
		// Dutch page, not the English one still showing.)
		chromedp.WaitVisible(`html[lang="nl"] [data-quiz-node="`+q.Paths()[0].Outcome+`"]`, chromedp.ByQuery),
		chromedp.Location(&url),
	); err != nil {
		t.Fatal(err)
	}
	// (in Dutch words: the English steps, passed on as the ids every
	// language shares, are rewritten)
	if want := s.Lang("nl").QuizURL("") + "#" + stepsOf(s.Lang("nl"), steps, q); !strings.HasSuffix(url, want) {
		t.Errorf("after switching to Dutch: %s, want …%s", url, want)
	}
	a := s.Lang("en").Articles[0]
	sc := a.Scenarios[len(a.Scenarios)-1]
	if err := chromedp.Run(ctx,
		chromedp.Navigate(base+sc.URL()),
		chromedp.WaitVisible(`#`+sc.ID, chromedp.ByQuery),
		switchTo("es"),
		chromedp.WaitVisible(`html[lang="es"] #`+sc.ID, chromedp.ByQuery),
		chromedp.Location(&url),
	); err != nil {
		t.Fatal(err)
	}
	if want := s.Article(a.Key, "es").Scenario(sc.ID).URL(); !strings.HasSuffix(url, want) {
		t.Errorf("after switching to Spanish: %s, want …%s", url, want)
	}
}

// switchTo activates the language switcher's link to lang. By script, as a
// keyboard's Enter does: the page may still be scrolling to the scenario or
// the quiz step the address names, and a click at the link's coordinates,
// taken a moment before, can land beside it on a busy machine.
func switchTo(lang string) chromedp.Action {
	return chromedp.Evaluate(`document.querySelector('.lang-switch a[hreflang="`+lang+`"]').click()`, nil)
}
