package scaffold

import (
	"regexp"
	"strings"

	"github.com/tact-guide/tact/internal/markdown/reply"
)

// Block starts, by what a line begins with (after its indentation and any
// quote markers).
var (
	heading    = regexp.MustCompile(`^#{1,6}(?:[ \t]+|$)`)
	listItem   = regexp.MustCompile(`^(?:[-*+]|[0-9]{1,9}[.)])[ \t]+`)
	ruleLine   = regexp.MustCompile(`^(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|=+[ \t]*)$`)
	tableDelim = regexp.MustCompile(`^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$`)
	linkDef    = regexp.MustCompile(`^\[[^\]]+\]:`)
	fenceOpen  = regexp.MustCompile("^ {0,3}(`{3,}|~{3,})(.*)$")
)

// markBody returns an article's Markdown body with each passage to
// translate marked (see the package doc): the first line of every
// paragraph, heading, list item and table row, the title and subject of
// every reply and the first line of its message. Everything else, and
// every line break, is kept.
func markBody(body string) string {
	var out strings.Builder
	var fence string // the fence of the open code block, "" outside one
	inReply, first := false, false
	start := true // the next line starts a block
	for _, line := range strings.SplitAfter(body, "\n") {
		text := strings.TrimSuffix(line, "\n")
		nl := line[len(text):]
		switch {
		case fence != "":
			if closes(text, fence) {
				fence, start = "", true
			} else if inReply && first && strings.TrimSpace(text) != "" {
				text, first = insert(text, indent(text)), false
			}
		case fenceOpen.MatchString(text):
			m := fenceOpen.FindStringSubmatch(text)
			fence = m[1]
			inReply = strings.HasPrefix(strings.TrimLeft(m[2], " \t"), "reply")
			if inReply {
				text, first = text[:len(text)-len(m[2])]+replyHeader(m[2]), true
			}
		case strings.TrimSpace(text) == "":
			start = true
		default:
			text, start = markLine(text, start)
		}
		out.WriteString(text + nl)
	}
	return out.String()
}

// markLine marks a line outside code blocks when it starts a passage, and
// reports whether the line after it starts a block.
func markLine(text string, start bool) (string, bool) {
	i := indent(text)
	for i < len(text) && text[i] == '>' { // quote markers
		i++
		if i < len(text) && text[i] == ' ' {
			i++
		}
		i += indent(text[i:])
	}
	rest := text[i:]
	switch {
	case strings.TrimSpace(rest) == "": // a blank line of a quote
		return text, true
	case heading.MatchString(rest):
		return insert(text, i+len(heading.FindString(rest))), true
	case ruleLine.MatchString(rest) || linkDef.MatchString(rest):
		return text, true
	case tableDelim.MatchString(rest) && strings.Contains(rest, "-"):
		return text, false
	case strings.HasPrefix(rest, "|"):
		return insert(text, i+1+indent(rest[1:])), false
	case listItem.MatchString(rest):
		return insert(text, i+len(listItem.FindString(rest))), false
	case start:
		return insert(text, i), false
	}
	return text, false
}

// replyHeader returns a reply block's info string with its title and
// subject marked and its slug dropped (the translated title gives one).
// An info string that does not parse is kept: the source's own build
// reports it.
func replyHeader(info string) string {
	attrs, err := reply.Attrs(info)
	if err != nil {
		return strings.TrimLeft(info, " \t")
	}
	words := []string{"reply"}
	for _, a := range attrs {
		switch a[0] {
		case "slug":
			continue
		case "title", "subject":
			a[1] = mark + a[1]
		}
		words = append(words, reply.Attr(a[0], a[1]))
	}
	return strings.Join(words, " ")
}

// closes reports whether text closes a code block opened by fence.
func closes(text, fence string) bool {
	t := strings.TrimRight(text, " \t")
	if indent(t) > 3 {
		return false
	}
	t = t[indent(t):]
	return len(t) >= len(fence) && strings.Trim(t, fence[:1]) == ""
}

// insert puts the mark into text at byte i.
func insert(text string, i int) string { return text[:i] + mark + text[i:] }

// indent returns the length of text's leading spaces and tabs.
func indent(text string) int { return len(text) - len(strings.TrimLeft(text, " \t")) }
