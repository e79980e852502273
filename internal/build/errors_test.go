package build_test

import (
	"strings"
	"testing"

	"github.com/tact-guide/tact/internal/build"
	"github.com/tact-guide/tact/internal/sitefs"
)

// goodArticle is a valid English article with a key of its own; each error
// case below breaks one thing in it, or in the fixture. Its lines, for the
// expected positions:
//
//	 1 +++
//	 2 title = "Bad"
//	 3 key = "bad"
//	 4 slug = "bad"
//	 5 summary = "A test article."
//	 6 date = 2026-10-01
//	 7 +++
//	 8
//	 9 Intro.
//	10
//	11 ## Scenario {#bad-scenario verdict=accept}
//	12
//	13 Situation.
//	14
//	15 Why.
//	16
//	17 ```reply id=bad-reply title="Bad reply"
//	18 Hi ((name)).
//	19 ```
const goodArticle = `+++
title = "Bad"
key = "bad"
slug = "bad"
summary = "A test article."
date = 2026-10-01
+++

Intro.

## Scenario {#bad-scenario verdict=accept}

Situation.

Why.

` + "```reply id=bad-reply title=\"Bad reply\"\nHi ((name)).\n```\n"

const badFile = "content/en/bad.md"

// bad writes goodArticle with old replaced by new to content/en/bad.md.
func bad(old, new string) edit {
	if !strings.Contains(goodArticle, old) {
		panic("goodArticle does not contain " + old)
	}
	return put(badFile, strings.Replace(goodArticle, old, new, 1))
}

// crlf converts LF line endings to CRLF and adds a byte-order mark, as
// some Windows editors save files.
func crlf(s string) string { return "\ufeff" + strings.ReplaceAll(s, "\n", "\r\n") }

// nlIntros is the Dutch translation of "intros"; its scenario heading
// "swamped" is on line 11 and its reply "accept-later" on line 17.
const nlIntros = "content/nl/introducties.md"

func TestBuildErrors(t *testing.T) {
	t.Parallel() // (a few builds of the real site: beside the other heavy tests)
	tests := []struct {
		name  string
		edits []edit
		want  []string // every error, in order; each line starts with its string
	}{
		// Syntax of the files.
		{"malformed TOML in front matter", []edit{bad(`title = "Bad"`, `title = "Bad`)},
			[]string{"content/en/bad.md:2:13: invalid TOML: basic strings cannot have new lines"}},
		{"malformed TOML in tact.toml", []edit{replace("tact.toml", `title = "Tact"`, `title = Tact`)},
			[]string{"tact.toml:1:9: invalid TOML:"}},
		{"missing front matter", []edit{put(badFile, "Intro.\n")},
			[]string{`content/en/bad.md:1:1: missing front matter: start the file with a line "+++"`}},
		{"front matter not closed", []edit{put(badFile, "+++\ntitle = \"Bad\"\n")},
			[]string{`content/en/bad.md:1:1: front matter is not closed: add a line "+++" after the last field`}},

		// Front matter fields.
		{"misspelt field", []edit{bad(`summary = "A`, `sumary = "A`)},
			[]string{`content/en/bad.md:5:1: unknown field "sumary": check its spelling`}},
		{"a field in capitals (read as summary, or lost beside it)", []edit{bad(`summary = "A`, `Summary = "A`)},
			[]string{`content/en/bad.md:5:1: unknown field "Summary": check its spelling (known fields are listed in docs/content.md); keys are case-sensitive: write "summary"`}},
		{"a field in capitals beside a value of the wrong type", []edit{put(badFile, strings.NewReplacer(`summary = "A`, `Summary = "A`, "date = 2026-10-01\n", "date = 2026-10-01\ndraft = \"yes\"\n").Replace(goodArticle))},
			[]string{
				`content/en/bad.md:5:1: unknown field "Summary": check its spelling (known fields are listed in docs/content.md); keys are case-sensitive: write "summary"`,
				"content/en/bad.md:7:9: draft: expected true or false, found text in quotes",
			}},
		{"a key in capitals in a table of tact.toml", []edit{replace("tact.toml", `code = "nl"`, `Code = "nl"`)},
			[]string{`tact.toml:19:1: unknown field "languages.Code": check its spelling (known fields are listed in docs/config.md); keys are case-sensitive: write "code"`}},
		{"unknown field in _index.md", []edit{replace("content/es/_index.md", "summary = ", "date = 2026-01-01\nsummary = ")},
			[]string{`content/es/_index.md:3:1: unknown field "date": check its spelling`}},
		{"unknown field in tact.toml", []edit{replace("tact.toml", `title = "Tact"`, `titel = "Tact"`)},
			[]string{`tact.toml:1:1: unknown field "titel": check its spelling`}},
		{"values of the wrong type in tact.toml, all of them", []edit{replace("tact.toml", `title = "Tact"`+"\n"+`baseURL = "https://tact.example/"`, `title = 1`+"\n"+`baseURL = ["https://tact.example/"]`)},
			[]string{
				`tact.toml:1:9: title: expected text in quotes ("…"), found a number`,
				`tact.toml:2:11: baseURL: expected text in quotes ("…"), found a list [ … ]`,
			}},
		{"tact.toml without a title", []edit{replace("tact.toml", `title = "Tact"`, `title = " "`)},
			[]string{`tact.toml:1:9: missing title: add title = "…", the site's name, to tact.toml`}},
		{"a nonsense locale", []edit{replace("tact.toml", `locale = "nl_NL"`, `locale = "dutch"`)},
			[]string{`tact.toml:21:10: language "nl": locale "dutch" is not an Open Graph locale: write the language and the country, such as "es_ES"`}},
		{"quotes with two marks", []edit{replace("tact.toml", `quotes = ["«", "»", "“", "”"]`, `quotes = ["«", "»"]`)},
			[]string{`tact.toml:9:10: language "es": quotes needs four marks, the opening and closing double quotes and then the single ones, such as ["«", "»", "“", "”"]`}},
		{"quotes with five marks (a fifth was dropped unseen)", []edit{replace("tact.toml", `quotes = ["«", "»", "“", "”"]`, `quotes = ["«", "»", "“", "”", "‹"]`)},
			[]string{`tact.toml:9:10: language "es": quotes needs four marks, the opening and closing double quotes and then the single ones, such as ["«", "»", "“", "”"]`}},
		{"a message whose {{ is not closed", []edit{replace("i18n/en.toml", `footerText = "Tact: what to say when networking gets awkward."`, `footerText = "Made with {{.Foo"`)},
			[]string{`i18n/en.toml:11: message "footerText": 1: unclosed action: close each {{ with }} and name a value, such as {{.Count}}`}},
		{"a message that shows {{.}}", []edit{replace("i18n/en.toml", `footerText = "`, `footerText = "{{.}} `)},
			[]string{`i18n/en.toml:11: message "footerText": {{.}} shows nothing a reader can use: name the value, such as {{.Count}}`}},
		{"a message that is a number", []edit{replace("i18n/en.toml", `copy = "Copy message"`, `copy = 1`)},
			[]string{`i18n/en.toml:54: message "copy": expected text in quotes ("…") or a table of plural forms, found int64`}},
		{"eleven month names", []edit{replace("i18n/en.toml", `monthNames = "January `, `monthNames = "`)},
			[]string{`i18n/en.toml:21: monthNames has 11 names: write the twelve months, January first, separated by spaces`}},
		{"a translation that names another value", []edit{replace("i18n/en.toml", `charCount = "{{.N}} of {{.Max}} characters"`, `charCount = "{{.N}} of {{.Maximum}} characters"`)},
			[]string{`i18n/en.toml:39: message "charCount" names {{.Maximum}} {{.N}} here but {{.Max}} {{.N}} in es.toml: use the same values in every language`}},
		{"a base URL with a header injection", []edit{replace("tact.toml", `baseURL = "https://tact.example/"`, `baseURL = "https://tact.example/a%0AAccess-Control-Allow-Origin:%20*/"`)},
			[]string{`tact.toml:2:11: baseURL "https://tact.example/a%0AAccess-Control-Allow-Origin:%20*/" must not contain spaces, quotes or control characters (even percent-encoded)`}},
		{"a quiz word that is the reply word", []edit{replace("tact.toml", `replies = "respuestas"`, "replies = \"respuestas\"\nquiz = \"respuestas\"")},
			[]string{`tact.toml:9:8: language "es": quiz = "respuestas" cannot be the quiz's URL segment: use lowercase letters, digits and hyphens, such as "cuestionario", other than replies and the site's own segments`}},
		{"a base URL with a query", []edit{replace("tact.toml", `baseURL = "https://tact.example/"`, `baseURL = "https://tact.example/?x=1"`)},
			[]string{`tact.toml:2:11: baseURL "https://tact.example/?x=1" must not have a query (?…)`}},
		{"a base URL with a user name", []edit{replace("tact.toml", `baseURL = "https://tact.example/"`, `baseURL = "https://me:pw@tact.example/"`)},
			[]string{`tact.toml:2:11: baseURL "https://me:pw@tact.example/" must not hold a user name or password`}},
		{"a base URL with dot segments", []edit{replace("tact.toml", `baseURL = "https://tact.example/"`, `baseURL = "https://tact.example/guide/../x/"`)},
			[]string{`tact.toml:2:11: baseURL "https://tact.example/guide/../x/" must not have . or .. segments in its path`}},
		{"a base URL with a fragment", []edit{replace("tact.toml", `baseURL = "https://tact.example/"`, `baseURL = "https://tact.example/#top"`)},
			[]string{`tact.toml:2:11: baseURL "https://tact.example/#top" must not have a fragment (#…)`}},
		{"a language code that is the assets folder", []edit{replace("tact.toml", `code = "nl"`, `code = "assets"`)},
			[]string{`tact.toml:19:8: language code "assets" is the address of the site's own /assets/ files: use the language's tag`}},
		{"a language code that is the status page", []edit{replace("tact.toml", `code = "nl"`, `code = "status"`)},
			[]string{`tact.toml:19:8: language code "status" is the address of the site's own /status/ files: use the language's tag`}},
		{"a reply word that is the quiz", []edit{replace("tact.toml", `replies = "replies"`, `replies = "quiz"`)},
			[]string{`tact.toml:15:11: language "en": replies = "quiz" is the address of the site's own /en/quiz/ pages: choose another word`}},
		{"a Content-Security-Policy that lets inline script and eval back in", []edit{replace("tact.toml", "[[languages]]", "[csp]\nscript-src = [\"https://plausible.io\", \"'unsafe-inline'\"]\nconnect-src = [\"'unsafe-eval'\", \"plausible io\"]\n\n[[languages]]")},
			[]string{
				`tact.toml:5:39: csp.script-src: 'unsafe-inline' would let inline code run, which the policy is there to stop (an injected <script> among it): move the script into a file under assets/ and load it with <script src defer>, or add the hash of that one inline script ('sha256-…')`,
				`tact.toml:6:16: csp.connect-src: 'unsafe-eval' would let scripts run text as code (eval, new Function): use a version of the script that does not need it (most analytics scripts do not)`,
				`tact.toml:6:33: csp.connect-src: "plausible io" is not a source expression: write an origin such as "https://plausible.io" (a scheme, a host, and no spaces, quotes, ; or ,)`,
			}},
		{"a Content-Security-Policy directive Tact does not extend", []edit{replace("tact.toml", "[[languages]]", "[csp]\nframe-ancestors = [\"https://a.example\"]\n\n[[languages]]")},
			[]string{`tact.toml:5:1: csp: "frame-ancestors" is not a directive Tact lets you extend: use one of script-src, style-src, img-src, font-src, connect-src, frame-src, media-src, worker-src, manifest-src, form-action`}},
		{"a Content-Security-Policy source that is not a list", []edit{replace("tact.toml", "[[languages]]", "[csp]\nscript-src = \"https://plausible.io\"\n\n[[languages]]")},
			[]string{`tact.toml:5:14: csp.script-src: expected a list of texts (["…", "…"]), found text in quotes`}},
		{"a reply word that is the embed page", []edit{replace("tact.toml", `replies = "replies"`, `replies = "embed"`)},
			[]string{`tact.toml:15:11: language "en": replies = "embed" is the address of the site's own /en/embed/ pages: choose another word`}},
		{"missing title", []edit{bad("title = \"Bad\"\n", "")},
			[]string{`content/en/bad.md:2:1: missing title: add title = "…" to the front matter`}},
		{"missing key", []edit{bad("key = \"bad\"\n", "")},
			[]string{`content/en/bad.md:2:1: missing key: add key = "the-same-key-in-every-language" to the front matter`}},
		{"missing slug", []edit{bad("slug = \"bad\"\n", "")},
			[]string{`content/en/bad.md:2:1: missing slug: add slug = "url-segment" to the front matter`}},
		{"missing summary", []edit{bad("summary = \"A test article.\"\n", "")},
			[]string{`content/en/bad.md:2:1: missing summary: add summary = "one or two sentences" to the front matter`}},
		{"missing date", []edit{bad("date = 2026-10-01\n", "")},
			[]string{"content/en/bad.md:2:1: missing date: add date = 2026-01-31 (a TOML date, without quotes) to the front matter"}},
		{"missing title and summary in _index.md", []edit{put("content/en/_index.md", "+++\n+++\n\nHello.\n")},
			[]string{"content/en/_index.md:2:1: the home page needs a title and a summary in its front matter"}},
		{"date as a number", []edit{bad("date = 2026-10-01", "date = 20261001")},
			[]string{"content/en/bad.md:6:8: date: expected a date without quotes (2026-01-31)"}},
		{"date with a time", []edit{bad("date = 2026-10-01", "date = 2026-10-01T09:00:00")},
			[]string{"content/en/bad.md:6:8: date: expected a date without quotes (2026-01-31), found a date with a time"}},
		{"draft as a string", []edit{bad("date = 2026-10-01\n", "date = 2026-10-01\ndraft = \"yes\"\n")},
			[]string{"content/en/bad.md:7:9: draft: expected true or false, found text in quotes"}},
		{"two values of the wrong type and an unknown field", []edit{bad("date = 2026-10-01\n", "date = 2026-10-01\ndraft = \"yes\"\ntags = \"a, b\"\nsumary = \"x\"\n")},
			[]string{
				"content/en/bad.md:7:9: draft: expected true or false, found text in quotes",
				`content/en/bad.md:8:8: tags: expected a list of texts (["…", "…"]), found text in quotes`,
				`content/en/bad.md:9:1: unknown field "sumary": check its spelling`,
			}},
		{"tags as a string", []edit{bad("date = 2026-10-01\n", "date = 2026-10-01\ntags = \"a, b\"\n")},
			[]string{`content/en/bad.md:7:8: tags: expected a list of texts (["…", "…"]), found text in quotes`}},
		{"a blank title", []edit{bad(`title = "Bad"`, `title = "   "`)},
			[]string{`content/en/bad.md:2:9: title is blank: write it, "…"`}},
		{"a blank summary", []edit{bad(`summary = "A test article."`, `summary = " "`)},
			[]string{`content/en/bad.md:5:11: summary is blank: write it, "one or two sentences"`}},
		{"a date in year zero", []edit{bad("date = 2026-10-01", "date = 0000-01-01")},
			[]string{"content/en/bad.md:6:8: date 0000-01-01 is not a publication date: write the day the article was first published"}},
		{"a slug of 300 characters", []edit{bad(`slug = "bad"`, `slug = "`+strings.Repeat("ab-", 99)+`cd"`)},
			[]string{"content/en/bad.md:4:8: slug is 299 characters long: keep it under 200, a few words of the title"}},
		{"a folder inside a language folder", []edit{put("content/en/drafts/x.md", goodArticle)},
			[]string{"content/en/drafts: folders inside content/en/ are not read: move the articles into content/en/ itself"}},
		{"a scenario heading without text", []edit{bad("## Scenario {#bad-scenario", "## {#bad-scenario")},
			[]string{`content/en/bad.md:11:4: scenario "bad-scenario" has no title: write the heading's text before {#…}`}},
		{"updated before date", []edit{bad("date = 2026-10-01\n", "date = 2026-10-01\nupdated = 2026-09-30\n")},
			[]string{"content/en/bad.md:7:11: updated is earlier than date: fix one of them"}},
		{"slug with spaces and accents", []edit{bad(`slug = "bad"`, `slug = "Mi Artículo"`)},
			[]string{`content/en/bad.md:4:8: slug "Mi Artículo" is not a valid URL segment: use lowercase ASCII letters, digits and hyphens (for example "mi-articulo")`}},
		{"slug with a slash", []edit{bad(`slug = "bad"`, `slug = "en/bad"`)},
			[]string{`content/en/bad.md:4:8: slug "en/bad" is not a valid URL segment`}},
		{"key with capitals", []edit{bad(`key = "bad"`, `key = "Bad_Key"`)},
			[]string{`content/en/bad.md:3:7: key "Bad_Key" is not valid: use lowercase letters, digits and hyphens`}},
		{"reserved slug", []edit{bad(`slug = "bad"`, `slug = "quiz"`)},
			[]string{`content/en/bad.md:4:8: slug "quiz" is reserved for the site's own pages: choose another`}},
		{"slug taken by the reply pages", []edit{bad(`slug = "bad"`, `slug = "replies"`)},
			[]string{`content/en/bad.md:4:8: slug "replies" is reserved for the site's own pages: choose another`}},
		{"related article that does not exist", []edit{bad("date = 2026-10-01\n", "date = 2026-10-01\nrelated = [\"favours\", \"nope\"]\n")},
			[]string{`content/en/bad.md:7:11: related article "nope" does not exist: use the key of another article`}},

		// Keys, ids and URLs.
		{"duplicate key in one language", []edit{bad(`key = "bad"`, `key = "intros"`)},
			[]string{`content/en/bad.md:3:7: key "intros" is also used by content/en/introductions.md in the same language: each article needs its own key`}},
		{"two articles with one URL", []edit{bad(`slug = "bad"`, `slug = "introductions"`)},
			[]string{`content/en/bad.md:4:8: slug "introductions" gives the URL /en/introductions/, which content/en/introductions.md already uses: change one of them`}},
		{"two replies with one URL", []edit{bad(`title="Bad reply"`, `title="Say yes and name a date"`)},
			[]string{`content/en/bad.md:17:4: reply "bad-reply" gives the URL /en/replies/say-yes-and-name-a-date/, which content/en/introductions.md already uses: change one of them`}},
		{"reply id used twice in a language", []edit{bad("id=bad-reply", "id=accept-later")},
			[]string{`content/en/bad.md:17:4: reply id "accept-later" is already used in content/en/introductions.md: reply ids are unique across the site`}},

		// Scenarios and replies.
		{"unknown verdict", []edit{bad("verdict=accept", "verdict=maybe")},
			[]string{`content/en/bad.md:11:4: unknown verdict "maybe": use one of accept, decline, redirect, offer, rephrase, thank, ask, wait, prepare, close`}},
		{"scenario without id", []edit{bad("{#bad-scenario verdict=accept}", "{verdict=accept}")},
			[]string{"content/en/bad.md:11:4: a scenario heading needs an id shared by every language: write {#some-id verdict=…}"}},
		{"scenario without its why paragraph", []edit{bad("Why.\n\n", "")},
			[]string{`content/en/bad.md:11:4: scenario "bad-scenario" needs two paragraphs right after its heading: the situation, then the why in short`}},
		{"scenario without situation and why", []edit{bad("Situation.\n\nWhy.\n\n", "")},
			[]string{`content/en/bad.md:11:4: scenario "bad-scenario" needs two paragraphs right after its heading`}},
		{"heading attribute other than id and verdict", []edit{bad("verdict=accept}", "verdict=accept .big}")},
			[]string{`content/en/bad.md:11:4: heading attribute "class" is not allowed`}},
		{"reply outside any scenario", []edit{bad("Intro.\n", "Intro.\n\n```reply id=early title=\"Early\"\nHi.\n```\n")},
			[]string{`content/en/bad.md:11:4: reply "early" is outside any scenario: put it under a scenario heading`}},
		{"unclosed placeholder", []edit{bad("Hi ((name)).", "Hi ((name.")},
			[]string{"content/en/bad.md:18:4: reply bad-reply: unclosed placeholder"}},
		{"unclosed placeholder after accented letters", []edit{bad("Hi ((name)).", "¿Qué tal, ((nombre.")},
			[]string{"content/en/bad.md:18:11: reply bad-reply: unclosed placeholder"}},
		{"stray closing parentheses", []edit{bad("Hi ((name)).", "Hi name)).")},
			[]string{"content/en/bad.md:18:8: reply bad-reply: stray '))'"}},
		{"reply without title", []edit{bad(` title="Bad reply"`, "")},
			[]string{
				`content/en/bad.md:11:4: scenario "bad-scenario" has no reply template`,
				"content/en/bad.md:17:4: reply bad-reply: missing title",
			}},

		// Translations: Spanish, the first configured language, is the reference.
		{"translation with another scenario id", []edit{replace(nlIntros, "{#swamped verdict=accept}", "{#busy verdict=accept}")},
			[]string{
				`content/nl/introducties.md: scenario "swamped" of content/es/presentaciones.md is missing here: every translation needs the same scenario ids`,
				`content/nl/introducties.md:11:4: scenario "busy" is not in content/es/presentaciones.md: every translation needs the same scenario ids`,
			}},
		{"translation with another verdict", []edit{replace(nlIntros, "{#swamped verdict=accept}", "{#swamped verdict=wait}")},
			[]string{`content/nl/introducties.md:11:4: scenario "swamped" has verdict "wait" here but "accept" in content/es/presentaciones.md: translations share the verdict`}},
		{"unknown verdict in the reference language: the cause alone", []edit{replace("content/es/presentaciones.md", "{#swamped verdict=accept}", "{#swamped verdict=aceptar}")},
			[]string{`content/es/presentaciones.md:14:4: unknown verdict "aceptar": use one of accept, decline, redirect, offer, rephrase, thank, ask, wait, prepare, close`}},
		{"translation with another reply id", []edit{replace(nlIntros, "id=accept-later", "id=accept-soon")},
			[]string{
				`content/nl/introducties.md:11:4: scenario "swamped" lacks reply "accept-later", which content/es/presentaciones.md has`,
				`content/nl/introducties.md:17:4: reply "accept-soon" is not in scenario "swamped" of content/es/presentaciones.md: every translation needs the same reply ids`,
			}},
		{"translation with fewer placeholders", []edit{replace(nlIntros, "Ik schrijf op ((datum)).", "Ik schrijf binnenkort.")},
			[]string{`content/nl/introducties.md:17:4: reply "accept-later" has 2 placeholders here but 3 in content/es/presentaciones.md: translations need the same placeholders`}},
		{"a passage of a translation skeleton left unwritten", []edit{replace(nlIntros, "Iemand biedt", "TODO(translate): Someone offers")},
			[]string{`content/nl/introducties.md:9:1: untranslated text (marked TODO(translate)): write it in Nederlands in place of the source's words, and delete the mark`}},
		{"a skeleton's slug left to choose", []edit{replace(nlIntros, `slug = "introducties"`, `slug = "TODO(translate): introductions"`)},
			[]string{`content/nl/introducties.md:4:9: untranslated slug (marked TODO(translate)): choose the article's URL segment in Nederlands, a few words of its title in lowercase letters, digits and hyphens, and delete the mark`}},
		{"english translation differs too", []edit{replace("content/en/introductions.md", "verdict=decline", "verdict=redirect")},
			[]string{`content/en/introductions.md:25:4: scenario "changing-fields" has verdict "redirect" here but "decline" in content/es/presentaciones.md`}},

		// Languages and directories.
		{"unconfigured language directory", []edit{put("content/fr/_index.md", "+++\ntitle = \"T\"\nsummary = \"S\"\n+++\n")},
			[]string{`content/fr: language "fr" is not configured: add a [[languages]] table with code = "fr" to tact.toml, or rename the directory`}},
		{"configured language without directory", []edit{del("content/nl")},
			[]string{`content/nl: configured language "nl" has no content directory: create content/nl`}},
		{"missing _index.md", []edit{del("content/en/_index.md")},
			[]string{"content/en/_index.md: missing home page introduction: create it (see docs/content.md)"}},
		{"missing content directory", []edit{del("content")},
			[]string{"content: cannot read the content directory: file does not exist (create it, or pass --content with the site's root)"}},
		{"interface string missing in one language", []edit{replace("i18n/nl.toml", "\nskipToContent =", "\n# skipToContent =")},
			[]string{`i18n/nl.toml: message "skipToContent" is missing in nl (it is in es.toml, en.toml): translate it`}},

		// Reading files.
		{"invalid UTF-8", []edit{bad("Intro.", "Añadir \xff.")},
			[]string{"content/en/bad.md:9:8: invalid UTF-8: save the file as UTF-8"}},
		{"BOM and CRLF keep positions", []edit{put(badFile, crlf(strings.Replace(goodArticle, "verdict=accept", "verdict=maybe", 1)))},
			[]string{`content/en/bad.md:11:4: unknown verdict "maybe"`}},
		{"BOM and CRLF keep front matter positions", []edit{put(badFile, crlf(strings.Replace(goodArticle, "summary", "sumary", 1)))},
			[]string{`content/en/bad.md:5:1: unknown field "sumary"`}},
		{"empty file", []edit{put(badFile, "")},
			[]string{"content/en/bad.md: file is empty: write the article or delete the file"}},
		{"file of blank lines", []edit{put(badFile, "\ufeff\n  \r\n\t\n")},
			[]string{"content/en/bad.md: file is empty"}},
		{"file over MaxFileSize", []edit{put(badFile, goodArticle+strings.Repeat("x", sitefs.MaxFileSize+1-len(goodArticle)))},
			[]string{"content/en/bad.md: file is 1048577 bytes, larger than the 1048576-byte limit for content files: is it the right file?"}},
		{"symlink to a relative path outside the site", []edit{symlink("content/en/evil.md", "../../../etc/passwd")},
			[]string{"content/en/evil.md: symbolic link points outside the site (../../../etc/passwd): copy the file into content/ instead"}},
		{"symlink to an absolute path", []edit{symlink("content/en/evil.md", "/etc/passwd")},
			[]string{"content/en/evil.md: symbolic link points outside the site (/etc/passwd): copy the file into content/ instead"}},
		{"symlink through another link outside the site", []edit{symlink("content/en/a.md", "b.md"), symlink("content/en/b.md", "../../../secret.md")},
			[]string{
				"content/en/a.md: symbolic link points outside the site (../../../secret.md)",
				"content/en/b.md: symbolic link points outside the site (../../../secret.md)",
			}},
		{"symlinked asset outside the site", []edit{symlink("assets/env.css", "/proc/self/environ")},
			[]string{"assets/env.css: symbolic link points outside the site (/proc/self/environ): copy the file into assets/ instead"}},
		{"symlinked partial outside the site", []edit{symlink("layouts/partials/evil.html", "../../../secret.html")},
			[]string{"layouts/partials/evil.html: symbolic link points outside the site (../../../secret.html): copy the file into layouts/ instead"}},
		{"binary junk as a layout", []edit{put("layouts/article.html", "{{define \"main\"}}\n\x89PNG\r\n\x1a\n\x00\x00")},
			[]string{"layouts/article.html:2:1: not a text file: a layout must be UTF-8 text (was a binary file saved under this name?)"}},
		{"binary junk as a stylesheet", []edit{put("assets/style.css", "body{}\n\x00\xff\xfe")},
			[]string{"assets/style.css:2:1: not a text file: a stylesheet must be UTF-8 text (was a binary file saved under this name?)"}},
		{"symlinked strings outside the site", []edit{symlink("i18n/en.toml", "/etc/passwd")},
			[]string{"i18n/en.toml: symbolic link points outside the site (/etc/passwd): copy the file into i18n/ instead"}},
		{"symlinked configuration outside the site", []edit{symlink("tact.toml", "/etc/passwd")},
			[]string{"tact.toml: symbolic link points outside the site (/etc/passwd): copy the file into the site instead"}},
		{"symlinked folder of content outside the site", []edit{symlink("content/nl", "../../elsewhere")},
			[]string{"content/nl: symbolic link points outside the site (../../elsewhere): copy the file into content/ instead"}},
		{"symlink loop", []edit{symlink("content/en/a.md", "b.md"), symlink("content/en/b.md", "a.md")},
			[]string{
				"content/en/a.md: symbolic link loop: replace the link with the file itself",
				"content/en/b.md: symbolic link loop: replace the link with the file itself",
			}},
	}
	// One good build, which every failing build below must leave exactly as
	// it is.
	out := mustBuild(t, fixture(t), build.Options{})
	before := snapshot(t, out)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := apply(t, fixture(t), tt.edits...)
			_, err := runBuild(t, fsys, build.Options{Out: out})
			if err == nil {
				t.Fatalf("build succeeded, want:\n\t%s", strings.Join(tt.want, "\n\t"))
			}
			sameTree(t, snapshot(t, out), before)
			have := errLines(err)
			if len(have) != len(tt.want) {
				t.Fatalf("have %d errors, want %d:\nhave:\n\t%s\nwant:\n\t%s", len(have), len(tt.want), strings.Join(have, "\n\t"), strings.Join(tt.want, "\n\t"))
			}
			for i := range have {
				if !strings.HasPrefix(have[i], tt.want[i]) {
					t.Errorf("error %d:\nhave %s\nwant %s…", i, have[i], tt.want[i])
				}
			}
		})
	}
}

// A symbolic link that stays inside the site is followed.
func TestSymlinkInsideTheSiteIsRead(t *testing.T) {
	fsys := apply(t, fixture(t),
		put("shared/extra.md", strings.Replace(goodArticle, `key = "bad"`, `key = "extra"`, 1)),
		symlink("content/en/extra.md", "../../shared/extra.md"))
	s := load(t, fsys, build.Options{})
	if a := s.Article("extra", "en"); a == nil || a.File != "content/en/extra.md" {
		t.Errorf("Article(extra, en) = %v, want the linked file", a)
	}
}

// A file saved by a Windows editor (byte-order mark, CRLF) builds, and its
// reply text has no carriage returns.
func TestBOMAndCRLFAreAccepted(t *testing.T) {
	fsys := apply(t, fixture(t), put(badFile, crlf(goodArticle)))
	s := load(t, fsys, build.Options{})
	a := s.Article("bad", "en")
	if a == nil {
		t.Fatal("the CRLF article is missing")
	}
	if a.Title != "Bad" || len(a.Scenarios) != 1 || a.Scenarios[0].WhyText != "Why." {
		t.Errorf("article = %+v", a)
	}
	r := s.Reply("bad-reply", "en")
	if r == nil || len(r.Body) != 3 || r.Body[0].Text != "Hi " || r.Body[2].Text != "." {
		t.Errorf("reply body = %+v, want [Hi ][name][.] without \\r", r)
	}
}

// Editors' droppings beside the content are not articles.
func TestEditorFilesAreIgnored(t *testing.T) {
	fsys := apply(t, fixture(t),
		put("content/en/.introductions.md.swp", "\x00\x01"),
		put("content/en/introductions.md~", "backup"),
		put("content/en/notes.tmp", "x"),
		put("content/en/_draft-notes.md", "scratch"),
		put("content/en/README.txt", "not markdown"),
		put("content/.DS_Store", "x"),
	)
	s := load(t, fsys, build.Options{})
	if n := len(s.Lang("en").Articles); n != 2 {
		t.Errorf("en has %d articles, want 2", n)
	}
}

// Problems anywhere in the site are all reported at once, sorted by file,
// line and column, so that a writer fixes everything in one pass.
func TestBuildReportsAllErrorsSorted(t *testing.T) {
	fsys := apply(t, fixture(t),
		put(badFile, strings.NewReplacer("verdict=accept", "verdict=maybe", "Intro.", "Intro.\n\n```reply id=early title=\"Early\"\nHi.\n```").Replace(goodArticle)),
		put("content/es/malo.md", strings.NewReplacer(`title = "Bad"`+"\n", "", `key = "bad"`, `key = "malo"`, "id=bad-reply", "id=malo-reply", "Hi ((name)).", "Hola ((nombre.").Replace(goodArticle)),
		replace(nlIntros, "{#swamped verdict=accept}", "{#swamped verdict=wait}"),
		replace(nlIntros, "Ik schrijf op ((datum)).", "Ik schrijf binnenkort."),
		put("content/fr/_index.md", "+++\ntitle = \"T\"\nsummary = \"S\"\n+++\n"),
		put("content/en/empty.md", ""),
		replace("layouts/partials/footer.html", "<footer", "{{nosuchfunc}}<footer"),
	)
	_, err := runBuild(t, fsys, build.Options{})
	want := []string{
		`content/en/bad.md:11:4: reply "early" is outside any scenario`,
		`content/en/bad.md:15:4: unknown verdict "maybe"`,
		"content/en/empty.md: file is empty",
		"content/es/malo.md:2:1: missing title",
		"content/es/malo.md:17:6: reply malo-reply: unclosed placeholder",
		`content/fr: language "fr" is not configured`,
		`content/nl/introducties.md:11:4: scenario "swamped" has verdict "wait" here but "accept"`,
		`content/nl/introducties.md:17:4: reply "accept-later" has 2 placeholders here but 3`,
		`layouts/partials/footer.html:2:3: function "nosuchfunc" not defined`,
	}
	wantErrors(t, err, want)
}

// wantErrors reports an error unless err's lines start, in order, with
// want's.
func wantErrors(t *testing.T, err error, want []string) {
	t.Helper()
	have := errLines(err)
	ok := len(have) == len(want)
	for i := 0; ok && i < len(have); i++ {
		ok = strings.HasPrefix(have[i], want[i])
	}
	if !ok {
		t.Errorf("have:\n\t%s\nwant:\n\t%s", strings.Join(have, "\n\t"), strings.Join(want, "\n\t"))
	}
}

// TestBrokenMessagesAndAssetTogether: the interface strings and the assets
// load at the same time, and a mistake in each is reported in one build.
func TestBrokenMessagesAndAssetTogether(t *testing.T) {
	fsys := apply(t, fixture(t),
		replace("i18n/nl.toml", "\nskipToContent =", "\nskipToContent = ["),
		put("assets/js/lang.js", "var x = {;\n"),
	)
	_, err := runBuild(t, fsys, build.Options{Minify: true})
	want := []string{"assets/js/lang.js:1:10: expected", "i18n/nl.toml:"}
	wantErrors(t, err, want)
}

// The README promises file:line:col for every problem. These problems are
// about one field of the front matter, yet they are reported for the whole
// file, so the writer has to search for the line.
func TestFieldProblemsPointAtTheField(t *testing.T) {
	tests := []struct {
		name string
		edit edit
		want string
	}{
		{"duplicate key", bad(`key = "bad"`, `key = "intros"`), `content/en/bad.md:3:7: key "intros" is also used by content/en/introductions.md`},
		{"two articles with one URL", bad(`slug = "bad"`, `slug = "introductions"`), `content/en/bad.md:4:8: slug "introductions" gives the URL /en/introductions/`},
		{"related article that does not exist", bad("date = 2026-10-01\n", "date = 2026-10-01\nrelated = [\"nope\"]\n"), `content/en/bad.md:7:11: related article "nope" does not exist`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := runBuild(t, apply(t, fixture(t), tt.edit), build.Options{})
			if have := errLines(err); len(have) != 1 || !strings.HasPrefix(have[0], tt.want) {
				t.Errorf("have %q\nwant %s…", have, tt.want)
			}
		})
	}
}

// A reply's URL segment comes from its title. A title without a Latin
// letter or digit gives an empty segment, and the reply page would be
// written over the reply index /<lang>/<replies>/.
func TestReplyTitleThatGivesNoURLIsAnError(t *testing.T) {
	for _, title := range []string{"¡¿…?!", "Привет"} {
		t.Run(title, func(t *testing.T) {
			out, err := runBuild(t, apply(t, fixture(t), bad(`title="Bad reply"`, `title="`+title+`"`)), build.Options{})
			if err == nil {
				if strings.Contains(readPage(t, out, "en/replies/index.html"), "reply-page") {
					t.Error("the reply page replaced the reply index en/replies/index.html")
				}
				t.Fatal("build succeeded, want an error asking for slug=…")
			}
			if have := errLines(err); len(have) != 1 || !strings.HasPrefix(have[0], "content/en/bad.md:17:4: ") {
				t.Errorf("have %q, want one error at content/en/bad.md:17:4", have)
			}
		})
	}
}

// Marking an article as a draft must not break the articles that list it
// as related: without --drafts it is simply not shown.
func TestRelatedDraftIsLeftOutWithoutDrafts(t *testing.T) {
	fsys := apply(t, fixture(t),
		bad("date = 2026-10-01\n", "date = 2026-10-01\ndraft = true\n"),
		replace("content/en/introductions.md", `related = ["favours", "intros"]`, `related = ["favours", "bad"]`))
	s := load(t, fsys, build.Options{})
	if have := keysOf(s.Article("intros", "en").RelatedArticles); have != "en/favours" {
		t.Errorf("RelatedArticles = %s, want en/favours", have)
	}
	s = load(t, fsys, build.Options{Drafts: true})
	if have := keysOf(s.Article("intros", "en").RelatedArticles); have != "en/favours en/bad" {
		t.Errorf("with Drafts, RelatedArticles = %s, want en/favours en/bad", have)
	}
}
