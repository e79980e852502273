package textdiff

import (
	"strings"
	"testing"
)

// show writes spans as git's --word-diff does: [-removed-]{+added+}.
func show(spans []Span) string {
	var b strings.Builder
	for _, s := range spans {
		switch s.Op {
		case Removed:
			b.WriteString("[-" + s.Text + "-]")
		case Added:
			b.WriteString("{+" + s.Text + "+}")
		default:
			b.WriteString(s.Text)
		}
	}
	return b.String()
}

func TestWords(t *testing.T) {
	for _, c := range []struct{ old, new, want string }{
		{"", "", ""},
		{"same", "same", "same"},
		{"Say yes warmly.", "Say yes kindly.", "Say yes [-warmly-]{+kindly+}."},
		{"Thank them.", "Thank them, then follow up.", "Thank them{+, then follow up+}."},
		{"un café", "un té", "un [-café-]{+té+}"},
		{"a\nb\n", "a\nc\n", "a\n[-b-]{+c+}\n"},
	} {
		if have := show(Words(c.old, c.new)); have != c.want {
			t.Errorf("Words(%q, %q)\nhave %q\nwant %q", c.old, c.new, have, c.want)
		}
	}
}

func TestHunks(t *testing.T) {
	var lines []string
	for i := range 20 {
		lines = append(lines, "line "+string(rune('a'+i)))
	}
	old := strings.Join(lines, "\n") + "\n"
	lines[3] = "line d, changed"
	lines[17] = "line r, changed"
	lines = append(lines[:10], lines[11:]...) // line k removed
	new := strings.Join(lines, "\n") + "\n"
	hunks := Hunks(old, new)
	var have []string
	for _, h := range hunks {
		have = append(have, show(h.Spans))
	}
	want := []string{
		"line b\nline c\nline d{+, changed+}\nline e\nline f\n",
		"line i\nline j\n[-line k\n-]line l\nline m\n",
		"line p\nline q\nline r{+, changed+}\nline s\nline t\n",
	}
	if strings.Join(have, "…") != strings.Join(want, "…") {
		t.Errorf("have\n%q\nwant\n%q", have, want)
	}
	if hunks[0].Line != 2 || hunks[1].Line != 9 {
		t.Errorf("hunks start at lines %d and %d, want 2 and 9", hunks[0].Line, hunks[1].Line)
	}
	// Paragraphs: the blank lines at a hunk's ends are left out.
	paras := "One.\n\nTwo.\n\nThree.\n\nFour.\n"
	hunks = Hunks(paras, strings.Replace(paras, "Three.", "Three, again.", 1))
	if len(hunks) != 1 || show(hunks[0].Spans) != "Two.\n\nThree{+, again+}.\n\nFour.\n" || hunks[0].Line != 3 {
		t.Errorf("paragraphs: %+v", hunks)
	}
	if Hunks(old, old) != nil {
		t.Error("equal texts have hunks")
	}
}
