package reply

import (
	"reflect"
	"testing"
)

func TestIsReply(t *testing.T) {
	tests := []struct {
		info string
		want bool
	}{
		{"reply", true},
		{"reply id=a title=b", true},
		{"reply\tid=a", true},
		{"go", false},
		{"replyx id=a", false},
		{"Reply id=a", false},
		{"reply-template", false},
		{"text reply", false},
		{"", false},
	}
	for _, tt := range tests {
		if have := isReply(tt.info); have != tt.want {
			t.Errorf("isReply(%q) = %v, want %v", tt.info, have, tt.want)
		}
	}
}

func TestParseHeader(t *testing.T) {
	type want struct {
		id, title, slug string
		subject         *string // nil: no subject
	}
	str := func(s string) *string { return &s }
	tests := []struct {
		info string
		want want
	}{
		{`reply id=a title=b`, want{id: "a", title: "b"}},
		{`reply id=accept-later title="Thank them and suggest a date"`,
			want{id: "accept-later", title: "Thank them and suggest a date"}},
		{`reply title="say \"hi\" \\ bye" id=x1`, want{id: "x1", title: `say "hi" \ bye`}},
		{`reply id=a title="C:\path\to"`, want{id: "a", title: `C:\path\to`}},
		{"reply\tid=a\t title=b  ", want{id: "a", title: "b"}},
		{`reply id=a title=b slug=my-slug subject="Hello ((name))"`,
			want{id: "a", title: "b", slug: "my-slug", subject: str("Hello ((name))")}},
		{`reply id=2-no title=¿Cómo? subject=x`, want{id: "2-no", title: "¿Cómo?", subject: str("x")}},
	}
	for _, tt := range tests {
		h, errs := parseHeader(tt.info)
		if len(errs) > 0 {
			t.Errorf("parseHeader(%q): unexpected errors %q", tt.info, errs)
			continue
		}
		have := want{id: h.id, title: h.title, slug: h.slug}
		if h.subject != nil {
			have.subject = &h.subject.val
		}
		if !reflect.DeepEqual(have, tt.want) {
			t.Errorf("parseHeader(%q)\nhave %+v (subject %v)\nwant %+v (subject %v)",
				tt.info, have, deref(have.subject), tt.want, deref(tt.want.subject))
		}
	}
}

func deref(s *string) string {
	if s == nil {
		return "<none>"
	}
	return *s
}

func TestParseHeaderErrors(t *testing.T) {
	const invalid = ": use lowercase letters and digits, words joined by single hyphens"
	tests := []struct {
		info string
		want []string
	}{
		{`reply`, []string{"missing id", "missing title"}},
		{`reply title=b`, []string{"missing id"}},
		{`reply id=a`, []string{"missing title"}},
		{`reply id=a title=b color=red`, []string{`unknown attribute "color"`}},
		{`reply id=a title=b channel=fax`, []string{`unknown channel "fax": use chat, email, linkedin`}},
		{`reply id=a title=b ID=c`, []string{`unknown attribute "ID"`}},
		{`reply id=a id=b title=c`, []string{"duplicate attribute id"}},
		{`reply id=a title=b title=b`, []string{"duplicate attribute title"}},
		{`reply id=Accept title=b`, []string{`invalid id "Accept"` + invalid}},
		{`reply id=a--b title=b`, []string{`invalid id "a--b"` + invalid}},
		{`reply id=-a title=b`, []string{`invalid id "-a"` + invalid}},
		{`reply id="a b" title=b`, []string{`invalid id "a b"` + invalid}},
		{`reply id=a title=b slug=A_B`, []string{`invalid slug "A_B"` + invalid}},
		{`reply id=a title=""`, []string{"empty title"}},
		{`reply id=a title=`, []string{"empty title"}},
		{`reply id=a title=b subject=""`, []string{"empty subject"}},
		{`reply id=a title="abc`, []string{"unterminated quoted value for title"}},
		{`reply id=a title="abc\"`, []string{"unterminated quoted value for title"}},
		{`reply id=a title="a"b`, []string{"missing space after quoted value of title"}},
		{`reply id=a title=a"b"`, []string{"unexpected quote in value of title"}},
		{`reply draft id=a title=b`, []string{`expected key=value, found "draft"`}},
		{`reply id=a title=b =c`, []string{`expected key=value, found "=c"`}},
		{`reply "id"=a title=b`, []string{`expected key=value, found "\"id\"=a"`}},
		// Every problem with the attributes is reported, not only the first.
		{`reply id=B color=red id=c`, []string{
			`invalid id "B"` + invalid, `unknown attribute "color"`, "duplicate attribute id", "missing title"}},
	}
	for _, tt := range tests {
		_, errs := parseHeader(tt.info)
		var have []string
		for _, err := range errs {
			have = append(have, err.Error())
		}
		if !reflect.DeepEqual(have, tt.want) {
			t.Errorf("parseHeader(%q) errors\nhave %q\nwant %q", tt.info, have, tt.want)
		}
	}
}

// Each byte of a value can be traced to where it came from in the info string, so that
// a placeholder error in a subject can point into the source.
func TestAttrPositions(t *testing.T) {
	const info = `reply id=a subject="\"Re\" ((x" title=t`
	h, errs := parseHeader(info)
	if len(errs) > 0 {
		t.Fatalf("parseHeader(%q): %q", info, errs)
	}
	s := h.subject
	if s == nil || s.val != `"Re" ((x` {
		t.Fatalf("parseHeader(%q): subject = %+v", info, s)
	}
	for i := range len(s.val) {
		if have := info[s.offset(info, i)]; have != s.val[i] {
			t.Errorf("subject byte %d is %q, but offset %d holds %q", i, s.val[i], s.offset(info, i), have)
		}
	}
	if end := s.offset(info, len(s.val)); info[end-1] != '"' {
		t.Errorf("end of the subject at %d, not just past the closing quote", end)
	}
}

// Attrs reads what Attr writes: a tool rewriting a reply's header keeps
// every value as it was.
func TestAttrsRoundTrip(t *testing.T) {
	want := [][2]string{{"id", "a-1"}, {"title", `Say "yes" \ no`}, {"subject", "Hi ((name))"}, {"slug", "x"}, {"channel", "linkedin"}}
	info := "reply"
	for _, a := range want {
		info += " " + Attr(a[0], a[1])
	}
	if info != `reply id=a-1 title="Say \"yes\" \\ no" subject="Hi ((name))" slug=x channel=linkedin` {
		t.Errorf("written as %s", info)
	}
	got, err := Attrs(info)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("Attrs(%s) = %q, %v; want %q", info, got, err, want)
	}
	if _, err := Attrs("go"); err == nil {
		t.Errorf("Attrs of a code block's info string: no error")
	}
	if _, err := Attrs(`reply title="open`); err == nil {
		t.Errorf("Attrs of an unterminated value: no error")
	}
}
