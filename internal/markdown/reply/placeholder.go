package reply

import (
	"strings"
)

// Segment is a run of literal text or a placeholder.
type Segment struct {
	Text        string // literal text, or the placeholder's name (trimmed, without the parentheses)
	Placeholder bool
}

// SyntaxError is a malformed placeholder.
type SyntaxError struct {
	Offset int    // byte offset of the problem in the parsed text
	Msg    string // what is wrong, e.g. "unclosed placeholder"
}

func (e *SyntaxError) Error() string { return e.Msg }

// ParsePlaceholders splits s into literal text and ((placeholders)).
// Adjacent literal text is one segment; an empty s gives no segments.
// The error, if any, is a *SyntaxError for the first problem, whose Offset
// is the byte offset in s; the segments are then nil.
func ParsePlaceholders(s string) ([]Segment, error) {
	var segs []Segment
	lit := 0 // start of the pending literal text
	for i := 0; i < len(s); {
		switch {
		case strings.HasPrefix(s[i:], "(("):
			end := strings.IndexByte(s[i:], '\n')
			if end < 0 {
				end = len(s)
			} else {
				end += i
			}
			j := strings.Index(s[i+2:end], "))")
			if j < 0 {
				return nil, &SyntaxError{i, "unclosed placeholder"}
			}
			inner := s[i+2 : i+2+j]
			if k := strings.IndexAny(inner, "()"); k >= 0 {
				return nil, &SyntaxError{i + 2 + k, "placeholder cannot contain parentheses"}
			}
			name := strings.TrimSpace(inner)
			if name == "" {
				return nil, &SyntaxError{i, "empty placeholder"}
			}
			if lit < i {
				segs = append(segs, Segment{Text: s[lit:i]})
			}
			segs = append(segs, Segment{Text: name, Placeholder: true})
			i += 2 + j + 2
			lit = i
		case strings.HasPrefix(s[i:], "))"):
			return nil, &SyntaxError{i, "stray '))'"}
		default:
			i++
		}
	}
	if lit < len(s) {
		segs = append(segs, Segment{Text: s[lit:]})
	}
	return segs, nil
}

// Names returns the distinct placeholder names in segs, in order of first
// appearance. Pass a subject and a body together to number them as one.
func Names(segs ...[]Segment) []string {
	var names []string
	seen := make(map[string]bool)
	for _, ss := range segs {
		for _, s := range ss {
			if s.Placeholder && !seen[s.Text] {
				seen[s.Text] = true
				names = append(names, s.Text)
			}
		}
	}
	return names
}

// Plain renders segs back to text, replacing each placeholder by
// fill(name), or by "((name))" when fill is nil.
func Plain(segs []Segment, fill func(name string) string) string {
	var b strings.Builder
	for _, s := range segs {
		switch {
		case !s.Placeholder:
			b.WriteString(s.Text)
		case fill != nil:
			b.WriteString(fill(s.Text))
		default:
			b.WriteString("((" + s.Text + "))")
		}
	}
	return b.String()
}
