package site

import (
	"errors"
	"io/fs"
	"path"

	"tact/internal/diag"
	"tact/internal/quiz"
	"tact/internal/sig"
)

// QuizFile is the quiz definition; each language's texts are in
// content/<lang>/quiz.toml. A site without a definition has no quiz.
var QuizFile = path.Join(ContentDir, "quiz.toml")

// reservedQuizNodes are quiz node ids that would collide with other pages
// under /<lang>/quiz/.
var reservedQuizNodes = []string{"embed", "start"}

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
	for _, o := range q.Outcomes {
		for _, r := range reservedQuizNodes {
			if o.ID == r && q.Start != r {
				errs.Addf(QuizFile, 0, 0, "quiz node id %q is reserved for the quiz's own pages: rename it", r)
			}
		}
	}
	for _, qu := range q.Questions {
		if qu.ID == "embed" {
			errs.Addf(QuizFile, 0, 0, "quiz node id %q is reserved for the quiz's own pages: rename it", qu.ID)
		}
	}
	s.Quiz = q
	h := sig.New()
	for _, f := range append([]string{QuizFile}, langFiles(codes)...) {
		b, _ := fs.ReadFile(fsys, f)
		h.Str(f).Num(sig.Bytes(b))
	}
	s.quizHash = h.Sum()
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
