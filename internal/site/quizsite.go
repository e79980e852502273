package site

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"path"

	"github.com/tact-guide/tact/internal/diag"
	"github.com/tact-guide/tact/internal/quiz"
	"github.com/tact-guide/tact/internal/sig"
)

// QuizFile is the quiz definition; each language's texts are in
// content/<lang>/quiz.toml. A site without a definition has no quiz.
var QuizFile = path.Join(ContentDir, "quiz.toml")

// loadQuiz loads and checks the quiz against the linked site.
func (s *Site) loadQuiz(fsys fs.FS) error {
	if _, err := fs.Stat(fsys, QuizFile); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	codes := make([]string, len(s.Languages))
	for i, l := range s.Languages {
		codes[i] = l.Code
	}
	q, err := quiz.Load(fsys, QuizFile, codes, func(lang string) string {
		return path.Join(ContentDir, lang, "quiz.toml")
	}, quizSite{s})
	if err != nil {
		return err
	}
	var errs diag.List
	s.Quiz = q
	errs.Add(s.quizSlugs(q))
	h := sig.New()
	for _, f := range append([]string{QuizFile}, langFiles(codes)...) {
		b, _ := fs.ReadFile(fsys, f)
		h.Str(f).Num(sig.Bytes(b))
	}
	s.quizHash = h.Sum()
	return errs.Err()
}

// quizSlugs gives each quiz node its URL segment in each language: a
// question's slug from the language's texts (its id when not set), an
// outcome's scenario anchor. Two outcomes with the same anchor get a number
// after the second; a question's slug must be free.
func (s *Site) quizSlugs(q *quiz.Quiz) error {
	var errs diag.List
	for _, l := range s.Languages {
		l.quizSlugs = map[string]string{}
		taken := map[string]string{"embed": "the embedded quiz"} // slug → what has it
		for _, qu := range q.Questions {
			if qu.ID == q.Start {
				continue // (the quiz's own address)
			}
			sl := cmp.Or(q.Slug(l.Code, qu.ID), qu.ID)
			if other, ok := taken[sl]; ok {
				errs.Addf(path.Join(ContentDir, l.Code, "quiz.toml"), 0, 0, "question %q has the slug %q, which is already %s: give it slug = \"…\" of its own under [%s]", qu.ID, sl, other, qu.ID)
			}
			taken[sl] = fmt.Sprintf("the address of question %q", qu.ID)
			l.quizSlugs[qu.ID] = sl
		}
		for _, o := range q.Outcomes {
			sl := o.ID
			if a := s.Article(o.Article, l.Code); a != nil {
				if sc := a.Scenario(o.Scenario); sc != nil {
					sl = sc.Anchor
				}
			}
			base := sl
			for i := 2; taken[sl] != ""; i++ {
				sl = fmt.Sprintf("%s-%d", base, i)
			}
			taken[sl] = fmt.Sprintf("the address of outcome %q", o.ID)
			l.quizSlugs[o.ID] = sl
		}
	}
	return errs.Err()
}

// quizSite tells the quiz package what the site holds.
type quizSite struct{ s *Site }

func (q quizSite) HasScenario(lang, article, scenario string) bool {
	a := q.s.Article(article, lang)
	return a != nil && a.Scenario(scenario) != nil
}

func (q quizSite) HasReply(lang, reply string) bool { return q.s.Reply(reply, lang) != nil }

func (q quizSite) ReplyScenario(reply string) (string, string, bool) {
	for _, r := range q.s.replies[reply] {
		if r != nil { // (the first language that has it)
			return r.Article().Key, r.Scenario.ID, true
		}
	}
	return "", "", false
}

func (q quizSite) Scenarios() []quiz.ScenarioRef {
	var refs []quiz.ScenarioRef
	seen := map[quiz.ScenarioRef]bool{}
	for _, key := range q.s.Keys {
		for _, lang := range q.s.Languages {
			a := q.s.Article(key, lang.Code)
			if a == nil {
				continue
			}
			for _, sc := range a.Scenarios {
				ref := quiz.ScenarioRef{Article: key, Scenario: sc.ID}
				if !seen[ref] {
					seen[ref] = true
					refs = append(refs, ref)
				}
			}
		}
	}
	return refs
}

func langFiles(codes []string) []string {
	files := make([]string, len(codes))
	for i, c := range codes {
		files[i] = path.Join(ContentDir, c, "quiz.toml")
	}
	return files
}
