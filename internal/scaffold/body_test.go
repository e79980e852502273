package scaffold

import (
	"strings"
	"testing"
)

// markBody marks the first line of each passage a translator writes, and
// copies everything else as it is. M stands for the mark in the cases.
func TestMarkBody(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"paragraphs", "\nOne line\nand its next.\n\nAnother.\n",
			"\nM One line\nand its next.\n\nM Another.\n"},
		{"headings keep their attributes", "## You are swamped {#swamped verdict=accept}\nRight under it.\n### Small\n",
			"## M You are swamped {#swamped verdict=accept}\nM Right under it.\n### M Small\n"},
		{"each list item", "Intro:\n\n- one\n  still one\n- two\n\n1. first\n2) second\n",
			"M Intro:\n\n- M one\n  still one\n- M two\n\n1. M first\n2) M second\n"},
		{"quotes", "> Quoted\n> on.\n>\n> Again.\n",
			"> M Quoted\n> on.\n>\n> M Again.\n"},
		{"each table row", "| a | b |\n|:--|--:|\n| c | d |\n",
			"| M a | b |\n|:--|--:|\n| M c | d |\n"},
		{"rules and link definitions", "Text.\n\n---\n\n[ref]: https://example.org\n",
			"M Text.\n\n---\n\n[ref]: https://example.org\n"},
		{"code is kept", "```go\nfmt.Println(\"hi\")\n\nx := 1\n```\nAfter.\n",
			"```go\nfmt.Println(\"hi\")\n\nx := 1\n```\nM After.\n"},
		{"a longer fence holds a shorter one", "````\n```\nnot closed\n````\n",
			"````\n```\nnot closed\n````\n"},
		{"a reply: title, subject and first line; its slug dropped", "```reply id=a title=\"Say \\\"yes\\\"\" subject=\"Hi ((name))\" slug=say-yes channel=linkedin\n\nHi ((name)),\n\nYes.\n```\n",
			"```reply id=a title=\"M Say \\\"yes\\\"\" subject=\"M Hi ((name))\" channel=linkedin\n\nM Hi ((name)),\n\nYes.\n```\n"},
		{"a tilde reply", "~~~ reply id=b title=Yes\nOk.\n~~~\n",
			"~~~reply id=b title=\"M Yes\"\nM Ok.\n~~~\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			want := strings.ReplaceAll(c.want, "M ", mark)
			if got := markBody(c.in); got != want {
				t.Errorf("markBody(%q)\n have %q\n want %q", c.in, got, want)
			}
		})
	}
}

func TestQuote(t *testing.T) {
	for in, want := range map[string]string{
		`plain`:                 `"plain"`,
		`say "yes"`:             `"say \"yes\""`,
		`back\slash`:            `"back\\slash"`,
		"tab\tand\u0001control": `"tab\tand\u0001control"`,
		"« perché » – ok":       `"« perché » – ok"`,
	} {
		if got := quote(in); got != want {
			t.Errorf("quote(%q) = %s, want %s", in, got, want)
		}
	}
}
