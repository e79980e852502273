package reply

import (
	"fmt"
	"strings"

	"github.com/tact-guide/tact/internal/slug"
)

// header is what a reply's info string says.
type header struct {
	id, title, slug string
	channel         string // "" when absent: email
	subject         *attr  // nil when absent
}

// attr is one key=value of an info string.
type attr struct {
	key, val string
	start    int  // offset in the info string of the value's first byte
	quoted   bool // the value was in quotes, where \" and \\ are escapes
}

// offset returns the offset in info of the byte that gave a.val[k] (for an
// escape, the escaped byte), or just past the value for k = len(a.val). It
// is worked out again when an error needs it, rather than recorded for
// every byte of every value.
func (a attr) offset(info string, k int) int {
	i := a.start
	for n := 0; i < len(info); n++ {
		switch {
		case a.quoted && info[i] == '\\' && i+1 < len(info) && (info[i+1] == '"' || info[i+1] == '\\'):
			i++
		case a.quoted && info[i] == '"':
			return i + 1 // past the closing quote
		}
		if n == k {
			return i
		}
		i++
	}
	return i
}

// isReply reports whether an info string's first word is "reply".
func isReply(info string) bool {
	word, _, _ := strings.Cut(strings.TrimLeft(info, " \t"), " ")
	word, _, _ = strings.Cut(word, "\t")
	return word == "reply"
}

// parseHeader reads the attributes of info, which starts with "reply".
// It reports every problem it can find, but stops at the first one in the
// syntax of the attributes.
func parseHeader(info string) (header, []error) {
	var h header
	start := strings.Index(info, "reply") + len("reply")
	as, err := splitAttrs(info, start)
	if err != nil {
		return h, []error{err}
	}
	var errs []error
	seen := make(map[string]bool)
	for i := range as {
		a := &as[i]
		if seen[a.key] {
			errs = append(errs, fmt.Errorf("duplicate attribute %s", a.key))
			continue
		}
		seen[a.key] = true
		if a.val == "" {
			errs = append(errs, fmt.Errorf("empty %s", a.key))
			continue
		}
		switch a.key {
		case "id":
			h.id = a.val
		case "title":
			h.title = a.val
		case "slug":
			h.slug = a.val
		case "subject":
			h.subject = a
		case "channel":
			if _, ok := Channels[a.val]; !ok {
				errs = append(errs, fmt.Errorf("unknown channel %q: use %s", a.val, channelList()))
				continue
			}
			h.channel = a.val
		default:
			errs = append(errs, fmt.Errorf("unknown attribute %q", a.key))
			continue
		}
		if (a.key == "id" || a.key == "slug") && !slug.Valid(a.val) {
			errs = append(errs, fmt.Errorf("invalid %s %q: use lowercase letters and digits, words joined by single hyphens", a.key, a.val))
		}
	}
	for _, key := range []string{"id", "title"} {
		if !seen[key] {
			errs = append(errs, fmt.Errorf("missing %s", key))
		}
	}
	return h, errs
}

// splitAttrs splits info[i:] into key=value pairs.
func splitAttrs(info string, i int) ([]attr, error) {
	var as []attr
	for {
		for i < len(info) && isSpace(info[i]) {
			i++
		}
		if i == len(info) {
			return as, nil
		}
		start := i
		for i < len(info) && !isSpace(info[i]) && info[i] != '=' && info[i] != '"' {
			i++
		}
		key := info[start:i]
		if key == "" || i == len(info) || info[i] != '=' {
			word := info[start:]
			if n := strings.IndexAny(word, " \t"); n >= 0 {
				word = word[:n]
			}
			return nil, fmt.Errorf("expected key=value, found %q", word)
		}
		i++ // '='
		a := attr{key: key, start: i}
		if i < len(info) && info[i] == '"' {
			i++
			a.start, a.quoted = i, true
			var val []byte // only when the value has escapes; else a.val is a part of info
			for {
				if i == len(info) {
					return nil, fmt.Errorf("unterminated quoted value for %s", key)
				}
				c := info[i]
				if c == '"' {
					if val == nil {
						a.val = info[a.start:i]
					} else {
						a.val = string(val)
					}
					i++
					break
				}
				if c == '\\' && i+1 < len(info) && (info[i+1] == '"' || info[i+1] == '\\') {
					if val == nil {
						val = append(make([]byte, 0, 64), info[a.start:i]...)
					}
					i++
					c = info[i]
				} else if val == nil {
					i++
					continue
				}
				val = append(val, c)
				i++
			}
			if i < len(info) && !isSpace(info[i]) {
				return nil, fmt.Errorf("missing space after quoted value of %s", key)
			}
		} else {
			for i < len(info) && !isSpace(info[i]) {
				if info[i] == '"' {
					return nil, fmt.Errorf("unexpected quote in value of %s", key)
				}
				i++
			}
			a.val = info[a.start:i]
		}
		as = append(as, a)
	}
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' }

// Attrs returns the attributes of a reply block's info string, which
// starts with "reply", as key and value pairs in order, each value without
// its quotes and escapes: for tools that rewrite a block's header (package
// scaffold). Attr writes one back.
func Attrs(info string) ([][2]string, error) {
	if !isReply(info) {
		return nil, fmt.Errorf("not a reply block: its info string does not start with the word reply")
	}
	as, err := splitAttrs(info, strings.Index(info, "reply")+len("reply"))
	if err != nil {
		return nil, err
	}
	out := make([][2]string, len(as))
	for i, a := range as {
		out[i] = [2]string{a.key, a.val}
	}
	return out, nil
}

// Attr returns key=value as an info string writes it: the value in quotes,
// with \" and \\ escaped, unless it is a plain word.
func Attr(key, val string) string {
	if val != "" && !strings.ContainsAny(val, " \t\"\\") {
		return key + "=" + val
	}
	return key + `="` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(val) + `"`
}
