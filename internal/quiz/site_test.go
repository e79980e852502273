package quiz

import (
	"bufio"
	"bytes"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"
)

// fakeSite is a Site read from Markdown articles with regular expressions:
// the front matter's key line, the scenario headings ({#id verdict=…}) and
// the reply fences (```reply id=…). Each top-level directory of the content
// directory is a language.
type fakeSite struct {
	langs     []string
	scenarios []ScenarioRef                     // sorted
	inLang    map[string]map[ScenarioRef]bool   // lang → scenarios
	replies   map[string]map[string]ScenarioRef // lang → reply id → scenario
}

var (
	keyLine      = regexp.MustCompile(`^key\s*=\s*"([^"]*)"`)
	scenarioLine = regexp.MustCompile(`^##\s.*\{#([^\s}]+)\s+verdict=[^}]*\}\s*$`)
	replyLine    = regexp.MustCompile("^```reply\\s+id=([^\\s]+)")
)

func readSite(fsys fs.FS, dir string) (*fakeSite, error) {
	s := &fakeSite{inLang: map[string]map[ScenarioRef]bool{}, replies: map[string]map[string]ScenarioRef{}}
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		lang := e.Name()
		s.langs = append(s.langs, lang)
		s.inLang[lang] = map[ScenarioRef]bool{}
		s.replies[lang] = map[string]ScenarioRef{}
		files, err := fs.Glob(fsys, path.Join(dir, lang, "*.md"))
		if err != nil {
			return nil, err
		}
		for _, file := range files {
			src, err := fs.ReadFile(fsys, file)
			if err != nil {
				return nil, err
			}
			s.readArticle(lang, src)
		}
	}
	slices.SortFunc(s.scenarios, func(a, b ScenarioRef) int {
		return strings.Compare(a.Article+"\x00"+a.Scenario, b.Article+"\x00"+b.Scenario)
	})
	s.scenarios = slices.Compact(s.scenarios)
	return s, nil
}

func (s *fakeSite) readArticle(lang string, src []byte) {
	var cur ScenarioRef
	sc := bufio.NewScanner(bytes.NewReader(src))
	for sc.Scan() {
		line := sc.Text()
		if m := keyLine.FindStringSubmatch(line); m != nil && cur.Article == "" {
			cur.Article = m[1]
		} else if m := scenarioLine.FindStringSubmatch(line); m != nil {
			cur.Scenario = m[1]
			s.inLang[lang][cur] = true
			s.scenarios = append(s.scenarios, cur)
		} else if m := replyLine.FindStringSubmatch(line); m != nil {
			s.replies[lang][m[1]] = cur
		}
	}
}

func (s *fakeSite) HasScenario(lang, article, scenario string) bool {
	return s.inLang[lang][ScenarioRef{article, scenario}]
}

func (s *fakeSite) HasReply(lang, reply string) bool {
	_, ok := s.replies[lang][reply]
	return ok
}

func (s *fakeSite) ReplyScenario(reply string) (article, scenario string, ok bool) {
	for _, lang := range s.langs {
		if r, ok := s.replies[lang][reply]; ok {
			return r.Article, r.Scenario, true
		}
	}
	return "", "", false
}

func (s *fakeSite) Scenarios() []ScenarioRef { return s.scenarios }
