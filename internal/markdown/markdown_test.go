package markdown_test

import (
	"bytes"
	"fmt"
	"html"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/tact-guide/tact/internal/diag"
	"github.com/tact-guide/tact/internal/markdown"
	"github.com/tact-guide/tact/internal/markdown/reply"
)

// The quotation marks of tact.toml.
var (
	quotesES = [4]string{"«", "»", "“", "”"}
	quotesEN = [4]string{"“", "”", "‘", "’"}
)

func newConverter(quotes [4]string) *markdown.Converter {
	return markdown.New(markdown.Options{
		Quotes:   quotes,
		ReplyURL: func(r *reply.Reply) string { return "/es/respuestas/" + r.ID + "/" },
		Verdict: func(v string) (string, string) {
			return "Mejor opción:", map[string]string{"accept": "Aceptar", "decline": "Rechazar con tacto"}[v]
		},
	})
}

func convert(t *testing.T, c *markdown.Converter, src string) *markdown.Result {
	t.Helper()
	res, err := c.Convert([]byte(src))
	if err != nil {
		t.Fatalf("input:\n%s\nConvert: %v", src, err)
	}
	return res
}

// problems formats a result's problems as "line:col: message".
func problems(src string, res *markdown.Result) []string {
	var out []string
	for _, p := range res.Problems {
		line, col := diag.Position([]byte(src), p.Offset)
		out = append(out, fmt.Sprintf("%d:%d: %s", line, col, p.Msg))
	}
	return out
}

func TestTypographerUsesTheLanguagesQuotationMarks(t *testing.T) {
	tests := []struct {
		name   string
		quotes [4]string
		src    string
		want   string
	}{
		{"spanish double quotes", quotesES, `Dile "gracias" y sigue.`, "<p>Dile «gracias» y sigue.</p>\n"},
		{"spanish quotes inside quotes", quotesES, `Dijo: "no es 'un favor' cualquiera".`, "<p>Dijo: «no es “un favor” cualquiera».</p>\n"},
		{"english double quotes", quotesEN, `Say "thanks" and move on.`, "<p>Say “thanks” and move on.</p>\n"},
		{"english single quotes", quotesEN, `A 'small' favour.`, "<p>A ‘small’ favour.</p>\n"},
		{"apostrophes stay apostrophes in english", quotesEN, `You're swamped, aren't you?`, "<p>You&rsquo;re swamped, aren&rsquo;t you?</p>\n"},
		{"apostrophes stay apostrophes in italian", quotesES, `Chiedi all'amico dell'azienda.`, "<p>Chiedi all&rsquo;amico dell&rsquo;azienda.</p>\n"},
		{"an apostrophe ending a word in italian", quotesES, `Un po' formale, ma di' subito cosa vuoi.`, "<p>Un po&rsquo; formale, ma di&rsquo; subito cosa vuoi.</p>\n"},
		{"an apostrophe ending a word in a heading", quotesES, "## Di' chiaramente che cosa vuoi", "<h2 id=\"di-chiaramente-che-cosa-vuoi\">Di&rsquo; chiaramente che cosa vuoi</h2>\n"},
		{"quotes inside quotes after an apostrophe", quotesES, `Un po' di "'aiuto' vero".`, "<p>Un po&rsquo; di «“aiuto” vero».</p>\n"},
		{"a quote left open does not pair across paragraphs", quotesES, "Dice 'sì.\n\nUn po' dopo.", "<p>Dice “sì.</p>\n<p>Un po&rsquo; dopo.</p>\n"},
		{"code is left alone", quotesES, "Escribe `\"hola\"` tal cual.", "<p>Escribe <code>&quot;hola&quot;</code> tal cual.</p>\n"},
		{"an apostrophe ending a paragraph", quotesES, "Ci vuole un po'", "<p>Ci vuole un po&rsquo;</p>\n"},
		{"an apostrophe ending a word before punctuation", quotesEN, "The Smiths' car, and Thomas'.", "<p>The Smiths&rsquo; car, and Thomas&rsquo;.</p>\n"},
		{"dutch elisions are apostrophes", quotesEN, "Ik bel 's avonds, 't is laat en 'k weet het.", "<p>Ik bel &rsquo;s avonds, &rsquo;t is laat en &rsquo;k weet het.</p>\n"},
		{"an elision and a quote in one paragraph", quotesEN, "'s Avonds zei hij 'ja' en leende Thomas' fiets.", "<p>&rsquo;s Avonds zei hij ‘ja’ en leende Thomas&rsquo; fiets.</p>\n"},
		{"a decade", quotesEN, "Since the '90s.", "<p>Since the &rsquo;90s.</p>\n"},
		{"dashes and an ellipsis", quotesEN, "Wait -- or rather --- wait...", "<p>Wait &ndash; or rather &mdash; wait&hellip;</p>\n"},
		{"guillemets typed as << and >>", quotesEN, "<<Hola>>", "<p>&laquo;Hola&raquo;</p>\n"},
		{"a quote between spaces is an apostrophe", quotesEN, "5 ' 6", "<p>5 &rsquo; 6</p>\n"},
		{"a closing double quote with nothing open stays straight", quotesEN, `12" wide`, "<p>12&quot; wide</p>\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := convert(t, newConverter(tt.quotes), tt.src)
			if have := string(res.HTML); have != tt.want {
				t.Errorf("input: %s\nhave %q\nwant %q", tt.src, have, tt.want)
			}
		})
	}
}

func TestReplyTextKeepsStraightQuotes(t *testing.T) {
	src := "## Situación {#s verdict=accept}\n\nSituación.\n\nPor qué.\n\n```reply id=r title=\"Decir \\\"sí\\\"\"\nDile \"sí\" a ((nombre)), it's fine.\n```\n"
	res := convert(t, newConverter(quotesES), src)
	if len(res.Problems) > 0 {
		t.Fatalf("problems: %v", problems(src, res))
	}
	r := res.Scenarios[0].Replies[0]
	if have, want := reply.Plain(r.Body, nil), `Dile "sí" a ((nombre)), it's fine.`; have != want {
		t.Errorf("reply text %q, want %q exactly as written", have, want)
	}
	if !strings.Contains(string(res.HTML), "Dile &quot;sí&quot; a <mark") {
		t.Errorf("rendered reply changed its quotes:\n%s", res.HTML)
	}
}

func TestHeadingIDsAreTransliteratedAndUnique(t *testing.T) {
	src := "# ¿Cómo decir que no?\n\n## ¿Cómo decir que no?\n\n### Cómo decir que no\n\n## Ça va, señor Øster?\n\n## Intro {#intro}\n\n## Intro\n\n## ¡¿?!\n"
	res := convert(t, newConverter(quotesES), src)
	re := regexp.MustCompile(`<h\d id="([^"]*)">`)
	var ids []string
	for _, m := range re.FindAllStringSubmatch(string(res.HTML), -1) {
		ids = append(ids, m[1])
	}
	want := []string{"como-decir-que-no", "como-decir-que-no-1", "como-decir-que-no-2", "ca-va-senor-oster", "intro", "intro-1", "section"}
	if fmt.Sprint(ids) != fmt.Sprint(want) {
		t.Errorf("input:\n%s\nhave ids %v\nwant     %v\nHTML:\n%s", src, ids, want, res.HTML)
	}
	if len(res.Problems) > 0 {
		t.Errorf("unexpected problems %v", problems(src, res))
	}
}

// An explicit id is reserved even when it comes after a heading whose
// generated id would have taken it.
func TestExplicitIDsWinOverGeneratedOnes(t *testing.T) {
	src := "## Resumen\n\n## Otra cosa {#resumen}\n"
	res := convert(t, newConverter(quotesES), src)
	want := "<h2 id=\"resumen-1\">Resumen</h2>\n<h2 id=\"resumen\">Otra cosa</h2>\n"
	if have := string(res.HTML); have != want {
		t.Errorf("have %q\nwant %q", have, want)
	}
}

func TestRawHTMLIsShownAsTextNeverAsATag(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"script block", "<script>alert(1)</script>\n", "&lt;script&gt;alert(1)&lt;/script&gt;"},
		{"inline tag with handler", "Un <b onclick=\"x()\">favor</b> pequeño.\n", "Un &lt;b onclick=&quot;x()&quot;&gt;favor&lt;/b&gt; pequeño."},
		{"iframe block", "<iframe src=\"https://example.org\"></iframe>\n", "&lt;iframe src=&quot;https://example.org&quot;&gt;&lt;/iframe&gt;"},
		{"comment", "Texto <!-- oculto --> visible.\n", "Texto &lt;!-- oculto --&gt; visible."},
		{"multi-line block", "<div>\nuno\n</div>\n", "&lt;div&gt;\nuno\n&lt;/div&gt;"},
		{"inside a list", "- <img src=x onerror=alert(1)>\n", "&lt;img src=x onerror=alert(1)&gt;"},
	}
	tag := regexp.MustCompile(`<(script|b |b>|iframe|!--|div|img)`)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := convert(t, newConverter(quotesES), tt.src)
			out := string(res.HTML)
			if m := tag.FindString(out); m != "" {
				t.Errorf("input: %q\noutput has a live %q tag:\n%s", tt.src, m, out)
			}
			if !strings.Contains(out, tt.want) {
				t.Errorf("input: %q\noutput does not show the HTML as text %q:\n%s", tt.src, tt.want, out)
			}
		})
	}
}

func TestDangerousLinksLoseTheirHref(t *testing.T) {
	tests := []struct{ name, src string }{
		{"javascript", "[clic](javascript:alert(1))"},
		{"mixed case", "[clic](JaVaScRiPt:alert(1))"},
		{"entity-encoded", "[clic](&#106;avascript:alert(1))"},
		{"vbscript", "[clic](vbscript:msgbox)"},
		{"data", "[clic](data:text/html;base64,PHNjcmlwdD4=)"},
		{"autolink", "<javascript:alert(1)>"},
		{"reference", "[clic][r]\n\n[r]: javascript:alert(1)"},
		{"image", "![x](javascript:alert(1))"},
	}
	href := regexp.MustCompile(`(?:href|src)="([^"]*)"`)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := string(convert(t, newConverter(quotesEN), tt.src+"\n").HTML)
			ms := href.FindAllStringSubmatch(out, -1)
			if len(ms) == 0 {
				t.Fatalf("input: %s\nno link rendered:\n%s", tt.src, out)
			}
			for _, m := range ms {
				if v := strings.ToLower(html.UnescapeString(m[1])); v != "" {
					t.Errorf("input: %s\nlink keeps %s; want it empty:\n%s", tt.src, m[0], out)
				}
			}
		})
	}
	safe := "[a](https://example.org/x) [b](/es/otro/) [c](mailto:ana@example.org) [d](#swamped)\n"
	out := string(convert(t, newConverter(quotesEN), safe).HTML)
	for _, want := range []string{`href="https://example.org/x"`, `href="/es/otro/"`, `href="mailto:ana@example.org"`, `href="#swamped"`} {
		if !strings.Contains(out, want) {
			t.Errorf("safe link lost: want %s in\n%s", want, out)
		}
	}
}

const article = `Alguien te ofrece una presentación.

## Estás desbordado {#swamped verdict=accept}

La oferta llega en *la peor* semana.

Estar ocupado no basta: acepta y di "cuándo".

Más detalles.

### ¿Y si no puedo?

` + "```reply id=accept-later title=\"Aceptar y proponer una fecha\" subject=\"Tu presentación a ((contacto))\"\nHola, ((quien presenta)):\n\nGracias por presentarme a ((contacto)).\n```\n" + `
## Cambias de sector {#changing-fields verdict=decline}

Te ofrecen un contacto del sector que dejas.

Rechaza con cariño.

` + "```reply id=decline title=\"Rechazar\"\nHola:\n\nNo, gracias.\n```\n\n```reply id=decline-2 title=\"Rechazar otra vez\"\nTampoco.\n```\n" + `
## En resumen

Sé agradecido.
`

func TestScenariosAreExtractedWithTheirParagraphsAndReplies(t *testing.T) {
	res := convert(t, newConverter(quotesES), article)
	if len(res.Problems) > 0 {
		t.Fatalf("unexpected problems %v", problems(article, res))
	}
	if len(res.Scenarios) != 2 {
		t.Fatalf("have %d scenarios, want 2", len(res.Scenarios))
	}
	type want struct {
		id, anchor, title       string
		verdict                 string
		situation, situationTxt string
		why, whyTxt             string
		replies                 string
		pos                     string
	}
	wants := []want{
		{
			"swamped", "estas-desbordado", "Estás desbordado", "accept",
			"La oferta llega en <em>la peor</em> semana.", "La oferta llega en la peor semana.",
			"Estar ocupado no basta: acepta y di «cuándo».", "Estar ocupado no basta: acepta y di «cuándo».",
			"accept-later", "3:4",
		},
		{
			"changing-fields", "cambias-de-sector", "Cambias de sector", "decline",
			"Te ofrecen un contacto del sector que dejas.", "Te ofrecen un contacto del sector que dejas.",
			"Rechaza con cariño.", "Rechaza con cariño.",
			"decline decline-2", "19:4",
		},
	}
	for i, w := range wants {
		sc := res.Scenarios[i]
		var ids []string
		for _, r := range sc.Replies {
			ids = append(ids, r.ID)
		}
		line, col := diag.Position([]byte(article), sc.Offset)
		have := want{sc.ID, sc.Anchor, sc.Title, sc.Verdict, sc.Situation, sc.SituationText, sc.Why, sc.WhyText, strings.Join(ids, " "), fmt.Sprintf("%d:%d", line, col)}
		if have != w {
			t.Errorf("scenario %d:\nhave %+v\nwant %+v", i, have, w)
		}
	}
	if have := reply.Names(res.Scenarios[0].Replies[0].Subject, res.Scenarios[0].Replies[0].Body); fmt.Sprint(have) != "[contacto quien presenta]" {
		t.Errorf("placeholders %v", have)
	}

	out := string(res.HTML)
	for _, want := range []string{
		// The heading is anchored in the article's words; its section keeps
		// the id every language shares, for links made before.
		"<p>Alguien te ofrece una presentación.</p>\n<section class=\"scenario\" id=\"swamped\" aria-labelledby=\"estas-desbordado\">\n<h2 id=\"estas-desbordado\">Estás desbordado</h2>\n" +
			"<a class=\"heading-anchor\" href=\"#estas-desbordado\"><span aria-hidden=\"true\">#</span><span class=\"visually-hidden\">Link to this section: Estás desbordado</span></a>\n" +
			"<p class=\"verdict verdict-accept\"><span class=\"verdict-prefix\">Mejor opción:</span> <strong>Aceptar</strong></p>\n" +
			"<p class=\"situation\">La oferta llega en <em>la peor</em> semana.</p>\n" +
			"<p class=\"why\">Estar ocupado no basta: acepta y di «cuándo».</p>\n<p>Más detalles.</p>\n" +
			"<h3 id=\"y-si-no-puedo\">¿Y si no puedo?</h3>\n" +
			"<figure class=\"reply\" id=\"reply-accept-later\" data-reply=\"accept-later\">\n<figcaption><a href=\"/es/respuestas/accept-later/\">Aceptar y proponer una fecha</a></figcaption>\n",
		"<p class=\"verdict verdict-decline\"><span class=\"verdict-prefix\">Mejor opción:</span> <strong>Rechazar con tacto</strong></p>",
		// The closing section is not part of the last scenario.
		"</figure>\n</section>\n<h2 id=\"en-resumen\">En resumen</h2>\n<p>Sé agradecido.</p>\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("HTML lacks\n%s\nhave:\n%s", want, out)
		}
	}
	if strings.Contains(out, "verdict=") || strings.Contains(out, "{#") {
		t.Errorf("attribute syntax leaked into the page:\n%s", out)
	}
}

func TestProblemsArePositionedAtTheirCause(t *testing.T) {
	const ok = "\n\nSituación.\n\nPor qué.\n\n```reply id=r title=R\nHola.\n```\n"
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{
			"heading attribute other than id and verdict",
			"Intro.\n\n## Estás desbordado {#swamped verdict=accept class=big}" + ok,
			[]string{`3:4: heading attribute "class" is not allowed: use {#id} and, on a scenario heading, verdict=…`},
		},
		{
			"attribute on an ordinary heading",
			"### Nota {#nota data-x=1}\n",
			[]string{`1:5: heading attribute "data-x" is not allowed`},
		},
		{
			"verdict on a level-3 heading",
			"## Fuera {#s verdict=accept}" + ok + "\n### Dentro {#d verdict=decline}\n",
			[]string{"11:5: a verdict belongs on a level-2 heading (## …), which opens a scenario"},
		},
		{
			"scenario without id",
			"## Estás desbordado {verdict=accept}" + ok,
			[]string{"1:4: a scenario heading needs an id shared by every language: write {#some-id verdict=…}"},
		},
		{
			"id used twice",
			"## A {#s verdict=accept}" + ok + "\n## B {#s verdict=decline}" + ok,
			[]string{`11:4: id "s" is used twice in this file: give each heading its own id`},
		},
		{
			"invalid id",
			"## A {#Swamped_1 verdict=accept}" + ok,
			[]string{`1:4: heading id "Swamped_1" is not valid: use lowercase letters, digits and hyphens`},
		},
		{
			"scenario without the why paragraph",
			"## Á {#s verdict=accept}\n\nSolo la situación.\n\n```reply id=r title=R\nHola.\n```\n",
			[]string{`1:4: scenario "s" needs two paragraphs right after its heading: the situation, then the why in short`},
		},
		{
			"scenario that starts with a reply",
			"## A {#s verdict=accept}\n\n```reply id=r title=R\nHola.\n```\n\nUno.\n\nDos.\n",
			[]string{`1:4: scenario "s" needs two paragraphs right after its heading`},
		},
		{
			"scenario without a reply",
			"## A {#s verdict=accept}\n\nUno.\n\nDos.\n",
			[]string{`1:4: scenario "s" has no reply template`},
		},
		{
			"reply before the first scenario",
			"Intro.\n\n```reply id=early title=Pronto\nHola.\n```\n\n## A {#s verdict=accept}" + ok,
			[]string{`3:4: reply "early" is outside any scenario: put it under a scenario heading (## … {#id verdict=…})`},
		},
		{
			"reply in the closing section",
			"## A {#s verdict=accept}" + ok + "\n## En resumen\n\n```reply id=late title=Tarde\nHola.\n```\n",
			[]string{`13:4: reply "late" is outside any scenario`},
		},
		{
			"reply in a quote before the first scenario",
			"> ```reply id=quoted title=Citada\n> Hola.\n> ```\n\n## A {#s verdict=accept}" + ok,
			[]string{`1:6: reply "quoted" is outside any scenario`},
		},
		{
			"reply in a list before the first scenario",
			"- Uno:\n\n  ```reply id=listed title=Lista\n  Hola.\n  ```\n\n## A {#s verdict=accept}" + ok,
			[]string{`3:6: reply "listed" is outside any scenario`},
		},
		{
			"scenario heading inside a quote",
			"## A {#s verdict=accept}" + ok + "\n> ## B {#quoted verdict=decline}\n",
			[]string{"11:6: a scenario heading must be at the top level of the article, not inside a list or a quote"},
		},
		{
			"unclosed placeholder",
			"## A {#s verdict=accept}\n\nUno.\n\nDos.\n\n```reply id=r title=R\nHola, ((nombre:\n```\n",
			[]string{"8:7: reply r: unclosed placeholder"},
		},
		{
			"stray closing parentheses",
			"## A {#s verdict=accept}\n\nUno.\n\nDos.\n\n```reply id=r title=R\nHola, nombre)) y ((otro))\n```\n",
			[]string{"8:13: reply r: stray '))'"},
		},
		{
			"problems are sorted by position",
			"## B {#b class=x verdict=accept}\n\nUno.\n\n```reply id=r title=R\nHola ((x\n```\n",
			[]string{
				`1:4: heading attribute "class" is not allowed`,
				`1:4: scenario "b" needs two paragraphs right after its heading`,
				"6:6: reply r: unclosed placeholder",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			have := problems(tt.src, convert(t, newConverter(quotesES), tt.src))
			if len(have) != len(tt.want) {
				t.Fatalf("input:\n%s\nhave %d problems, want %d:\n\t%s", tt.src, len(have), len(tt.want), strings.Join(have, "\n\t"))
			}
			for i := range have {
				if !strings.HasPrefix(have[i], tt.want[i]) {
					t.Errorf("input:\n%s\nproblem %d:\nhave %s\nwant %s…", tt.src, i, have[i], tt.want[i])
				}
			}
		})
	}
}

// One converter serves every goroutine of a build: each document's
// scenarios, ids and problems must stay its own. Run with -race.
func TestOneConverterIsSafeAcrossGoroutines(t *testing.T) {
	c := newConverter(quotesES)
	doc := func(i int) string {
		return fmt.Sprintf("## Escenario %d {#s%d verdict=accept}\n\nSituación %d.\n\nPor qué %d.\n\n```reply id=r%d title=\"Respuesta %d\"\nHola, ((nombre %d)).\n```\n\n## Duplicado\n\n## Duplicado\n\n## Mal {#m%d class=x}\n", i, i, i, i, i, i, i, i)
	}
	const docs = 16
	want := make([]string, docs)
	for i := range docs {
		want[i] = fingerprint(convert(t, c, doc(i)))
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for n := range 40 {
				i := (g + n) % docs
				res, err := c.Convert([]byte(doc(i)))
				if err != nil {
					t.Errorf("Convert: %v", err)
					return
				}
				if have := fingerprint(res); have != want[i] {
					t.Errorf("document %d converted concurrently:\nhave %s\nwant %s", i, have, want[i])
					return
				}
			}
		})
	}
	wg.Wait()
}

func fingerprint(res *markdown.Result) string {
	var b strings.Builder
	b.Write(res.HTML)
	for _, sc := range res.Scenarios {
		fmt.Fprintf(&b, "|%s %s %s %s", sc.ID, sc.Verdict, sc.SituationText, sc.WhyText)
		for _, r := range sc.Replies {
			fmt.Fprintf(&b, " %s %v", r.ID, r.Placeholders())
		}
	}
	for _, p := range res.Problems {
		fmt.Fprintf(&b, "|%d %s", p.Offset, p.Msg)
	}
	return b.String()
}

// TestConvertToReusesTheBuffer: a buffer converted into again (as the
// loader does for every article) gives each document only its own HTML,
// whatever it held before.
func TestConvertToReusesTheBuffer(t *testing.T) {
	c := newConverter(quotesEN)
	docs := []string{
		"# First\n\nA long paragraph that leaves more bytes in the buffer than the next one.\n",
		"Short *one*.\n",
	}
	var buf bytes.Buffer
	buf.WriteString("<p>left over</p>")
	for _, d := range docs {
		res, err := c.ConvertTo(&buf, []byte(d))
		if err != nil {
			t.Fatal(err)
		}
		if got, want := string(res.HTML), string(convert(t, c, d).HTML); got != want {
			t.Errorf("ConvertTo(%q) = %q, want %q (as Convert)", d, got, want)
		}
	}
}

// A scenario heading's anchor is its title as a slug; it never takes an id
// already on the page, and a title that is already its id gives one id.
func TestScenarioAnchorsAreUniqueOnThePage(t *testing.T) {
	const ok = "\n\nSituación.\n\nPor qué.\n\n```reply id=r%d title=R\nHola.\n```\n"
	src := "## Vas tarde\n\nTexto.\n\n" +
		"## Vas tarde {#late verdict=wait}" + fmt.Sprintf(ok, 1) +
		"## Swamped {#swamped verdict=accept}" + fmt.Sprintf(ok, 2)
	res := convert(t, newConverter(quotesES), src)
	if len(res.Problems) > 0 {
		t.Fatalf("unexpected problems %v", problems(src, res))
	}
	if a := res.Scenarios[0].Anchor; a != "vas-tarde-1" {
		t.Errorf("anchor of a scenario titled like an earlier heading = %q, want vas-tarde-1", a)
	}
	out := string(res.HTML)
	for _, want := range []string{
		`<h2 id="vas-tarde">Vas tarde</h2>`,
		`<section class="scenario" id="late" aria-labelledby="vas-tarde-1">`,
		`<section class="scenario" aria-labelledby="swamped">` + "\n" + `<h2 id="swamped">Swamped</h2>` + "\n" + `<a class="heading-anchor" href="#swamped">`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("HTML lacks %s\nhave:\n%s", want, out)
		}
	}
}
