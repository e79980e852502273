package reply

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

func lit(s string) Segment { return Segment{Text: s} }
func ph(s string) Segment  { return Segment{Text: s, Placeholder: true} }

// show formats segments for failure messages: literals quoted, placeholders bare.
func show(segs []Segment) string {
	if segs == nil {
		return "nil"
	}
	var b strings.Builder
	b.WriteString("[")
	for i, s := range segs {
		if i > 0 {
			b.WriteString(" ")
		}
		if s.Placeholder {
			fmt.Fprintf(&b, "((%s))", s.Text)
		} else {
			fmt.Fprintf(&b, "%q", s.Text)
		}
	}
	b.WriteString("]")
	return b.String()
}

func TestParsePlaceholders(t *testing.T) {
	tests := []struct {
		in   string
		want []Segment
	}{
		{"", nil},
		{"Hello there", []Segment{lit("Hello there")}},
		{"Hi ((name)),", []Segment{lit("Hi "), ph("name"), lit(",")}},
		{"((name))", []Segment{ph("name")}},
		{"((a)) and ((a))", []Segment{ph("a"), lit(" and "), ph("a")}},
		{"((a)) ((b))", []Segment{ph("a"), lit(" "), ph("b")}},
		{"((a))((b))", []Segment{ph("a"), ph("b")}},
		{"((  a b\t))", []Segment{ph("a b")}},
		{"(see above)", []Segment{lit("(see above)")}},
		{"a) b (c", []Segment{lit("a) b (c")}},
		{"(call ((name)))", []Segment{lit("(call "), ph("name"), lit(")")}},
		{"Hola ((nombre de quién)), ¿qué tal?", []Segment{lit("Hola "), ph("nombre de quién"), lit(", ¿qué tal?")}},
		{"((contact's name))", []Segment{ph("contact's name")}},
		{"line one\n((a))\nline three\n", []Segment{lit("line one\n"), ph("a"), lit("\nline three\n")}},
		{"<b>((x & y))</b>", []Segment{lit("<b>"), ph("x & y"), lit("</b>")}},
	}
	for _, tt := range tests {
		have, err := ParsePlaceholders(tt.in)
		if err != nil {
			t.Errorf("ParsePlaceholders(%q): unexpected error %v", tt.in, err)
			continue
		}
		if !reflect.DeepEqual(have, tt.want) {
			t.Errorf("ParsePlaceholders(%q)\nhave %s\nwant %s", tt.in, show(have), show(tt.want))
		}
	}
}

func TestParsePlaceholdersErrors(t *testing.T) {
	tests := []struct {
		in     string
		offset int
		msg    string
	}{
		{"(((x)))", 2, "placeholder cannot contain parentheses"},
		{"((a (b) c))", 4, "placeholder cannot contain parentheses"},
		{"((a) b))", 3, "placeholder cannot contain parentheses"},
		{"(( ( ))", 3, "placeholder cannot contain parentheses"},
		{"((a", 0, "unclosed placeholder"},
		{"Hi ((a\nb))", 3, "unclosed placeholder"},
		{"ok\n((a", 3, "unclosed placeholder"},
		{"((a)) ((b", 6, "unclosed placeholder"},
		{"a)) b", 1, "stray '))'"},
		{"((a)) b))", 7, "stray '))'"},
		{"))", 0, "stray '))'"},
		{"(( ))", 0, "empty placeholder"},
		{"(())", 0, "empty placeholder"},
		{"x ((\t))", 2, "empty placeholder"},
		// Offsets count bytes, not runes: "¿Qué? " is 8 bytes.
		{"¿Qué? ((a", 8, "unclosed placeholder"},
		{"((quién)) ))", 11, "stray '))'"},
	}
	for _, tt := range tests {
		have, err := ParsePlaceholders(tt.in)
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("ParsePlaceholders(%q) = %s, %v; want *SyntaxError %q", tt.in, show(have), err, tt.msg)
			continue
		}
		if se.Offset != tt.offset || se.Msg != tt.msg || se.Error() != tt.msg {
			t.Errorf("ParsePlaceholders(%q)\nhave error at %d: %s\nwant error at %d: %s", tt.in, se.Offset, se.Msg, tt.offset, tt.msg)
		}
		if have != nil {
			t.Errorf("ParsePlaceholders(%q) returned segments %s with an error", tt.in, show(have))
		}
	}
}

func TestNames(t *testing.T) {
	tests := []struct {
		in   []string
		want []string
	}{
		{nil, nil},
		{[]string{"no placeholders"}, nil},
		{[]string{"((a)) ((b)) ((a))"}, []string{"a", "b"}},
		{[]string{"((b))", "((a)) then ((b))"}, []string{"b", "a"}},
		{[]string{"", "((x))"}, []string{"x"}},
		{[]string{"((nombre de quién)) y (( nombre de quién ))"}, []string{"nombre de quién"}},
	}
	for _, tt := range tests {
		var segs [][]Segment
		for _, s := range tt.in {
			ss, err := ParsePlaceholders(s)
			if err != nil {
				t.Fatalf("ParsePlaceholders(%q): %v", s, err)
			}
			segs = append(segs, ss)
		}
		if have := Names(segs...); !reflect.DeepEqual(have, tt.want) {
			t.Errorf("Names(%q)\nhave %q\nwant %q", tt.in, have, tt.want)
		}
	}
}

func TestPlain(t *testing.T) {
	segs := []Segment{lit("Hi "), ph("name"), lit(", meet "), ph("other"), lit(" and ((")}
	if have, want := Plain(segs, nil), "Hi ((name)), meet ((other)) and (("; have != want {
		t.Errorf("Plain(%s, nil)\nhave %q\nwant %q", show(segs), have, want)
	}
	fill := func(name string) string { return strings.ToUpper(name) }
	if have, want := Plain(segs, fill), "Hi NAME, meet OTHER and (("; have != want {
		t.Errorf("Plain(%s, upper)\nhave %q\nwant %q", show(segs), have, want)
	}
	if have := Plain(nil, fill); have != "" {
		t.Errorf("Plain(nil, upper) = %q, want \"\"", have)
	}
}

// A text written in the canonical form comes back unchanged.
func TestPlainRoundTrip(t *testing.T) {
	for _, s := range []string{
		"",
		"Hi ((name)),\n\nThanks (really) for ((what you did)).\n",
		"((a))((b)) ((a))",
	} {
		segs, err := ParsePlaceholders(s)
		if err != nil {
			t.Fatalf("ParsePlaceholders(%q): %v", s, err)
		}
		if have := Plain(segs, nil); have != s {
			t.Errorf("Plain(ParsePlaceholders(%q))\nhave %q\nwant %q", s, have, s)
		}
	}
}
