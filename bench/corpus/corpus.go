// Package corpus writes a synthetic, deterministic Tact site for
// benchmarks: n scenario articles in each of Spanish, Dutch, Italian and
// English, the same corpus again as a Hugo site, so the two builders can be
// compared on identical Markdown.
//
// # The corpus
//
// Every article is 4–6 KB of Markdown in Tact's content format
// (docs/content.md): strict front matter (title, key, slug, summary, date,
// tags, related keys of other generated articles), an introduction with a
// link to another article, 3–5 scenarios (## Heading {#id verdict=…}) each
// with its situation and why paragraphs, more prose (paragraphs, lists,
// quotations for the typographer, level-3 headings, links to other articles
// and to their scenarios), 1–2 reply templates with ((placeholders)) per
// scenario, and usually a closing section. Translations agree the way the
// builder checks: the same keys, scenario ids, verdicts, reply ids and
// numbers of distinct placeholders in every language. Reply ids are unique
// across the site. There is no quiz: a site may have none.
//
// The text comes from small per-language word lists (words.go), aligned by
// index so that titles, headings and situations are translations of each
// other; free prose is drawn per language. Everything is drawn from a
// SplitMix64 stream seeded by n and the article's index, so the same n
// always gives byte-identical files, on any machine and Go release.
//
// # Tact and Hugo
//
// Write lays out a site the real builder builds: tact.toml with the four
// languages, content/<lang>/_index.md and the articles, and copies of the
// repository's layouts/, assets/ and i18n/ so the real templates are used.
//
// WriteHugo writes the same articles as a Hugo site: hugo.toml with the four
// languages (content/<lang>/, translationKey front matter), the identical
// Markdown bodies (reply templates stay fenced code blocks, which Hugo shows
// as code), and a minimal layout set for a fair comparison: a base with
// hreflang alternates and a language switcher (.Translations), an article
// page, a home page per language listing its articles, a 404 page, and the
// stylesheet minified and fingerprinted. Build it with `hugo --minify`.
//
// With HugoOptions.Replies the Hugo site also has the pages Tact makes of
// the reply templates, so that both build the same number of pages: one
// content file per reply and language (translationKey "reply-" + its id) under
// content/<lang>/<the language's replies word>/, whose page shows the
// scenario's heading, situation and why, a link to the scenario, the
// subject and message, a mailto link and the translations, and one index
// page per language listing the replies. Tact's reply pages do more (the
// placeholders marked and turned into form fields, breadcrumbs, structured
// data), so the comparison leans Hugo's way.
package corpus

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/tact-guide/tact/internal/slug"
)

// Options control Write.
type Options struct {
	// Root is the repository root whose layouts/, assets/ and i18n/ are
	// copied into the site, so it builds with the real templates. Empty
	// copies nothing: the site then has only tact.toml and content/.
	Root string
}

// Languages are the corpus's language codes, in configured order.
var Languages = []string{"es", "nl", "it", "en"}

// language is one [[languages]] table of tact.toml (and of hugo.toml).
type language struct {
	code, name, locale, replies string
	quotes                      [4]string
}

var languages = []language{
	{"es", "Español", "es_ES", "respuestas", [4]string{"«", "»", "“", "”"}},
	{"nl", "Nederlands", "nl_NL", "antwoorden", [4]string{"“", "”", "‘", "’"}},
	{"it", "Italiano", "it_IT", "risposte", [4]string{"«", "»", "“", "”"}},
	{"en", "English", "en_GB", "replies", [4]string{"“", "”", "‘", "’"}},
}

// Write writes a Tact site with n articles per language into dir, which
// must be empty or not exist.
func Write(dir string, n int, opts Options) error {
	if err := begin(dir, n); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "tact.toml"), []byte(tactConfig()), 0o644); err != nil {
		return fmt.Errorf("corpus: %w", err)
	}
	if opts.Root != "" {
		for _, sub := range []string{"layouts", "assets", "i18n"} {
			if err := copyTree(filepath.Join(opts.Root, sub), filepath.Join(dir, sub)); err != nil {
				return fmt.Errorf("corpus: copy %s from %s: %w", sub, opts.Root, err)
			}
		}
	}
	return writeContent(dir, newPlan(n), tactFrontMatter, tactHome, nil)
}

// HugoOptions control WriteHugo.
type HugoOptions struct {
	// Replies adds a page per reply template and language, and a reply
	// index per language, as Tact builds them.
	Replies bool
}

// WriteHugo writes the same corpus as Write, as a Hugo site, into dir,
// which must be empty or not exist.
func WriteHugo(dir string, n int, opts HugoOptions) error {
	if err := begin(dir, n); err != nil {
		return err
	}
	files := hugoFiles()
	var replies func(li int, t *text) map[string]string
	if opts.Replies {
		files["layouts/reply/single.html"] = hugoReplySingle
		files["layouts/reply/list.html"] = hugoReplyList
		for li, l := range languages {
			files["content/"+l.code+"/"+l.replies+"/_index.md"] = hugoReplyIndex(li)
		}
		replies = hugoReplies
	}
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return fmt.Errorf("corpus: %w", err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			return fmt.Errorf("corpus: %w", err)
		}
	}
	return writeContent(dir, newPlan(n), hugoFrontMatter, hugoHome, replies)
}

// begin checks the arguments and creates dir, refusing to write over
// anything.
func begin(dir string, n int) error {
	if n < 1 {
		return fmt.Errorf("corpus: n = %d: need at least one article per language", n)
	}
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return fmt.Errorf("corpus: %w", err)
	case len(entries) > 0:
		return fmt.Errorf("corpus: %s is not empty: remove it or choose another directory", dir)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("corpus: %w", err)
	}
	return nil
}

// writeContent writes content/<lang>/ for every language, generating the
// articles in parallel (each file depends only on n and its index). more,
// when not nil, gives further files to write for each article: names
// relative to dir, and their contents.
func writeContent(dir string, p *plan, front func(*text) string, home func(*vocab) string, more func(li int, t *text) map[string]string) error {
	for _, v := range vocabs {
		d := filepath.Join(dir, "content", v.code)
		if err := os.MkdirAll(d, 0o755); err != nil {
			return fmt.Errorf("corpus: %w", err)
		}
		if err := os.WriteFile(filepath.Join(d, "_index.md"), []byte(home(v)), 0o644); err != nil {
			return fmt.Errorf("corpus: %w", err)
		}
	}
	errs := make([]error, len(p.arts))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				errs[i] = writeArticle(dir, p, i, front, more)
			}
		})
	}
	for i := range p.arts {
		next <- i
	}
	close(next)
	wg.Wait()
	return errors.Join(errs...)
}

// writeArticle writes article i in every language, and the files more
// gives for it.
func writeArticle(dir string, p *plan, i int, front func(*text) string, more func(li int, t *text) map[string]string) error {
	files := make(map[string]string)
	for li, v := range vocabs {
		t := p.text(li, p.arts[i])
		files[path.Join("content", v.code, t.slug+".md")] = front(t) + t.body
		if more != nil {
			maps.Copy(files, more(li, t))
		}
	}
	for rel, data := range files {
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(rel)), []byte(data), 0o644); err != nil {
			return fmt.Errorf("corpus: %w", err)
		}
	}
	return nil
}

// copyTree copies the regular files under src to dst.
func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}

func tactConfig() string {
	var b strings.Builder
	b.WriteString("# A synthetic Tact site written by tact/internal/corpus for benchmarks.\n")
	b.WriteString("title = \"Tact\"\n")
	for _, l := range languages {
		fmt.Fprintf(&b, "\n[[languages]]\ncode = %s\nname = %s\nlocale = %s\nreplies = %s\nquotes = [%s, %s, %s, %s]\n",
			quote(l.code), quote(l.name), quote(l.locale), quote(l.replies),
			quote(l.quotes[0]), quote(l.quotes[1]), quote(l.quotes[2]), quote(l.quotes[3]))
	}
	return b.String()
}

func tactFrontMatter(t *text) string {
	var b strings.Builder
	b.WriteString("+++\n")
	fmt.Fprintf(&b, "title = %s\nkey = %s\nslug = %s\nsummary = %s\ndate = %s\n",
		quote(t.title), quote(t.key), quote(t.slug), quote(t.summary), t.date.Format(time.DateOnly))
	fmt.Fprintf(&b, "tags = %s\n", quoteList(t.tags))
	if len(t.related) > 0 {
		fmt.Fprintf(&b, "related = %s\n", quoteList(t.related))
	}
	b.WriteString("+++\n\n")
	return b.String()
}

func tactHome(v *vocab) string {
	return "+++\ntitle = " + quote(v.homeTitle) + "\nsummary = " + quote(v.homeSummary) + "\n+++\n\n" +
		strings.Join(v.homeBody, "\n\n") + "\n"
}

// quote returns s as a TOML basic string. The word lists hold no control
// characters; reply messages have line breaks.
func quote(s string) string {
	return `"` + tomlEscaper.Replace(s) + `"`
}

var tomlEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)

func quoteList(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = quote(s)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

// capitalize upper-cases the first letter of s.
func capitalize(s string) string {
	for i, r := range s {
		if i == 0 {
			return strings.ToUpper(string(r)) + s[len(string(r)):]
		}
	}
	return s
}

func itoa(i int) string { return strconv.Itoa(i) }

// articleSlug is the URL segment of an article: its title, made unique by
// its index.
func articleSlug(title string, i int) string { return slug.Make(title) + "-" + itoa(i) }
