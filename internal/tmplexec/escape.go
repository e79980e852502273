package tmplexec

import (
	"fmt"
	"html/template"
	"reflect"
	"strings"
)

// An escaper is one of html/template's context escapers, for the values it
// takes as they are: it returns errUnsupported for the others.
type escaper func(v reflect.Value) (string, error)

// escapers maps the names html/template gives its escapers in escaped trees
// to their equivalents here. A tree using any other is not compiled.
var escapers = map[string]escaper{
	"_html_template_htmlescaper":   htmlEscaper,
	"_html_template_attrescaper":   attrEscaper,
	"_html_template_rcdataescaper": attrEscaper, // the same for the values taken here
	"_html_template_urlfilter":     urlFilter,
	"_html_template_urlnormalizer": urlNormalizer,
	"_html_template_urlescaper":    urlEscaper,
	"_html_template_jsvalescaper":  jsValEscaper,
}

var (
	htmlType = reflect.TypeFor[template.HTML]()
	urlType  = reflect.TypeFor[template.URL]()
	jsType   = reflect.TypeFor[template.JS]()
)

// stringify returns what html/template's escapers see of v: its text and
// its type when it is one of the string kinds. Booleans and numbers are
// printed as fmt.Sprint prints them, like html/template does; nil and
// anything else are unsupported.
func stringify(v reflect.Value) (string, reflect.Type, error) {
	for v.IsValid() && (v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface) && !v.IsNil() {
		if v.Type().Implements(stringerType) || v.Type().Implements(errorType) {
			return "", nil, errUnsupported // html/template stops here and calls the method
		}
		v = v.Elem()
	}
	if !v.IsValid() {
		return "", nil, errUnsupported
	}
	switch v.Kind() {
	case reflect.String:
		if v.Type().PkgPath() != "" && v.Type().PkgPath() != "html/template" && (v.Type().Implements(stringerType) || v.Type().Implements(errorType) || v.Type().Implements(formatterType)) {
			return "", nil, errUnsupported // printed with its String, Error or Format method
		}
		return v.String(), v.Type(), nil
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64:
		if v.Type().Implements(stringerType) || v.Type().Implements(errorType) {
			return "", nil, errUnsupported
		}
		return fmt.Sprint(v.Interface()), v.Type(), nil
	}
	return "", nil, errUnsupported
}

var (
	stringerType  = reflect.TypeFor[fmt.Stringer]()
	errorType     = reflect.TypeFor[error]()
	formatterType = reflect.TypeFor[fmt.Formatter]()
)

// htmlEscaper escapes for HTML text; template.HTML is printed as it is.
func htmlEscaper(v reflect.Value) (string, error) {
	s, t, err := stringify(v)
	if err != nil || t == htmlType {
		return s, err
	}
	return escapeHTML(s), nil
}

// attrEscaper escapes for a quoted attribute value, and for the text of
// <title> and <textarea> (RCDATA). (html/template strips the tags of
// template.HTML in attributes and escapes it differently in RCDATA: not
// done here.)
func attrEscaper(v reflect.Value) (string, error) {
	s, t, err := stringify(v)
	if err != nil {
		return "", err
	}
	if t == htmlType {
		return "", errUnsupported
	}
	return escapeHTML(s), nil
}

// escapeHTML replaces what html/template replaces in text and quoted
// attributes: NUL, the quotes, &, +, < and >. (Its table is indexed by
// rune, and all of these are ASCII, so a byte loop finds the same ones.)
func escapeHTML(s string) string {
	var b strings.Builder
	written := 0
	for i := 0; i < len(s); i++ {
		if !htmlSpecial[s[i]] {
			continue
		}
		var repl string
		switch s[i] {
		case 0:
			repl = "\uFFFD"
		case '"':
			repl = "&#34;"
		case '&':
			repl = "&amp;"
		case '\'':
			repl = "&#39;"
		case '+':
			repl = "&#43;"
		case '<':
			repl = "&lt;"
		case '>':
			repl = "&gt;"
		}
		if written == 0 {
			b.Grow(len(s) + 16)
		}
		b.WriteString(s[written:i])
		b.WriteString(repl)
		written = i + 1
	}
	if written == 0 {
		return s
	}
	b.WriteString(s[written:])
	return b.String()
}

// htmlSpecial marks the bytes escapeHTML replaces: most text has none, and
// a table lookup per byte finds that sooner than a switch.
var htmlSpecial = [256]bool{0: true, '"': true, '&': true, '\'': true, '+': true, '<': true, '>': true}

// urlFilter replaces a URL whose scheme is not http, https or mailto with
// "#ZgotmplZ"; template.URL passes as it is.
func urlFilter(v reflect.Value) (string, error) {
	s, t, err := stringify(v)
	if err != nil || t == urlType {
		return s, err
	}
	if protocol, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(protocol, "/") {
		if !strings.EqualFold(protocol, "http") && !strings.EqualFold(protocol, "https") && !strings.EqualFold(protocol, "mailto") {
			return "#ZgotmplZ", nil
		}
	}
	return s, nil
}

// urlNormalizer percent-encodes what may not appear in a URL, keeping its
// structure and valid escapes.
func urlNormalizer(v reflect.Value) (string, error) {
	s, _, err := stringify(v)
	return processURL(s, true), err
}

// urlEscaper percent-encodes a URL part (template.URL is only normalized).
func urlEscaper(v reflect.Value) (string, error) {
	s, t, err := stringify(v)
	return processURL(s, t == urlType), err
}

const lowerHex = "0123456789abcdef"

// processURL percent-encodes every byte that is not unreserved in RFC 3986;
// normalizing keeps reserved characters and existing escapes too.
func processURL(s string, norm bool) string {
	var b strings.Builder
	written := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '-', c == '.', c == '_', c == '~':
			continue
		case strings.IndexByte("!#$&*+,/:;=?@[]", c) >= 0:
			if norm {
				continue
			}
		case c == '%':
			if norm && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
				continue
			}
		}
		if written == 0 {
			b.Grow(len(s) + 16)
		}
		b.WriteString(s[written:i])
		b.WriteByte('%')
		b.WriteByte(lowerHex[c>>4])
		b.WriteByte(lowerHex[c&15])
		written = i + 1
	}
	if written == 0 {
		return s
	}
	b.WriteString(s[written:])
	return b.String()
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// jsValEscaper prints template.JS as it is, and any other value as
// html/template's own escaper prints it in a script (JSON, mostly).
func jsValEscaper(v reflect.Value) (string, error) {
	orig := v
	for v.IsValid() && (v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface) && !v.IsNil() {
		v = v.Elem()
	}
	if v.IsValid() && v.Type() == jsType {
		return v.String(), nil
	}
	var data any // nil, as text/template passes a missing value
	if orig.IsValid() {
		if !orig.CanInterface() {
			return "", errUnsupported
		}
		data = orig.Interface()
	}
	var b strings.Builder
	if err := jsValTemplate.Execute(&b, data); err != nil {
		return "", errUnsupported
	}
	s, ok := strings.CutPrefix(b.String(), jsValOpen)
	if s, ok2 := strings.CutSuffix(s, jsValClose); ok && ok2 {
		return s, nil
	}
	return "", errUnsupported
}

// jsValTemplate prints its data with html/template's JavaScript value
// escaper, between jsValOpen and jsValClose.
var jsValTemplate = template.Must(template.New("jsval").Parse(jsValOpen + "{{.}}" + jsValClose))

const (
	jsValOpen  = "<script>"
	jsValClose = "</script>"
)
