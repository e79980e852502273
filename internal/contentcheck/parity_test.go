package contentcheck_test

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/tact-guide/tact/internal/site"
)

// shape is what translations of an article must share, read from the model.
type shape struct {
	verdicts     map[string]string   // scenario id → verdict
	replies      map[string][]string // scenario id → reply ids, sorted
	placeholders map[string]int      // reply id → number of distinct placeholders
}

func shapeOf(a *site.Article) shape {
	sh := shape{verdicts: map[string]string{}, replies: map[string][]string{}, placeholders: map[string]int{}}
	for _, sc := range a.Scenarios {
		sh.verdicts[sc.ID] = sc.Verdict
		for _, r := range sc.Replies {
			sh.replies[sc.ID] = append(sh.replies[sc.ID], r.ID)
			sh.placeholders[r.ID] = len(distinct(r.Placeholders))
		}
		sort.Strings(sh.replies[sc.ID])
	}
	return sh
}

func distinct(names []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, n := range names {
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// compare returns what differs between the reference translation ref and a,
// each problem naming a's file and the id concerned.
func compare(ref, a *site.Article) []string {
	var problems []string
	r, s := shapeOf(ref), shapeOf(a)
	for _, id := range sortedKeys(r.verdicts) {
		v, ok := s.verdicts[id]
		switch {
		case !ok:
			problems = append(problems, fmt.Sprintf("%s: scenario %q is missing (it is in %s)", a.File, id, ref.File))
		case v != r.verdicts[id]:
			problems = append(problems, fmt.Sprintf("%s: scenario %q has verdict %q, but %q in %s", a.File, id, v, r.verdicts[id], ref.File))
		case !slices.Equal(s.replies[id], r.replies[id]):
			problems = append(problems, fmt.Sprintf("%s: scenario %q has replies %v, but %v in %s", a.File, id, s.replies[id], r.replies[id], ref.File))
		}
	}
	for _, id := range sortedKeys(s.verdicts) {
		if _, ok := r.verdicts[id]; !ok {
			problems = append(problems, fmt.Sprintf("%s: scenario %q is not in %s", a.File, id, ref.File))
		}
	}
	for _, id := range sortedKeys(r.placeholders) {
		if n, ok := s.placeholders[id]; ok && n != r.placeholders[id] {
			problems = append(problems, fmt.Sprintf("%s: reply %q has %d distinct placeholders, but %d in %s", a.File, id, n, r.placeholders[id], ref.File))
		}
	}
	return problems
}

// TestTranslationsHaveTheSameShape checks, independently of the builder's
// own linking, that every language has every article with the same
// scenario ids and verdicts, the same reply ids in each scenario and the
// same number of distinct placeholders in each reply.
func TestTranslationsHaveTheSameShape(t *testing.T) {
	s := guide(t)
	ref := s.Languages[0]
	for _, key := range s.Keys {
		base := s.Article(key, ref.Code)
		if base == nil {
			for _, l := range s.Languages {
				if a := s.Article(key, l.Code); a != nil {
					t.Errorf("content/%s: article %q (%s) is missing", ref.Code, key, a.File)
					break
				}
			}
			continue
		}
		for _, lang := range s.Languages[1:] {
			a := s.Article(key, lang.Code)
			if a == nil {
				t.Errorf("content/%s: article %q is missing (it is in %s)", lang.Code, key, base.File)
				continue
			}
			for _, p := range compare(base, a) {
				t.Error(p)
			}
		}
	}
}

// Reply ids are the same set in every language, so that every reply page
// has its translations.
func TestReplyIDsAreTheSameInEveryLanguage(t *testing.T) {
	s := guide(t)
	ids := func(l *site.Lang) []string {
		var out []string
		for _, r := range l.Replies {
			out = append(out, r.ID)
		}
		sort.Strings(out)
		return out
	}
	want := ids(s.Languages[0])
	for _, lang := range s.Languages[1:] {
		have := ids(lang)
		for _, id := range want {
			if !slices.Contains(have, id) {
				t.Errorf("content/%s: reply %q is missing (it is in %s)", lang.Code, id, s.Reply(id, s.Languages[0].Code).Article().File)
			}
		}
		for _, id := range have {
			if !slices.Contains(want, id) {
				t.Errorf("%s: reply %q is not in %s", s.Reply(id, lang.Code).Article().File, id, strings.Join([]string{"content", s.Languages[0].Code}, "/"))
			}
		}
	}
}
