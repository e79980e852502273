package markdown_test

import (
	"strings"
	"testing"
)

func TestTables(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want string
	}{
		{
			"header, alignments and rows",
			"| Move | Cost | When |\n| :--- | ---: | :--: |\n| Accept | low | now |\n| Decline | none | later |",
			`<table>
<thead>
<tr>
<th class="align-left">Move</th>
<th class="align-right">Cost</th>
<th class="align-center">When</th>
</tr>
</thead>
<tbody>
<tr>
<td class="align-left">Accept</td>
<td class="align-right">low</td>
<td class="align-center">now</td>
</tr>
<tr>
<td class="align-left">Decline</td>
<td class="align-right">none</td>
<td class="align-center">later</td>
</tr>
</tbody>
</table>
`,
		},
		{
			"no pipes at the ends, inline Markdown in cells, typography",
			"a | b\n--|--\n*yes* | \"no\"",
			"<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td><em>yes</em></td>\n<td>“no”</td>\n</tr>\n</tbody>\n</table>\n",
		},
		{
			"short rows get empty cells, long rows lose the extra ones",
			"| a | b |\n|---|---|\n| 1 |\n| 1 | 2 | 3 |",
			"<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td></td>\n</tr>\n<tr>\n<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table>\n",
		},
		{
			"an escaped pipe, in text and in code",
			"| expr | means |\n|---|---|\n| `a \\| b` | a or b \\| c |",
			"<table>\n<thead>\n<tr>\n<th>expr</th>\n<th>means</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td><code>a | b</code></td>\n<td>a or b | c</td>\n</tr>\n</tbody>\n</table>\n",
		},
		{
			"a header without body rows",
			"| a |\n| - |",
			"<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n</table>\n",
		},
		{
			"lines before the header stay a paragraph",
			"Costs:\n| a | b |\n|---|---|\n| 1 | 2 |",
			"<p>Costs:</p>\n<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table>\n",
		},
		{
			"a delimiter row needs dashes",
			"| a | b |\n| : | x |",
			"<p>| a | b |\n| : | x |</p>\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := convert(t, newConverter(quotesEN), tt.src)
			if have := string(res.HTML); have != tt.want {
				t.Errorf("input:\n%s\nhave:\n%s\nwant:\n%s", tt.src, have, tt.want)
			}
		})
	}
}

// The pages' Content-Security-Policy has no 'unsafe-inline' for styles: a
// style attribute would be ignored, and the alignment lost.
func TestTableAlignmentNeedsNoStyleAttribute(t *testing.T) {
	res := convert(t, newConverter(quotesEN), "| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |")
	if strings.Contains(string(res.HTML), "style=") {
		t.Errorf("a table cell has a style attribute:\n%s", res.HTML)
	}
}

func TestStrikethrough(t *testing.T) {
	tests := []struct{ src, want string }{
		{"Send it ~~tomorrow~~ today.", "<p>Send it <del>tomorrow</del> today.</p>\n"},
		{"Send it ~tomorrow~ today.", "<p>Send it <del>tomorrow</del> today.</p>\n"},
		{"Three ~~~tildes~~~ are text.", "<p>Three ~~~tildes~~~ are text.</p>\n"},
		{"In code `~~x~~` it is text.", "<p>In code <code>~~x~~</code> it is text.</p>\n"},
	}
	for _, tt := range tests {
		res := convert(t, newConverter(quotesEN), tt.src)
		if have := string(res.HTML); have != tt.want {
			t.Errorf("input: %s\nhave %q\nwant %q", tt.src, have, tt.want)
		}
	}
}
