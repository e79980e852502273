package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// TestQuizStepsTitleAndBack: with the script, each step of the quiz has a
// title of its own (the history lists the questions, not one title); without
// it, every page but the first has a Back link to the question before it,
// and the first page offers no "Start again" that leads to itself.
func TestQuizStepsTitleAndBack(t *testing.T) {
	base := serve(t, siteDir(t))
	s := loadModel(t)
	q := quizOf(t, s)
	path := longestPath(q)
	lang := s.Lang("it")
	ctx := newBrowser(t)
	var startTitle, stepTitle, heading string
	if err := chromedp.Run(ctx,
		chromedp.Navigate(base+lang.QuizURL("")),
		waitNode(q.Start),
		chromedp.Title(&startTitle),
		chromedp.Navigate(base+lang.QuizURL("")+"#"+hashOf(path.Steps[:1])),
		waitNode(path.Steps[1].Question),
		chromedp.Text(`#quiz-heading`, &heading, chromedp.ByQuery),
		chromedp.Title(&stepTitle),
	); err != nil {
		t.Fatal(err)
	}
	if want := heading + " · " + startTitle; stepTitle != want {
		t.Errorf("title of the second step: have %q, want %q", stepTitle, want)
	}

	static := newBrowser(t)
	if err := chromedp.Run(static, emulation.SetScriptExecutionDisabled(true)); err != nil {
		t.Fatal(err)
	}
	var startLinks int
	if err := chromedp.Run(static,
		chromedp.Navigate(base+lang.QuizURL("")),
		chromedp.WaitVisible(`[data-quiz-node]`, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelectorAll('.quiz-nav a').length`, &startLinks),
	); err != nil {
		t.Fatal(err)
	}
	if startLinks != 0 {
		t.Errorf("the first question offers %d navigation links (Back or Start again lead nowhere from there)", startLinks)
	}
	// Walk the longest path back from its outcome to the start, by the
	// Back links only.
	here := lang.QuizURL(path.Outcome)
	for i := len(path.Steps) - 1; i >= 0; i-- {
		var back string
		var ok bool
		if err := chromedp.Run(static,
			chromedp.Navigate(base+here),
			chromedp.WaitVisible(`[data-quiz-node]`, chromedp.ByQuery),
			chromedp.AttributeValue(`.quiz-nav a[data-back]`, "href", &back, &ok, chromedp.ByQuery),
		); err != nil || !ok {
			t.Fatalf("%s: no Back link (%v)", here, err)
		}
		if want := lang.QuizURL(path.Steps[i].Question); q.Depth(path.Steps[i].Question) == i+1 && !strings.HasSuffix(back, want) {
			t.Errorf("%s: Back leads to %s, want %s", here, back, want)
		}
		here = strings.TrimPrefix(back, base)
		if here == lang.QuizURL("") {
			break
		}
	}
}

// TestQuizAddressesProgressAndAnswers: the quiz's addresses are in the
// reader's language, and its first addresses (English segment and answer
// ids) lead to the same step, with or without the script; each question
// says how many there are at most, and the answers so far lead back.
func TestQuizAddressesProgressAndAnswers(t *testing.T) {
	base := serve(t, siteDir(t))
	s := loadModel(t)
	q := quizOf(t, s)
	path := longestPath(q)
	lang := s.Lang("es")
	T := catalog(t, s).T(lang.Code)
	third := path.Steps[2].Question
	ctx := newBrowser(t)
	var url, progress string
	var answers int
	if err := chromedp.Run(ctx,
		chromedp.Navigate(base+"/es/quiz/#"+hashOf(path.Steps[:2])),
		waitNode(third),
		chromedp.Location(&url),
		chromedp.Text(`.quiz-node .progress`, &progress, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelectorAll('.quiz-path li').length`, &answers),
	); err != nil {
		t.Fatal(err)
	}
	if want := lang.QuizURL("") + "#" + stepsOf(lang, path.Steps[:2], q); !strings.HasSuffix(url, want) {
		t.Errorf("the quiz's first address led to %s, want …%s", url, want)
	}
	if !strings.Contains(url, "/cuestionario/") {
		t.Errorf("the Spanish quiz is at %s, want a Spanish address", url)
	}
	if want := T("questionNumber", "N", 3, "M", 2+q.Ahead(third)); progress != want {
		t.Errorf("progress on the third question: %q, want %q", progress, want)
	}
	if answers != 2 {
		t.Errorf("%d answers listed on the third question, want 2", answers)
	}
	// The second answer listed goes back to the question it answered.
	if err := chromedp.Run(ctx,
		chromedp.Click(`.quiz-path li:nth-child(2) button`, chromedp.ByQuery),
		waitNode(path.Steps[1].Question),
	); err != nil {
		t.Fatalf("the second answer listed does not lead back to the second question: %v", err)
	}

	static := newBrowser(t)
	if err := chromedp.Run(static, emulation.SetScriptExecutionDisabled(true)); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Run(static,
		chromedp.Navigate(base+"/es/quiz/"+third+"/"),
		waitNode(third),
		chromedp.Location(&url),
		chromedp.Text(`.quiz-node .progress`, &progress, chromedp.ByQuery),
	); err != nil {
		t.Fatal(err)
	}
	if want := lang.QuizURL(third); !strings.HasSuffix(url, want) {
		t.Errorf("without the script, the former address led to %s, want …%s", url, want)
	}
	if want := T("questionNumber", "N", q.Depth(third), "M", q.Depth(third)-1+q.Ahead(third)); progress != want {
		t.Errorf("progress on the static page: %q, want %q", progress, want)
	}
}
