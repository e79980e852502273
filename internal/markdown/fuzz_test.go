package markdown_test

import (
	"bytes"
	"testing"
)

// FuzzConvert: any Markdown converts without a panic, and the typographer's
// placeholders for single quotes (private-use characters) never reach the
// page: each is paired, or made an apostrophe, within its block.
func FuzzConvert(f *testing.F) {
	for _, seed := range []string{
		"Dile \"gracias\" y sigue. Un po' di 'aiuto'.",
		"'s Avonds zei hij 'ja' en leende Thomas' fiets... -- --- << >>",
		"| a | b |\n| :-- | --: |\n| `x \\| y` | ~~no~~ |\n| 1 |",
		"Text\n| a |\n|-|\n> | b |\n> |---|\n- | c |\n  | - |",
		"*'a'* _\"b\"_ [\"c\"](/x 'd') `'e'` ~'f'~",
	} {
		f.Add(seed)
	}
	conv := newConverter(quotesES)
	f.Fuzz(func(t *testing.T, src string) {
		res, err := conv.Convert([]byte(src))
		if err != nil {
			t.Fatalf("Convert(%q): %v", src, err)
		}
		for _, ph := range []string{"\uE000", "\uE001"} {
			if bytes.Contains(res.HTML, []byte(ph)) && !bytes.Contains([]byte(src), []byte(ph)) {
				t.Fatalf("a single-quote placeholder reached the output of %q:\n%s", src, res.HTML)
			}
		}
	})
}
