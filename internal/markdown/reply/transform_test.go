package reply

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

func newMarkdown() goldmark.Markdown {
	return goldmark.New(goldmark.WithExtensions(&Extender{
		URL: func(n *Reply) string { return "/r/" + n.ID + "/" },
	}))
}

// parse parses src with a fresh context and returns the document and its errors.
func parse(t *testing.T, md goldmark.Markdown, src string) (ast.Node, []*Error) {
	t.Helper()
	pc := parser.NewContext()
	doc := md.Parser().Parse(text.NewReader([]byte(src)), parser.WithContext(pc))
	return doc, Errors(pc)
}

func TestReplyNode(t *testing.T) {
	const src = "# Scenario\n\n" +
		"```reply id=intro title=\"Introduce them\" slug=meet subject=\"((a)) meet ((b))\"\n" +
		"Dear ((a)),\n\nthis is ((b)); ((c)) sends regards.\n\n```\n\n" +
		"Between.\n\n" +
		"~~~ reply title=Plain id=plain\n(no placeholders)\n~~~\n"
	doc, errs := parse(t, newMarkdown(), src)
	if errs != nil {
		t.Fatalf("input:\n%s\nunexpected errors %v", src, errs)
	}

	var kinds []string
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		kinds = append(kinds, c.Kind().String())
	}
	if want := []string{"Heading", "Reply", "Paragraph", "Reply"}; !reflect.DeepEqual(kinds, want) {
		t.Fatalf("input:\n%s\nhave children %v\nwant %v", src, kinds, want)
	}

	r := doc.FirstChild().NextSibling().(*Reply)
	if have, want := r.ID+"|"+r.Title+"|"+r.Slug, "intro|Introduce them|meet"; have != want {
		t.Errorf("ID|Title|Slug = %q, want %q", have, want)
	}
	if want := []Segment{ph("a"), lit(" meet "), ph("b")}; !reflect.DeepEqual(r.Subject, want) {
		t.Errorf("Subject\nhave %s\nwant %s", show(r.Subject), show(want))
	}
	// The final newline goes, blank lines before it stay.
	if have, want := Plain(r.Body, nil), "Dear ((a)),\n\nthis is ((b)); ((c)) sends regards.\n"; have != want {
		t.Errorf("Body\nhave %q\nwant %q", have, want)
	}
	if have, want := r.Placeholders(), []string{"a", "b", "c"}; !reflect.DeepEqual(have, want) {
		t.Errorf("Placeholders() = %q, want %q", have, want)
	}
	if have, want := r.Offset, strings.Index(src, "reply id=intro"); have != want {
		t.Errorf("Offset = %d, want %d", have, want)
	}
	if have, want := r.Pos(), strings.Index(src, "```reply"); have != want {
		t.Errorf("Pos() = %d, want %d", have, want)
	}

	r = doc.LastChild().(*Reply)
	if r.Subject != nil {
		t.Errorf("Subject = %s, want nil", show(r.Subject))
	}
	if want := []Segment{lit("(no placeholders)")}; !reflect.DeepEqual(r.Body, want) {
		t.Errorf("Body\nhave %s\nwant %s", show(r.Body), show(want))
	}
	if r.Placeholders() != nil {
		t.Errorf("Placeholders() = %q, want nil", r.Placeholders())
	}
	if have, want := r.Offset, strings.Index(src, "reply title=Plain"); have != want {
		t.Errorf("Offset = %d, want %d", have, want)
	}
}

// The body is the text as written, carriage returns included, less the
// final line break.
func TestBodyCRLF(t *testing.T) {
	const src = "```reply id=a title=b\r\nHello ((x)),\r\nbye\r\n```\r\n"
	doc, errs := parse(t, newMarkdown(), src)
	if errs != nil {
		t.Fatalf("input %q: unexpected errors %v", src, errs)
	}
	r, ok := doc.FirstChild().(*Reply)
	if !ok {
		t.Fatalf("input %q: first child is %s, want Reply", src, doc.FirstChild().Kind())
	}
	if have, want := Plain(r.Body, nil), "Hello ((x)),\r\nbye"; have != want {
		t.Errorf("input %q: body\nhave %q\nwant %q", src, have, want)
	}
}

// Each error points at the exact place in the source: the start of the info
// string for attribute problems, the faulty bytes for placeholder problems,
// wherever the block sits.
func TestErrorOffsets(t *testing.T) {
	tests := []struct {
		name string
		src  string
		at   string // the source at the error's offset starts with this
		msg  string
	}{
		{"attribute", "Text.\n\n```reply  id=a color=red title=b\nx\n```\n",
			"reply  id=a", `reply a: unknown attribute "color"`},
		{"body", "```reply id=a title=b\none\ntwo ((x\n```\n",
			"((x\n", "reply a: unclosed placeholder"},
		{"blockquote", "> ```reply id=a title=b\n> Hi\n> ((x\n> ```\n",
			"((x\n", "reply a: unclosed placeholder"},
		{"list item", "- item\n\n  ```reply id=a title=b\n  one\n  two)) three\n  ```\n",
			")) three", "reply a: stray '))'"},
		{"tab padding", "> ```reply id=a title=b\n>\t((x (y)))\n> ```\n",
			"(y)))", "reply a: placeholder cannot contain parentheses"},
		{"end of input", "```reply id=a title=b\nHi (( ))",
			"(( ))", "reply a: empty placeholder"},
		{"subject", "```reply id=a title=b subject=\"\\\"Re\\\" ((x\"\n```\n",
			"((x\"", "reply a: unclosed placeholder"},
		{"over the channel's limit", "```reply id=a title=b channel=linkedin\n" + strings.Repeat("word ", 61) + "((name))\n```\n",
			"reply id=a", "reply a: its text alone is 305 characters, over the 300 a linkedin message allows: shorten it, leaving room for what the placeholders add"},
		{"subject after escapes", "```reply id=a subject=\"\\\\ \\\\ x))\" title=b\n```\n",
			"))\" title", "reply a: stray '))'"},
	}
	md := newMarkdown()
	for _, tt := range tests {
		_, errs := parse(t, md, tt.src)
		if len(errs) != 1 {
			t.Errorf("%s: input %q\nhave errors %v\nwant one: %s", tt.name, tt.src, errs, tt.msg)
			continue
		}
		e := errs[0]
		if e.Msg != tt.msg || e.Error() != tt.msg {
			t.Errorf("%s: input %q\nhave message %q\nwant %q", tt.name, tt.src, e.Msg, tt.msg)
		}
		if !strings.HasPrefix(tt.src[e.Offset:], tt.at) {
			t.Errorf("%s: input %q\nhave offset %d, at %q\nwant offset at %q", tt.name, tt.src, e.Offset, tt.src[e.Offset:], tt.at)
		}
	}
}

func TestNoErrors(t *testing.T) {
	if errs := Errors(parser.NewContext()); errs != nil {
		t.Errorf("Errors(fresh context) = %v, want nil", errs)
	}
	if _, errs := parse(t, newMarkdown(), "# Hi\n\n```go\n((x\n```\n"); errs != nil {
		t.Errorf("Errors(document without replies) = %v, want nil", errs)
	}
}

// One Markdown serves many goroutines; each document gets its own replies
// and its own errors.
func TestConcurrent(t *testing.T) {
	md := newMarkdown()
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 50 {
				id := fmt.Sprintf("r%d-%d", g, i)
				src := fmt.Sprintf("%s```reply id=%s title=T\nHi ((p%d))\n```\n\n```reply id=e title=E k%d=v\n```\n",
					strings.Repeat("\n", g), id, g, g)
				pc := parser.NewContext()
				var out bytes.Buffer
				if err := md.Convert([]byte(src), &out, parser.WithContext(pc)); err != nil {
					t.Errorf("input %q: %v", src, err)
					return
				}
				for _, want := range []string{`data-reply="` + id + `"`, fmt.Sprintf(`data-ph="p%d"`, g), `href="/r/` + id + `/"`} {
					if !strings.Contains(out.String(), want) {
						t.Errorf("input %q\nhave output:\n%s\nwant it to contain %s", src, out.String(), want)
					}
				}
				errs := Errors(pc)
				wantMsg := fmt.Sprintf(`reply e: unknown attribute "k%d"`, g)
				wantOff := strings.Index(src, "reply id=e")
				if len(errs) != 1 || errs[0].Msg != wantMsg || errs[0].Offset != wantOff {
					t.Errorf("input %q\nhave errors %v\nwant one at %d: %s", src, errs, wantOff, wantMsg)
				}
			}
		})
	}
	wg.Wait()
}

// A LinkedIn note whose fixed text fits is a reply like any other, marked
// with its channel and limit for the page's character count; placeholders
// do not count against the limit until they are filled.
func TestChannelWithinLimit(t *testing.T) {
	md := newMarkdown()
	src := "```reply id=a title=b channel=linkedin\n" + strings.Repeat("x", 290) + " ((a very long placeholder name))\n```\n"
	doc, errs := parse(t, md, src)
	if len(errs) != 0 {
		t.Fatalf("input %q: errors %v, want none", src, errs)
	}
	var r *Reply
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if n, ok := n.(*Reply); ok {
			r = n
		}
		return ast.WalkContinue, nil
	})
	if r == nil || r.Channel != "linkedin" || r.Limit() != 300 || r.FixedLength() != 291 {
		t.Fatalf("reply = %+v, want channel linkedin, limit 300, fixed length 291", r)
	}
}

// With a SubjectLabel, a reply's subject is labelled in the page's language,
// as on its own page, and the label is escaped like any text.
func TestSubjectLabel(t *testing.T) {
	md := goldmark.New(goldmark.WithExtensions(&Extender{SubjectLabel: "Asunto <b>"}))
	var buf bytes.Buffer
	src := "```reply id=a title=b subject=\"Hola ((nombre))\"\nHi\n```\n"
	if err := md.Convert([]byte(src), &buf); err != nil {
		t.Fatal(err)
	}
	want := `<div class="reply-subject"><span class="label">Asunto &lt;b&gt;:</span> <span data-subject>Hola <mark class="ph" data-ph="nombre">((nombre))</mark></span></div>`
	if !strings.Contains(buf.String(), want) {
		t.Errorf("input %q:\nhave %s\nwant it to contain %s", src, buf.String(), want)
	}
}
