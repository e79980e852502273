// Package textdiff shows a translator what changed in a source text since
// a translation was made from it: the changed lines, with a little
// unchanged text around them, diffed word by word.
//
// The differences come from github.com/sergi/go-diff (Myers' algorithm
// with its semantic clean-up, which merges the scattered one-word
// matches a plain shortest edit script is full of), run on lines and
// then, inside each changed stretch, on words: Tact's paragraphs are
// single long lines, where a line diff alone would show a whole
// paragraph removed and added again for one changed word. It runs
// without go-diff's time limit, so the same texts always give the same
// result.
package textdiff

import (
	"strings"
	"unicode"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// Op says whether a span of text is in both versions, only the old one or
// only the new one.
type Op int8

const (
	Same    Op = iota // unchanged
	Removed           // only in the old version
	Added             // only in the new version
)

// Span is a piece of text with what happened to it.
type Span struct {
	Op   Op
	Text string
}

// Removed and Added say what happened to the span (for templates).
func (s Span) Removed() bool { return s.Op == Removed }
func (s Span) Added() bool   { return s.Op == Added }

// Hunk is a stretch of changed lines with up to Context unchanged lines
// on either side, as spans.
type Hunk struct {
	Line  int // the hunk's first line in the new version, from 1
	Spans []Span
}

// Context is how many unchanged lines a hunk shows on either side of a
// change: in Markdown whose paragraphs are single lines, the blank line and
// the paragraph next to it. Blank lines at a hunk's ends are left out.
const Context = 2

func differ() *diffmatchpatch.DiffMatchPatch {
	d := diffmatchpatch.New()
	d.DiffTimeout = 0 // (a deadline would make the result depend on the machine's speed)
	return d
}

type line struct {
	op   Op
	text string
}

// Hunks returns what changed from old to new, nil when nothing did.
func Hunks(old, new string) []Hunk {
	if old == new {
		return nil
	}
	d := differ()
	a, b, table := d.DiffLinesToRunes(old, new)
	var lines []line
	for _, df := range d.DiffCharsToLines(d.DiffMainRunes(a, b, false), table) {
		for _, l := range strings.SplitAfter(df.Text, "\n") {
			if l != "" {
				lines = append(lines, line{op(df.Type), l})
			}
		}
	}
	var hunks []Hunk
	newLine := 1 // of lines[i] in the new version
	lineAt := make([]int, len(lines))
	for i, l := range lines {
		lineAt[i] = newLine
		if l.op != Removed {
			newLine++
		}
	}
	for i := 0; i < len(lines); {
		if lines[i].op == Same {
			i++
			continue
		}
		start := max(0, i-Context)
		end := i // one past the last changed line of the hunk
		for j := i; j < len(lines); j++ {
			if lines[j].op != Same {
				end = j + 1
			} else if j-end >= 2*Context {
				break
			}
		}
		stop := min(len(lines), end+Context)
		for start < i && lines[start].text == "\n" { // (blank lines are no context)
			start++
		}
		for stop > end && lines[stop-1].text == "\n" {
			stop--
		}
		hunks = append(hunks, Hunk{Line: lineAt[start], Spans: spans(lines[start:stop])})
		i = stop
	}
	return hunks
}

// spans returns a hunk's lines as spans: unchanged lines as they are,
// lines only removed or only added whole, and removed lines followed by
// added ones (a changed paragraph) word by word.
func spans(lines []line) []Span {
	var out []Span
	add := func(s Span) {
		if n := len(out); n > 0 && out[n-1].Op == s.Op {
			out[n-1].Text += s.Text
		} else if s.Text != "" {
			out = append(out, s)
		}
	}
	for i := 0; i < len(lines); {
		var o, n strings.Builder
		j := i
		for ; j < len(lines) && lines[j].op == lines[i].op; j++ {
			o.WriteString(lines[j].text)
		}
		if lines[i].op != Removed || j == len(lines) || lines[j].op != Added {
			add(Span{lines[i].op, o.String()})
			i = j
			continue
		}
		for ; j < len(lines) && lines[j].op == Added; j++ {
			n.WriteString(lines[j].text)
		}
		for _, s := range Words(o.String(), n.String()) {
			add(s)
		}
		i = j
	}
	return out
}

func op(t diffmatchpatch.Operation) Op {
	switch t {
	case diffmatchpatch.DiffDelete:
		return Removed
	case diffmatchpatch.DiffInsert:
		return Added
	}
	return Same
}

// Words returns the spans that turn old into new, word by word: a word,
// a run of spaces, a line break or a punctuation mark changes as a whole.
func Words(old, new string) []Span {
	if old == new {
		if old == "" {
			return nil
		}
		return []Span{{Same, old}}
	}
	// Each distinct token becomes one rune, for go-diff to compare.
	var tokens []string
	ids := map[string]rune{}
	encode := func(s string) []rune {
		var rs []rune
		for _, t := range tokenize(s) {
			r, ok := ids[t]
			if !ok {
				r = firstToken + rune(len(tokens))
				ids[t] = r
				tokens = append(tokens, t)
			}
			rs = append(rs, r)
		}
		return rs
	}
	a, b := encode(old), encode(new)
	if len(tokens) > maxTokens {
		return []Span{{Removed, old}, {Added, new}}
	}
	d := differ()
	diffs := d.DiffCleanupSemantic(d.DiffMainRunes(a, b, false))
	spans := make([]Span, 0, len(diffs))
	for _, df := range diffs {
		var t strings.Builder
		for _, r := range df.Text {
			t.WriteString(tokens[r-firstToken])
		}
		if n := len(spans); n > 0 && spans[n-1].Op == op(df.Type) {
			spans[n-1].Text += t.String()
			continue
		}
		spans = append(spans, Span{op(df.Type), t.String()})
	}
	return spans
}

// Tokens are numbered from the first rune past the Basic Multilingual
// Plane, which leaves room for a million distinct tokens.
const (
	firstToken = 0x10000
	maxTokens  = unicode.MaxRune - firstToken
)

// tokenize splits s into words (letters, digits and the marks on them),
// runs of spaces, and single other characters.
func tokenize(s string) []string {
	var out []string
	class := func(r rune) int {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
			return 1
		case r == ' ' || r == '\t':
			return 2
		}
		return 0
	}
	start := 0
	prev := -1
	for i, r := range s {
		c := class(r)
		if i > start && (c != prev || c == 0) {
			out = append(out, s[start:i])
			start = i
		}
		prev = c
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}
