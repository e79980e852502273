package e2e

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/tact-guide/tact/internal/quiz"
	"github.com/tact-guide/tact/internal/site"
)

func quizOf(t *testing.T, s *site.Site) *quiz.Quiz {
	t.Helper()
	if s.Quiz == nil {
		t.Fatal("the site has no quiz")
	}
	return s.Quiz
}

// hashOf returns the URL fragment for the answers of steps.
func hashOf(steps []quiz.Step) string {
	ids := make([]string, len(steps))
	for i, st := range steps {
		ids[i] = st.Option
	}
	return strings.Join(ids, "/")
}

// stepsOf returns the address steps of a path in a language: the URL
// segment of each node reached.
func stepsOf(lang *site.Lang, steps []quiz.Step, q *quiz.Quiz) string {
	segs := make([]string, len(steps))
	for i, st := range steps {
		qu, _ := q.Node(st.Question)
		for _, o := range qu.Options {
			if o.ID == st.Option {
				segs[i] = lang.QuizSlug(o.Next)
			}
		}
	}
	return strings.Join(segs, "/")
}

// longestPath returns the first of the quiz's longest paths.
func longestPath(q *quiz.Quiz) quiz.Path {
	paths := q.Paths()
	deep := paths[0]
	for _, p := range paths[1:] {
		if len(p.Steps) > len(deep.Steps) {
			deep = p
		}
	}
	return deep
}

func currentNode(ctx context.Context) (string, error) {
	var id string
	err := chromedp.Run(ctx, chromedp.Evaluate(`document.querySelector('[data-quiz-node]').getAttribute('data-quiz-node')`, &id))
	return id, err
}

func waitNode(id string) chromedp.Action {
	return chromedp.WaitVisible(`[data-quiz-node="`+id+`"]`, chromedp.ByQuery)
}

// TestQuizEveryPathByClicking walks every path of the tree in every language
// and checks the outcome against the definition and the articles.
func TestQuizEveryPathByClicking(t *testing.T) {
	base := serve(t, siteDir(t))
	s := loadModel(t)
	q := quizOf(t, s)
	for _, lang := range quizWalkLanguages(s, 1) {
		t.Run(lang.Code, func(t *testing.T) {
			ctx := newBrowser(t)
			if err := chromedp.Run(ctx, chromedp.Navigate(base+lang.QuizURL("")), waitNode(q.Start)); err != nil {
				t.Fatal(err)
			}
			for _, p := range q.Paths() {
				// Back to the first question as a reader would by removing
				// the answers from the address.
				if err := chromedp.Run(ctx, chromedp.Evaluate(`location.hash = ""`, nil), waitNode(q.Start)); err != nil {
					t.Fatal(err)
				}
				for _, st := range p.Steps {
					if err := chromedp.Run(ctx, chromedp.Click(`button.option[data-option="`+st.Option+`"]`, chromedp.ByQuery)); err != nil {
						t.Fatalf("path %s: click %s: %v", hashOf(p.Steps), st.Option, err)
					}
				}
				if err := chromedp.Run(ctx, waitNode(p.Outcome)); err != nil {
					t.Fatalf("path %s: outcome %s not shown: %v", hashOf(p.Steps), p.Outcome, err)
				}
				_, o := q.Node(p.Outcome)
				sc := s.Article(o.Article, lang.Code).Scenario(o.Scenario)
				var heading, verdict, hash string
				var cards int
				if err := chromedp.Run(ctx,
					chromedp.Text(`#quiz-heading`, &heading, chromedp.ByQuery),
					chromedp.Text(`.quiz-node .verdict strong`, &verdict, chromedp.ByQuery),
					chromedp.WaitVisible(`[data-quiz-replies] [data-reply-card]`, chromedp.ByQuery),
					chromedp.Evaluate(`document.querySelectorAll('[data-quiz-replies] [data-reply-card]').length`, &cards),
					chromedp.Evaluate(`location.hash`, &hash),
				); err != nil {
					t.Fatal(err)
				}
				if heading != sc.Title {
					t.Errorf("path %s: heading %q, want scenario %q", hashOf(p.Steps), heading, sc.Title)
				}
				if want := catalog(t, s).T(lang.Code)("verdict_" + sc.Verdict); verdict != want {
					t.Errorf("path %s: verdict %q, want %q", hashOf(p.Steps), verdict, want)
				}
				if cards != len(o.Replies) {
					t.Errorf("path %s: %d reply cards, want %d", hashOf(p.Steps), cards, len(o.Replies))
				}
				if hash != "#"+stepsOf(lang, p.Steps, q) {
					t.Errorf("path %s: URL hash %q", hashOf(p.Steps), hash)
				}
			}
		})
	}
}

// TestQuizBackRestartReload checks the quiz's own Back and Start over, the
// browser's Back, and a reload at a deep link (which must not move focus).
func TestQuizBackRestartReload(t *testing.T) {
	base := serve(t, siteDir(t))
	s := loadModel(t)
	q := quizOf(t, s)
	deep := longestPath(q)
	if len(deep.Steps) < 2 {
		t.Fatal("the quiz has no path of two questions or more")
	}
	lang := s.Lang("it")
	start := base + lang.QuizURL("")
	ctx := newBrowser(t)
	last := deep.Steps[len(deep.Steps)-1].Question
	var active string
	if err := chromedp.Run(ctx,
		chromedp.Navigate(start+"#"+hashOf(deep.Steps)),
		waitNode(deep.Outcome),
		chromedp.Evaluate(`document.activeElement === document.body ? "body" : document.activeElement.outerHTML`, &active),
	); err != nil {
		t.Fatal(err)
	}
	if active != "body" {
		t.Errorf("focus moved on page load to %s", active)
	}
	if err := chromedp.Run(ctx,
		chromedp.Click(`[data-back]`, chromedp.ByQuery), waitNode(last),
		chromedp.Evaluate(`document.activeElement.id`, &active),
	); err != nil {
		t.Fatalf("Back: %v", err)
	}
	if active != "quiz-heading" {
		t.Errorf("after Back, focus is on %q, want the question heading", active)
	}
	if err := chromedp.Run(ctx, chromedp.NavigateBack(), waitNode(deep.Outcome)); err != nil {
		t.Fatalf("browser Back returns to the outcome: %v", err)
	}
	if err := chromedp.Run(ctx, chromedp.Reload(), waitNode(deep.Outcome)); err != nil {
		t.Fatalf("reload keeps the place: %v", err)
	}
	if err := chromedp.Run(ctx, chromedp.Click(`[data-restart]`, chromedp.ByQuery), waitNode(q.Start)); err != nil {
		t.Fatalf("Start over: %v", err)
	}
}

// TestQuizKeyboardOnly answers the quiz with Tab and Enter alone.
func TestQuizKeyboardOnly(t *testing.T) {
	base := serve(t, siteDir(t))
	s := loadModel(t)
	q := quizOf(t, s)
	path := q.Paths()[0]
	ctx := newBrowser(t)
	if err := chromedp.Run(ctx, chromedp.Navigate(base+s.Lang("en").QuizURL("")), waitNode(q.Start)); err != nil {
		t.Fatal(err)
	}
	for i, st := range path.Steps {
		// Tab until the wanted option has focus, then press Enter.
		found := false
		for range 40 {
			var opt string
			if err := chromedp.Run(ctx, chromedp.KeyEvent(kb.Tab), chromedp.Evaluate(`document.activeElement.getAttribute('data-option') || ''`, &opt)); err != nil {
				t.Fatal(err)
			}
			if opt == st.Option {
				found = true
				break
			}
		}
		if !found {
			t.Fatalf("step %d: option %q never received focus with Tab", i, st.Option)
		}
		var outline string
		if err := chromedp.Run(ctx, chromedp.Evaluate(`getComputedStyle(document.activeElement).outlineStyle`, &outline)); err != nil {
			t.Fatal(err)
		}
		if outline == "none" {
			t.Errorf("step %d: the focused option shows no focus outline", i)
		}
		next := path.Outcome
		if i+1 < len(path.Steps) {
			next = path.Steps[i+1].Question
		}
		var active string
		if err := chromedp.Run(ctx, chromedp.KeyEvent(kb.Enter), waitNode(next), chromedp.Evaluate(`document.activeElement.id`, &active)); err != nil {
			t.Fatalf("step %d: Enter on %q: %v", i, st.Option, err)
		}
		if active != "quiz-heading" {
			t.Errorf("step %d: focus after answering is on %q, want the new heading", i, active)
		}
	}
}

// TestQuizScriptedAndStaticAgree checks, for every question and option of
// the definition, that the scripted quiz and the static pages (JavaScript
// disabled) land on the same node, the one the definition names.
func TestQuizScriptedAndStaticAgree(t *testing.T) {
	t.Parallel() // (loads pages and reads them: no focus or keyboard, so beside the others)
	base := serve(t, siteDir(t))
	s := loadModel(t)
	q := quizOf(t, s)
	// A way to reach each question: the steps before it on some path.
	prefix := map[string][]quiz.Step{}
	for _, p := range q.Paths() {
		for i, st := range p.Steps {
			if _, ok := prefix[st.Question]; !ok {
				prefix[st.Question] = p.Steps[:i]
			}
		}
	}
	type choice struct {
		name, lang, question, option, next string
		url                                string // the scripted quiz at the question
	}
	var choices []choice
	for _, lang := range quizWalkLanguages(s, 0) {
		for _, qu := range q.Questions {
			for _, o := range qu.Options {
				choices = append(choices, choice{
					name: fmt.Sprintf("%s/%s/%s", lang.Code, qu.ID, o.ID), lang: lang.Code, question: qu.ID, option: o.ID, next: o.Next,
					url: base + lang.QuizURL("") + "#" + hashOf(prefix[qu.ID]),
				})
			}
		}
	}
	// The two tabs work at the same time, each through every choice.
	scripted := newBrowser(t)
	static := newBrowser(t)
	if err := chromedp.Run(static, emulation.SetScriptExecutionDisabled(true)); err != nil {
		t.Fatal(err)
	}
	// reached waits for the node an option leads to: a quiz node, or for
	// "none of these" the language's list of articles on its home page.
	reached := func(c choice) chromedp.Action {
		if c.next == quiz.Articles {
			return chromedp.WaitVisible(`#articles-title`, chromedp.ByQuery)
		}
		return waitNode(c.next)
	}
	var wg sync.WaitGroup
	wg.Go(func() {
		// The scripted quiz is reached at each question by its address's
		// answers, without loading the page again.
		loaded := "" // the language whose quiz page the tab shows
		for _, c := range choices {
			var steps chromedp.Tasks
			if loaded != c.lang {
				steps = append(steps, chromedp.Navigate(c.url))
			} else {
				steps = append(steps, chromedp.Evaluate(`location.hash = `+strconv.Quote(c.url[strings.Index(c.url, "#"):]), nil))
			}
			loaded = c.lang
			if c.next == quiz.Articles {
				loaded = "" // (the answer leaves the quiz)
			}
			// Answers that leave the quiz are links; the others buttons.
			steps = append(steps, waitNode(c.question), chromedp.Click(`.option[data-option="`+c.option+`"]`, chromedp.ByQuery), reached(c))
			if err := chromedp.Run(scripted, steps); err != nil {
				t.Errorf("%s: scripted quiz did not reach %s: %v", c.name, c.next, err)
				loaded = ""
			}
		}
	})
	wg.Go(func() {
		// Without JavaScript the options are links: each question's page
		// links every option to the page of the node it leads to, and each
		// node's page shows that node.
		for _, lang := range quizWalkLanguages(s, 0) {
			for _, qu := range q.Questions {
				var links map[string]string
				if err := chromedp.Run(static,
					chromedp.Navigate(base+lang.QuizURL(qu.ID)),
					waitNode(qu.ID),
					chromedp.Evaluate(`Object.fromEntries([...document.querySelectorAll('a.option')].map(a => [a.dataset.option, a.href]))`, &links),
				); err != nil {
					t.Errorf("%s/%s: static page: %v", lang.Code, qu.ID, err)
					continue
				}
				for _, o := range qu.Options {
					want := base + lang.QuizURL(o.Next)
					if o.Next == quiz.Articles {
						want = base + lang.URL() + "#articles-title"
					}
					if links[o.ID] != want {
						t.Errorf("%s/%s/%s: static link to %q, want %q", lang.Code, qu.ID, o.ID, links[o.ID], want)
					}
				}
			}
			for _, o := range q.Outcomes {
				if err := chromedp.Run(static, chromedp.Navigate(base+lang.QuizURL(o.ID)), waitNode(o.ID)); err != nil {
					t.Errorf("%s/%s: static outcome page: %v", lang.Code, o.ID, err)
				}
			}
			if err := chromedp.Run(static, chromedp.Navigate(base+lang.URL()), chromedp.WaitVisible(`#articles-title`, chromedp.ByQuery)); err != nil {
				t.Errorf("%s: the list of articles: %v", lang.Code, err)
			}
		}
	})
	wg.Wait()
}

// quizWalkLanguages returns half the languages: the two walks of every
// quiz path (by clicking; scripted against static) share them, half each,
// so that every language is walked by one of them and the suite stays
// within its time (the tree is the same in every language; the quiz
// loader checks that every language has every text).
func quizWalkLanguages(s *site.Site, half int) []*site.Lang {
	var langs []*site.Lang
	for i, l := range s.Languages {
		if i%2 == half {
			langs = append(langs, l)
		}
	}
	return langs
}
